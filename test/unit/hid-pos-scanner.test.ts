import { describe, expect, it } from 'vitest';
import { HID_POS_SCALE_DESCRIPTOR, HID_POS_SCANNER_DESCRIPTOR, hidPosScanReports } from '../../electron/core/drivers/hid/pos-descriptors';
import { createScanAssembler, DOCUMENTED_SCANNER_LAYOUT, scannerLayoutFromDescriptor, type ScannerLayout } from '../../electron/core/drivers/scanner/hid-pos-scanner';
import { parseScan } from '../../shared/codes';
import { REVINF_REPORTS, REVINF_TEXT } from '../fixtures/honeywell-hid-pos';

function layoutOf(descriptor: Uint8Array): ScannerLayout {
  const r = scannerLayoutFromDescriptor(descriptor);
  if (!r.ok) throw new Error(r.reason);
  return r.layout;
}

describe('HID POS scanner reports', () => {
  it('finds the same byte positions in the report descriptor as the scanners document', () => {
    const { source: _a, ...fromDescriptor } = layoutOf(HID_POS_SCANNER_DESCRIPTOR);
    const { source: _b, ...documented } = DOCUMENTED_SCANNER_LAYOUT;
    expect(fromDescriptor).toEqual(documented);
  });

  it('refuses a descriptor that is not a scanner', () => {
    const r = scannerLayoutFromDescriptor(HID_POS_SCALE_DESCRIPTOR);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/not a HID POS scanner/);
  });

  it('concatenates a real Honeywell message over six reports until the "more" bit clears, keeping the AIM id', () => {
    const assembler = createScanAssembler(layoutOf(HID_POS_SCANNER_DESCRIPTOR));
    const results = REVINF_REPORTS.map((r, i) => assembler.push(Uint8Array.from(r), i));
    expect(results.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(results[5]).toEqual({ text: `]X0${REVINF_TEXT}`, aim: ']X0', reports: 6 });
    // the next report starts a new message with its own AIM id
    expect(results[6]).toEqual({ text: ']Z6REVINF\u0006.', aim: ']Z6', reports: 1 });
  });

  it('keeps GS separators of a GS1-128 scan, which the scan pipeline then parses', () => {
    const assembler = createScanAssembler(DOCUMENTED_SCANNER_LAYOUT);
    const [report] = hidPosScanReports(']C1', '0109506000134352\u001d10LOT-7\u001d17261231');
    const scan = assembler.push(report!, 0);
    expect(scan).toMatchObject({ text: ']C10109506000134352\u001d10LOT-7\u001d17261231', aim: ']C1' });
    const parsed = parseScan((scan as { text: string }).text);
    expect(parsed).toMatchObject({ kind: 'gs1', gtin14: '09506000134352', lot: 'LOT-7', expiry: '2026-12-31' });
  });

  it('joins a long 2D code sent in three reports and decodes UTF-8', () => {
    const text = `packbench:order:42 ${'Ünïcødé '.repeat(9)}`.trim();
    const reports = hidPosScanReports(']Q1', text);
    // 126 UTF-8 bytes: a two-byte character is cut at the report boundary, so only the whole scan decodes
    expect(reports.length).toBe(3);
    expect(new TextDecoder('utf-8', { fatal: false }).decode(reports[0]!.subarray(5, 61))).toContain('\uFFFD');
    const assembler = createScanAssembler(DOCUMENTED_SCANNER_LAYOUT);
    const out = reports.map((r) => assembler.push(r, 0));
    expect(out.at(-1)).toEqual({ text: `]Q1${text}`, aim: ']Q1', reports: 3 });
  });

  it('ignores reports of another id and says why', () => {
    const assembler = createScanAssembler(DOCUMENTED_SCANNER_LAYOUT);
    expect(assembler.push(Uint8Array.from([0x04, 0, 0, 0]), 0)).toEqual({ ignored: 'report 4 is not a scanned-data report' });
    expect(assembler.push(Uint8Array.from([0x02, 3]), 0)).toMatchObject({ ignored: expect.stringMatching(/too short/) });
  });

  it('never reads past the data field when a byte count is corrupt', () => {
    const [report] = hidPosScanReports(']E0', '5901234123457');
    report![1] = 250;
    const scan = createScanAssembler(DOCUMENTED_SCANNER_LAYOUT).push(report!, 0) as { text: string };
    expect(scan.text.startsWith(']E05901234123457')).toBe(true);
    expect(scan.text.length).toBe(3 + 56);
  });

  it('sends a scanner without AIM ids as plain data', () => {
    const [report] = hidPosScanReports('', 'SKU-ABC-1');
    expect(createScanAssembler(DOCUMENTED_SCANNER_LAYOUT).push(report!, 0)).toEqual({ text: 'SKU-ABC-1', aim: null, reports: 1 });
  });
});
