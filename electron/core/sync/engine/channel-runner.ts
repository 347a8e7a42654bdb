import { isoNow } from '../../clock';
import type { ChannelRecord } from '../../store/sync-repo';
import { asChannelError, type ChannelError } from '../channel-error';
import type { SalesChannel } from '../sales-channel';
import { applyPage } from './apply-page';
import { backoffMs } from './backoff';
import { deliver, planOrPark, settle } from './deliver';
import type { EngineContext } from './engine-context';
import { entityOf, unmirroredStatus, type PushPlan } from './push-topics';
import { createStockPusher } from '../stock/stock-pusher';

/** after this many quiet polls in a row the channel is asked half as often (never less than once a minute) */
const IDLE_POLLS_BEFORE_SLOWING = 30;
const CANDIDATE_WINDOW = 400;

/**
 * One connected channel: its inbox (pull orders by cursor) and its outbox drain, on one timer. Offline is
 * learnt from failures: after a few in a row the channel is offline from the first of them, calls pause
 * with a growing wait, and the first success brings it back. Rate limits are waited out exactly.
 */
export function createChannelRunner(ctx: EngineContext, channel: ChannelRecord, adapter: SalesChannel) {
  const { repos, timing } = ctx;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let busy = false;
  let again = false;
  let stopped = false;
  let nextPullAt = 0;
  let pullFailures = 0;
  let quietPolls = 0;
  let pauseUntil = 0;
  let lastEmit = 0;
  let cycles = 0;
  /** when the current streak of connectivity failures began: "offline since" names this moment */
  let streakStart: string | null = null;
  /**
   * After the shop was unreachable (and at start), orders are pulled before anything is pushed: a customer may
   * have cancelled meanwhile, and a parcel must not be reported shipped for an order the shop already cancelled.
   */
  let pullFirst = true;
  /** additive increase while the shop keeps up, halved when it pushes back: the drain settles near its limit */
  let inFlight = timing.concurrency;
  const idleWaiters: Array<() => void> = [];
  const pollMs = () => Math.max(2, Number(channel.config.pollSeconds ?? 10)) * 1000;
  const isStopped = () => stopped;
  /** completed pull passes: a count that went stale waits for the next one (the sale must be in the ledger first) */
  let pullPasses = 0;
  /** callers waiting for a pull pass that began after they asked (a reconciliation reads the shop's sales first) */
  const passWaiters: Array<{ after: number; resolve(done: boolean): void }> = [];
  const passDone = () => { for (const w of passWaiters.splice(0)) { if (pullPasses > w.after) w.resolve(true); else passWaiters.push(w); } };
  const stock = createStockPusher(ctx, channel, adapter, { requestPull: () => { nextPullAt = 0; }, pullPasses: () => pullPasses });

  function changed(force = false) {
    const now = Date.now();
    if (!force && now - lastEmit < 250) return;
    lastEmit = now;
    ctx.emit('sync.changed', { channelIds: [channel.id] });
  }

  function reachable() {
    if (stopped) return;
    streakStart = null;
    const before = repos.sync.state(channel.id);
    if (before.failures || before.offlineSince || before.lastError) {
      repos.sync.markReachable(channel.id);
      repos.sync.setError(channel.id, '', null);
      if (before.offlineSince) {
        ctx.log('info', channel, `${channel.name} answers again (it was unreachable since ${before.offlineSince.slice(11, 16)} UTC).`);
        // its offline budget is released: every channel's share is worked out again
        repos.stockSync.markAll(null, `${channel.name} reachable again`, isoNow(ctx.clock));
        ctx.reconnected(channel.id);
      }
      changed(true);
    }
  }

  function failure(err: ChannelError) {
    if (stopped) return;
    const at = isoNow(ctx.clock);
    repos.sync.setError(channel.id, err.words, at);
    if (err.kind === 'offline' || err.kind === 'no_answer') {
      pullFirst = true;
      streakStart ??= at;
      const before = repos.sync.state(channel.id);
      const after = repos.sync.markUnreachable(channel.id, streakStart, timing.offlineAfterFailures);
      // what it was last told is now its budget: the other channels' shares shrink by it
      if (!before.offlineSince && after.offlineSince) repos.stockSync.markAll(null, `${channel.name} unreachable`, at);
      if (!before.offlineSince && after.offlineSince) ctx.log('error', channel, `${channel.name} cannot be reached. Packbench keeps working; ${channel.name}'s changes wait and go out when it answers again.`, err.detail);
      pauseUntil = Date.now() + backoffMs(after.failures, 1000, timing.offlineProbeMaxMs);
    } else if (err.kind === 'rate_limited') {
      pauseUntil = Date.now() + (err.retryAfterMs ?? 1000);
    } else if (err.kind === 'auth') {
      repos.sync.setPaused(channel.id, err.words);
      ctx.log('error', channel, err.words, err.detail);
    }
    changed(true);
  }

  async function pull() {
    let pages = 0;
    let applied = 0;
    for (;;) {
      const state = repos.sync.state(channel.id);
      let page;
      try {
        page = await adapter.pullOrders({ since: state.cursor, continuation: state.continuation, pageSize: timing.pageSize, signal: controller.signal });
      } catch (e) {
        if (stopped) return;
        const err = asChannelError(e, channel.name);
        pullFailures++;
        // the shop answered, only not with orders we can read: shipments still go (the adapter checks each order)
        if (err.kind === 'transient' || err.kind === 'permanent') pullFirst = false;
        nextPullAt = Date.now() + Math.max(err.retryAfterMs ?? 0, backoffMs(pullFailures, 2000, Math.max(pollMs(), 5 * 60_000)));
        if (err.kind === 'transient' || err.kind === 'permanent') ctx.log('error', channel, `Reading orders from ${channel.name} did not work: ${err.words}`, err.detail);
        failure(err);
        return;
      }
      if (stopped) return;
      pullFailures = 0;
      reachable();
      const ids = applyPage(ctx, channel, state, page);
      applied += ids.length;
      if (ids.length) ctx.emit('orders.changed', { ids });
      pages++;
      if (!page.continuation) { pullFirst = false; pullPasses++; passDone(); break; }
      if (pages >= timing.pagesPerCycle) { nextPullAt = 0; changed(); return; }
    }
    quietPolls = applied ? 0 : quietPolls + 1;
    const interval = quietPolls > IDLE_POLLS_BEFORE_SLOWING ? Math.max(pollMs(), Math.min(pollMs() * 2, 60_000)) : pollMs();
    nextPullAt = Date.now() + interval;
    changed();
  }

  /**
   * Sends what is due, oldest first, one row per order at a time; rows that need no call (a status the shop
   * does not mirror, a superseded count, a topic not known yet) are settled even while the shop is away.
   * True when there may be more to send right away.
   */
  async function drain(): Promise<boolean> {
    const rows = repos.outboxDrain.candidates(channel.id, 0, CANDIDATE_WINDOW);
    if (!rows.length) return false;
    const now = Date.now();
    // while the shop is away (or not yet re-read) only the rows that need no call are looked at
    const paused = now < pauseUntil || pullFirst;
    const claimed = new Set<string>();
    const ready: Array<{ row: (typeof rows)[number]; plan: Extract<PushPlan, { kind: 'push' }> }> = [];
    // a short round, so the number in flight adapts often
    const roundSize = inFlight * 6;
    let settled = 0;
    for (const row of rows) {
      if (unmirroredStatus(row, adapter)) {
        const plan = planOrPark(ctx, channel, adapter, row);
        if (plan && plan.kind !== 'push') { settle(ctx, channel, row, plan); settled++; }
        continue;
      }
      if (paused) continue;
      const entity = entityOf(row);
      // a later row of the same order (parcel 2, a status) waits for the earlier one
      if (claimed.has(entity)) continue;
      claimed.add(entity);
      if (row.nextAttemptAt && Date.parse(row.nextAttemptAt) > now) continue;
      if (ready.length >= roundSize) continue;
      const plan = planOrPark(ctx, channel, adapter, row);
      if (!plan) continue;
      if (plan.kind === 'push') ready.push({ row, plan });
      else { settle(ctx, channel, row, plan); settled++; }
    }
    if (settled) changed();
    if (!ready.length || paused) return settled > 0 && !paused;
    let next = 0;
    let halted = false;
    let pushedBack = false;
    const worker = async () => {
      while (!halted && !stopped && next < ready.length && Date.now() >= pauseUntil) {
        const { row, plan } = ready[next++]!;
        const verdict = await deliver(ctx, channel, adapter, row, plan, controller.signal, isStopped);
        if (stopped) return;
        if (verdict.failure) {
          failure(verdict.failure);
          if (verdict.failure.kind !== 'permanent') pushedBack = true;
        } else reachable();
        if (verdict.halt) halted = true;
        changed();
      }
    };
    await Promise.all(Array.from({ length: Math.min(ready.length, inFlight) }, worker));
    inFlight = pushedBack ? Math.max(1, Math.floor(inFlight / 2)) : Math.min(timing.maxConcurrency, inFlight + 1);
    return !halted && !stopped;
  }

  async function cycle(): Promise<boolean> {
    if (repos.sync.state(channel.id).pausedReason) return false;
    if (Date.now() >= pauseUntil && (Date.now() >= nextPullAt || pullFirst)) await pull();
    if (stopped) return false;
    const more = await drain();
    if (stopped || Date.now() < pauseUntil || pullFirst) return more;
    // available counts: after the order rows, so a shipment never waits behind a burst of counts
    const verdict = await stock.run(controller.signal);
    if (stopped) return false;
    if (verdict.failure) failure(verdict.failure); else if (verdict.pushed) reachable();
    return more || verdict.more;
  }

  async function run() {
    timer = null;
    if (stopped) return;
    if (busy) { again = true; return; }
    busy = true;
    let more = false;
    try {
      more = await cycle();
    } catch (e) {
      if (!stopped) ctx.log('error', channel, `Sync with ${channel.name} hit an unexpected problem; it carries on.`, e instanceof Error ? (e.stack ?? e.message) : String(e));
    } finally {
      busy = false;
      cycles++;
    }
    if (stopped) return;
    // settled means: nothing to send now and no pull pass half-way (nextPullAt 0 = more pages to read)
    if (!more && nextPullAt !== 0) for (const w of idleWaiters.splice(0)) w();
    const now = Date.now();
    // a quiet look every idleCheckMs even while paused: new rows that need no call are settled at once
    const delay = again || more ? 0 : Math.min(timing.idleCheckMs, Math.max(0, Math.max(nextPullAt, pauseUntil) - now));
    again = false;
    schedule(delay);
  }

  function schedule(ms: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), Math.max(0, Math.min(ms, 60_000)));
    timer.unref?.();
  }

  return {
    channelId: channel.id,
    start() { schedule(0); },
    /** "Sync now": pull and push at once, forgetting waits */
    now() {
      pauseUntil = 0;
      nextPullAt = 0;
      quietPolls = 0;
      repos.outboxDrain.wakeAll(channel.id);
      if (busy) again = true; else schedule(0);
    },
    stop() {
      stopped = true;
      controller.abort();
      if (timer) clearTimeout(timer);
      for (const w of idleWaiters.splice(0)) w();
      for (const w of passWaiters.splice(0)) w.resolve(false);
    },
    /**
     * Pulls now and resolves true once a whole pass that began after this call has been read; false after
     * `timeoutMs` (the shop is away or slow). A pass half-way when asked does not count: it began earlier.
     */
    freshPull(timeoutMs: number): Promise<boolean> {
      const after = pullPasses + (repos.sync.state(channel.id).continuation ? 1 : 0);
      return new Promise((resolve) => {
        const waiter = { after, resolve: (done: boolean) => { clearTimeout(timeout); resolve(done); } };
        const timeout = setTimeout(() => { const i = passWaiters.indexOf(waiter); if (i >= 0) passWaiters.splice(i, 1); resolve(false); }, timeoutMs);
        timeout.unref?.();
        passWaiters.push(waiter);
        this.now();
      });
    },
    /** for tests and benches: resolves after the next cycle that found nothing more to send right away */
    settled(): Promise<void> { return new Promise((resolve) => { idleWaiters.push(resolve); if (!busy && !timer) schedule(0); }); },
    cycles: () => cycles,
    stockPushed: () => stock.pushed(),
  };
}
export type ChannelRunner = ReturnType<typeof createChannelRunner>;
