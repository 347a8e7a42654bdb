import { createCore } from '../electron/core/create-core';
import type { RuleDraft } from '../shared/contract/rules';
import { buildPickPath, type BinSupply, type PickDemand } from '../shared/domain/pick-path';
import { runRules, type OrderFacts, type RunnableRule } from '../shared/domain/rules-engine';
import { tempDir } from '../test/support/temp-dir';
import { syntheticOrders } from './order-fixtures';
import { line, ms, summarise, time } from './stats';

const clock = { now: () => new Date('2026-11-27T12:00:00.000Z') };
const SKUS = Array.from({ length: 200 }, (_, i) => `SKU-${String(i).padStart(4, '0')}`);

/** 50 rules of every kind of condition; a few fire on a given order. */
export function benchRules(): RuleDraft[] {
  const countries = ['PL', 'JP', 'DE', 'FR', 'GB', 'US', 'DK', 'BR'];
  return Array.from({ length: 50 }, (_, i): RuleDraft => {
    const conditions: RuleDraft['conditions'] = [
      [{ field: 'country', op: 'in', countries: [countries[i % 8]!, countries[(i + 3) % 8]!] }],
      [{ field: 'total', op: 'gte', amountMinor: 20_000 + i * 500 }],
      [{ field: 'sku', op: 'any', skus: [`SKU-00${i % 10}*`] }],
      [{ field: 'weight', op: 'gt', grams: 3000 + i * 50 }],
      [{ field: 'item_count', op: 'gte', count: 6 + (i % 4) }],
      [{ field: 'tags', op: 'any', tags: ['vip'] }, { field: 'note', op: 'contains', text: 'gift' }],
      [{ field: 'channel', op: 'in', channelIds: [1] }, { field: 'risk', op: 'in', levels: ['high'] }],
    ][i % 7] as RuleDraft['conditions'];
    const actions: RuleDraft['actions'] = [
      [{ type: 'tag', tags: [`r${i}`] }], [{ type: 'priority', level: 'high' }], [{ type: 'shipping', carrier: 'UPS', service: 'Ground' }],
      [{ type: 'package', preset: 'Small box' }], [{ type: 'tag', tags: ['heavy'] }, { type: 'priority', level: 'urgent' }],
    ][i % 5] as RuleDraft['actions'];
    return { name: `Rule ${i + 1}`, enabled: true, match: i % 6 === 5 ? 'any' : 'all', conditions, actions, stop: false };
  });
}

function setUpStore(dataDir: string) {
  const core = createCore({ dataDir, clock, actor: 'bench', firstRun: 'empty' });
  const { repos } = core.workspace();
  repos.transaction(() => {
    const address = { name: 'Bench', company: '', line1: '1 Bench St', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS1', countryCode: 'GB', phone: '', email: '' };
    repos.catalog.insertLocation('MAIN', 'Main', address);
    repos.catalog.insertChannel('shopify', 'Bench shop');
    const product = repos.catalog.insertProduct('Bench product');
    SKUS.forEach((sku, i) => {
      const id = repos.catalog.insertVariant({ productId: product, sku, title: sku, weightGrams: 50 + (i % 20) * 40, lengthMm: 0, widthMm: 0, heightMm: 0 });
      repos.inventory.record({ variantId: id, locationId: 1, kind: 'receive', quantity: 1_000_000, reason: 'bench', actor: 'bench', reference: 'bench', at: clock.now().toISOString() });
    });
  });
  return core;
}

async function rulesOnArrival(): Promise<void> {
  const orders = syntheticOrders(10_000, SKUS, 1, 1).map((o, i) => ({ ...o, tags: i % 9 === 0 ? ['vip'] : [], note: i % 13 === 0 ? 'a gift, please wrap' : '' }));
  const rates: Record<string, number[]> = { without: [], with: [] };
  let fired = 0;
  for (let round = 0; round < 3; round++) {
    for (const withRules of [false, true]) {
      const dir = tempDir('packbench-bench-');
      const core = setUpStore(dir.path);
      if (withRules) for (const r of benchRules()) core.workspace().rules.save(r);
      const t = time(() => core.workspace().orders.importOrders(orders, 'the bench'));
      rates[withRules ? 'with' : 'without']!.push(orders.length / (t.ms / 1000));
      if (withRules) fired = (core.workspace().repos.db.$client.prepare("SELECT count(*) AS n FROM order_events WHERE kind = 'rule'").get() as { n: number }).n;
      core.close();
      dir.remove();
    }
  }
  const med = (xs: number[]) => summarise(xs).median;
  line('10,000 orders landing, no rules (median of 3)', `${Math.round(med(rates.without!)).toLocaleString('en')} orders/s`);
  line('10,000 orders landing with 50 rules enabled (median of 3)', `${Math.round(med(rates.with!)).toLocaleString('en')} orders/s`);
  line('  rule firings written to timelines', fired.toLocaleString('en'));

  // the engine alone: the same facts the landing builds, evaluated in memory
  const rules: RunnableRule[] = benchRules().map((r, i) => ({ ...r, id: i + 1, version: 1, position: i + 1 }));
  const facts: OrderFacts[] = orders.map((o) => ({
    channelId: o.channelId, totalMinor: o.totalMinor, currency: o.currency, countryCode: o.shipTo.countryCode, skus: o.lines.map((l) => l.sku),
    weightGrams: 600, tags: o.tags ?? [], itemCount: o.lines.reduce((n, l) => n + l.quantity, 0), note: o.note ?? '', risk: 'unknown',
  }));
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) samples.push(time(() => { for (const f of facts) runRules(rules, f); }).ms);
  line('50 rules × 10,000 orders, engine only (median of 5)', `${Math.round(10_000 / (summarise(samples).median / 1000)).toLocaleString('en')} orders/s`);
}

/** 500 orders × 3 lines over 200 SKUs spread across 400 bins (a home bin each, some stock in a second). */
function pickListBuild(): void {
  const bins = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, code: `${String.fromCharCode(65 + (i % 8))}-${(i >> 3) % 25}-${i % 5}`, }));
  const key = (code: string) => code.split('-').map((p) => p.replace(/\d+/g, (d) => d.padStart(8, '0'))).join('|');
  const supplies: BinSupply[] = SKUS.flatMap((_, v) => [
    { binId: bins[v]!.id, code: bins[v]!.code, sortKey: key(bins[v]!.code), variantId: v + 1, available: 4, home: true },
    { binId: bins[200 + v]!.id, code: bins[200 + v]!.code, sortKey: key(bins[200 + v]!.code), variantId: v + 1, available: 50, home: false },
  ]);
  const demands: PickDemand[] = syntheticOrders(500, SKUS, 1, 1).flatMap((o, i) => o.lines.map((l, k) => ({
    orderId: i + 1, orderLineId: i * 3 + k + 1, variantId: SKUS.indexOf(l.sku) + 1, sku: l.sku, title: l.title, quantity: l.quantity, tote: `T${i + 1}`,
  })));
  const samples: number[] = [];
  let tasks = 0;
  for (let i = 0; i < 30; i++) {
    const t = time(() => buildPickPath(demands, supplies));
    samples.push(t.ms);
    tasks = t.value.tasks.length;
  }
  const s = summarise(samples);
  line(`pick list, 500 orders × 3 lines (${demands.length} lines → ${tasks} bin stops), build in memory`, `median ${ms(s.median)}, p95 ${ms(s.p95)}`, '< 100 ms', s.p95 < 100);
}

export async function pickingBench(): Promise<void> {
  console.log('\nPicking and rules');
  pickListBuild();
  await rulesOnArrival();
}
