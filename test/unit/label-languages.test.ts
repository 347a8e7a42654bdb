import { describe, expect, it } from 'vitest';
import { layoutInDots, layoutShippingLabel, type DotLayout, type ShippingLabelData } from '../../electron/core/labels/label-model';
import { jobBytes } from '../../electron/core/labels/byte-text';
import { CALIBRATION_BARCODE, CALIBRATION_QR, renderCalibrationLabel } from '../../electron/core/labels/calibration-label';
import { dotsFor, emitLayout, renderShippingLabelFor, shiftLayout, type PrinterProfile } from '../../electron/core/labels/printer-language';
import { decodeBarcodesFromPng, renderAndDecode } from '../support/barcodes';
import { parseEpl } from '../support/label-parsers/epl-parser';
import { LabelSyntaxError, type ParsedBitmap, type ParsedElement, type ParsedLabel } from '../support/label-parsers/common';
import { parseTspl } from '../support/label-parsers/tspl-parser';
import { onePng } from '../support/png';

const DATA: ShippingLabelData = {
  orderNumber: '#1042',
  orderQrPayload: 'packbench:order:1042',
  barcodeData: '#1042',
  weightGrams: 1234,
  shipTo: { name: 'Zoë "Zo" Müller', company: 'Bäckerei \\ Söhne', line1: 'Hauptstraße 5', line2: '', line3: '', city: 'München', region: '', postalCode: '80331', countryCode: 'DE', phone: '', email: '' },
  shipFrom: { name: 'Packbench Shop', company: '', line1: '1 Bench Road', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS1 1AA', countryCode: 'GB', phone: '', email: '' },
};

const profile = (language: PrinterProfile['language'], dpi: 203 | 300 = 203, offsetX = 0, offsetY = 0): PrinterProfile => ({ labelSize: '4x6', dpi, language, offsetX, offsetY });

const texts = (els: ParsedElement[]) => els.filter((e) => e.kind === 'text').map((e) => (e as { text: string }).text);
const of = <K extends ParsedElement['kind']>(els: ParsedElement[], kind: K) => els.filter((e): e is Extract<ParsedElement, { kind: K }> => e.kind === kind);

async function decodeBitmap(b: ParsedBitmap): Promise<string[]> {
  const png = onePng(b.bytesPerRow * 8, b.height, (x, y) => ((b.black[y * b.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0);
  return (await decodeBarcodesFromPng(png)).map((d) => d.text);
}

function expectSameLabel(parsed: ParsedLabel, dots: DotLayout, physical = false): void {
  if (physical) {
    // TSPL sizes the label in millimetres: at least the layout's page, less than a millimetre more
    expect(parsed.width - dots.width).toBeGreaterThanOrEqual(0);
    expect(parsed.height - dots.height).toBeGreaterThanOrEqual(0);
    expect(parsed.width - dots.width).toBeLessThan(dots.dpi === 300 ? 24 : 8);
  } else {
    expect(parsed.width).toBe(dots.width);
    expect(parsed.height).toBe(dots.height);
  }
  expect(parsed.codepage).toBe('windows-1252');
  expect(parsed.copies).toBe(1);
  expect(texts(parsed.elements)).toEqual(dots.elements.filter((e) => e.kind === 'text').map((e) => (e as { text: string }).text));
  const codes = dots.elements.filter((e) => e.kind === 'code128');
  expect(of(parsed.elements, 'code128').map(({ x, y, data, module }) => ({ x, y, data, module })))
    .toEqual(codes.map((e) => ({ x: e.x, y: e.y, data: e.data, module: (e as { moduleWidth: number }).moduleWidth })));
  const boxes = dots.elements.filter((e) => e.kind === 'box');
  expect(of(parsed.elements, 'box').length + of(parsed.elements, 'line').length).toBe(boxes.length);
}

describe('one label layout in three printer languages', () => {
  const dots = layoutInDots(layoutShippingLabel(DATA, '4x6'), 203);
  // EPL2 and TSPL fonts draw Windows-1252: the model decides per line what is text and what a picture
  const eplDots = dotsFor(layoutShippingLabel(DATA, '4x6'), profile('epl'));
  const tsplDots = dotsFor(layoutShippingLabel(DATA, '4x6'), profile('tspl'));

  it('EPL2: every line of text, the Code 128 and the boxes land where the layout put them; the QR is a bitmap that scans', async () => {
    const dots = eplDots;
    const epl = emitLayout(dots, 'epl');
    const parsed = parseEpl(epl, 203);
    expectSameLabel(parsed, dots);
    expect(texts(parsed.elements)).toContain('Zoë "Zo" Müller');
    expect(texts(parsed.elements)).toContain('Bäckerei \\ Söhne');
    const [qr] = of(parsed.elements, 'bitmap');
    const layoutQr = dots.elements.find((e) => e.kind === 'qr')!;
    expect({ x: qr!.x, y: qr!.y }).toEqual({ x: layoutQr.x, y: layoutQr.y });
    expect(await decodeBitmap(qr!)).toEqual(['packbench:order:1042']);
  });

  it('TSPL: the same text, Code 128, boxes, and a native QR with the same payload', () => {
    const parsed = parseTspl(emitLayout(tsplDots, 'tspl'), 203);
    expectSameLabel(parsed, tsplDots, true);
    expect(of(parsed.elements, 'qr')).toEqual([expect.objectContaining({ data: 'packbench:order:1042', ecc: 'Q' })]);
    expect(texts(parsed.elements)).toContain('Zoë "Zo" Müller');
  });

  it('ZPL of the same layout scans to the same codes', async () => {
    const decoded = await renderAndDecode(emitLayout(dots, 'zpl'));
    expect(decoded.map((d) => d.text).sort()).toEqual(['#1042', 'packbench:order:1042']);
  });

  it('sends EPL2 and TSPL text as Windows-1252 bytes, ZPL as UTF-8', () => {
    const epl = jobBytes(emitLayout(dots, 'epl'));
    expect(epl.includes(Buffer.from([0x5a, 0x6f, 0xeb]))).toBe(true); // "Zoë" in 1252
    expect(epl.includes(Buffer.from('Zoë', 'utf8'))).toBe(false);
    const zpl = jobBytes(emitLayout(dots, 'zpl'));
    expect(zpl.toString('utf8')).toContain('^CI28');
  });

  it('prints a line Windows-1252 cannot hold as a picture (TSPL BITMAP, EPL2 GW) instead of "?"', () => {
    const polish = { ...DATA, shipTo: { ...DATA.shipTo, city: 'Łódź €' } };
    const tspl = parseTspl(renderShippingLabelFor(polish, profile('tspl')).zpl);
    expect(texts(tspl.elements).join('\n')).not.toMatch(/ód|\?/);
    expect(of(tspl.elements, 'bitmap').length).toBeGreaterThanOrEqual(1);
    const epl = parseEpl(renderShippingLabelFor(polish, profile('epl')).zpl);
    // the QR plus the picture of the city line
    expect(of(epl.elements, 'bitmap').length).toBeGreaterThanOrEqual(2);
    expect(texts(epl.elements)).toContain('Zoë "Zo" Müller');
  });

  it('lays out a 300 dpi label at 12 dots/mm in both languages', () => {
    const hi = dotsFor(layoutShippingLabel(DATA, '4x6'), profile('epl', 300));
    expectSameLabel(parseEpl(emitLayout(hi, 'epl'), 300), hi);
    expectSameLabel(parseTspl(emitLayout(hi, 'tspl'), 300), hi, true);
    expect(hi.width).toBe(1200);
  });
});

describe('per-printer calibration and the test label', () => {
  it('moves everything by the printer offset, and clamps what would fall off the top or left', () => {
    const dots = layoutInDots(layoutShippingLabel(DATA, '4x6'), 203);
    const moved = shiftLayout(dots, 16, -4);
    const a = parseTspl(emitLayout(dots, 'tspl'));
    const b = parseTspl(emitLayout(moved, 'tspl'));
    const barcode = (l: ParsedLabel) => of(l.elements, 'code128')[0]!;
    expect(barcode(b).x - barcode(a).x).toBe(16);
    expect(barcode(b).y - barcode(a).y).toBe(-4);
    const pushed = parseEpl(emitLayout(shiftLayout(dots, -50, -50), 'epl')).elements;
    expect(Math.min(...[...of(pushed, 'box'), ...of(pushed, 'line')].map((x) => x.x))).toBe(0);
    // pushed the other way, the frame of the test label is cut at the far edge instead of running off it
    expect(() => parseEpl(renderCalibrationLabel('X', profile('epl', 203, 40, 40), new Date()))).not.toThrow();
  });

  it.each(['zpl', 'epl', 'tspl'] as const)('the calibration label in %s carries the printer settings and both codes', async (language) => {
    const label = renderCalibrationLabel('Bench TSC', profile(language, 203, 8, 4), new Date('2026-01-15T10:00:00Z'));
    if (language === 'zpl') {
      const decoded = (await renderAndDecode(label)).map((d) => d.text).sort();
      expect(decoded).toEqual([CALIBRATION_BARCODE, CALIBRATION_QR].sort());
      return;
    }
    const parsed = language === 'epl' ? parseEpl(label) : parseTspl(label);
    expect(texts(parsed.elements)).toEqual(expect.arrayContaining(['Printer: Bench TSC', 'Offset: 8 dots right, 4 dots down', '2026-01-15 10:00 UTC']));
    expect(of(parsed.elements, 'code128').map((c) => c.data)).toEqual([CALIBRATION_BARCODE]);
    // the frame starts 1 mm in, moved by the offset
    expect(of(parsed.elements, 'box')[0]).toMatchObject({ x: 8 + 8, y: 8 + 4 });
    if (language === 'epl') expect(await decodeBitmap(of(parsed.elements, 'bitmap')[0]!)).toEqual([CALIBRATION_QR]);
  });

  it('renders the shipping label for a printer profile in its own language', () => {
    expect(renderShippingLabelFor(DATA, profile('tspl')).zpl).toMatch(/^SIZE 101\.6 mm,152\.4 mm\r\n/);
    expect(renderShippingLabelFor(DATA, profile('epl')).zpl).toMatch(/^\r\nN\r\n/);
    // ZPL labels carry the mark that lets a reprint say REPRINT
    expect(renderShippingLabelFor(DATA, profile('zpl')).zpl).toMatch(/^\^XA[\s\S]*\^FXPackbench label layout 1\^FS/);
  });
});

describe('the EPL2 and TSPL readers refuse what a printer would refuse', () => {
  const okEpl = '\r\nN\r\nI8,A,001\r\nq812\r\nQ1218,24\r\nA10,10,0,2,1,1,N,"OK"\r\nP1\r\n';
  it('accepts a minimal EPL2 label', () => {
    expect(parseEpl(okEpl).elements).toHaveLength(1);
  });
  const badEpl: Array<[string, string, RegExp]> = [
    ['no P', okEpl.replace('P1\r\n', ''), /no P command/],
    ['text before N', okEpl.replace('N\r\n', ''), /never cleared/],
    ['an unknown command', okEpl.replace('A10', 'J10'), /not an EPL2 command/],
    ['a missing parameter', okEpl.replace('A10,10,0,2,1,1,N,', 'A10,10,0,2,1,N,'), /A takes 8 parameters, got 7/],
    ['an unclosed quote', okEpl.replace('"OK"', '"OK'), /not closed/],
    ['a bad escape', okEpl.replace('"OK"', '"O\\K"'), /not an EPL escape/],
    ['font 6', okEpl.replace('0,2,1,1,N', '0,6,1,1,N'), /font 6 is outside 1..5/],
    ['text past the edge', okEpl.replace('A10,10', 'A800,10'), /falls outside the 812×1218 label/],
    ['a letter for a number', okEpl.replace('A10,10', 'A1O,10'), /A x must be a whole number/],
    ['a non-ASCII Code 128', okEpl.replace('A10,10,0,2,1,1,N,"OK"', 'B10,10,0,1,2,4,50,B,"\xe9"'), /printable ASCII/],
    ['graphic data cut short', okEpl.replace('A10,10,0,2,1,1,N,"OK"\r\n', 'GW10,10,2,4,\x00\x00'), /expected 8 bytes of graphic data/],
    ['anything after P', `${okEpl}A1,1,0,1,1,1,N,"X"\r\n`, /after P/],
  ];
  it.each(badEpl)('EPL2: refuses %s', (_n, job, reason) => {
    expect(() => parseEpl(job)).toThrow(LabelSyntaxError);
    expect(() => parseEpl(job)).toThrow(reason);
  });

  const okTspl = 'SIZE 101.6 mm,152.4 mm\r\nGAP 3 mm,0 mm\r\nCODEPAGE 1252\r\nCLS\r\nTEXT 10,10,"0",0,9,9,"OK"\r\nPRINT 1,1\r\n';
  it('accepts a minimal TSPL label', () => {
    expect(parseTspl(okTspl).elements).toHaveLength(1);
  });
  const badTspl: Array<[string, string, RegExp]> = [
    ['no PRINT', okTspl.replace('PRINT 1,1\r\n', ''), /no PRINT command/],
    ['text before CLS', okTspl.replace('CLS\r\n', ''), /never cleared/],
    ['a lower-case command', okTspl.replace('TEXT', 'text'), /not a TSPL command/],
    ['an unquoted font', okTspl.replace('"0"', '0'), /is not a TSPL font/],
    ['a bare quote in data', okTspl.replace('"OK"', '"O"K"'), /unexpected/],
    ['a bad size', okTspl.replace('101.6 mm', '4 in'), /not a size/],
    ['an unknown code page', okTspl.replace('1252', '9999'), /CODEPAGE "9999"/],
    ['a QR cell of 20', okTspl.replace('TEXT 10,10,"0",0,9,9,"OK"', 'QRCODE 10,10,Q,20,A,0,"X"'), /cell width 20 is outside 1..10/],
    ['a box drawn backwards', okTspl.replace('TEXT 10,10,"0",0,9,9,"OK"', 'BOX 100,100,50,50,2'), /end corner/],
    // short data swallows the start of the next command, as it would in the printer
    ['bitmap data cut short', okTspl.replace('TEXT 10,10,"0",0,9,9,"OK"\r\n', 'BITMAP 0,0,2,2,0,\x00'), /unexpected bytes after the graphic data/],
  ];
  it.each(badTspl)('TSPL: refuses %s', (_n, job, reason) => {
    expect(() => parseTspl(job)).toThrow(LabelSyntaxError);
    expect(() => parseTspl(job)).toThrow(reason);
  });
});
