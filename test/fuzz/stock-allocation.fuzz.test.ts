import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, publishable, STOCK_RULE_KINDS, type StockRule } from '../../shared/domain/stock-allocation';
import { runs } from './fuzz-config';

/**
 * A model of the pusher (electron/core/sync/stock/stock-pusher.ts) built on the same pure rules: shares from
 * allocate(), each push capped by publishable() against what the other shops were told, compare-and-set on the
 * count last seen, and a SKU whose compare-and-set went stale waits until that shop's orders were pulled.
 */
type Shop = { rule: StockRule; online: boolean; told: number | null; seen: number | null; remote: number; unpulled: number; heldForPull: boolean };

const rule = fc.record({ kind: fc.constantFrom(...STOCK_RULE_KINDS), value: fc.integer({ min: 0, max: 120 }) });
const op = fc.oneof(
  fc.record({ t: fc.constant('local' as const), delta: fc.integer({ min: -6, max: 8 }) }),
  fc.record({ t: fc.constant('sale' as const), shop: fc.nat(2), qty: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ t: fc.constant('pull' as const), shop: fc.nat(2) }),
  fc.record({ t: fc.constant('push' as const), shop: fc.nat(2) }),
  fc.record({ t: fc.constant('outage' as const), shop: fc.nat(2) }),
  // someone lowers the count in the shop's admin: our next compare-and-set is answered "stale"
  fc.record({ t: fc.constant('edit' as const), shop: fc.nat(2), down: fc.integer({ min: 1, max: 3 }) }),
);

describe('fuzz: stock allocation and the pusher (#7)', () => {
  it('allocate never gives a channel more than is available, and the channels together (offline budgets included) never more than available', () => {
    fc.assert(fc.property(fc.integer({ min: -5, max: 500 }), fc.array(fc.record({ rule, offline: fc.boolean(), published: fc.option(fc.integer({ min: 0, max: 600 })) }), { maxLength: 5 }), (available, chans) => {
      const shares = allocate(available, chans.map((c, i) => ({ channelId: i + 1, ...c })));
      let sum = 0;
      let offline = 0;
      chans.forEach((c, i) => {
        const q = shares.get(i + 1)!;
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(Math.max(0, available));
        if (c.offline) { expect(q).toBeLessThanOrEqual(c.published ?? 0); offline += q; }
        sum += q;
      });
      expect(offline).toBeLessThanOrEqual(Math.max(0, available));
      expect(sum).toBeLessThanOrEqual(Math.max(0, available));
    }), runs(20));
  });

  it('any interleaving of local movements, sales, pulls, pushes, stale answers and outages never lets the shops sell more than there is', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.array(rule, { minLength: 3, maxLength: 3 }), fc.array(op, { maxLength: 120 }), (start, rules, ops) => {
      let ledger = start;
      const shops: Shop[] = rules.map((r) => ({ rule: r, online: true, told: null, seen: null, remote: 0, unpulled: 0, heldForPull: false }));
      const trulyAvailable = () => ledger - shops.reduce((n, s) => n + s.unpulled, 0);
      for (const o of ops) {
        if (o.t === 'local') {
          // the bench itself only takes stock no shop was offered (a receive may add any amount)
          const free = trulyAvailable() - shops.reduce((n, s) => n + (s.told ?? 0), 0);
          ledger += Math.max(o.delta, -Math.max(0, free));
        } else if (o.t === 'sale') {
          const s = shops[o.shop]!;
          if (s.remote >= o.qty) { s.remote -= o.qty; s.unpulled += o.qty; }
        } else if (o.t === 'edit') {
          const s = shops[o.shop]!;
          s.remote = Math.max(0, s.remote - o.down);
        } else if (o.t === 'outage') {
          shops[o.shop]!.online = !shops[o.shop]!.online;
        } else if (o.t === 'pull') {
          const s = shops[o.shop]!;
          if (!s.online) continue;
          ledger -= s.unpulled;
          s.unpulled = 0;
          s.heldForPull = false;
        } else {
          const s = shops[o.shop]!;
          if (!s.online || s.heldForPull) continue;
          const shares = allocate(ledger, shops.map((x, i) => ({ channelId: i + 1, rule: x.rule, offline: !x.online, published: x.told })));
          const promised = shops.reduce((n, x, i) => (i === o.shop ? n : n + (x.told ?? 0)), 0);
          const q = publishable(shares.get(o.shop + 1)!, ledger, promised);
          expect(q).toBeLessThanOrEqual(Math.max(0, ledger));
          if (s.seen !== null && s.remote !== s.seen) {
            // stale: re-read, and wait for this shop's orders before setting it again
            s.seen = s.remote;
            s.heldForPull = true;
            continue;
          }
          s.remote = q;
          s.told = q;
          s.seen = q;
        }
        // what the shops can still sell never exceeds what is truly on the shelf for them
        expect(shops.reduce((n, s) => n + s.remote, 0)).toBeLessThanOrEqual(Math.max(0, trulyAvailable()));
        const offlineBudgets = shops.filter((s) => !s.online).reduce((n, s) => n + s.remote, 0);
        expect(offlineBudgets).toBeLessThanOrEqual(Math.max(0, trulyAvailable()));
      }
    }), runs(20));
  });
});
