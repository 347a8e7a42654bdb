import { normaliseTracking } from '../../../shared/codes/tracking';
import { AT_BENCH_STATUSES, EXPECTED_STATUSES } from '../../../shared/domain/return-state';
import { resolveOrderCode } from '../services/scan-codes';
import type { Repos } from '../store';
import type { ReturnRecord } from '../store/returns-repo';

export type ReturnCodeMatch =
  | { kind: 'return'; ret: ReturnRecord; via: 'rma' | 'tracking' | 'order' }
  | { kind: 'order'; orderId: number }
  | { kind: 'none' };

const RMA = /^RMA[-\s]?(\d{1,9})$/i;

/** What the return slip's barcode carries. Code 128 takes it as printed. */
export function rmaBarcode(number: string): string {
  return number;
}

/** A return label's barcode may carry a USPS routing prefix (420 + ZIP) in front of the tracking number. */
function trackingForms(text: string): string[] {
  const n = normaliseTracking(text);
  const routed = /^420(?:\d{5}|\d{9})(9[1-5]\d{18,32})$/.exec(n);
  return routed ? [n, routed[1]!] : [n];
}

/** The open return among several: one at the bench first, then one still expected, newest first. */
function pick(returns: ReturnRecord[]): ReturnRecord | undefined {
  return returns.find((r) => AT_BENCH_STATUSES.includes(r.status)) ?? returns.find((r) => EXPECTED_STATUSES.includes(r.status)) ?? returns[0];
}

/** The return (or order) a scanned return slip, return label or packing slip names. */
export function resolveReturnCode(repos: Repos, raw: string, gsReplacement: string): ReturnCodeMatch {
  // a scanner may put an AIM symbology id (]C0, ]Q1 …) in front of what the barcode carries
  const text = raw.trim().replace(/^\][A-Za-z][0-9A-Za-z]/, '');
  const rma = RMA.exec(text);
  if (rma) {
    const ret = repos.returns.byNumber(`RMA-${rma[1]}`);
    return ret ? { kind: 'return', ret, via: 'rma' } : { kind: 'none' };
  }
  for (const t of trackingForms(text)) {
    if (t.length < 8) continue;
    const ret = pick(repos.returns.byTracking(t));
    if (ret) return { kind: 'return', ret, via: 'tracking' };
  }
  const orderId = resolveOrderCode(repos, text, gsReplacement);
  if (orderId) {
    const open = repos.returns.forOrder(orderId).reverse().filter((r) => AT_BENCH_STATUSES.includes(r.status) || EXPECTED_STATUSES.includes(r.status));
    const ret = pick(open);
    return ret ? { kind: 'return', ret, via: 'order' } : { kind: 'order', orderId };
  }
  return { kind: 'none' };
}
