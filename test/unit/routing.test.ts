import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeOrder, zoneDistance, type RouteInput, type RoutingLocation } from '../../shared/domain/routing';

const LEEDS: RoutingLocation = { id: 1, name: 'Leeds', countryCode: 'GB', postalCode: 'LS1 4AP', region: 'West Yorkshire', rank: 1 };
const BERLIN: RoutingLocation = { id: 2, name: 'Berlin', countryCode: 'DE', postalCode: '10435', region: '', rank: 2 };
const AUSTIN: RoutingLocation = { id: 3, name: 'Austin', countryCode: 'US', postalCode: '78701', region: 'TX', rank: 3 };
const MUNICH = { countryCode: 'DE', postalCode: '80331', region: 'BY' };

function input(stock: Record<string, number>, extra: Partial<RouteInput> = {}): RouteInput {
  return {
    lines: [{ variantId: 10, sku: 'MUG', quantity: 2 }, { variantId: 11, sku: 'PEN', quantity: 1 }],
    destination: MUNICH, locations: [LEEDS, BERLIN, AUSTIN], pinnedLocationId: null, policy: { mode: 'auto', maxShipments: 3 },
    stock: (v, l) => stock[`${v}@${l}`] ?? 0, ...extra,
  };
}

describe('routing', () => {
  it('zones: same postal area, same country, same continent, further', () => {
    expect(zoneDistance(BERLIN, { countryCode: 'DE', postalCode: '10115', region: '' })).toBe(0);
    expect(zoneDistance(BERLIN, MUNICH)).toBe(1);
    expect(zoneDistance(LEEDS, MUNICH)).toBe(2);
    expect(zoneDistance(AUSTIN, MUNICH)).toBe(3);
  });

  it('whole: the nearest location that has everything, even when the owner ranks another first', () => {
    const plan = routeOrder(input({ '10@1': 5, '11@1': 5, '10@2': 2, '11@2': 1 }));
    expect(plan).toMatchObject({ kind: 'whole', locationId: 2 });
    expect(plan.why).toBe('Berlin has everything and is the nearest that does (the same country)');
  });

  it('whole: a further location that has everything beats a nearer one that does not', () => {
    expect(routeOrder(input({ '10@2': 1, '11@2': 1, '10@3': 2, '11@3': 1 }))).toMatchObject({ kind: 'whole', locationId: 3 });
  });

  it('split: no location has everything, the owner allows splits: fewest parcels, each line from where it is', () => {
    const plan = routeOrder(input({ '10@1': 2, '11@2': 1, '10@3': 1 }));
    expect(plan).toEqual({
      kind: 'split', consent: 'given',
      shipments: [{ locationId: 1, lines: [{ variantId: 10, sku: 'MUG', quantity: 2 }] }, { locationId: 2, lines: [{ variantId: 11, sku: 'PEN', quantity: 1 }] }],
      why: 'no location has everything: 2 parcels, from Leeds (2 × MUG) and Berlin (1 × PEN)',
    });
    expect(routeOrder(input({ '10@1': 2, '11@2': 1 }, { policy: { mode: 'ask', maxShipments: 2 } }))).toMatchObject({ kind: 'split', consent: 'needed' });
  });

  it('partial: splits not allowed (or more parcels than allowed): the nearest location with some of it, and where the rest can come from', () => {
    const plan = routeOrder(input({ '10@2': 1, '11@2': 1, '10@1': 4 }, { policy: { mode: 'never', maxShipments: 3 } }));
    expect(plan).toEqual({
      kind: 'partial', locationId: 2, missing: [{ variantId: 10, sku: 'MUG', quantity: 1 }],
      transfers: [{ fromLocationId: 1, variantId: 10, sku: 'MUG', quantity: 1 }],
      why: 'no location has everything; Berlin is the nearest with some of it and lacks 1 × MUG; 1 × MUG can come from Leeds',
    });
    // three locations would be needed, two are allowed
    const three = input({ '10@1': 1, '10@3': 1, '11@2': 1 }, { policy: { mode: 'auto', maxShipments: 2 } });
    expect(routeOrder(three).kind).toBe('partial');
  });

  it('a rule pinning the location wins, whole or not', () => {
    expect(routeOrder(input({ '10@1': 2, '11@1': 1, '10@2': 2, '11@2': 1 }, { pinnedLocationId: 1 }))).toMatchObject({ kind: 'whole', locationId: 1 });
    expect(routeOrder(input({ '10@2': 2, '11@2': 1 }, { pinnedLocationId: 1 }))).toMatchObject({ kind: 'partial', locationId: 1 });
  });

  it('any plan ships exactly what was ordered, never more than a location has, within the parcels allowed', () => {
    const stockArb = fc.dictionary(fc.constantFrom('10@1', '10@2', '10@3', '11@1', '11@2', '11@3'), fc.nat(3));
    fc.assert(fc.property(stockArb, fc.constantFrom('never', 'ask', 'auto' as const), fc.integer({ min: 2, max: 3 }), (stock, mode, max) => {
      const i = input(stock, { policy: { mode, maxShipments: max } });
      const plan = routeOrder(i);
      if (plan.kind === 'whole') {
        for (const l of i.lines) expect(i.stock(l.variantId, plan.locationId)).toBeGreaterThanOrEqual(l.quantity);
      } else if (plan.kind === 'split') {
        expect(mode).not.toBe('never');
        expect(plan.shipments.length).toBeLessThanOrEqual(max);
        for (const l of i.lines) {
          expect(plan.shipments.flatMap((s) => s.lines).filter((x) => x.variantId === l.variantId).reduce((n, x) => n + x.quantity, 0)).toBe(l.quantity);
        }
        for (const s of plan.shipments) for (const l of s.lines) expect(i.stock(l.variantId, s.locationId)).toBeGreaterThanOrEqual(l.quantity);
        // no single location had everything
        for (const loc of i.locations) expect(i.lines.every((l) => i.stock(l.variantId, loc.id) >= l.quantity)).toBe(false);
      } else {
        expect(plan.missing.length).toBeGreaterThan(0);
        for (const t of plan.transfers) expect(i.stock(t.variantId, t.fromLocationId)).toBeGreaterThanOrEqual(t.quantity);
      }
    }), { numRuns: 500 });
  });
});
