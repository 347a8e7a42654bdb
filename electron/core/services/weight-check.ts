// The expected-weight check: before a parcel's label is made, what the scale says must agree with
// what the parcel should weigh. "Should" is the catalog weights of what was scanned plus the empty
// box; once three or more parcels of exactly the same items have shipped, it is their mean, which
// knows the real box, filler and paperwork. A parcel outside the tolerance is stopped with the
// numbers; a supervisor may accept it (recorded with their name and reason).

import { AppError } from '../../../shared/contract/errors';
import { WeightSettingsSchema, type ScaleReading, type WeightExpectation, type WeightSettings } from '../../../shared/contract/devices';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { ShippingService } from '../shipping/shipping-service';
import { lineStates, sessionOrThrow } from './pack-view';

export const LEARN_AFTER = 3;

export function formatGrams(grams: number): string {
  const g = Math.round(grams);
  if (Math.abs(g) < 1000) return `${g} g`;
  return `${(g / 1000).toFixed(3)} kg`;
}

/** The parcel's contents as one key: "SKU-A*2|SKU-B*1", sorted, so the same items always match. */
export function contentsKey(lines: Array<{ sku: string; quantity: number }>): string {
  return lines.filter((l) => l.quantity > 0).map((l) => `${l.sku}*${l.quantity}`).sort().join('|');
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function deviation(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

export type WeighedParcel = { grams: number; expectedGrams: number | null; acceptedBy: string; acceptReason: string; contents: string };

type Acceptance = { supervisor: string; reason: string; grams: number };

/**
 * `shipping` gives the parcel's box the way the label purchase sees it (services/parcel-weight.ts,
 * INTERFACES.md item 4): the packer's choice, the SKU's usual box or the shop's default, with its empty
 * weight. Without a box preset the check uses the box weight from its own settings.
 */
export function createWeightCheck(repos: Repos, clock: Clock, scale: () => ScaleReading | null, shipping?: Pick<ShippingService, 'weigh'>) {
  /** per session: a supervisor accepted this weight; valid for that weight only */
  const accepted = new Map<number, Acceptance>();

  function settings(): WeightSettings {
    return WeightSettingsSchema.parse(repos.settings.get('weight') ?? {});
  }

  function parcelLines(sessionId: number) {
    const session = sessionOrThrow(repos, sessionId);
    return lineStates(repos, session).filter((l) => l.scanned > 0).map((l) => ({ sku: l.sku, quantity: l.scanned, variantId: l.variantId }));
  }

  function expected(sessionId: number): WeightExpectation {
    const s = settings();
    const lines = parcelLines(sessionId);
    const contents = contentsKey(lines);
    let productsGrams = 0;
    const unweighed: string[] = [];
    for (const l of lines) {
      const w = l.variantId ? (repos.catalog.variantById(l.variantId)?.weightGrams ?? 0) : 0;
      if (w <= 0) unweighed.push(l.sku);
      productsGrams += w * l.quantity;
    }
    const parcel = shipping && lines.length ? shipping.weigh(sessionId, lines) : null;
    const boxGrams = parcel?.box ? parcel.weight.boxGrams : s.boxGrams;
    const boxWords = parcel?.box ? `${parcel.box.name} ${formatGrams(boxGrams)}` : `box ${formatGrams(boxGrams)}`;
    const base = { productsGrams, boxGrams, unweighed };
    const history = contents ? repos.weights.forContents(contents) : [];
    if (history.length >= LEARN_AFTER) {
      const m = Math.round(mean(history));
      const tolerance = Math.round(Math.max(s.minToleranceGrams, (m * s.tolerancePercent) / 100, 3 * deviation(history)));
      return {
        ...base, basis: 'history', expectedGrams: m, toleranceGrams: tolerance, shipments: history.length,
        words: `Should weigh ${formatGrams(m)} ± ${formatGrams(tolerance)}, learned from ${history.length} earlier parcels of exactly these items.`,
      };
    }
    if (lines.length === 0) {
      return { ...base, basis: 'none', expectedGrams: null, toleranceGrams: 0, shipments: history.length, words: 'Nothing is counted yet.' };
    }
    if (unweighed.length > 0) {
      return {
        ...base, basis: 'none', expectedGrams: null, toleranceGrams: 0, shipments: history.length,
        words: `Not checked: ${unweighed.join(', ')} ${unweighed.length === 1 ? 'has' : 'have'} no weight in the catalog. Add the weight to the product to have parcels checked.`,
      };
    }
    const e = productsGrams + boxGrams;
    const tolerance = Math.round(Math.max(s.minToleranceGrams, (e * s.tolerancePercent) / 100));
    return {
      ...base, basis: 'products', expectedGrams: e, toleranceGrams: tolerance, shipments: history.length,
      words: `Should weigh ${formatGrams(e)} ± ${formatGrams(tolerance)}: products ${formatGrams(productsGrams)} + ${boxWords}.`,
    };
  }

  /**
   * Before the parcel is closed: the steady scale weight, checked. Throws (nothing recorded) when the
   * scale is not steady or the weight is off; returns null when there is no scale (nothing to check).
   */
  function weigh(sessionId: number): WeighedParcel | null {
    const s = settings();
    const reading = scale();
    if (!reading || reading.state === 'none') return null;
    const contents = contentsKey(parcelLines(sessionId));
    if (!reading.stable || reading.grams === null) {
      throw new AppError('conflict', `The parcel was not closed: the scale has no steady weight yet. ${reading.words}`,
        'Put the parcel on the scale, keep it still, then close it again.');
    }
    if (reading.grams <= 0) {
      throw new AppError('conflict', 'The parcel was not closed: the scale reads nothing. Put the parcel on the scale.',
        'If there is no scale at this bench, unplug it; the label then uses the catalog weight.');
    }
    const grams = reading.grams;
    const e = expected(sessionId);
    const base = { grams, contents, expectedGrams: e.expectedGrams, acceptedBy: '', acceptReason: '' };
    if (!s.enabled || e.expectedGrams === null) return base;
    const off = grams - e.expectedGrams;
    if (Math.abs(off) <= e.toleranceGrams) return base;
    const ok = accepted.get(sessionId);
    if (ok && Math.abs(ok.grams - grams) <= e.toleranceGrams / 4 + 5) return { ...base, acceptedBy: ok.supervisor, acceptReason: ok.reason };
    const percent = Math.round((Math.abs(off) / e.expectedGrams) * 100);
    const how = off > 0 ? `${formatGrams(off)} (${percent}%) too heavy` : `${formatGrams(-off)} (${percent}%) too light`;
    const why = e.basis === 'history'
      ? `learned from ${e.shipments} earlier parcels of exactly these items`
      : `products ${formatGrams(e.productsGrams)} + box ${formatGrams(e.boxGrams)}`;
    throw new AppError('conflict',
      `Weight check: the parcel weighs ${formatGrams(grams)} but should weigh ${formatGrams(e.expectedGrams)} ± ${formatGrams(e.toleranceGrams)} (${why}). It is ${how}; no label was made.`,
      off > 0 ? 'Look for an extra item or a wrong one in the box, then weigh again. A supervisor can accept this weight.'
        : 'Look for a missing item, then weigh again. A supervisor can accept this weight.');
  }

  return {
    settings,
    saveSettings(next: WeightSettings): WeightSettings {
      const parsed = WeightSettingsSchema.parse(next);
      repos.settings.set('weight', parsed);
      return parsed;
    },
    expected,
    weigh,
    /** A supervisor takes responsibility for the weight on the scale now, for this parcel. */
    accept(sessionId: number, supervisor: string, reason: string): { accepted: boolean; message: string } {
      sessionOrThrow(repos, sessionId);
      const reading = scale();
      if (!reading || reading.state === 'none') throw new AppError('conflict', 'There is no scale here, so there is no weight to accept.');
      if (!reading.stable || reading.grams === null) throw new AppError('conflict', `There is no steady weight to accept yet. ${reading.words}`);
      accepted.set(sessionId, { supervisor, reason, grams: reading.grams });
      return { accepted: true, message: `${supervisor} accepted ${formatGrams(reading.grams)} for this parcel. Close it again to print its label.` };
    },
    /** Call in the transaction that closes the parcel: its weight joins what the next check learns from. */
    record(orderId: number, sessionId: number, w: WeighedParcel): void {
      if (!w.contents) return;
      repos.weights.record({ orderId, sessionId, contents: w.contents, grams: Math.round(w.grams), expectedGrams: w.expectedGrams, acceptedBy: w.acceptedBy, acceptReason: w.acceptReason, at: isoNow(clock) });
      accepted.delete(sessionId);
    },
  };
}
export type WeightCheck = ReturnType<typeof createWeightCheck>;
