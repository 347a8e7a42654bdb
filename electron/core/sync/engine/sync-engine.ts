import type { EventName, EventPayload } from '../../../../shared/contract/events';
import type { ChannelSyncStatus, SyncStatus } from '../../../../shared/contract/sync-api';
import { isoNow, type Clock } from '../../clock';
import type { OrdersService } from '../../services/orders-service';
import type { Repos } from '../../store';
import type { ChannelRecord } from '../../store/sync-repo';
import { isChannelError } from '../channel-error';
import { CHANNEL_FACTORIES } from '../channels';
import type { ChannelFactory, SalesChannel } from '../sales-channel';
import type { SecretBox } from '../secrets/secret-box';
import { createChannelRunner, type ChannelRunner } from './channel-runner';
import { DEFAULT_TIMING, type EngineContext, type EngineTiming } from './engine-context';

export type SyncOptions = {
  /** how channel keys are sealed; null where no safe place exists (channels then cannot be connected) */
  secrets: () => SecretBox | null;
  factories?: ChannelFactory[] | undefined;
  /** tests and benches may pass their own */
  fetch?: typeof fetch | undefined;
  requestTimeoutMs?: number | undefined;
  timing?: Partial<EngineTiming> | undefined;
  /** false: the engine waits for start() (tests that drive it by hand) */
  autoStart?: boolean | undefined;
};

type Base = {
  repos: Repos; orders: OrdersService; clock: Clock; actor: () => string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
};

const LOG_KEEP = 500;

/**
 * The sync engine: one per open workspace (one database), whatever number of benches are connected to it,
 * so a hub can run it once for several benches. Per connected channel a runner pulls orders by cursor and
 * drains the outbox; everything it knows lives in the database, so it can stop at any moment and resume.
 */
export function createSyncEngine(base: Base, options: SyncOptions) {
  const { repos } = base;
  const timing: EngineTiming = { ...DEFAULT_TIMING, ...options.timing };
  const factories = options.factories ?? CHANNEL_FACTORIES;
  const runners = new Map<number, ChannelRunner>();
  const adapters = new Map<number, SalesChannel>();
  const reconnectListeners = new Set<(channelId: number) => void>();
  const setupErrors = new Map<number, string>();
  const recentlyLogged = new Set<string>();
  let started = false;
  let logsSinceTrim = 0;

  const ctx: EngineContext = {
    ...base, timing, stockInFlight: new Map(),
    reconnected(channelId) { for (const fn of reconnectListeners) { try { fn(channelId); } catch (e) { console.error('[sync] a reconnect listener failed:', e); } } },
    log(level, channel, words, detail = '', externalId = '') {
      // the same problem with the same order is said once, not on every poll
      const key = `${channel.id}|${externalId}|${words}`;
      if (level !== 'info' && recentlyLogged.has(key)) return;
      recentlyLogged.add(key);
      if (recentlyLogged.size > 2000) recentlyLogged.delete(recentlyLogged.values().next().value!);
      const line = `[sync] ${channel.name}: ${words}${detail ? ` | ${detail.slice(0, 2000)}` : ''}`;
      if (level === 'error') console.error(line); else if (level === 'warning') console.warn(line); else console.log(line);
      try {
        repos.sync.log(channel.id, level, words, detail.slice(0, 4000), externalId, isoNow(base.clock));
        if (++logsSinceTrim >= 100) { logsSinceTrim = 0; repos.sync.trimLog(channel.id, LOG_KEEP); }
      } catch { /* the database closed under us: the console line is the record */ }
    },
  };

  const factoryOf = (kind: string) => factories.find((f) => f.kind === kind);
  const isConnected = (c: ChannelRecord) => c.config.connected !== false && Boolean(c.config.baseUrl) && factoryOf(c.kind) !== undefined;

  /** the channel's adapter with its keys unsealed, or words that say why it cannot run */
  function adapterFor(channel: ChannelRecord): SalesChannel | string {
    const factory = factoryOf(channel.kind)!;
    const sealed = repos.sync.credentials(channel.id);
    if (!sealed) return `${channel.name} has no keys stored. Enter them in Settings → Channels.`;
    const box = options.secrets();
    if (!box || box.scheme !== sealed.scheme) {
      return `${channel.name}'s keys were saved by ${sealed.scheme === 'safe-storage' ? 'the desktop app (system keychain)' : 'the browser station (key file)'} and cannot be read here. Enter them again in Settings → Channels.`;
    }
    let credentials: Record<string, string>;
    try {
      credentials = JSON.parse(box.decrypt(sealed.ciphertext)) as Record<string, string>;
    } catch {
      return `${channel.name}'s keys cannot be unlocked (the key file beside the database changed). Enter them again in Settings → Channels.`;
    }
    try {
      return factory.create(
        { channelId: channel.id, kind: channel.kind, name: channel.name, baseUrl: String(channel.config.baseUrl), credentials, options: channel.config },
        { clock: base.clock, fetch: options.fetch, requestTimeoutMs: options.requestTimeoutMs },
      );
    } catch (e) {
      return isChannelError(e) ? e.words : `${channel.name} could not be set up: ${String(e)}`;
    }
  }

  function startChannel(channel: ChannelRecord) {
    setupErrors.delete(channel.id);
    if (!isConnected(channel)) return;
    const adapter = adapterFor(channel);
    if (typeof adapter === 'string') {
      setupErrors.set(channel.id, adapter);
      ctx.log('error', channel, adapter);
      return;
    }
    const runner = createChannelRunner(ctx, channel, adapter);
    runners.set(channel.id, runner);
    adapters.set(channel.id, adapter);
    runner.start();
  }

  function status(): SyncStatus {
    const channels: ChannelSyncStatus[] = repos.sync.channels().filter((c) => factoryOf(c.kind) || c.config.baseUrl).map((c) => {
      const st = repos.sync.state(c.id);
      const depth = repos.outboxDrain.depth(c.id);
      const connected = isConnected(c);
      const setup = setupErrors.get(c.id) ?? '';
      const state = !connected ? 'not_connected' : setup || st.pausedReason ? 'paused' : st.offlineSince ? 'offline' : !st.lastPullAt ? 'starting' : 'online';
      return {
        channelId: c.id, name: c.name, kind: c.kind, state, offlineSince: connected ? st.offlineSince : null, lastPullAt: st.lastPullAt, lastPushAt: st.lastPushAt,
        waiting: depth.waiting, failed: depth.failed, oldestWaitingAt: depth.oldest, pollSeconds: Number(c.config.pollSeconds ?? 10),
        lastError: setup || st.pausedReason || st.lastError,
        errors: repos.sync.recentLog(c.id, 8, ['warning', 'error']).map((e) => ({ id: e.id, at: e.createdAt, level: e.level, words: e.words })),
        budgetLeft: c.config.pushStock === true && connected ? repos.stockSync.budgetLeft(c.id) : null,
      };
    });
    const live = channels.filter((c) => c.state !== 'not_connected');
    const offline = live.map((c) => c.offlineSince).filter((t): t is string => t !== null).sort();
    return {
      channels, waiting: live.reduce((n, c) => n + c.waiting, 0), failed: live.reduce((n, c) => n + c.failed, 0),
      offlineSince: offline[0] ?? null, conflicts: repos.sync.openConflictCount(),
      stranded: channels.filter((c) => c.state === 'not_connected').reduce((n, c) => n + c.waiting, 0),
    };
  }

  return {
    timing,
    start() {
      if (started) return;
      started = true;
      // a push cut off by a crash may have arrived: those rows are checked on the channel first
      repos.outboxDrain.recoverInFlight();
      for (const c of repos.sync.channels()) startChannel(c);
    },
    /** after Settings changed a channel: its runner is rebuilt from what is stored */
    reload(channelId: number) {
      runners.get(channelId)?.stop();
      runners.delete(channelId);
      adapters.delete(channelId);
      const c = repos.sync.channel(channelId);
      if (started && c) startChannel(c);
      base.emit('sync.changed', { channelIds: [channelId] });
    },
    stop() {
      started = false;
      for (const r of runners.values()) r.stop();
      runners.clear();
      adapters.clear();
    },
    now(channelId?: number) {
      for (const r of runners.values()) if (channelId === undefined || r.channelId === channelId) r.now();
    },
    retry(channelId: number) {
      repos.sync.setPaused(channelId, '');
      const n = repos.outboxDrain.retryFailed(channelId);
      if (runners.has(channelId)) runners.get(channelId)!.now(); else this.reload(channelId);
      return n;
    },
    status,
    isRunning: (channelId: number) => runners.has(channelId),
    /** called when a channel answers again after being unreachable; returns the unsubscribe */
    onReconnected(fn: (channelId: number) => void) { reconnectListeners.add(fn); return () => reconnectListeners.delete(fn); },
    /** pulls the channel's orders now; true once a whole fresh pass was read, false when not running or after timeoutMs */
    freshPull: (channelId: number, timeoutMs: number) => runners.get(channelId)?.freshPull(timeoutMs) ?? Promise.resolve(false),
    /** the running adapter of a channel (reconciliation reads counts through it), undefined when not running */
    adapterOf: (channelId: number) => adapters.get(channelId),
    /** counts published by the stock pusher since the engine started, per channel (benches) */
    stockPushed: (channelId: number) => runners.get(channelId)?.stockPushed() ?? 0,
    /** resolves once every runner (or the one named) had a cycle with nothing more to send right away */
    async settled(channelId?: number) {
      await Promise.all([...runners.values()].filter((r) => channelId === undefined || r.channelId === channelId).map((r) => r.settled()));
    },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
