// HID POS scales (usage page 0x8D: Dymo M-series, Stamps.com, Mettler Toledo PS, Fairbanks …).
// A scale data report holds a status selector, a unit selector, a power-of-ten exponent and the
// weight: weight = value × 10^exponent, in the unit. The field positions come from the device's
// report descriptor when the OS gives it, else from the layout these scales document.

import { DescriptorError, findField, parseReportDescriptor, readField, usage, type HidField, type ReportDescriptor } from '../hid/report-descriptor';

const PAGE = 0x8d;

export type ScaleStatus = 'fault' | 'zero' | 'motion' | 'stable' | 'under-zero' | 'over-weight' | 'calibrate' | 're-zero';
export type WeightUnit = 'mg' | 'g' | 'kg' | 'ct' | 'taels' | 'gr' | 'dwt' | 't' | 'ton' | 'ozt' | 'oz' | 'lb';

// Selector usages 0x71..0x78 and 0x51..0x5C, in order: a report's selector value n is the n-th.
const STATUSES: ScaleStatus[] = ['fault', 'zero', 'motion', 'stable', 'under-zero', 'over-weight', 'calibrate', 're-zero'];
const UNITS: WeightUnit[] = ['mg', 'g', 'kg', 'ct', 'taels', 'gr', 'dwt', 't', 'ton', 'ozt', 'oz', 'lb'];

/** Grams per unit (avoirdupois ounce and pound, troy ounce, metric carat …). */
export const GRAMS_PER: Record<WeightUnit, number> = {
  mg: 0.001, g: 1, kg: 1000, ct: 0.2, taels: 37.799364167, gr: 0.06479891, dwt: 1.55517384, t: 1_000_000, ton: 907_184.74,
  ozt: 31.1034768, oz: 28.349523125, lb: 453.59237,
};

export type ScaleReport = {
  status: ScaleStatus | 'unknown';
  unit: WeightUnit | 'unknown';
  exponent: number;
  value: number;
  /** value × 10^exponent in `unit` */
  amount: number;
  /** the amount in grams, 0.1 g precision; null when the unit is unknown */
  grams: number | null;
};

type Reader = (report: Uint8Array) => number;

export type ScaleLayout = {
  reportId: number;
  length: number;
  status: Reader;
  unit: Reader;
  exponent: Reader;
  value: Reader;
  /** output report that zeroes the scale, when the device declares one */
  zeroReport: Uint8Array | null;
  source: 'descriptor' | 'documented';
};

/** [0] id 3, [1] status, [2] unit, [3] exponent int8, [4..5] uint16 LE: what Dymo and Stamps.com scales send. */
export const DOCUMENTED_SCALE_LAYOUT: ScaleLayout = {
  reportId: 3,
  length: 6,
  status: (r) => r[1] ?? 0,
  unit: (r) => r[2] ?? 0,
  exponent: (r) => {
    const b = r[3] ?? 0;
    return b >= 0x80 ? b - 0x100 : b;
  },
  value: (r) => (r[4] ?? 0) | ((r[5] ?? 0) << 8),
  zeroReport: null,
  source: 'documented',
};

export type ScaleLayoutResult = { ok: true; layout: ScaleLayout } | { ok: false; reason: string };

function selectorReader(f: HidField, first: number): Reader {
  // An array field holds the index (from logical minimum) of the selected usage.
  return (r) => {
    const v = readField(r, f);
    const chosen = f.usages[v - f.logicalMin];
    return chosen === undefined ? 0 : chosen - first + 1;
  };
}

export function scaleLayoutFromDescriptor(descriptor: Uint8Array | ReportDescriptor): ScaleLayoutResult {
  let d: ReportDescriptor;
  try {
    d = descriptor instanceof Uint8Array ? parseReportDescriptor(descriptor) : descriptor;
  } catch (e) {
    return { ok: false, reason: e instanceof DescriptorError ? `its report descriptor is malformed (${e.message})` : String(e) };
  }
  const weight = findField(d, 'input', usage(PAGE, 0x40));
  const scaling = findField(d, 'input', usage(PAGE, 0x41));
  const status = findField(d, 'input', usage(PAGE, 0x74)); // "Weight Stable" is one of the status selectors
  const unit = findField(d, 'input', usage(PAGE, 0x52)); // "Gram" is one of the unit selectors
  if (!weight || !status) return { ok: false, reason: 'its report descriptor declares no scale weight and status (usages 0x8D:0x40 and 0x8D:0x70), so it is not a HID POS scale' };
  if (weight.reportId !== status.reportId) return { ok: false, reason: 'its weight and status come in different reports, which Packbench does not read' };
  const zero = findField(d, 'output', usage(PAGE, 0x80));
  let zeroReport: Uint8Array | null = null;
  if (zero && zero.bitSize === 1) {
    const len = d.reportLength('output', zero.reportId);
    zeroReport = new Uint8Array(len);
    if (zero.reportId !== 0) zeroReport[0] = zero.reportId;
    const bit = zero.bitOffset + (zero.reportId !== 0 ? 8 : 0);
    zeroReport[bit >> 3]! |= 1 << (bit & 7);
  }
  // the element of a variable field that carries this usage
  const element = (f: HidField, u: number): Reader => {
    const i = Math.max(0, f.usages.indexOf(u));
    return (r) => readField(r, f, i);
  };
  return {
    ok: true,
    layout: {
      reportId: weight.reportId,
      length: d.reportLength('input', weight.reportId),
      status: status.flags & 0x02 ? () => 0 : selectorReader(status, usage(PAGE, 0x71)),
      unit: unit && !(unit.flags & 0x02) ? selectorReader(unit, usage(PAGE, 0x51)) : () => 2,
      exponent: scaling ? element(scaling, usage(PAGE, 0x41)) : () => 0,
      value: element(weight, usage(PAGE, 0x40)),
      zeroReport,
      source: 'descriptor',
    },
  };
}

/** Reads one data report; null when it is another report (status, attributes) or too short. */
export function parseScaleReport(report: Uint8Array, layout: ScaleLayout): ScaleReport | null {
  if (layout.reportId !== 0 && report[0] !== layout.reportId) return null;
  if (report.length < layout.length) return null;
  const s = layout.status(report);
  const u = layout.unit(report);
  const exponent = layout.exponent(report);
  const value = layout.value(report);
  const status = STATUSES[s - 1] ?? 'unknown';
  const unit = UNITS[u - 1] ?? 'unknown';
  const amount = value * 10 ** exponent;
  // "under zero" scales report the magnitude; the sign is in the status
  const signed = status === 'under-zero' ? -amount : amount;
  const grams = unit === 'unknown' ? null : Math.round(signed * GRAMS_PER[unit] * 10) / 10;
  return { status, unit, exponent, value, amount: Number(signed.toFixed(Math.max(0, -exponent))), grams };
}
