import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { AppError } from '../../../shared/contract/errors';

/**
 * Who may use the browser station: a request must name one of the hosts the station serves (so a
 * DNS-rebinding page under another name gets nothing, even with a leaked token) and carry the
 * per-launch token, from the URL once and from this station's own cookie afterwards.
 */

export const MIN_TOKEN_BITS = 128;

/** Randomness a token can carry: hex digits give 4 bits a character, base64url letters 6. */
export function tokenBits(token: string): number {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) return 0;
  return token.length * (/^[0-9a-fA-F]*$/.test(token) ? 4 : 6);
}

/** Refuses a token a guesser could find: it is the only key to the station. */
export function checkStationToken(token: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) {
    throw new AppError('invalid_request', 'The station token may use only letters, digits, "-" and "_", because it goes into the station address.',
      'Leave the token out to get a fresh random one at every start, or make one with: openssl rand -hex 16');
  }
  const bits = tokenBits(token);
  if (bits < MIN_TOKEN_BITS) {
    throw new AppError('invalid_request', `The station token is too short: it holds about ${bits} bits of randomness and needs at least ${MIN_TOKEN_BITS} (32 hex digits, or 22 letters and digits).`,
      'Leave the token out to get a fresh random one at every start, or make one with: openssl rand -hex 16');
  }
}

export function tokensEqual(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cookies are not kept apart by port, so each station's cookie carries its port in its name. */
export function cookieName(port: number): string {
  return `pb_token_${port}`;
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

function hostForUrl(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

/** Every "host:port" a browser may name to reach this station, lower case. */
export function allowedHosts(listenHost: string, port: number): Set<string> {
  const names = new Set<string>(['127.0.0.1', 'localhost', '[::1]']);
  if (!isLoopbackHost(listenHost)) {
    if (listenHost === '0.0.0.0' || listenHost === '::') {
      // listening everywhere: the addresses this computer has on its networks
      for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(hostForUrl(a.address));
    } else {
      names.add(hostForUrl(listenHost));
    }
  } else {
    names.add(hostForUrl(listenHost));
  }
  return new Set([...names].map((n) => `${n.toLowerCase()}:${port}`));
}
