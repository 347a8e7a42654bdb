import { toSVG } from 'bwip-js/node';
import { PAIR_PATH } from '../hosts/device-access';
import type { HandlerContext, HandlerMap } from './types';

function state(ctx: HandlerContext) {
  const d = ctx.ws.devices;
  return { lan: d.lanEnabled(), addresses: ctx.networkAddresses(), devices: d.list() };
}

export const devicesHandlers: HandlerMap = {
  'devices.state': (_input, ctx) => state(ctx),
  'devices.setLan': (input, ctx) => {
    ctx.ws.devices.setLan(input.enabled);
    ctx.emit('devices.changed', {});
    return state(ctx);
  },
  'devices.offer': (input, ctx) => {
    const o = ctx.ws.devices.offer(input.name);
    const base = ctx.networkAddresses()[0];
    const url = base ? `${base}${PAIR_PATH}?code=${o.code}` : null;
    // without a network address the code still pairs (typed after the station's address), but a QR code of a loopback address would mislead
    const qrSvg = url ? toSVG({ bcid: 'qrcode', text: url, scale: 3 }) : '';
    return { ...o, url, qrSvg };
  },
  'devices.revoke': (input, ctx) => {
    ctx.ws.devices.revoke(input.id);
    ctx.emit('devices.changed', {});
    return state(ctx);
  },
};
