// Turns a scale's stream of reports into what the bench needs: one current reading with its
// state in words, taken as the parcel weight only when it is stable. The first report after a
// scale is opened is discarded (Dymo and Stamps.com scales repeat their last reading from before),
// tare and a software zero are applied here, and over-capacity and below-zero are said plainly.

import type { ScaleReport, WeightUnit } from './hid-pos-scale';
import { GRAMS_PER } from './hid-pos-scale';

export type ScaleState = 'waiting' | 'stable' | 'settling' | 'over-capacity' | 'under-zero' | 'fault' | 'needs-zero' | 'needs-calibration' | 'unknown-unit';

export type ScaleReading = {
  state: ScaleState;
  /** true when `grams` may be used as the parcel weight */
  stable: boolean;
  /** net of tare and zero, whole grams; null when there is no usable weight */
  grams: number | null;
  tareGrams: number;
  /** what the scale shows, in its own unit */
  display: string;
  unit: WeightUnit | 'unknown';
  words: string;
};

export type ScaleTracker = {
  /** Feeds one report; returns the new reading when what the bench should show changed. */
  push(report: ScaleReport, nowMs: number): ScaleReading | null;
  /** Re-evaluates with time only (a scale that stops sending once it has settled). */
  tick(nowMs: number): ScaleReading | null;
  current(): ScaleReading;
  /** the current gross weight becomes the tare; refused (false) unless the scale is steady */
  tare(): boolean;
  clearTare(): void;
  /** software zero, for scales that cannot be zeroed from the computer */
  zero(): boolean;
  /** when the next tick could change the state (stability timer), or null */
  nextCheckAt(): number | null;
};

export type ScaleTrackerOptions = {
  /** how long a steady reading must hold before it is taken; default 400 ms */
  stableMs?: number;
};

function formatAmount(grams: number, unit: WeightUnit | 'unknown', exponent: number): string {
  if (unit === 'unknown') return `${Math.round(grams)} g`;
  const amount = grams / GRAMS_PER[unit];
  const decimals = Math.max(0, Math.min(4, -exponent));
  return `${amount.toFixed(decimals)} ${unit}`;
}

export function formatGrams(grams: number): string {
  const g = Math.round(grams);
  if (Math.abs(g) < 1000) return `${g} g`;
  const sign = g < 0 ? '-' : '';
  const a = Math.abs(g);
  return `${sign}${Math.floor(a / 1000)}.${String(a % 1000).padStart(3, '0')} kg`;
}

const WAITING: ScaleReading = {
  state: 'waiting', stable: false, grams: null, tareGrams: 0, display: '—', unit: 'unknown',
  words: 'Waiting for the scale’s first reading: put something on it or press its ZERO button.',
};

export function createScaleTracker(options: ScaleTrackerOptions = {}): ScaleTracker {
  const stableMs = options.stableMs ?? 400;
  let seenFirst = false;
  let last: ScaleReport | null = null;
  let steadySince: number | null = null;
  let steadyReports = 0;
  let tareGrams = 0;
  let zeroGrams = 0;
  let reading: ScaleReading = WAITING;
  /** the time of the last report or tick: tare and zero re-evaluate at it */
  let lastNow = 0;

  const gross = (): number | null => (last?.grams == null ? null : last.grams - zeroGrams);

  function evaluate(now: number): ScaleReading {
    if (!last) return { ...WAITING, tareGrams };
    const r = last;
    const base = { tareGrams, unit: r.unit, display: r.grams === null ? '—' : formatAmount(r.grams - zeroGrams, r.unit, r.exponent) };
    const g = gross();
    const net = g === null ? null : Math.round(g - tareGrams);
    switch (r.status) {
      case 'over-weight':
        return { ...base, state: 'over-capacity', stable: false, grams: null, display: 'OVER',
          words: 'The parcel is heavier than the scale can weigh: take it off, weigh it on a bigger scale and type the weight.' };
      case 'under-zero':
        return { ...base, state: 'under-zero', stable: false, grams: null,
          words: 'The scale reads below zero: empty it and press its ZERO button (or Zero here).' };
      case 'fault':
        return { ...base, state: 'fault', stable: false, grams: null,
          words: 'The scale reports a fault: switch it off and on again with nothing on it.' };
      case 'calibrate':
        return { ...base, state: 'needs-calibration', stable: false, grams: null,
          words: 'The scale asks to be calibrated: follow its manual, then weigh again.' };
      case 're-zero':
        return { ...base, state: 'needs-zero', stable: false, grams: null,
          words: 'The scale asks to be zeroed: empty it and press its ZERO button.' };
      case 'motion':
        return { ...base, state: 'settling', stable: false, grams: net,
          words: 'The scale is settling: keep the parcel still for a moment.' };
      default:
        break;
    }
    if (r.unit === 'unknown' || net === null) {
      return { ...base, state: 'unknown-unit', stable: false, grams: null,
        words: 'The scale sends its weight in a unit Packbench does not know: set it to grams, kilograms, ounces or pounds.' };
    }
    if (r.status === 'unknown') {
      return { ...base, state: 'settling', stable: false, grams: net, words: 'The scale sent a status Packbench does not know; waiting for a steady reading.' };
    }
    const held = steadySince !== null && (now - steadySince >= stableMs || steadyReports >= 3);
    if (!held) return { ...base, state: 'settling', stable: false, grams: net, words: 'The scale is settling: keep the parcel still for a moment.' };
    const tared = tareGrams !== 0 ? ` (box of ${formatGrams(tareGrams)} taken off)` : '';
    return { ...base, state: 'stable', stable: true, grams: net, words: net === 0 ? 'The scale is empty and steady.' : `Steady at ${formatGrams(net)}${tared}.` };
  }

  function changed(next: ScaleReading): ScaleReading | null {
    const same = next.state === reading.state && next.grams === reading.grams && next.display === reading.display && next.tareGrams === reading.tareGrams;
    reading = next;
    return same ? null : next;
  }

  return {
    push(report, now) {
      lastNow = now;
      if (!seenFirst) {
        seenFirst = true;
        return null;
      }
      const steady = report.status === 'stable' || report.status === 'zero';
      const sameWeight = last !== null && last.grams === report.grams && last.unit === report.unit;
      if (steady && sameWeight && steadySince !== null) {
        steadyReports++;
      } else if (steady) {
        steadySince = now;
        steadyReports = 1;
      } else {
        steadySince = null;
        steadyReports = 0;
      }
      last = report;
      return changed(evaluate(now));
    },
    tick(now) {
      lastNow = now;
      return changed(evaluate(now));
    },
    current: () => reading,
    tare() {
      const g = gross();
      if (!reading.stable || g === null) return false;
      tareGrams = Math.round(g);
      reading = evaluate(lastNow);
      return true;
    },
    clearTare() {
      tareGrams = 0;
      reading = evaluate(lastNow);
    },
    zero() {
      const g = last?.grams;
      if (g == null || !reading.stable) return false;
      zeroGrams = g;
      tareGrams = 0;
      reading = evaluate(lastNow);
      return true;
    },
    nextCheckAt: () => (steadySince !== null && !reading.stable ? steadySince + stableMs : null),
  };
}
