import { describe, expect, it } from 'vitest';
import { ShippingRulesSchema } from '../../shared/contract/shipping';
import { addressProblems } from '../../electron/core/shipping/address-check';
import { chooseRate, ruleFor, type QuotedRate } from '../../electron/core/shipping/rate-rules';

const rate = (id: string, priceMinor: number, days: number | null): QuotedRate => ({ id, carrier: 'X', service: id, priceMinor, currency: 'USD', days, account: '', carrierId: 1 });
const rates = [rate('slow-cheap', 500, 6), rate('mid', 900, 3), rate('fast-dear', 3000, 1), rate('unknown-days', 450, null)];

describe('rate shopping rules', () => {
  it('cheapest, fastest, cheapest within N days', () => {
    expect(chooseRate({ strategy: 'cheapest', maxDays: 3 }, rates).rate?.id).toBe('unknown-days');
    expect(chooseRate({ strategy: 'fastest', maxDays: 3 }, rates).rate?.id).toBe('fast-dear');
    expect(chooseRate({ strategy: 'cheapest_within', maxDays: 3 }, rates).rate?.id).toBe('mid');
    const none = chooseRate({ strategy: 'cheapest_within', maxDays: 1 }, [rate('a', 1, 2)]);
    expect(none.rate).toBeNull();
    expect(none.why).toMatch(/No rate delivers within 1 day; the fastest offered takes 2 days/);
  });

  it('per destination: a country before international/domestic before the fallback', () => {
    const rules = ShippingRulesSchema.parse({
      fallback: { strategy: 'cheapest' },
      byDestination: [{ destination: 'international', strategy: 'fastest' }, { destination: 'DE', strategy: 'cheapest_within', maxDays: 2 }],
    });
    expect(ruleFor(rules, 'GB', 'DE').strategy).toBe('cheapest_within');
    expect(ruleFor(rules, 'GB', 'US').strategy).toBe('fastest');
    expect(ruleFor(rules, 'GB', 'GB').strategy).toBe('cheapest');
  });
});

describe('address checks before buying', () => {
  const from = { name: 'Shop', company: '', line1: '1 Mill Yard', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS1 4AP', countryCode: 'GB', phone: '+44 113 496 0000', email: '' };
  const to = { ...from, name: 'Ann', line1: 'Königstraße 12', city: 'Stuttgart', postalCode: '70173', countryCode: 'DE', phone: '' };
  it('names the order and what is missing', () => {
    const p = addressProblems({ from, to, orderNumber: '#1001', carrierName: 'UPS', refusesPoBox: true });
    expect(p.map((x) => x.field)).toEqual(['phone']);
    expect(p[0]!.words).toMatch(/Order #1001 goes abroad \(GB to DE\) and has no phone number/);
  });
  it('PO boxes only for carriers that refuse them, in several spellings', () => {
    for (const line1 of ['PO Box 12', 'P.O. Box 7', 'Postfach 1234', 'Boîte postale 5']) {
      expect(addressProblems({ from, to: { ...to, phone: '+49 711 1', line1 }, orderNumber: '#1', carrierName: 'UPS', refusesPoBox: true }).map((x) => x.field)).toEqual(['line1']);
      expect(addressProblems({ from, to: { ...to, phone: '+49 711 1', line1 }, orderNumber: '#1', carrierName: 'USPS', refusesPoBox: false })).toEqual([]);
    }
    expect(addressProblems({ from, to: { ...to, phone: '+49 711 1', line1: 'Boxhagener Str. 5' }, orderNumber: '#1', carrierName: 'UPS', refusesPoBox: true })).toEqual([]);
  });
});
