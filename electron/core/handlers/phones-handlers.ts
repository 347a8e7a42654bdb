import { toSVG } from 'bwip-js/node';
import { PAIR_PATH } from '../hosts/device-access';
import type { HandlerContext, HandlerMap } from './types';

function state(ctx: HandlerContext) {
  const d = ctx.ws.phones;
  return { lan: d.lanEnabled(), addresses: ctx.networkAddresses(), devices: d.list() };
}

export const phonesHandlers: HandlerMap = {
  'phones.state': (_input, ctx) => state(ctx),
  'phones.setLan': (input, ctx) => {
    ctx.ws.phones.setLan(input.enabled);
    ctx.emit('phones.changed', {});
    return state(ctx);
  },
  'phones.offer': (input, ctx) => {
    const o = ctx.ws.phones.offer(input.name);
    const base = ctx.networkAddresses()[0];
    const url = base ? `${base}${PAIR_PATH}?code=${o.code}` : null;
    // without a network address the code still pairs (typed after the station's address), but a QR code of a loopback address would mislead
    const qrSvg = url ? toSVG({ bcid: 'qrcode', text: url, scale: 3 }) : '';
    return { ...o, url, qrSvg };
  },
  'phones.revoke': (input, ctx) => {
    ctx.ws.phones.revoke(input.id);
    ctx.emit('phones.changed', {});
    return state(ctx);
  },
};
