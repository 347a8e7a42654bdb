import { ChannelError } from '../../channel-error';
import type { ChannelConnection, ChannelDeps } from '../../sales-channel';
import { checkShopUrl, excerpt, httpJson, type HttpJsonReply } from '../http-json';

/**
 * WooCommerce's REST controllers answer some refusals with HTTP 500 and their own error code (a refund larger
 * than what is left, a gateway that cannot pay back: `woocommerce_rest_cannot_create_order_refund`). That is a
 * decision, not a server in trouble: retrying would only be refused again, so it is parked in words.
 */
function refusalIn5xx(e: unknown, shop: string, doing: string): ChannelError | null {
  if (!(e instanceof ChannelError) || (e.status ?? 0) < 500) return null;
  const body = e.detail; // "POST /path: 500 {json excerpt}"
  const code = /"code"\s*:\s*"(woocommerce_rest_[a-z0-9_]+)"/.exec(body)?.[1];
  if (!code) return null;
  const said = /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(body)?.[1]?.replace(/<[^>]*>/g, '') ?? '';
  return new ChannelError('permanent', `${shop} refused ${doing}${said ? `: "${said}"` : ''}`, { detail: e.detail, status: e.status });
}

export type WooCall = {
  method: 'GET' | 'POST' | 'PUT';
  /** under /wp-json/wc/v3, e.g. "/orders/12" */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  doing: string;
  signal?: AbortSignal | undefined;
};

/** Basic auth over HTTPS (or plain HTTP to loopback), WooCommerce's error bodies turned into words. */
export function createWooClient(connection: ChannelConnection, deps: ChannelDeps) {
  const base = checkShopUrl(connection.baseUrl, 'WooCommerce');
  const key = connection.credentials.consumerKey ?? '';
  const secret = connection.credentials.consumerSecret ?? '';
  if (!key || !secret) {
    throw new ChannelError('auth', `${connection.name} has no WooCommerce keys. Add the consumer key and secret in Settings → Channels.`);
  }
  const auth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  const fetchImpl = deps.fetch ?? fetch;
  const timeoutMs = deps.requestTimeoutMs ?? 20_000;
  const root = base.href.replace(/\/+$/, '');
  const shop = connection.name;

  async function call(c: WooCall, prefix = '/wp-json/wc/v3'): Promise<HttpJsonReply> {
    const url = new URL(`${root}${prefix}${c.path}`);
    for (const [k, v] of Object.entries(c.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const reply = await httpJson(fetchImpl, shop, {
      method: c.method, url: url.toString(), headers: { authorization: auth }, body: c.body, write: c.method !== 'GET',
      doing: c.doing, timeoutMs, signal: c.signal,
    }).catch((e: unknown) => { throw refusalIn5xx(e, shop, c.doing) ?? e; });
    if (reply.status >= 400) {
      const b = reply.body as { code?: unknown; message?: unknown } | null;
      const said = typeof b?.message === 'string' ? b.message.replace(/<[^>]*>/g, '').slice(0, 300) : `HTTP ${reply.status}`;
      throw new ChannelError('permanent', `${shop} refused ${c.doing}: "${said}"`, {
        detail: `${c.method} ${c.path}: ${reply.status} ${typeof b?.code === 'string' ? b.code : ''} ${excerpt(JSON.stringify(reply.body) ?? '')}`, status: reply.status,
      });
    }
    return reply;
  }

  return { call, shop, root };
}
export type WooClient = ReturnType<typeof createWooClient>;

export type WooMetaEntry = { key?: unknown; value?: unknown };

export function metaValue(body: unknown, key: string): unknown {
  const meta = (body as { meta_data?: WooMetaEntry[] } | null)?.meta_data;
  return Array.isArray(meta) ? meta.find((m) => m?.key === key)?.value : undefined;
}

/** An array the shop must answer with; a non-array is a garbage reply. */
export function expectArray(reply: HttpJsonReply, shop: string, doing: string): unknown[] {
  if (Array.isArray(reply.body)) return reply.body;
  throw new ChannelError('transient', `${shop} answered ${doing} with something that is not a list. Packbench will try again.`, { detail: excerpt(JSON.stringify(reply.body) ?? '') });
}

export function expectObject(reply: HttpJsonReply, shop: string, doing: string): Record<string, unknown> {
  if (reply.body && typeof reply.body === 'object' && !Array.isArray(reply.body)) return reply.body as Record<string, unknown>;
  throw new ChannelError('transient', `${shop} answered ${doing} with something Packbench could not read. It will try again.`, { detail: excerpt(JSON.stringify(reply.body) ?? '') });
}
