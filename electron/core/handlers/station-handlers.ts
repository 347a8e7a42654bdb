import { isoNow } from '../clock';
import { lookupCode } from '../services/code-lookup';
import type { HandlerMap } from './types';

export const stationHandlers: HandlerMap = {
  'station.ping': (_input, { ws }) => ({ at: isoNow(ws.clock) }),
  'scan.lookup': (input, { ws }) => lookupCode(ws.repos, input.code, ws.scanner().gsReplacement),
};
