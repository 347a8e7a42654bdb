import type { RateRule, ShippingRules } from '../../../shared/contract/shipping';
import type { Rate } from './carrier';

export type QuotedRate = Rate & { carrierId: number };
export type RuleChoice = { rate: QuotedRate; why: string } | { rate: null; why: string };

/** The first destination rule that matches: a country code, then "international"/"domestic", then the fallback. */
export function ruleFor(rules: ShippingRules, fromCountry: string, toCountry: string): Omit<RateRule, 'destination'> & { destination: string } {
  const international = fromCountry !== toCountry;
  const exact = rules.byDestination.find((r) => r.destination === toCountry);
  const broad = rules.byDestination.find((r) => r.destination === (international ? 'international' : 'domestic'));
  return exact ?? broad ?? { ...rules.fallback, destination: 'any' };
}

/** Picks the rate the shop's rule asks for; ties go to the faster, then the cheaper, so the choice is stable. */
export function chooseRate(rule: Pick<RateRule, 'strategy' | 'maxDays'>, rates: QuotedRate[]): RuleChoice {
  if (!rates.length) return { rate: null, why: 'No carrier offered a rate for this parcel.' };
  const days = (r: Rate) => r.days ?? Number.POSITIVE_INFINITY;
  const byPrice = (a: QuotedRate, b: QuotedRate) => a.priceMinor - b.priceMinor || days(a) - days(b) || a.id.localeCompare(b.id);
  const bySpeed = (a: QuotedRate, b: QuotedRate) => days(a) - days(b) || a.priceMinor - b.priceMinor || a.id.localeCompare(b.id);
  if (rule.strategy === 'fastest') {
    const rate = [...rates].sort(bySpeed)[0]!;
    return { rate, why: 'the fastest offered' };
  }
  if (rule.strategy === 'cheapest_within') {
    const within = rates.filter((r) => days(r) <= rule.maxDays);
    if (!within.length) {
      const fastest = [...rates].sort(bySpeed)[0]!;
      return { rate: null, why: `No rate delivers within ${rule.maxDays} day${rule.maxDays === 1 ? '' : 's'}; the fastest offered takes ${fastest.days ?? 'an unknown number of'} days. Change the shipping rule or choose a rate by hand.` };
    }
    return { rate: [...within].sort(byPrice)[0]!, why: `the cheapest within ${rule.maxDays} day${rule.maxDays === 1 ? '' : 's'}` };
  }
  return { rate: [...rates].sort(byPrice)[0]!, why: 'the cheapest offered' };
}
