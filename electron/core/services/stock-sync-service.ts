import { AppError } from '../../../shared/contract/errors';
import { describeRule, ruleFor, type StockRuleKind } from '../../../shared/domain/stock-allocation';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { OrdersService } from './orders-service';
import type { ReconciliationLineRow, ReconciliationRow } from '../store/stock-sync-repo';
import type { SyncEngine } from '../sync/engine/sync-engine';
import { allocationFor, sellsCounted, poolOf, stockChannels } from '../sync/stock/stock-allocator';

const READ_CHUNK = 100;
/** how long a reconciliation waits for a shop's latest orders before it reads its counts anyway */
const PULL_FIRST_MS = 15_000;

/** "reserve order:12" -> "order #1042 reserved stock": the cause of a published number, in words. */
export function causeWords(repos: Repos, cause: string): string {
  const [kind = '', ...rest] = cause.split(' ');
  const reference = rest.join(' ');
  const order = /^order:(\d+)$/.exec(reference);
  const number = order ? repos.orders.record(Number(order[1]))?.number : undefined;
  const what: Record<string, string> = {
    reserve: 'reserved stock', release: 'gave stock back', pick: 'was packed', ship: 'shipped', receive: 'stock received', adjust: 'stock count',
    return: 'returned stock', transfer: 'stock moved between locations',
  };
  if (order) return `order ${number ?? `#${order[1]}`} ${what[kind] ?? kind}`;
  if (what[kind]) return `${what[kind]}${reference ? ` (${reference})` : ''}`;
  return cause || 'count sent';
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // a cell a spreadsheet would run as a formula is written as text
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * Inventory sync for people (#7): allocation rules and safety stock, what each channel shows, reconciliation
 * (read every shop's counts, list the drifts, push ours or accept theirs), its daily schedule and history.
 */
export function createStockSyncService(repos: Repos, clock: Clock, actor: () => string, engine: SyncEngine, orders: OrdersService) {
  const { stockSync } = repos;
  const at = () => isoNow(clock);
  const channelName = (id: number) => (id === 0 ? 'Every channel' : (repos.sync.channel(id)?.name ?? `Channel ${id}`));
  let running: Promise<unknown> | null = null;

  function rules() {
    return {
      rules: stockSync.rules().map((r) => ({
        ...r, channelName: channelName(r.channelId),
        words: `${channelName(r.channelId)} ${describeRule(r)} of ${r.sku ? r.sku : 'every SKU'}.`,
      })),
      safety: stockSync.safetyAll(),
    };
  }

  function setRule(input: { channelId: number; sku: string; kind: StockRuleKind; value: number }) {
    if (input.channelId !== 0 && !repos.sync.channel(input.channelId)) throw new AppError('not_found', 'That channel does not exist any more.', 'Reload the Stock sync screen.');
    if (input.sku && !stockSync.hasSku(input.sku)) throw new AppError('not_found', `SKU ${input.sku} is not in the catalog.`, 'Check the SKU, or leave it empty for the whole catalog.');
    repos.transaction(() => {
      stockSync.setRule(input.channelId, input.sku, input.kind, input.value, at());
      stockSync.markAll(null, 'allocation rule changed', at(), input.sku || undefined);
    });
    return rules();
  }

  function removeRule(id: number) {
    repos.transaction(() => {
      const r = stockSync.removeRule(id);
      if (!r) throw new AppError('not_found', 'That rule was already removed.', 'Reload the Stock sync screen.');
      stockSync.markAll(null, 'allocation rule removed', at(), r.sku || undefined);
    });
    return rules();
  }

  function setSafety(sku: string, quantity: number) {
    if (!stockSync.hasSku(sku)) throw new AppError('not_found', `SKU ${sku} is not in the catalog.`, 'Check the SKU on the Inventory screen.');
    repos.transaction(() => { stockSync.setSafety(sku, quantity, at()); stockSync.markAll(null, 'safety stock changed', at(), sku); });
    return rules();
  }

  function overview(input: { q: string; offset: number; limit: number }) {
    const channels = stockChannels(repos);
    const allRules = stockSync.rules();
    const q = input.q.trim().toLowerCase();
    const skus = stockSync.skus().filter((s) => !q || s.toLowerCase().includes(q));
    const dirtyByChannel = new Map(channels.map((c) => [c.id, new Set(stockSync.dirty(c.id, 1_000_000).map((d) => d.sku))]));
    const rows = skus.slice(input.offset, input.offset + input.limit).map((sku) => {
      const shares = allocationFor(repos, sku, channels, allRules);
      const safety = stockSync.safety(sku);
      const first = channels[0] ? shares.get(channels[0].id) : undefined;
      const dirty = new Set(channels.filter((c) => dirtyByChannel.get(c.id)!.has(sku)).map((c) => c.id));
      return {
        sku, available: first?.available ?? 0, safety,
        channels: channels.map((c) => ({
          channelId: c.id, published: stockSync.published(c.id, sku)?.quantity ?? null, shouldBe: shares.get(c.id)?.quantity ?? 0, pending: dirty.has(c.id),
          listed: sellsCounted(repos, c.id, sku),
        })),
      };
    });
    return {
      channels: channels.map((c) => {
        const b = stockSync.budgetLeft(c.id);
        return { channelId: c.id, name: c.name, offline: repos.sync.state(c.id).offlineSince !== null, budgetUnits: b.units, skusAtZero: b.skusAtZero, waiting: stockSync.dirtyCount(c.id) };
      }),
      rows, total: skus.length, dailyAt: repos.settings.get<string>('stockSync.dailyAt') ?? null,
    };
  }

  function reportView(r: ReconciliationRow) {
    const lines = stockSync.driftLines(r.id);
    return {
      report: { ...r, drifts: lines.length, fixed: lines.filter((l) => l.fix).length },
      lines: lines.map((l) => ({ ...l, channelName: channelName(l.channelId) })),
    };
  }

  /** Reads every stock channel's counts and records each one that differs from what it was told. */
  async function reconcile(trigger: ReconciliationRow['trigger']) {
    if (running) await running.catch(() => undefined);
    const work = (async () => {
      const id = stockSync.startReconciliation(trigger, at());
      const channels = stockChannels(repos);
      const skus = stockSync.skus();
      let checked = 0;
      let drifts = 0;
      let pending = 0;
      const unread: string[] = [];
      const notPulled: string[] = [];
      for (const c of channels) {
        const adapter = engine.adapterOf(c.id);
        if (!adapter) { unread.push(`${c.name} is not running`); continue; }
        // the shop's latest orders first: a sale there not yet here would look like drift, and "push ours" would undo it
        const away = repos.sync.state(c.id).offlineSince !== null;
        if (away || !(await engine.freshPull(c.id, PULL_FIRST_MS))) notPulled.push(c.name);
        // a count still on its way is not drift: it is compared next time
        const onTheirWay = new Set(stockSync.dirty(c.id, 1_000_000).map((d) => d.sku));
        pending += onTheirWay.size;
        try {
          for (let i = 0; i < skus.length; i += READ_CHUNK) {
            const chunk = skus.slice(i, i + READ_CHUNK);
            const answers = await adapter.readQuantities(chunk.map((sku) => ({ sku, ref: repos.sync.skuRef(c.id, sku)?.ref || null, remoteLocationId: null })));
            repos.transaction(() => {
              answers.forEach((a, k) => {
                const sku = chunk[k]!;
                if (a.available !== null && !sellsCounted(repos, c.id, sku)) {
                  // listed (and counted) there since it said it was not: it takes its share again
                  repos.sync.saveSkuRef(c.id, sku, a.ref ?? repos.sync.skuRef(c.id, sku)?.ref ?? '', true, a.available, at());
                  stockSync.markAll(null, `${c.name} lists it now`, at(), sku);
                  pending++;
                  return;
                }
                if (a.available === null || onTheirWay.has(sku)) return; // not listed there, stock not tracked, or a count on its way
                checked++;
                const told = stockSync.published(c.id, sku);
                const shares = allocationFor(repos, sku);
                const ours = told?.quantity ?? shares.get(c.id)?.quantity ?? 0;
                stockSync.sawRemote(c.id, sku, a.available, at());
                if (a.available !== ours) {
                  drifts++;
                  stockSync.addDrift({ reconciliationId: id, channelId: c.id, sku, ours, theirs: a.available, available: shares.get(c.id)?.available ?? 0 });
                }
              });
            });
          }
        } catch (e) {
          unread.push(`${c.name} could not be read (${e instanceof Error ? e.message : String(e)})`);
        }
      }
      const summary = `${checked} counts checked on ${channels.length - unread.length} of ${channels.length} channel${channels.length === 1 ? '' : 's'}; `
        + `${drifts === 0 ? 'no drift found' : `${drifts} drift${drifts === 1 ? '' : 's'} found`}.`
        + `${pending ? ` ${pending} count${pending === 1 ? ' was' : 's were'} still on the way and will be compared next time.` : ''}${unread.length ? ` ${unread.join('; ')}: try again when it answers.` : ''}`
        + `${notPulled.length ? ` The latest orders of ${notPulled.join(', ')} could not be read first: a sale there not yet here shows as drift; check before pushing ours.` : ''}`;
      stockSync.finishReconciliation(id, summary, at());
      return reportView(stockSync.reconciliation(id)!);
    })();
    running = work;
    try { return await work; } finally { if (running === work) running = null; }
  }

  function report(id: number) {
    const r = stockSync.reconciliation(id);
    if (!r) throw new AppError('not_found', `Reconciliation report ${id} does not exist.`, 'Pick one from the history.');
    return reportView(r);
  }

  /** Push ours: the channel is set back to our number. Accept theirs: the ledger moves by the difference, with the reason. */
  function fix(input: { lineIds: number[]; action: 'push_ours' | 'accept_theirs'; reason: string }) {
    const lines = input.lineIds.map((id) => stockSync.driftLine(id));
    if (lines.some((l) => !l)) throw new AppError('not_found', 'A drift on this list no longer exists.', 'Reload the report.');
    const reportId = lines[0]!.reconciliationId;
    if (lines.some((l) => l!.reconciliationId !== reportId)) throw new AppError('invalid_request', 'Fix drifts of one report at a time.');
    const done: string[] = [];
    const skipped: string[] = [];
    repos.transaction(() => {
      for (const l of lines as ReconciliationLineRow[]) {
        const name = channelName(l.channelId);
        if (l.fix) { skipped.push(`${l.sku} on ${name} was already fixed`); continue; }
        if (l.theirs === null) { skipped.push(`${l.sku} on ${name} could not be read`); continue; }
        if (input.action === 'push_ours') {
          // the count seen there is what compare-and-set expects; the next push sets ours
          stockSync.sawRemote(l.channelId, l.sku, l.theirs, at());
          stockSync.mark(l.channelId, l.sku, `reconciliation ${reportId}: push ours`, at());
          const words = `Pushed ours: ${name} is set back from ${l.theirs} to ${l.ours} of ${l.sku}.`;
          stockSync.setFix(l.id, 'push_ours', words, at());
          done.push(words);
        } else {
          const variant = repos.catalog.variantBySku(l.sku);
          if (!variant) { skipped.push(`${l.sku} is no longer in the catalog`); continue; }
          const channel = repos.sync.channel(l.channelId);
          const locationId = (channel ? poolOf(repos, channel) : null) ?? repos.catalog.locations()[0]!.id;
          const delta = l.theirs - l.ours;
          const b = repos.inventory.balance(variant.id, locationId);
          if (b.onHand + delta < 0) { skipped.push(`${l.sku}: taking ${name}'s number would leave less than nothing on hand`); continue; }
          repos.inventory.record({ variantId: variant.id, locationId, kind: 'adjust', quantity: delta, reason: `Reconciliation ${reportId}: took ${name}'s count. ${input.reason}`, actor: actor(), reference: `reconciliation:${reportId}`, at: at() });
          const words = `Accepted theirs: ${l.sku} on hand ${delta > 0 ? 'raised' : 'lowered'} by ${Math.abs(delta)} (${name} showed ${l.theirs}, we had told it ${l.ours}). Reason: ${input.reason}`;
          stockSync.setFix(l.id, 'accept_theirs', words, at());
          done.push(words);
        }
      }
    });
    engine.now();
    const words = [done.length ? `${done.length} drift${done.length === 1 ? '' : 's'} fixed.` : 'Nothing was changed.', skipped.length ? `Not fixed: ${skipped.join('; ')}.` : ''].filter(Boolean).join(' ');
    return { ...report(reportId), words };
  }

  function exportReport(id: number) {
    const { report: r, lines } = report(id);
    const rows = [['sku', 'channel', 'told', 'shows', 'drift', 'available', 'fix', 'what was done'],
      ...lines.map((l) => [l.sku, l.channelName, l.ours, l.theirs, l.theirs === null ? '' : l.theirs - l.ours, l.available, l.fix, l.fixWords])];
    return { filename: `stock-drift-${r.startedAt.slice(0, 10)}-${r.id}.csv`, csv: `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n` };
  }

  function history(sku: string) {
    return { rows: stockSync.history(sku, 200).map((h) => ({ id: h.id, channelName: h.channelName, quantity: h.quantity, previous: h.previous, cause: causeWords(repos, h.cause), createdAt: h.createdAt })) };
  }

  function setSchedule(dailyAt: string | null) {
    repos.settings.set('stockSync.dailyAt', dailyAt);
    return { dailyAt };
  }

  /** Runs the daily reconciliation once its time of day has passed and today's has not run. */
  async function tick(): Promise<boolean> {
    const dailyAt = repos.settings.get<string | null>('stockSync.dailyAt');
    if (!dailyAt || running) return false;
    const now = clock.now();
    const due = new Date(`${now.toISOString().slice(0, 10)}T${dailyAt}:00.000Z`);
    if (now < due) return false;
    const last = stockSync.lastReconciliation('schedule');
    if (last && Date.parse(last.startedAt) >= due.getTime()) return false;
    if (!stockChannels(repos).length) return false;
    await reconcile('schedule');
    return true;
  }

  /** The three ways out of an order that arrived short; the choice goes on its timeline. */
  function resolveShortage(orderId: number, choice: 'backorder' | 'cancel' | 'adjust', reason: string) {
    const short = stockSync.shortage(orderId);
    const order = repos.orders.record(orderId);
    if (!short || !order) throw new AppError('not_found', 'That order has no shortage to resolve.', 'Reload the order.');
    if (short.status === 'resolved') throw new AppError('conflict', `Order ${order.number}'s shortage was already resolved (${short.choice}).`, 'Reload the order.');
    const who = actor();
    const list = short.lines.map((l) => `${l.short} × ${l.sku}`).join(', ');
    repos.transaction(() => {
      const now = at();
      if (choice === 'backorder') {
        repos.orders.addEvent(orderId, 'short_resolved', who, `Back-ordered: the order waits for ${list}${reason ? `. ${reason}` : ''}.`, { choice }, now);
      } else if (choice === 'cancel') {
        // the channel hears it through the outbox (order.status cancelled, with the reason)
        orders.applyTransition(orderId, 'cancelled', reason, who, now);
        repos.orders.addEvent(orderId, 'short_resolved', who, `Cancelled on the shop because ${list} could not be sent: ${reason}`, { choice }, now);
      } else {
        for (const l of short.lines) {
          const variant = repos.catalog.variantBySku(l.sku);
          if (!variant) continue;
          repos.inventory.record({ variantId: variant.id, locationId: order.locationId, kind: 'adjust', quantity: l.short, reason, actor: who, reference: `order:${orderId}`, at: now });
        }
        repos.orders.addEvent(orderId, 'short_resolved', who, `Stock adjusted: ${list} added to the count (${reason}).`, { choice }, now);
      }
      stockSync.resolveShortage(orderId, choice, reason, now);
    });
    engine.now();
    return orders.detail(orderId);
  }

  /**
   * After a channel comes back: once its orders were pulled and every count went out (or after a minute),
   * every channel is compared with what it was told, and the report is kept in the history.
   */
  let afterReconnectTimer: NodeJS.Timeout | null = null;
  function afterReconnect(channelId: number) {
    if (afterReconnectTimer) return;
    const started = Date.now();
    const check = () => {
      afterReconnectTimer = null;
      const calm = stockChannels(repos).every((c) => stockSync.dirtyCount(c.id) === 0 && repos.sync.state(c.id).offlineSince === null);
      if (!calm && Date.now() - started < 60_000) { afterReconnectTimer = setTimeout(check, 500); afterReconnectTimer.unref(); return; }
      if (!stockChannels(repos).some((c) => c.id === channelId)) return;
      reconcile('reconnect').catch((e: unknown) => console.error('[stock] the reconciliation after a reconnect failed:', e));
    };
    afterReconnectTimer = setTimeout(check, 500);
    afterReconnectTimer.unref();
  }

  return {
    afterReconnect,
    stop() { if (afterReconnectTimer) clearTimeout(afterReconnectTimer); afterReconnectTimer = null; },
    shortage: (orderId: number) => stockSync.shortage(orderId) ?? null,
    resolveShortage,
    rules, setRule, removeRule, setSafety, overview, reconcile, report, fix, exportReport, history, setSchedule, tick,
    reports: () => stockSync.reconciliations(100).map((r) => reportView(r).report),
    ruleFor: (channelId: number, sku: string) => ruleFor(stockSync.rules(), channelId, sku),
  };
}
export type StockSyncService = ReturnType<typeof createStockSyncService>;
