import { ChannelError } from '../channel-error';

/**
 * JSON over HTTP for channel adapters, with every failure classified the way the engine needs it
 * (channel-error.ts). Vendor-specific error words are added by the adapter; this knows only HTTP.
 */

export type HttpJsonRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  /** true for a call that changes something on the shop: an unanswered write is `no_answer`, not `offline` */
  write: boolean;
  /** what we were doing, in words, for messages: "reading orders", "completing order 1042" */
  doing: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
};

export type HttpJsonReply = { status: number; headers: Headers; body: unknown };

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** The URL for the log: no credentials in a query string, ever. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) if (/key|secret|token|password|signature/i.test(k)) u.searchParams.set(k, '…');
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '(unreadable address)';
  }
}

function errorCode(e: unknown): string {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return '';
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

export async function httpJson(fetchImpl: typeof fetch, shop: string, req: HttpJsonRequest): Promise<HttpJsonReply> {
  const where = `${req.method} ${redactUrl(req.url)}`;
  const signals = [AbortSignal.timeout(req.timeoutMs), ...(req.signal ? [req.signal] : [])];
  let res: Response;
  try {
    res = await fetchImpl(req.url, {
      method: req.method,
      headers: { accept: 'application/json', ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}), ...req.headers },
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      signal: AbortSignal.any(signals),
      redirect: 'error',
    });
  } catch (e) {
    const code = errorCode(e);
    const timedOut = (e as { name?: string }).name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT';
    if (UNREACHABLE.has(code)) {
      return Promise.reject(new ChannelError('offline', `${shop} could not be reached while ${req.doing}. Packbench keeps working and will try again.`, { detail: `${where}: ${code}` }));
    }
    if (req.write) {
      return Promise.reject(new ChannelError('no_answer', `${shop} did not answer while ${req.doing}. Packbench will check whether it arrived before sending it again.`,
        { detail: `${where}: ${timedOut ? 'timeout' : code || String(e)}` }));
    }
    return Promise.reject(new ChannelError('offline', `${shop} did not answer while ${req.doing}. Packbench will try again.`, { detail: `${where}: ${timedOut ? 'timeout' : code || String(e)}` }));
  }

  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    // the headers came, the body broke off: for a write the shop has acted
    const kind = req.write ? 'no_answer' : 'transient';
    throw new ChannelError(kind, `${shop}'s answer broke off while ${req.doing}. Packbench will ${req.write ? 'check whether it arrived before sending it again' : 'try again'}.`,
      { detail: `${where}: ${res.status}, body cut: ${errorCode(e) || String(e)}`, status: res.status });
  }

  if (res.status === 429) {
    const wait = retryAfterMs(res.headers.get('retry-after')) ?? 5000;
    throw new ChannelError('rate_limited', `${shop} asked Packbench to slow down; it will continue in ${Math.ceil(wait / 1000)} s.`, { detail: `${where}: 429`, retryAfterMs: wait, status: 429 });
  }
  if (res.status === 401 || res.status === 403) {
    throw new ChannelError('auth', `${shop} refused Packbench's keys while ${req.doing}. Check the keys (and their permissions) in Settings → Channels.`,
      { detail: `${where}: ${res.status} ${excerpt(text)}`, status: res.status });
  }
  if (res.status >= 500) {
    // a gateway error on a write may hide a change that was made: check before sending again
    const kind = req.write ? 'no_answer' : 'transient';
    throw new ChannelError(kind, `${shop} had a problem on its side (HTTP ${res.status}) while ${req.doing}. Packbench will try again.`,
      { detail: `${where}: ${res.status} ${excerpt(text)}`, status: res.status, retryAfterMs: retryAfterMs(res.headers.get('retry-after')) });
  }

  let body: unknown = null;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      if (res.ok && req.write) {
        throw new ChannelError('no_answer', `${shop} answered with something that is not JSON while ${req.doing}. Packbench will check whether it arrived before sending it again.`,
          { detail: `${where}: ${res.status} not JSON: ${excerpt(text)}`, status: res.status });
      }
      throw new ChannelError(res.ok ? 'transient' : 'permanent', `${shop} answered with something that is not JSON while ${req.doing}${res.ok ? '. Packbench will try again.' : ` (HTTP ${res.status}).`}`,
        { detail: `${where}: ${res.status} not JSON: ${excerpt(text)}`, status: res.status });
    }
  }
  return { status: res.status, headers: res.headers, body };
}

export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}… (${text.length} chars)` : flat;
}

/** Plain HTTP only to this computer (an emulator); a shop anywhere else must be HTTPS. */
export function checkShopUrl(raw: string, vendor: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ChannelError('permanent', `"${raw.slice(0, 80)}" is not a web address. Enter the shop's address, such as https://shop.example.com.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') {
    throw new ChannelError('permanent', `${vendor} keys would travel unencrypted to ${url.hostname}. Use the shop's https:// address.`);
  }
  throw new ChannelError('permanent', `Packbench connects to ${vendor} over https:// only; "${url.protocol}" addresses are not supported.`);
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
