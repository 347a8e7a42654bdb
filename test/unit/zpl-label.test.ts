import { describe, expect, it } from 'vitest';
import { AddressSchema, type Address } from '../../shared/domain/address';
import {
  INTERPRETATION_LINE_MM,
  layoutShippingLabel,
  measureText,
  pageMm,
  renderShippingLabelZpl,
  renderTestPrintZpl,
  type Dpi,
  type LabelSize,
  type ShippingLabelData,
} from '../../electron/core/labels';
import { renderAndDecode } from '../support/barcodes';

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

const ALLOWED = new Set(['^XA', '^CI', '^PW', '^LL', '^LH', '^FO', '^A0', '^FB', '^FH', '^FD', '^FS', '^GB', '^BY', '^BC', '^BQ', '^XZ']);

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
      line1: 'Back\\slash \\& street',
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
    // ^FB treats a backslash as an escape, so it is sent doubled and prints single.
    expect(texts).toContain('Back\\\\slash \\\\& street');
    expect(texts.some((t) => /[\r\n\t]/.test(t))).toBe(false);

    const decoded = await renderAndDecode(zpl);
    expect(decoded).toContainEqual({ format: 'Code128', text: 'A^XZ~JA_1' });
    expect(decoded).toContainEqual({ format: 'QRCode', text: base.orderQrPayload });
  });

  it('carries UTF-8 names as UTF-8 bytes', () => {
    const shipTo = address({ name: 'Zoë Müller', line1: 'ul. Piotrkowska 1', city: 'Łódź', line2: '東京都千代田区', countryCode: 'PL' });
    const zpl = renderShippingLabelZpl({ ...base, shipTo, orderQrPayload: 'packbench:Zoë/東京' }, { size: '4x6', dpi: 203 });
    const texts = fieldTexts(zpl);
    expect(texts).toContain('Zoë Müller');
    expect(texts).toContain('東京都千代田区');
    expect(texts.some((t) => t.includes('Łódź'))).toBe(true);
    expect(zpl).toContain('Zo_C3_AB M_C3_BCller');
    // A non-ASCII QR payload goes in byte mode with its UTF-8 length.
    expect(texts).toContain(`QM,B${String(Buffer.byteLength('packbench:Zoë/東京')).padStart(4, '0')}packbench:Zoë/東京`);
  });

  it('states unknown weight and an unbought label plainly', () => {
    const none = fieldTexts(renderShippingLabelZpl({ ...base, weightGrams: undefined }, { size: '4x4', dpi: 203 }));
    expect(none).toContain('WEIGHT —');
    expect(none).toContain('CARRIER: NOT BOUGHT');
    expect(none).toContain('PARCEL 1 OF 2');
    const bought = fieldTexts(renderShippingLabelZpl({ ...base, weightGrams: 50, carrier: 'DHL', service: 'Paket' }, { size: '4x4', dpi: 203 }));
    expect(bought).toContain('WEIGHT 0.050 kg');
    expect(bought).toContain('CARRIER: DHL / Paket');
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
    const zpl = renderTestPrintZpl({ size: '4x4', dpi: 203, printerName: 'Zebra ZD421 ^XZ', printedAt: new Date('2025-01-02T03:04:05Z') });
    expect(zpl.indexOf('^CI28')).toBeLessThan(zpl.indexOf('^FD'));
    expect(zpl).toContain('^PW812\n');
    const texts = fieldTexts(zpl);
    expect(texts).toContain('Printer: Zebra ZD421 ^XZ');
    expect(texts).toContain('2025-01-02 03:04 UTC');
    expect(await renderAndDecode(zpl)).toContainEqual({ format: 'Code128', text: 'PACKBENCH-TEST' });
  });
});
