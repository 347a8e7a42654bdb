import { describe, expect, it } from 'vitest';
import { AddressSchema, type Address } from '../../shared/domain/address';
import { formatLocalTime } from '../../shared/domain/local-time';
import {
  ADDRESS_LABEL_TEXT,
  INTERPRETATION_LINE_MM,
  layoutInDots,
  layoutShippingLabel,
  layoutToZpl,
  rasterizeText,
  renderZplToPng,
  type DotGraphic,
  measureText,
  pageMm,
  renderShippingLabelZpl,
  renderTestPrintZpl,
  type Dpi,
  type LabelSize,
  type ShippingLabelData,
} from '../../electron/core/labels';
import { renderAndDecode } from '../support/barcodes';
import { mismatchedDots, pngDots, zplPictures } from '../support/zpl-graphics';

const address = (fields: Partial<Address>): Address =>
  AddressSchema.parse({ name: 'Test', line1: 'Street 1', countryCode: 'DE', ...fields });

const base: ShippingLabelData = {
  orderNumber: '#1001',
  orderQrPayload: 'packbench:order:ord_01HXYZ',
  shipTo: address({ name: 'Zoë Müller', line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115' }),
  shipFrom: address({ name: 'Packbench Demo', line1: '1 Warehouse Way', city: 'Leeds', postalCode: 'LS1 1AA', countryCode: 'GB' }),
  weightGrams: 1234,
  parcel: { index: 1, count: 2 },
};

type Command = { name: string; args: string };

/** Splits ZPL at its command prefixes. Field data is hex-escaped, so a ^ or ~ can only start a command. */
function commands(zpl: string): Command[] {
  return [...zpl.matchAll(/([\^~])([A-Z@0-9]{2})([^\^~]*)/gi)].map((m) => ({ name: `${m[1]}${m[2]}`.toUpperCase(), args: m[3] ?? '' }));
}

/** The text of every ^FD field, with ^FH escapes turned back into the UTF-8 bytes they stand for. */
function fieldTexts(zpl: string): string[] {
  return commands(zpl)
    .filter((c) => c.name === '^FD')
    .map((c) => {
      const bytes: number[] = [];
      const raw = c.args.trim();
      for (let i = 0; i < raw.length; i++) {
        if (raw[i] === '_') {
          bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
          i += 2;
        } else bytes.push(raw.charCodeAt(i));
      }
      return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    });
}

const ALLOWED = new Set(['^XA', '^CI', '^PW', '^LL', '^LH', '^FX', '^FO', '^A0', '^FB', '^FH', '^FD', '^FS', '^GB', '^GF', '^BY', '^BC', '^BQ', '^XZ']);

const PAGE: Record<LabelSize, Record<Dpi, [number, number]>> = {
  '4x6': { 203: [812, 1218], 300: [1200, 1800] },
  '4x4': { 203: [812, 812], 300: [1200, 1200] },
};

describe('shipping label ZPL', () => {
  const cases: Array<{ size: LabelSize; dpi: Dpi; tracking?: string }> = [
    { size: '4x6', dpi: 203 },
    { size: '4x6', dpi: 300, tracking: '1Z999AA10123456784' },
    { size: '4x4', dpi: 203, tracking: '00340434161234567890' },
    { size: '4x4', dpi: 300 },
  ];

  for (const { size, dpi, tracking } of cases) {
    it(`${size} at ${dpi} dpi is well-formed and its barcodes scan`, async () => {
      const zpl = renderShippingLabelZpl({ ...base, trackingNumber: tracking }, { size, dpi });
      expect(zpl.startsWith('^XA')).toBe(true);
      expect(zpl.indexOf('^CI28')).toBeGreaterThan(-1);
      expect(zpl.indexOf('^CI28')).toBeLessThan(zpl.indexOf('^FD'));
      const [pw, ll] = PAGE[size][dpi];
      expect(zpl).toContain(`^PW${pw}\n`);
      expect(zpl).toContain(`^LL${ll}\n`);
      expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);

      const decoded = await renderAndDecode(zpl, { dpmm: dpi === 300 ? 12 : 8 });
      expect(decoded).toContainEqual({ format: 'Code128', text: tracking ?? base.orderNumber });
      expect(decoded).toContainEqual({ format: 'QRCode', text: base.orderQrPayload });
    });
  }

  it('keeps customer text from injecting commands', async () => {
    const hostile = address({
      name: 'Eve ^XZ^XA^FO0,0',
      company: '~JA ~JR _5E',
      line1: 'Back\\slash \\& street \\\\ twice',
      city: 'Line\nbreak\r\tcity',
    });
    const zpl = renderShippingLabelZpl({ ...base, shipTo: hostile, shipFrom: hostile, orderNumber: 'A^XZ~JA_1' }, { size: '4x6', dpi: 203 });
    const names = commands(zpl).map((c) => c.name);
    expect(names.filter((n) => n === '^XA')).toHaveLength(1);
    expect(names.filter((n) => n === '^XZ')).toHaveLength(1);
    expect(names.at(-1)).toBe('^XZ');
    expect(names.filter((n) => !ALLOWED.has(n))).toEqual([]);
    expect(zpl).toMatch(/^[\x20-\x7e\n]*$/);

    const texts = fieldTexts(zpl);
    expect(texts).toContain('Eve ^XZ^XA^FO0,0');
    expect(texts).toContain('~JA ~JR _5E');
    expect(texts.some((t) => /[\r\n\t]/.test(t))).toBe(false);
    // A backslash never reaches the printer as text (printers and previews read "\&" differently):
    // that line is a picture of exactly what was typed.
    expect(texts.some((t) => t.includes('\\'))).toBe(false);

    const decoded = await renderAndDecode(zpl);
    expect(decoded).toContainEqual({ format: 'Code128', text: 'A^XZ~JA_1' });
    expect(decoded).toContainEqual({ format: 'QRCode', text: base.orderQrPayload });
  });

  it('prints "\\&" and "\\\\" as typed, and the preview shows the same dots the printer gets (issue 12, item 13)', async () => {
    const typed = 'Flat 3\\& 4 \\\\ rear';
    const shipTo = address({ name: 'Ann Lee', line1: typed, city: 'Leeds', postalCode: 'LS1 4AP', countryCode: 'GB' });
    const dots = layoutInDots(layoutShippingLabel({ ...base, shipTo }, '4x6'), 203);
    const picture = dots.elements.find((el): el is DotGraphic => el.kind === 'graphic');
    expect(picture?.text).toBe(typed);
    // one line of text, not two: the picture is no taller than a single line
    expect(picture!.bitmap.height).toBeLessThanOrEqual(Math.round(48 * 1.2));
    expect(picture!.bitmap).toEqual(rasterizeText(typed, { fontHeight: 48, maxWidth: 765, countryCode: 'GB' }).bitmap);
    expect(picture!.bitmap).not.toEqual(rasterizeText(typed.replace(/\\/g, '/'), { fontHeight: 48, maxWidth: 765, countryCode: 'GB' }).bitmap);

    const zpl = layoutToZpl(dots);
    const [printed] = zplPictures(zpl);
    const preview = pngDots(await renderZplToPng(zpl));
    expect(mismatchedDots(printed!, preview)).toBe(0);
  });

  it('leaves customer text out of ^FB, whose escapes renderers read differently', () => {
    const zpl = renderShippingLabelZpl(base, { size: '4x6', dpi: 203 });
    for (const line of zpl.split('\n').filter((l) => l.includes('^FB'))) {
      expect(fieldTexts(line)[0]).toMatch(/^(PARCEL \d+ OF \d+)$/);
    }
  });

  it('carries Latin UTF-8 names as UTF-8 text for the printer font', () => {
    const shipTo = address({ name: 'Zoë Müller', line1: 'ul. Piotrkowska 1', city: 'Łódź', countryCode: 'PL' });
    const zpl = renderShippingLabelZpl({ ...base, shipTo, orderQrPayload: 'packbench:Zoë/東京' }, { size: '4x6', dpi: 203 });
    const texts = fieldTexts(zpl);
    expect(texts).toContain('Zoë Müller');
    expect(texts.some((t) => t.includes('Łódź'))).toBe(true);
    expect(zpl).toContain('Zo_C3_AB M_C3_BCller');
    expect(zpl).not.toContain('^GF'); // nothing here needs a picture
    // A non-ASCII QR payload goes in byte mode with its UTF-8 length.
    expect(texts).toContain(`QM,B${String(Buffer.byteLength('packbench:Zoë/東京')).padStart(4, '0')}packbench:Zoë/東京`);
  });

  it('says it is an address label while no carrier label was bought, and states unknown weight plainly', () => {
    const none = fieldTexts(renderShippingLabelZpl({ ...base, weightGrams: undefined }, { size: '4x4', dpi: 203 }));
    expect(none).toContain('WEIGHT —');
    expect(none).toContain(ADDRESS_LABEL_TEXT);
    expect(none.join(' ')).not.toMatch(/NOT BOUGHT/);
    expect(none).toContain('PARCEL 1 OF 2');
    const bought = fieldTexts(renderShippingLabelZpl({ ...base, weightGrams: 50, carrier: 'DHL', service: 'Paket' }, { size: '4x4', dpi: 203 }));
    expect(bought).toContain('WEIGHT 0.050 kg');
    expect(bought).toContain('CARRIER: DHL / Paket');
    expect(bought).not.toContain(ADDRESS_LABEL_TEXT);
  });

  it('prints the destination country by name, in capitals, as the last address line', () => {
    const texts = fieldTexts(renderShippingLabelZpl(base, { size: '4x6', dpi: 203 }));
    const shipTo = texts.slice(texts.indexOf('SHIP TO') + 1, texts.indexOf('SHIP TO') + 5);
    expect(shipTo).toEqual(['Zoë Müller', 'Hauptstraße 5', '10115 Berlin', 'GERMANY']);
    expect(texts).toContain('UNITED KINGDOM'); // the sender's country too
    expect(texts).not.toContain('DE');
  });

  it('refuses data a Code 128 cannot carry instead of printing a wrong barcode', () => {
    expect(() => renderShippingLabelZpl({ ...base, trackingNumber: 'ÄÖ123' }, { size: '4x6', dpi: 203 })).toThrow(/Code 128/);
    expect(() => renderShippingLabelZpl({ ...base, trackingNumber: 'X'.repeat(60) }, { size: '4x4', dpi: 203 })).toThrow(/too long/);
  });

  for (const size of ['4x6', '4x4'] as const) {
    it(`${size} layout keeps long text and every element on the label`, () => {
      const long = 'Ausgesprochen lange Adresszeile mit sehr vielen Wörtern WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW';
      const full = address({ name: long, company: long, line1: long, line2: long, line3: long, city: long, region: long, postalCode: '12345' });
      const layout = layoutShippingLabel({ ...base, shipTo: full, shipFrom: full, orderNumber: `#${'9'.repeat(40)}`, carrier: long, service: long }, size);
      const page = pageMm(size);
      for (const el of layout.elements) {
        const bottom =
          el.kind === 'text' ? el.y + el.fontHeight : el.kind === 'code128' ? el.y + el.height + INTERPRETATION_LINE_MM : el.kind === 'qr' ? el.y + el.size : el.y + el.height;
        const right = el.x + (el.kind === 'qr' ? el.size : el.width);
        expect(el.x).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(page.width);
        expect(bottom).toBeLessThanOrEqual(page.height - 1);
        if (el.kind === 'text') expect(measureText(el.text, el.fontHeight)).toBeLessThanOrEqual(el.width);
      }
      const texts = layout.elements.flatMap((el) => (el.kind === 'text' ? [el.text] : []));
      expect(texts.some((t) => t.endsWith('...'))).toBe(true);
      expect(texts.some((t) => t.includes('12345'))).toBe(true); // the city line survives however long the rest is
    });
  }
});

describe('printer test page', () => {
  it('names the printer and the time and carries a scannable Code 128', async () => {
    const zpl = renderTestPrintZpl({ size: '4x4', dpi: 203, printerName: 'Zebra ZD421 ^XZ', printedAt: new Date('2025-01-02T03:04:05Z'), timeZone: 'Europe/Berlin' });
    expect(zpl.indexOf('^CI28')).toBeLessThan(zpl.indexOf('^FD'));
    expect(zpl).toContain('^PW812\n');
    const texts = fieldTexts(zpl);
    expect(texts).toContain('Printer: Zebra ZD421 ^XZ');
    // the station's local time with its zone named, like every time people read
    expect(texts).toContain(formatLocalTime('2025-01-02T03:04:05Z', 'Europe/Berlin'));
    expect(texts.join(' ')).toMatch(/04:04 (GMT\+1|CET)/);
    expect(await renderAndDecode(zpl)).toContainEqual({ format: 'Code128', text: 'PACKBENCH-TEST' });
  });
});
