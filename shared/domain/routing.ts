import { countries, type TCountryCode } from 'countries-list';

/**
 * Which location ships an order. Pure: the store hands in the locations, the stock each can give and the
 * owner's split rule; the plan says where and why, in words.
 */
export type Place = { countryCode: string; postalCode: string; region: string };
export type RoutingLocation = Place & { id: number; name: string; /** the owner's order of preference, lower first */ rank: number };
export type RoutingLine = { variantId: number; sku: string; quantity: number };
export type SplitMode = 'never' | 'ask' | 'auto';
export type SplitPolicy = { mode: SplitMode; maxShipments: number };

export type Shipment = { locationId: number; lines: RoutingLine[] };
export type TransferSuggestion = { fromLocationId: number; variantId: number; sku: string; quantity: number };

export type RoutePlan =
  | { kind: 'whole'; locationId: number; why: string }
  | { kind: 'split'; shipments: Shipment[]; consent: 'given' | 'needed'; why: string }
  | { kind: 'partial'; locationId: number; missing: RoutingLine[]; transfers: TransferSuggestion[]; why: string };

export type RouteInput = {
  lines: RoutingLine[];
  destination: Place;
  locations: RoutingLocation[];
  /** units this location can give this order: its available stock plus what the order already holds there */
  stock(variantId: number, locationId: number): number;
  /** a rule said "ship from here" */
  pinnedLocationId: number | null;
  policy: SplitPolicy;
};

const ZONE_WORDS = ['the same postal area', 'the same country', 'the same continent', 'another continent'] as const;

function continentOf(code: string): string | undefined {
  return (countries as Record<string, { continent: string } | undefined>)[code as TCountryCode]?.continent;
}

/** 0 same postal area (or region), 1 same country, 2 same continent, 3 further. */
export function zoneDistance(from: Place, to: Place): 0 | 1 | 2 | 3 {
  if (from.countryCode === to.countryCode) {
    const area = (p: string) => p.replace(/\s+/g, '').toUpperCase().slice(0, 2);
    const samePostal = from.postalCode !== '' && to.postalCode !== '' && area(from.postalCode) === area(to.postalCode);
    const sameRegion = from.region !== '' && from.region.toLowerCase() === to.region.toLowerCase();
    return samePostal || sameRegion ? 0 : 1;
  }
  const a = continentOf(from.countryCode);
  return a !== undefined && a === continentOf(to.countryCode) ? 2 : 3;
}

/** Locations nearest first; the owner's order breaks ties, then the id, so the plan never wavers. */
export function byNearness(locations: readonly RoutingLocation[], to: Place): RoutingLocation[] {
  return [...locations].sort((a, b) => zoneDistance(a, to) - zoneDistance(b, to) || a.rank - b.rank || a.id - b.id);
}

const units = (lines: readonly RoutingLine[]) => lines.reduce((n, l) => n + l.quantity, 0);
const listLines = (lines: readonly RoutingLine[]) => lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ');

function canShipWhole(input: RouteInput, locationId: number): boolean {
  return input.lines.every((l) => input.stock(l.variantId, locationId) >= l.quantity);
}

/** What this location lacks for the order, and where the rest is (nearest first), as transfer suggestions. */
function shortfall(input: RouteInput, at: RoutingLocation, ranked: RoutingLocation[]) {
  const missing: RoutingLine[] = [];
  const transfers: TransferSuggestion[] = [];
  for (const l of input.lines) {
    const lack = l.quantity - Math.min(l.quantity, input.stock(l.variantId, at.id));
    if (lack <= 0) continue;
    missing.push({ ...l, quantity: lack });
    let left = lack;
    for (const other of ranked) {
      if (other.id === at.id || left <= 0) continue;
      const spare = Math.min(left, input.stock(l.variantId, other.id));
      if (spare > 0) { transfers.push({ fromLocationId: other.id, variantId: l.variantId, sku: l.sku, quantity: spare }); left -= spare; }
    }
  }
  return { missing, transfers };
}

/** Each step takes the location that covers most of what is left (nearest on a tie): fewest parcels first. */
function splitPlan(input: RouteInput, ranked: RoutingLocation[]): Shipment[] | null {
  const left = new Map(input.lines.map((l) => [l.variantId, l.quantity]));
  const given = new Map<string, number>();
  const shipments: Shipment[] = [];
  while ([...left.values()].some((q) => q > 0)) {
    if (shipments.length >= input.policy.maxShipments) return null;
    let best: { loc: RoutingLocation; lines: RoutingLine[] } | null = null;
    for (const loc of ranked) {
      if (shipments.some((s) => s.locationId === loc.id)) continue;
      const lines = input.lines.map((l) => {
        const spare = input.stock(l.variantId, loc.id) - (given.get(`${l.variantId}:${loc.id}`) ?? 0);
        return { ...l, quantity: Math.max(0, Math.min(left.get(l.variantId) ?? 0, spare)) };
      }).filter((l) => l.quantity > 0);
      if (units(lines) > units(best?.lines ?? [])) best = { loc, lines };
    }
    if (!best) return null;
    for (const l of best.lines) {
      left.set(l.variantId, (left.get(l.variantId) ?? 0) - l.quantity);
      given.set(`${l.variantId}:${best.loc.id}`, (given.get(`${l.variantId}:${best.loc.id}`) ?? 0) + l.quantity);
    }
    shipments.push({ locationId: best.loc.id, lines: best.lines });
  }
  return shipments;
}

/**
 * Whole from the nearest location that has everything; otherwise, with the owner's consent rule,
 * split into one shipment per location (fewest parcels); otherwise the nearest location that has
 * some of it ships it once the rest is transferred in.
 */
export function routeOrder(input: RouteInput): RoutePlan {
  const ranked = byNearness(input.locations, input.destination);
  const name = (id: number) => input.locations.find((l) => l.id === id)?.name ?? `location ${id}`;
  const pinned = input.pinnedLocationId === null ? undefined : ranked.find((l) => l.id === input.pinnedLocationId);
  if (pinned) {
    if (canShipWhole(input, pinned.id)) return { kind: 'whole', locationId: pinned.id, why: `a rule says it ships from ${pinned.name}, which has everything` };
    const s = shortfall(input, pinned, ranked);
    return { kind: 'partial', locationId: pinned.id, ...s, why: `a rule says it ships from ${pinned.name}, which lacks ${listLines(s.missing)}` };
  }
  const whole = ranked.find((l) => canShipWhole(input, l.id));
  if (whole) {
    const others = ranked.filter((l) => l.id !== whole.id && canShipWhole(input, l.id)).length;
    return { kind: 'whole', locationId: whole.id, why: `${whole.name} has everything${others ? ' and is the nearest that does' : ''} (${ZONE_WORDS[zoneDistance(whole, input.destination)]})` };
  }
  if (input.policy.mode !== 'never' && ranked.length > 1) {
    const shipments = splitPlan(input, ranked);
    if (shipments && shipments.length > 1) {
      const where = shipments.map((s) => `${name(s.locationId)} (${listLines(s.lines)})`).join(' and ');
      return { kind: 'split', shipments, consent: input.policy.mode === 'auto' ? 'given' : 'needed', why: `no location has everything: ${shipments.length} parcels, from ${where}` };
    }
  }
  const holding = ranked.find((l) => input.lines.some((line) => input.stock(line.variantId, l.id) > 0)) ?? ranked[0]!;
  const s = shortfall(input, holding, ranked);
  const transferWords = s.transfers.length ? `; ${listLines(s.transfers)} can come from ${[...new Set(s.transfers.map((t) => name(t.fromLocationId)))].join(' and ')}` : '; no other location has it either';
  return { kind: 'partial', locationId: holding.id, ...s, why: `no location has everything; ${holding.name} is the nearest with some of it and lacks ${listLines(s.missing)}${transferWords}` };
}
