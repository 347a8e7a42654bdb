import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOVEMENT_KINDS } from '../../shared/domain/ledger';
import { createRepos, type Repos } from '../../electron/core/store';
import { openDatabase } from '../../electron/core/store/db';
import { tempDir } from '../support/temp-dir';

describe('the ledger on a real SQLite file', () => {
  const dir = tempDir();
  let repos: Repos;
  let variantIds: number[] = [];
  let locationIds: number[] = [];
  beforeAll(() => {
    repos = createRepos(openDatabase({ dataDir: dir.path }).db);
    const productId = repos.catalog.insertProduct('Test product');
    variantIds = [1, 2, 3].map((i) => repos.catalog.insertVariant({ productId, sku: `SKU-${i}`, title: `Item ${i}`, weightGrams: 100, lengthMm: 1, widthMm: 1, heightMm: 1 }));
    const address = { name: 'W', company: '', line1: 'x', line2: '', line3: '', city: 'c', region: '', postalCode: '1', countryCode: 'GB', phone: '', email: '' };
    locationIds = [repos.catalog.insertLocation('A', 'A', address), repos.catalog.insertLocation('B', 'B', address)];
  });
  afterAll(() => { repos.db.$client.close(); dir.remove(); });

  it('any sequence of valid and invalid movements keeps on_hand = sum of movements; balances never drift', () => {
    fc.assert(fc.property(fc.array(fc.record({
      v: fc.nat(2), l: fc.nat(1), kind: fc.constantFrom(...MOVEMENT_KINDS), quantity: fc.integer({ min: -20, max: 20 }),
    }), { maxLength: 60 }), (moves) => {
      for (const m of moves) {
        try {
          repos.transaction(() => repos.inventory.record({
            variantId: variantIds[m.v]!, locationId: locationIds[m.l]!, kind: m.kind, quantity: m.quantity,
            reason: 'property', actor: 'fc', reference: '', at: new Date().toISOString(),
          }));
        } catch (e) {
          expect((e as Error).message.length).toBeGreaterThan(5);
        }
      }
      for (const v of variantIds) for (const l of locationIds) {
        const sums = repos.inventory.sums(v, l);
        const b = repos.inventory.balance(v, l);
        expect(b).toEqual(sums);
        expect(b.onHand).toBeGreaterThanOrEqual(0);
        expect(b.committed).toBeGreaterThanOrEqual(0);
      }
    }), { numRuns: 60 });
  });

  it('the database itself refuses to rewrite or delete a movement', () => {
    repos.transaction(() => repos.inventory.record({ variantId: variantIds[0]!, locationId: locationIds[0]!, kind: 'receive', quantity: 3, reason: 'r', actor: 'a', reference: '', at: new Date().toISOString() }));
    expect(() => repos.db.$client.prepare('UPDATE inventory_movements SET on_hand_delta = 999').run()).toThrow(/append-only/);
    expect(() => repos.db.$client.prepare('DELETE FROM inventory_movements').run()).toThrow(/append-only/);
  });
});
