import type { IncomingMessage } from 'node:http';
import type { AppErrorShape } from '../../../shared/contract/errors';
import { DEVICE_METHODS } from '../services/device-service';

/** The address a phone opens (from the desk's QR code) to pair. */
export const PAIR_PATH = '/pair';

/** Each station's device cookie carries its port in its name, as its station cookie does. */
export function deviceCookieName(port: number): string {
  return `pb_device_${port}`;
}

/** Long-lived (a phone should not re-pair every day) but never readable by the page, never sent cross-site. */
export function deviceCookie(port: number, token: string): string {
  return `${deviceCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${400 * 24 * 3600}`;
}

/** Why a paired phone's request is refused (null: it may go ahead); close: the device is no longer paired. */
export function deviceAllowed(device: { id: number } | null, method: string): { error: AppErrorShape; close: boolean } | null {
  if (!device) {
    return { close: true, error: { code: 'unauthorized', message: 'This phone or tablet is no longer paired with the station.', hint: 'Ask at the desk to pair it again (Settings → Phones and tablets).' } };
  }
  if (!DEVICE_METHODS.has(method)) {
    return { close: false, error: { code: 'unauthorized', message: 'A paired phone or tablet can only walk pick lists.', hint: 'Use the desk station for everything else.' } };
  }
  return null;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function pairingRefusal(): string {
  const words = [
    'This pairing code is used up, has expired (codes last ten minutes), or phones are switched off for this station.',
    'At the desk, open Settings → Phones and tablets and show a new code, then scan it with this phone.',
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Packbench: pairing refused</title></head>
<body><main><h1>This phone was not paired</h1>${words.map((w) => `<p>${w.replace(/[&<>]/g, (c) => ESC[c]!)}</p>`).join('')}</main></body></html>`;
}

/** A request from this very computer (loopback), not from the shop's network. */
export function fromThisComputer(req: Pick<IncomingMessage, 'socket'>): boolean {
  const a = req.socket.remoteAddress ?? '';
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
}
