// A HID report descriptor parser (Device Class Definition for HID 1.11, §6.2.2): turns the
// descriptor a device sends into the list of fields of each report, with their bit positions,
// so drivers read a report by what the device declares rather than by a guessed layout.
// Pure and strict: malformed descriptors are refused with the reason, never half-read.

export type ReportKind = 'input' | 'output' | 'feature';

/** A usage with its page: (page << 16) | id, as the HID spec writes extended usages. */
export type FullUsage = number;

export type HidField = {
  kind: ReportKind;
  /** 0 when the device uses no report ids */
  reportId: number;
  /** bit position inside the report, after the report id byte */
  bitOffset: number;
  bitSize: number;
  count: number;
  logicalMin: number;
  logicalMax: number;
  /** Main item data: bit 0 constant (padding), bit 1 variable (else array) */
  flags: number;
  /** one usage per element for variables; the selectable usages for arrays */
  usages: FullUsage[];
  /** the usages of the collections the field sits in, outermost first */
  collections: FullUsage[];
};

export type ReportDescriptor = {
  fields: HidField[];
  /** usages of the top-level (application) collections */
  applications: FullUsage[];
  /** report length in bytes as read from the device, the report id byte included */
  reportLength(kind: ReportKind, reportId: number): number;
};

export class DescriptorError extends Error {
  override readonly name = 'DescriptorError';
}

export const usage = (page: number, id: number): FullUsage => ((page & 0xffff) << 16) | (id & 0xffff);
export const usagePage = (u: FullUsage): number => (u >>> 16) & 0xffff;
export const usageId = (u: FullUsage): number => u & 0xffff;

type Globals = {
  usagePage: number;
  logicalMin: number;
  logicalMax: number;
  reportSize: number;
  reportId: number;
  reportCount: number;
};

// Generous bounds: a real POS device stays far below them, a corrupt descriptor does not.
const MAX_REPORT_BITS = 8 * 4096;
const MAX_USAGE_RANGE = 0x10000;

function unsigned(bytes: Uint8Array, at: number, size: number): number {
  let v = 0;
  for (let i = size - 1; i >= 0; i--) v = v * 256 + (bytes[at + i] ?? 0);
  return v;
}

function signed(bytes: Uint8Array, at: number, size: number): number {
  const v = unsigned(bytes, at, size);
  if (size === 0) return 0;
  const bits = size * 8;
  return v >= 2 ** (bits - 1) ? v - 2 ** bits : v;
}

export function parseReportDescriptor(bytes: Uint8Array): ReportDescriptor {
  if (bytes.length === 0) throw new DescriptorError('the report descriptor is empty');
  let g: Globals = { usagePage: 0, logicalMin: 0, logicalMax: 0, reportSize: 0, reportId: 0, reportCount: 0 };
  const stack: Globals[] = [];
  let localUsages: FullUsage[] = [];
  let usageMin: FullUsage | undefined;
  const collections: FullUsage[] = [];
  const applications: FullUsage[] = [];
  const fields: HidField[] = [];
  const nextBit = new Map<string, number>();
  let usedReportIds = false;
  let sawMainWithoutId = false;

  const full = (value: number, size: number): FullUsage => (size === 4 ? value >>> 0 : usage(g.usagePage, value));
  const clearLocals = () => {
    localUsages = [];
    usageMin = undefined;
  };

  let at = 0;
  while (at < bytes.length) {
    const prefix = bytes[at]!;
    if (prefix === 0xfe) {
      // long item: size byte, tag byte, data; no standard long items exist, so it is skipped whole
      const size = bytes[at + 1];
      if (size === undefined || at + 3 + size > bytes.length) throw new DescriptorError(`a long item at byte ${at} runs past the end`);
      at += 3 + size;
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 0x03]!;
    const type = (prefix >> 2) & 0x03;
    const tag = (prefix >> 4) & 0x0f;
    if (at + 1 + size > bytes.length) throw new DescriptorError(`the item at byte ${at} (0x${prefix.toString(16)}) runs past the end`);
    const data = unsigned(bytes, at + 1, size);
    const sdata = signed(bytes, at + 1, size);
    at += 1 + size;

    if (type === 0) {
      // Main items
      if (tag === 0x8 || tag === 0x9 || tag === 0xb) {
        const kind: ReportKind = tag === 0x8 ? 'input' : tag === 0x9 ? 'output' : 'feature';
        if (g.reportSize === 0 && g.reportCount > 0) throw new DescriptorError(`a ${kind} item at byte ${at - 1 - size} has no report size`);
        if (g.reportId === 0) sawMainWithoutId = true;
        const key = `${kind}:${g.reportId}`;
        const offset = nextBit.get(key) ?? 0;
        const bits = g.reportSize * g.reportCount;
        if (offset + bits > MAX_REPORT_BITS) throw new DescriptorError(`report ${g.reportId} grows beyond ${MAX_REPORT_BITS / 8} bytes`);
        nextBit.set(key, offset + bits);
        let usages = localUsages.slice();
        if (usageMin !== undefined && usages.length === 0) throw new DescriptorError('a usage minimum has no usage maximum');
        const variable = (data & 0x02) !== 0;
        if (variable && usages.length > 0 && usages.length < g.reportCount) {
          // the last usage repeats for the remaining elements (HID 1.11 §6.2.2.8)
          const last = usages[usages.length - 1]!;
          while (usages.length < g.reportCount) usages.push(last);
        }
        if (variable) usages = usages.slice(0, Math.max(g.reportCount, 0));
        fields.push({
          kind, reportId: g.reportId, bitOffset: offset, bitSize: g.reportSize, count: g.reportCount,
          logicalMin: g.logicalMin, logicalMax: g.logicalMax, flags: data, usages, collections: collections.slice(),
        });
        clearLocals();
      } else if (tag === 0xa) {
        const u = localUsages[0] ?? 0;
        if (collections.length === 0) applications.push(u);
        collections.push(u);
        clearLocals();
      } else if (tag === 0xc) {
        if (collections.length === 0) throw new DescriptorError(`an End Collection at byte ${at - 1 - size} closes nothing`);
        collections.pop();
        clearLocals();
      } else {
        throw new DescriptorError(`unknown main item 0x${prefix.toString(16)} at byte ${at - 1 - size}`);
      }
    } else if (type === 1) {
      // Global items
      switch (tag) {
        case 0x0: g.usagePage = data; break;
        case 0x1: g.logicalMin = sdata; break;
        // a maximum below the minimum is read unsigned, as devices mean it (HID 1.11 §6.2.2.7)
        case 0x2: g.logicalMax = sdata < g.logicalMin ? data : sdata; break;
        case 0x3: case 0x4: case 0x5: case 0x6: break; // physical range, unit exponent, unit
        case 0x7:
          if (data === 0 || data > 32) throw new DescriptorError(`report size ${data} bits is not usable`);
          g.reportSize = data;
          break;
        case 0x8:
          if (data === 0 || data > 255) throw new DescriptorError(`report id ${data} is not allowed`);
          g.reportId = data;
          usedReportIds = true;
          break;
        case 0x9: g.reportCount = data; break;
        case 0xa: stack.push({ ...g }); break;
        case 0xb: {
          const popped = stack.pop();
          if (!popped) throw new DescriptorError('a Pop has no matching Push');
          g = popped;
          break;
        }
        default: throw new DescriptorError(`unknown global item 0x${prefix.toString(16)}`);
      }
    } else if (type === 2) {
      // Local items
      switch (tag) {
        case 0x0: localUsages.push(full(data, size)); break;
        case 0x1: usageMin = full(data, size); break;
        case 0x2: {
          if (usageMin === undefined) throw new DescriptorError('a usage maximum has no usage minimum');
          const max = full(data, size);
          if (max < usageMin || max - usageMin >= MAX_USAGE_RANGE) throw new DescriptorError('a usage range is reversed or too large');
          for (let u = usageMin; u <= max; u++) localUsages.push(u);
          usageMin = undefined;
          break;
        }
        default: break; // designators, strings and delimiters name nothing a driver reads
      }
    } else {
      throw new DescriptorError(`reserved item type at byte ${at - 1 - size}`);
    }
  }
  if (collections.length > 0) throw new DescriptorError('a collection is never closed');
  if (usedReportIds && sawMainWithoutId) throw new DescriptorError('some reports have an id and some do not');

  return {
    fields,
    applications,
    reportLength(kind, reportId) {
      const bits = nextBit.get(`${kind}:${reportId}`) ?? 0;
      return Math.ceil(bits / 8) + (usedReportIds ? 1 : 0);
    },
  };
}

/** The first field of `kind` that declares `u` (as a variable element or an array choice). */
export function findField(d: ReportDescriptor, kind: ReportKind, u: FullUsage): HidField | undefined {
  return d.fields.find((f) => f.kind === kind && f.usages.includes(u));
}

/** Reads one element of a field from a report as read (report id byte included when the device uses ids). */
export function readField(report: Uint8Array, f: HidField, element = 0): number {
  const start = (f.reportId !== 0 ? 8 : 0) + f.bitOffset + element * f.bitSize;
  let v = 0;
  for (let i = f.bitSize - 1; i >= 0; i--) {
    const bit = start + i;
    const byte = report[bit >> 3] ?? 0;
    v = v * 2 + ((byte >> (bit & 7)) & 1);
  }
  if (f.logicalMin < 0 && f.bitSize < 53 && v >= 2 ** (f.bitSize - 1)) v -= 2 ** f.bitSize;
  return v;
}
