import type { EventName, EventPayload } from '../../../../shared/contract/events';
import type { Clock } from '../../clock';
import type { OrdersService } from '../../services/orders-service';
import type { Repos } from '../../store';

export type EngineTiming = {
  /** connectivity failures in a row before a channel counts as offline */
  offlineAfterFailures: number;
  /** first retry wait of a failed push; doubles per attempt, with jitter */
  retryBaseMs: number;
  retryMaxMs: number;
  /** the longest wait between probes of an offline channel */
  offlineProbeMaxMs: number;
  /** pushes in flight at once per channel to start with (different orders only: one order's pushes stay in order) */
  concurrency: number;
  /** the most it grows to while the shop keeps up; a 429 or a failure halves it */
  maxConcurrency: number;
  pageSize: number;
  /** pages one pull cycle may take before the outbox gets its turn */
  pagesPerCycle: number;
  /** how often a quiet channel looks for new outbox rows */
  idleCheckMs: number;
};

export const DEFAULT_TIMING: EngineTiming = {
  offlineAfterFailures: 2, retryBaseMs: 1000, retryMaxMs: 5 * 60_000, offlineProbeMaxMs: 30_000,
  concurrency: 6, maxConcurrency: 16, pageSize: 100, pagesPerCycle: 10, idleCheckMs: 500,
};

export type EngineContext = {
  repos: Repos;
  orders: OrdersService;
  clock: Clock;
  actor: () => string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  timing: EngineTiming;
  /** the engine's log: words for people plus the detail, never a credential */
  log(level: 'info' | 'warning' | 'error', channel: { id: number; name: string }, words: string, detail?: string, externalId?: string): void;
};
