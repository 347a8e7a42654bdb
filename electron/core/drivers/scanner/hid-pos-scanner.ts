// HID POS bar code scanners (usage page 0x8C). A scan arrives as one or more input reports: each
// carries the AIM symbology id and up to 56 bytes of data, and a "decode data continued" bit says
// another report of the same scan follows. Reports are concatenated until that bit clears. The
// AIM id is kept in front of the data, as the scan pipeline expects (]C1 marks GS1-128 …), and GS
// separators arrive as real 0x1D bytes, which a keyboard wedge often loses.
// The layout is read from the device's report descriptor when the OS gives it; otherwise the
// layout these scanners document is used.

import { DescriptorError, findField, parseReportDescriptor, usage, type HidField, type ReportDescriptor } from '../hid/report-descriptor';

const PAGE = 0x8c;
const U = {
  symbology1: usage(PAGE, 0xfb),
  symbology2: usage(PAGE, 0xfc),
  symbology3: usage(PAGE, 0xfd),
  decodedData: usage(PAGE, 0xfe),
  continued: usage(PAGE, 0xff),
  scannedDataReport: usage(PAGE, 0x12),
};

/** Byte positions inside a report as read (report id at [0]). */
export type ScannerLayout = {
  reportId: number;
  /** where the byte count of the data is, when the device sends one */
  lengthAt: number | null;
  symbologyAt: [number, number, number] | null;
  dataAt: number;
  dataBytes: number;
  /** the "decode data continued" flag */
  moreAt: { byte: number; bit: number } | null;
  source: 'descriptor' | 'documented';
};

/** The layout HID POS scanners document: [0] id 2, [1] count, [2..4] AIM id, [5..60] data, [63] bit 0 more. */
export const DOCUMENTED_SCANNER_LAYOUT: ScannerLayout = {
  reportId: 2, lengthAt: 1, symbologyAt: [2, 3, 4], dataAt: 5, dataBytes: 56, moreAt: { byte: 63, bit: 0 }, source: 'documented',
};

const bytePos = (f: HidField, element = 0): number => (f.reportId !== 0 ? 1 : 0) + (f.bitOffset + element * f.bitSize) / 8;

export type LayoutResult = { ok: true; layout: ScannerLayout } | { ok: false; reason: string };

/** Reads the scanned-data report layout from a report descriptor. */
export function scannerLayoutFromDescriptor(descriptor: Uint8Array | ReportDescriptor): LayoutResult {
  let d: ReportDescriptor;
  try {
    d = descriptor instanceof Uint8Array ? parseReportDescriptor(descriptor) : descriptor;
  } catch (e) {
    return { ok: false, reason: e instanceof DescriptorError ? `its report descriptor is malformed (${e.message})` : String(e) };
  }
  const data = findField(d, 'input', U.decodedData);
  if (!data) return { ok: false, reason: 'its report descriptor declares no decoded-data field (usage 0x8C:0xFE), so it is not a HID POS scanner' };
  if (data.bitSize !== 8 || data.bitOffset % 8 !== 0) return { ok: false, reason: 'its decoded-data field is not made of whole bytes' };
  const sym = [U.symbology1, U.symbology2, U.symbology3].map((u) => findField(d, 'input', u));
  const same = (f: HidField | undefined): f is HidField => f !== undefined && f.reportId === data.reportId && f.bitSize === 8;
  let symbologyAt: [number, number, number] | null = null;
  if (sym.every(same)) {
    const [a, b, c] = sym as [HidField, HidField, HidField];
    const pos = (f: HidField, u: number) => bytePos(f, f.usages.indexOf(u));
    symbologyAt = [pos(a, U.symbology1), pos(b, U.symbology2), pos(c, U.symbology3)];
  }
  const more = findField(d, 'input', U.continued);
  let moreAt: ScannerLayout['moreAt'] = null;
  if (more && more.reportId === data.reportId && more.bitSize === 1) {
    const bit = more.bitOffset + (more.reportId !== 0 ? 8 : 0);
    moreAt = { byte: bit >> 3, bit: bit & 7 };
  }
  // The byte count is the 8-bit field right before the symbology id (or the data, without one).
  const firstAfter = symbologyAt ? (sym[0] as HidField).bitOffset : data.bitOffset;
  const count = d.fields.find((f) => f.kind === 'input' && f.reportId === data.reportId && f.bitSize === 8 && f.count >= 1
    && f.bitOffset + f.bitSize * f.count === firstAfter && !f.usages.some((u) => u === U.symbology1 || u === U.decodedData));
  const lengthAt = count ? bytePos(count, count.count - 1) : null;
  return {
    ok: true,
    layout: { reportId: data.reportId, lengthAt, symbologyAt, dataAt: bytePos(data), dataBytes: data.count, moreAt, source: 'descriptor' },
  };
}

export type AssembledScan = { text: string; aim: string | null; reports: number };

export type ScanAssembler = {
  /** Feeds one report; returns the scan when this report completed one. */
  push(report: Uint8Array, now: number): AssembledScan | { ignored: string } | null;
  /** a scan started but never finished is dropped after this long */
  pendingSince(): number | null;
  reset(): void;
};

const MAX_SCAN_BYTES = 16 * 1024;

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Scanners in their default code page send Latin-1 for non-ASCII; every byte then maps to one character.
    return new TextDecoder('latin1').decode(bytes);
  }
}

const printableAim = (s: string): boolean => /^\][A-Za-z][0-9A-Za-z]$/.test(s);

/** Concatenates a scan's reports until the "more data" bit clears. */
export function createScanAssembler(layout: ScannerLayout): ScanAssembler {
  let parts: Uint8Array[] = [];
  let aim: string | null = null;
  let total = 0;
  let startedAt: number | null = null;

  return {
    push(report, now) {
      if (layout.reportId !== 0 && report[0] !== layout.reportId) return { ignored: `report ${report[0] ?? '?'} is not a scanned-data report` };
      const end = layout.dataAt + layout.dataBytes;
      if (report.length < Math.min(end, layout.dataAt + 1)) return { ignored: `a ${report.length}-byte report is too short for scanned data` };
      let n = layout.lengthAt !== null ? (report[layout.lengthAt] ?? 0) : layout.dataBytes;
      n = Math.min(n, layout.dataBytes, Math.max(0, report.length - layout.dataAt));
      let chunk = report.subarray(layout.dataAt, layout.dataAt + n);
      if (layout.lengthAt === null) {
        // without a byte count, the data ends at the first NUL padding byte
        const nul = chunk.indexOf(0);
        if (nul !== -1) chunk = chunk.subarray(0, nul);
      }
      if (parts.length === 0) {
        startedAt = now;
        if (layout.symbologyAt) {
          const id = String.fromCharCode(...layout.symbologyAt.map((i) => report[i] ?? 0));
          aim = printableAim(id) ? id : null;
        }
      }
      total += chunk.length;
      if (total > MAX_SCAN_BYTES) {
        this.reset();
        return { ignored: `a scan grew beyond ${MAX_SCAN_BYTES} bytes without ending` };
      }
      parts.push(Uint8Array.from(chunk));
      const more = layout.moreAt !== null && ((report[layout.moreAt.byte] ?? 0) >> layout.moreAt.bit & 1) === 1;
      if (more) return null;
      const all = new Uint8Array(total);
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      const reports = parts.length;
      const prefix = aim;
      this.reset();
      // A scanner set to add a suffix in HID POS mode still sends it; it is not part of the code.
      const data = decode(all).replace(/[\r\n]+$/, '');
      return { text: (prefix ?? '') + data, aim: prefix, reports };
    },
    pendingSince: () => startedAt,
    reset() {
      parts = [];
      aim = null;
      total = 0;
      startedAt = null;
    },
  };
}
