import type { PackagePreset } from '../../../shared/contract/shipping';
import { foldForSearch } from '../../../shared/domain/search-text';
import type { Repos } from '../store';

const same = (a: string, b: string) => foldForSearch(a).replace(/\s+/g, ' ') === foldForSearch(b).replace(/\s+/g, ' ');

/** The box an automation rule chose for the parcel's order, if it is still one of the shop's boxes. */
export function ruledPackage(repos: Repos, sessionId: number): PackagePreset | undefined {
  const orderId = repos.pack.session(sessionId)?.orderId;
  const name = orderId ? repos.rules.handling(orderId).packagePreset : '';
  return name ? repos.shipping.presets().find((p) => same(p.name, name)) : undefined;
}

/**
 * The rates an automation rule allows for the order ("UPS", "UPS Express"), with words when none is offered.
 * No rule: every rate stays.
 */
export function ruledRates<R extends { carrier: string; service: string }>(repos: Repos, orderId: number, rates: R[]): { rates: R[]; why: string } {
  const h = repos.rules.handling(orderId);
  if (!h.carrier) return { rates, why: '' };
  const kept = rates.filter((r) => same(r.carrier, h.carrier) && (!h.service || same(r.service, h.service)));
  const wanted = `${h.carrier}${h.service ? ` ${h.service}` : ''}`;
  return kept.length
    ? { rates: kept, why: `an automation rule asks for ${wanted}` }
    : { rates: [], why: `An automation rule asks for ${wanted}, but no carrier offered it for this parcel (offered: ${[...new Set(rates.map((r) => `${r.carrier} ${r.service}`))].join(', ') || 'nothing'}). Change the rule on the Rules screen, or choose a rate by hand, then press Buy again.` };
}
