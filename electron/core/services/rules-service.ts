import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { DryRunInput, DryRunResult, OrderHandling, Rule, RuleDraft, RuleSaveInput } from '../../../shared/contract/rules';
import { describeActions, firedRule, inRunOrder, runRules, type OrderFacts, type RulesOutcome, type RunnableRule } from '../../../shared/domain/rules-engine';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import { EMPTY_HANDLING, type HandlingRecord } from '../store/rules-repo';
import type { IncomingOrder, LandedOrder, OrdersService, StockTouch } from './orders-service';

/** Called after the rules ran on an order (routing follows a "ship from" decision). */
export type AfterRules = (orderId: number, handling: HandlingRecord, who: string, at: string, touch: StockTouch) => void;

const DRAFT_ID = -1;

/**
 * Automation rules: run in their set order when an order lands or changes, in the same transaction.
 * What they decide is recomputed from the order's own facts on every run, so running twice changes
 * nothing; a hold, a note and a timeline entry happen once per firing of a rule version.
 */
export function createRulesService(repos: Repos, clock: Clock, actor: () => string, orders: OrdersService) {
  const { rules: store } = repos;
  let afterRules: AfterRules = () => undefined;
  /** the enabled rules, read once per landing batch rather than once per order */
  let cached: Rule[] | null = null;
  const enabledRules = () => (cached ??= store.list().filter((r) => r.enabled));
  const changed = () => { cached = null; };

  function locationName(id: number): string {
    return repos.catalog.locations().find((l) => l.id === id)?.name ?? `location ${id}`;
  }

  /** Facts straight from a landing order, without reading it back. */
  function factsFromIncoming(o: IncomingOrder, weightOf: (sku: string) => number): OrderFacts {
    const skus = [...new Set(o.lines.map((l) => l.sku))];
    return {
      channelId: o.channelId, totalMinor: o.totalMinor, currency: o.currency, countryCode: o.shipTo.countryCode, skus,
      weightGrams: o.lines.reduce((g, l) => g + weightOf(l.sku) * l.quantity, 0),
      itemCount: o.lines.reduce((n, l) => n + l.quantity, 0), tags: o.tags ?? [], note: o.note ?? '', risk: o.risk ?? 'unknown',
    };
  }

  /**
   * Applies an outcome to the order: the decided settings are replaced; firings not applied before write
   * the timeline and may hold the order (only an open one: the bench may already be working on it).
   */
  function apply(orderId: number, outcome: RulesOutcome, before: HandlingRecord, who: string, at: string, touch: StockTouch): HandlingRecord {
    const fired = Object.fromEntries(outcome.fired.map((f) => [String(f.ruleId), f.version]));
    const next: HandlingRecord = {
      ...before, ruleTags: outcome.tags, priority: outcome.priority ?? 'normal', carrier: outcome.shipping?.carrier ?? '',
      service: outcome.shipping?.service ?? '', packagePreset: outcome.packagePreset ?? '', shipFromLocationId: outcome.locationId, fired,
    };
    const fresh = outcome.fired.filter((f) => before.fired[String(f.ruleId)] !== f.version);
    const same = JSON.stringify(next) === JSON.stringify(before);
    if (same && !fresh.length) return before;
    repos.rules.saveHandling(orderId, next, at);
    for (const f of fresh) {
      const words = describeActions(f.actions, { location: locationName });
      repos.orders.addEvent(orderId, 'rule', who, `Rule “${f.name}” fired: ${words}.`, { ruleId: f.ruleId, version: f.version, actions: f.actions }, at);
      for (const a of f.actions) {
        if (a.type === 'hold' && repos.orders.status(orderId)?.status === 'open') {
          orders.applyTransition(orderId, 'on_hold', `rule “${f.name}”: ${a.reason}`, who, at);
        }
        if (a.type === 'note') repos.orders.addEvent(orderId, 'note', who, a.text, { ruleId: f.ruleId }, at);
      }
    }
    afterRules(orderId, next, who, at, touch);
    return next;
  }

  function evaluate(orderId: number, who: string, at: string, touch: StockTouch): RulesOutcome {
    const facts = store.factsOf([orderId]).get(orderId);
    if (!facts) throw new AppError('not_found', `Order ${orderId} does not exist.`);
    const outcome = runRules(enabledRules(), facts);
    apply(orderId, outcome, store.handling(orderId), who, at, touch);
    return outcome;
  }

  /** The landing hook: store what the channel said about each order, then run the rules on it. */
  function onLanded(landed: LandedOrder[], who: string, at: string, touch: StockTouch): void {
    const rules = enabledRules();
    const weightOf = (sku: string) => repos.catalog.variantBySku(sku)?.weightGrams ?? 0;
    for (const l of landed) {
      const o = l.incoming;
      const hasFacts = (o.tags?.length ?? 0) > 0 || (o.note ?? '') !== '' || (o.risk ?? 'unknown') !== 'unknown';
      const before = l.change === 'new' ? structuredClone(EMPTY_HANDLING) : repos.rules.handling(l.orderId);
      if (hasFacts || l.change === 'updated') {
        before.tags = [...new Set((o.tags ?? before.tags).map((t) => t.trim()).filter(Boolean))];
        before.note = o.note ?? before.note;
        before.risk = o.risk ?? before.risk;
        repos.rules.saveHandling(l.orderId, before, null);
      }
      if (!rules.length) continue;
      apply(l.orderId, runRules(rules, factsFromIncoming({ ...o, tags: before.tags, note: before.note, risk: before.risk }, weightOf)), before, who, at, touch);
    }
  }

  function list(): Rule[] {
    return store.list();
  }

  function save(input: z.output<typeof RuleSaveInput>): Rule {
    const { id, ...draft } = input;
    for (const a of draft.actions) {
      if (a.type === 'location' && !repos.catalog.locations().some((l) => l.id === a.locationId)) {
        throw new AppError('invalid_request', 'The rule ships from a location that does not exist.', 'Choose one of your locations.', { actions: 'Unknown location' });
      }
    }
    const presets = repos.shipping.presets();
    for (const a of draft.actions) {
      if (a.type === 'package' && presets.length && !presets.some((p) => p.name.toLowerCase() === a.preset.toLowerCase())) {
        throw new AppError('invalid_request', `There is no box called “${a.preset}”.`, `Use one of your boxes (Settings → Carriers): ${presets.map((p) => p.name).join(', ')}.`, { actions: 'Unknown box' });
      }
    }
    for (const c of draft.conditions) {
      if (c.field === 'channel' && !c.channelIds.every((cid) => repos.catalog.channels().some((ch) => ch.id === cid))) {
        throw new AppError('invalid_request', 'The rule names a sales channel that does not exist.', 'Choose one of your channels.', { conditions: 'Unknown channel' });
      }
    }
    const saved = repos.transaction(() => {
      const at = isoNow(clock);
      if (id === undefined) return store.insert(draft, at);
      if (!store.get(id)) throw new AppError('not_found', 'This rule no longer exists.', 'Reload the Rules screen.');
      store.update(id, draft, at);
      return id;
    });
    changed();
    return store.get(saved)!;
  }

  function remove(id: number): Rule[] {
    repos.transaction(() => {
      if (!store.get(id)) throw new AppError('not_found', 'This rule no longer exists.', 'Reload the Rules screen.');
      store.remove(id);
    });
    changed();
    return store.list();
  }

  function reorder(ids: number[]): Rule[] {
    repos.transaction(() => {
      const known = store.list().map((r) => r.id);
      if (ids.length !== known.length || !known.every((k) => ids.includes(k))) {
        throw new AppError('conflict', 'The list of rules changed meanwhile; nothing was moved.', 'Reload the Rules screen and move the rule again.');
      }
      store.renumber(ids);
    });
    changed();
    return store.list();
  }

  /** The saved rules with the draft in its place, enabled: what the list would be if it were switched on. */
  function withDraft(draft: RuleDraft, id: number | undefined, position: number | undefined): RunnableRule[] {
    const saved = inRunOrder(store.list()).filter((r) => r.id !== id);
    const at = Math.min(Math.max(1, position ?? (id !== undefined ? store.get(id)?.position ?? saved.length + 1 : saved.length + 1)), saved.length + 1);
    const candidate: RunnableRule = { ...draft, enabled: true, id: DRAFT_ID, version: 1, position: at };
    const list = [...saved.slice(0, at - 1), candidate, ...saved.slice(at - 1)];
    return list.map((r, i) => ({ ...r, position: i + 1 }));
  }

  /** Which of the latest orders the rule would have fired on, with the other rules as they are. */
  function dryRun(input: z.output<typeof DryRunInput>): DryRunResult {
    const set = withDraft(input.rule, input.id, input.position);
    const latest = store.latestOrders(input.limit);
    const facts = store.factsOf(latest.map((o) => o.id));
    const words = describeActions(input.rule.actions, { location: locationName });
    let hits = 0;
    let openHits = 0;
    const sample: DryRunResult['sample'] = [];
    for (const o of latest) {
      const f = facts.get(o.id);
      if (!f || !firedRule(runRules(set, f), DRAFT_ID)) continue;
      hits++;
      if (o.status === 'open' || o.status === 'on_hold') openHits++;
      if (sample.length < 50) sample.push({ orderId: o.id, number: o.number, status: o.status, createdAt: o.createdAt, summary: words });
    }
    return { considered: latest.length, hits, openHits, sample };
  }

  /** Runs the rules now on every open or held order (after a rule was switched on or changed). */
  function applyToOpen(): { considered: number; changed: number[] } {
    changed();
    return repos.transaction(() => {
      const at = isoNow(clock);
      const who = actor();
      const ids = store.openOrderIds();
      const facts = store.factsOf(ids);
      const rules = enabledRules();
      const touchedIds: number[] = [];
      for (const id of ids) {
        const before = store.handling(id);
        const after = apply(id, runRules(rules, facts.get(id)!), before, who, at, () => undefined);
        if (after !== before) touchedIds.push(id);
      }
      return { considered: ids.length, changed: touchedIds };
    });
  }

  /** A person changed the order's own tags: stored, and the rules run again on the order. */
  function setTags(orderId: number, tags: string[]): OrderHandling {
    repos.transaction(() => {
      if (!repos.orders.record(orderId)) throw new AppError('not_found', `Order ${orderId} does not exist.`);
      const at = isoNow(clock);
      const who = actor();
      const h = store.handling(orderId);
      const next = [...new Set(tags.map((t) => t.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
      if (JSON.stringify(next) === JSON.stringify([...h.tags].sort((a, b) => a.localeCompare(b)))) return;
      store.saveHandling(orderId, { ...h, tags: next }, at);
      repos.orders.addEvent(orderId, 'tags', who, next.length ? `Tags set to ${next.join(', ')}` : 'Tags removed', { tags: next }, at);
      evaluate(orderId, who, at, () => undefined);
    });
    return handling(orderId);
  }

  function handling(orderId: number): OrderHandling {
    const { fired: _fired, ...h } = store.handling(orderId);
    return h;
  }

  return {
    onLanded, evaluate, list, save, remove, reorder, dryRun, applyToOpen, setTags, handling,
    /** routing registers here to follow "ship from" decisions */
    afterEach(fn: AfterRules) { afterRules = fn; },
  };
}
export type RulesService = ReturnType<typeof createRulesService>;
