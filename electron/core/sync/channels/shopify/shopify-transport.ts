// Requests to one Shopify store through the official @shopify/admin-api-client, API version pinned to
// 2026-10. The client insists on https://{store}; an emulator on this computer is reached by routing its
// requests there in `customFetchApi`. Every request is priced from its generated cost plan and paced
// by the rate gate; THROTTLED is waited out exactly and retried; every other failure becomes a
// ChannelError whose kind tells the engine what to do and whose words tell the shop owner.

import { createAdminApiClient, type AdminApiClient, type AdminOperations } from '@shopify/admin-api-client';
import { AsyncLocalStorage } from 'node:async_hooks';
import { ChannelError } from '../../channel-error';
import { excerpt, redactUrl, retryAfterMs } from '../http-json';
import { planCost } from './cost-plan';
import { COST_PLANS } from './generated/cost-plans';
// the generated operation types extend the client's AdminQueries/AdminMutations wherever the transport is compiled
import type {} from './generated/admin.generated';
import { RateGate, type ThrottleStatus } from './rate-gate';

export const SHOPIFY_API_VERSION = '2026-10';
/** how often one request is retried after THROTTLED before it is left to the engine */
const MAX_THROTTLED_RETRIES = 5;

export type ShopifyTarget = {
  /** the store's myshopify domain, as the client wants it */
  storeDomain: string;
  /** set for an emulator on this computer: every request goes there instead of https://{storeDomain} */
  routeTo: URL | null;
  accessToken: string;
  /** the shop's name for messages ("Shopify store packbench-demo") */
  shop: string;
  requestTimeoutMs: number;
  fetch: typeof fetch;
};

export type RequestOptions = {
  /** true for a mutation: an unanswered write is `no_answer`, it may have happened */
  write: boolean;
  /** what Packbench was doing, for messages: "reading orders", "sending parcel 1 of #1042" */
  doing: string;
  signal?: AbortSignal | undefined;
};

/** A document the codegen typed: its variables and its answer come from generated/admin.generated.d.ts. */
export type Document = keyof AdminOperations & string;
export type VariablesOf<D extends Document> = AdminOperations[D]['variables'];
export type DataOf<D extends Document> = AdminOperations[D]['return'];

export type Reply<T> = { data: T; headers: Headers | null; cost: { requested: number; actual: number | null } };

type Attempt = { failure: unknown; signal?: AbortSignal | undefined };

const STALE_SOCKET = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(e: unknown): string {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return '';
}

type GraphQLErrorLike = { message?: unknown; extensions?: { code?: unknown } };
type CostExtension = { requestedQueryCost?: unknown; actualQueryCost?: unknown; throttleStatus?: Partial<ThrottleStatus> };

function throttleStatus(extensions: unknown): ThrottleStatus | null {
  const s = (extensions as { cost?: CostExtension } | undefined)?.cost?.throttleStatus;
  if (!s || typeof s.currentlyAvailable !== 'number' || typeof s.maximumAvailable !== 'number' || typeof s.restoreRate !== 'number') return null;
  return { currentlyAvailable: s.currentlyAvailable, maximumAvailable: s.maximumAvailable, restoreRate: s.restoreRate };
}

export function createShopifyTransport(target: ShopifyTarget, gate: RateGate) {
  const attempts = new AsyncLocalStorage<Attempt>();
  const { shop } = target;

  /** The client's fetch: to the emulator when routed, with a time limit, remembering why it failed. */
  const customFetchApi = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const attempt = attempts.getStore();
    let to = typeof url === 'string' ? url : url instanceof URL ? url.toString() : url.url;
    if (target.routeTo) {
      const u = new URL(to);
      to = new URL(`${u.pathname}${u.search}`, target.routeTo).toString();
    }
    const signals = [AbortSignal.timeout(target.requestTimeoutMs), ...(attempt?.signal ? [attempt.signal] : [])];
    try {
      const res = await target.fetch(to, { ...init, signal: AbortSignal.any(signals), redirect: 'error' });
      // read the body here, so a body that breaks off is seen as that and not as bad JSON
      const body = await res.arrayBuffer();
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } catch (err) {
      if (attempt) attempt.failure = err;
      throw err;
    }
  };

  const client: AdminApiClient = createAdminApiClient({
    storeDomain: target.storeDomain, apiVersion: SHOPIFY_API_VERSION, accessToken: target.accessToken,
    customFetchApi, retries: 0, logger: () => undefined, userAgentPrefix: 'Packbench',
  });

  function transportError(attempt: Attempt, opts: RequestOptions, where: string): ChannelError {
    const e = attempt.failure;
    const code = errorCode(e);
    const timedOut = (e as { name?: string } | null)?.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
    const detail = `${where}: ${timedOut ? 'timeout' : code || String(e)}`;
    if (opts.signal?.aborted) return new ChannelError('offline', `Stopped ${opts.doing} on ${shop}.`, { detail: `${where}: aborted` });
    if (UNREACHABLE.has(code)) return new ChannelError('offline', `${shop} could not be reached while ${opts.doing}. Packbench keeps working and will try again.`, { detail });
    if (opts.write) return new ChannelError('no_answer', `${shop} did not answer while ${opts.doing}. Packbench will check whether it arrived before sending it again.`, { detail });
    return new ChannelError('offline', `${shop} did not answer while ${opts.doing}. Packbench will try again.`, { detail });
  }

  function costOf<D extends Document>(document: D, variables: VariablesOf<D>): number {
    const operation = /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? '';
    const plan = COST_PLANS[operation];
    return plan ? planCost(plan, variables as Record<string, unknown>) : Infinity;
  }

  /**
   * The variables with their page sizes cut until the request costs at most half the bucket (200 points
   * before the first reply tells the bucket's size), so a request never waits for a full bucket.
   */
  function sized<D extends Document>(document: D, variables: VariablesOf<D>, sizes: Array<keyof VariablesOf<D> & string>): VariablesOf<D> {
    const budget = gate.hasReply ? gate.maximum / 2 : 200;
    const vars = { ...variables } as Record<string, unknown>;
    for (let guard = 0; guard < 500 && costOf(document, vars as VariablesOf<D>) > budget; guard++) {
      const largest = sizes.map((k) => [k, Number(vars[k])] as const).filter(([, v]) => v > 1).sort((a, b) => b[1] - a[1])[0];
      if (!largest) break;
      vars[largest[0]] = Math.max(1, Math.floor(largest[1] * 0.9));
    }
    return vars as VariablesOf<D>;
  }

  /** One request, priced and paced; THROTTLED answers are waited out and retried here. */
  async function request<D extends Document>(document: D, variables: VariablesOf<D>, opts: RequestOptions): Promise<Reply<DataOf<D>>> {
    const operation = /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? '';
    const plan = COST_PLANS[operation];
    if (!plan) throw new ChannelError('permanent', `Packbench does not know the Shopify request ${operation}; this is a bug.`, { detail: `no cost plan for ${operation}` });
    const requested = planCost(plan, variables as Record<string, unknown>);
    const where = `${operation} ${redactUrl(client.getApiUrl())}`;
    if (gate.hasReply && requested > gate.maximum) {
      throw new ChannelError('permanent', `A request to ${shop} would cost more than its rate limit allows (${requested} of ${gate.maximum} points); this is a bug.`, { detail: where });
    }
    let resent = false;
    for (let throttled = 0; ; throttled++) {
      const attempt: Attempt = { failure: null, signal: opts.signal };
      const res = await gate.run(requested, () => attempts.run(attempt, () => client.request<DataOf<D>>(document as string, { variables: variables as Record<string, unknown> })), opts.signal);
      // a kept-alive connection the shop closed as we reused it: a read is simply asked again, once
      if (!opts.write && !resent && attempt.failure && STALE_SOCKET.has(errorCode(attempt.failure))) { resent = true; throttled--; continue; }
      const status = throttleStatus(res.extensions);
      gate.observe(status);
      const cost = (res.extensions as { cost?: CostExtension } | undefined)?.cost;
      const graphQLErrors = (res.errors?.graphQLErrors ?? []) as GraphQLErrorLike[];
      if (graphQLErrors.some((g) => g.extensions?.code === 'THROTTLED')) {
        gate.stats.throttled++;
        if (status && requested > status.maximumAvailable) {
          throw new ChannelError('permanent', `A request to ${shop} costs more than its rate limit allows (${requested} of ${status.maximumAvailable} points); this is a bug.`, { detail: `${where}: THROTTLED, never affordable` });
        }
        const wait = status ? RateGate.throttledWaitMs(requested, status) : 1000;
        if (throttled >= MAX_THROTTLED_RETRIES) {
          throw new ChannelError('rate_limited', `${shop} asked Packbench to slow down while ${opts.doing}; it will continue in ${Math.ceil(wait / 1000)} s.`, { detail: `${where}: THROTTLED`, retryAfterMs: wait });
        }
        continue; // the gate now knows the bucket and waits exactly `wait` before sending again
      }
      if (res.errors && !res.errors.graphQLErrors && res.errors.networkStatusCode === undefined) throw transportError(attempt, opts, where);
      const httpStatus = res.errors?.networkStatusCode ?? 200;
      if (res.errors && !res.data && !res.errors.graphQLErrors) throw httpError(res.errors, httpStatus, opts, where);
      if (graphQLErrors.length) throw graphQLError(graphQLErrors, res.data !== undefined, opts, where);
      if (res.data === undefined || res.data === null) {
        throw new ChannelError(opts.write ? 'no_answer' : 'transient', `${shop} sent an empty answer while ${opts.doing}. Packbench will ${opts.write ? 'check whether it arrived before sending it again' : 'try again'}.`, { detail: where, status: httpStatus });
      }
      if (typeof cost?.actualQueryCost === 'number') gate.stats.pointsSpent += cost.actualQueryCost;
      return { data: res.data as DataOf<D>, headers: res.headers ?? null, cost: { requested, actual: typeof cost?.actualQueryCost === 'number' ? cost.actualQueryCost : null } };
    }
  }

  function httpError(errors: { networkStatusCode?: number; message?: string; response?: Response }, status: number, opts: RequestOptions, where: string): ChannelError {
    const detail = `${where}: ${status} ${excerpt(errors.message ?? '')}`;
    if (status === 429) {
      const wait = retryAfterMs(errors.response?.headers.get('retry-after') ?? null) ?? 2000;
      return new ChannelError('rate_limited', `${shop} asked Packbench to slow down; it will continue in ${Math.ceil(wait / 1000)} s.`, { detail, retryAfterMs: wait, status });
    }
    if (status === 401 || status === 403) {
      return new ChannelError('auth', `${shop} refused Packbench's access token while ${opts.doing}. Check the token (and the app's permissions) in Settings → Channels.`, { detail, status });
    }
    if (status === 402 || status === 423) {
      return new ChannelError('permanent', `${shop} is frozen or locked (HTTP ${status}), so nothing can be read or sent. Check the store's plan in Shopify.`, { detail, status });
    }
    if (status === 404) return new ChannelError('permanent', `${shop} was not found. Check the store address in Settings → Channels.`, { detail, status });
    if (status >= 500) {
      return new ChannelError(opts.write ? 'no_answer' : 'transient', `${shop} had a problem on its side (HTTP ${status}) while ${opts.doing}. Packbench will ${opts.write ? 'check whether it arrived before sending it again' : 'try again'}.`, { detail, status });
    }
    if (status === 200) {
      // a 200 whose body is not the JSON Shopify sends: cut off, or a proxy's page
      return new ChannelError(opts.write ? 'no_answer' : 'transient', `${shop} sent an answer Packbench could not read (broken or cut off) while ${opts.doing}. Packbench will ${opts.write ? 'check whether it arrived before sending it again' : 'try again'}.`, { detail, status });
    }
    return new ChannelError('permanent', `${shop} refused the request (HTTP ${status}) while ${opts.doing}.`, { detail, status });
  }

  function graphQLError(errors: GraphQLErrorLike[], hadData: boolean, opts: RequestOptions, where: string): ChannelError {
    const codes = errors.map((g) => String(g.extensions?.code ?? ''));
    const detail = `${where}: ${excerpt(errors.map((g) => `${String(g.extensions?.code ?? '')} ${String(g.message ?? '')}`).join('; '))}`;
    if (codes.includes('ACCESS_DENIED')) {
      return new ChannelError('auth', `${shop} does not let Packbench's app do this (${opts.doing}). Give the app the permissions listed in Settings → Channels.`, { detail });
    }
    if (codes.includes('INTERNAL_SERVER_ERROR')) {
      return new ChannelError(opts.write && hadData ? 'no_answer' : 'transient', `${shop} had a problem on its side while ${opts.doing}. Packbench will try again.`, { detail });
    }
    // the document itself was refused: a newer or older API than the one Packbench was built for
    return new ChannelError('permanent', `${shop} refused Packbench's request while ${opts.doing}. Packbench may need an update for this store's API; nothing was changed.`, { detail });
  }

  /** Downloads a bulk operation result (JSONL). Shopify serves it from its own storage over https. */
  async function download(url: string, doing: string, signal?: AbortSignal): Promise<string> {
    let u: URL;
    try { u = new URL(url); } catch { throw new ChannelError('transient', `${shop} gave an unreadable download address while ${doing}.`, { detail: `bad url ${excerpt(url, 80)}` }); }
    const loopback = /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/.test(u.hostname);
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
      throw new ChannelError('permanent', `${shop} offered a download over an unencrypted connection while ${doing}; Packbench refused it.`, { detail: redactUrl(url) });
    }
    try {
      const res = await target.fetch(u, { signal: AbortSignal.any([AbortSignal.timeout(Math.max(target.requestTimeoutMs, 120_000)), ...(signal ? [signal] : [])]) });
      if (!res.ok) throw new ChannelError('transient', `${shop} could not hand over the order export (HTTP ${res.status}) while ${doing}. Packbench will try again.`, { detail: `GET ${redactUrl(url)}: ${res.status}`, status: res.status });
      return await res.text();
    } catch (err) {
      if (err instanceof ChannelError) throw err;
      throw new ChannelError('offline', `The order export from ${shop} could not be downloaded while ${doing}. Packbench will try again.`, { detail: `GET ${redactUrl(url)}: ${errorCode(err) || String(err)}` });
    }
  }

  return { request, sized, costOf, download, shop, gate, client };
}

export type ShopifyTransport = ReturnType<typeof createShopifyTransport>;
