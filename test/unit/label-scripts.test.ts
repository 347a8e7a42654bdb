import { describe, expect, it } from 'vitest';
import { AddressSchema, type Address } from '../../shared/domain/address';
import {
  countDots,
  getDot,
  layoutInDots,
  layoutShippingLabel,
  layoutToZpl,
  printerFontCanDraw,
  rasterizeText,
  renderShippingLabel,
  renderZplToPng,
  type Bitmap,
  type DotGraphic,
  type Dpi,
  type ShippingLabelData,
} from '../../electron/core/labels';
import { renderAndDecode } from '../support/barcodes';
import { mismatchedDots, pngDots, zplPictures } from '../support/zpl-graphics';

const address = (fields: Partial<Address>): Address => AddressSchema.parse({ name: 'Test', line1: 'Street 1', countryCode: 'DE', ...fields });

const shipFrom = address({ name: 'Packbench Demo', line1: '1 Warehouse Way', city: 'Leeds', postalCode: 'LS1 1AA', countryCode: 'GB' });
const label = (shipTo: Address): ShippingLabelData => ({ orderNumber: '#2001', orderQrPayload: 'packbench:order:2001', shipTo, shipFrom, weightGrams: 800 });

const CASES: Array<{ script: string; shipTo: Address; name: string }> = [
  { script: 'Hangul', name: '김민준', shipTo: address({ name: '김민준', line1: '세종대로 110', city: '서울', region: '중구', postalCode: '04524', countryCode: 'KR' }) },
  { script: 'kana and kanji', name: '山田 花子', shipTo: address({ name: '山田 花子', line1: '千代田区丸の内1-9-1', line2: 'グラントウキョウ 12F', city: '東京', region: '東京都', postalCode: '100-0005', countryCode: 'JP' }) },
  { script: 'Hanzi', name: '王伟', shipTo: address({ name: '王伟', line1: '建国路88号', city: '北京市', region: '北京', postalCode: '100022', countryCode: 'CN' }) },
  { script: 'Arabic', name: 'محمد أحمد', shipTo: address({ name: 'محمد أحمد', line1: 'شارع الشيخ زايد 12', city: 'دبي', countryCode: 'AE' }) },
  { script: 'Cyrillic', name: 'Иван Петров', shipTo: address({ name: 'Иван Петров', line1: 'ул. Тверская, д. 7, кв. 5', city: 'Москва', postalCode: '125009', countryCode: 'RU' }) },
  { script: 'Greek', name: 'Αλέξανδρος Παπαδόπουλος', shipTo: address({ name: 'Αλέξανδρος Παπαδόπουλος', line1: 'Ερμού 25', city: 'Αθήνα', postalCode: '10563', countryCode: 'GR' }) },
];

/** y of the "SHIP TO" caption and of the rule under the address block, in dots. */
function shipToBand(zpl: string): { top: number; bottom: number } {
  const lines = zpl.split('\n');
  const caption = lines.findIndex((l) => l.includes('^FDSHIP TO^FS'));
  const top = Number(/\^FO\d+,(\d+)/.exec(lines[caption]!)![1]);
  const rule = lines.slice(caption).find((l) => l.includes('^GB'))!;
  return { top, bottom: Number(/\^FO\d+,(\d+)/.exec(rule)![1]) };
}

describe('text the printer font cannot draw', () => {
  for (const { script, shipTo, name } of CASES) {
    for (const dpi of [203, 300] as Dpi[]) {
      it(`prints a ${script} address as pictures in the address block, shown dot for dot by the preview (${dpi} dpi)`, async () => {
        const dots = layoutInDots(layoutShippingLabel(label(shipTo), '4x6'), dpi);
        const drawn = dots.elements.filter((el): el is DotGraphic => el.kind === 'graphic');
        expect(drawn.length).toBeGreaterThan(0);
        const named = drawn.find((el) => el.text === name);
        expect(named).toBeDefined();
        const zpl = layoutToZpl(dots);
        expect(zpl).toMatch(/^[\x20-\x7e\n]*$/); // pictures travel as compressed hex: nothing a printer could read as a command

        // the ^GFA data decodes (by the manual's rules, not the emitter's code) to exactly the bitmap rendered
        const printed = zplPictures(zpl);
        expect(printed).toHaveLength(drawn.length);
        const band = shipToBand(zpl);
        printed.forEach((p, i) => {
          const source = drawn[i]!.bitmap;
          expect([p.x, p.y, p.bytesPerRow, p.height]).toEqual([drawn[i]!.x, drawn[i]!.y, source.bytesPerRow, source.height]);
          expect(Buffer.from(p.bits).equals(Buffer.from(source.bits))).toBe(true);
          expect(countDots(source)).toBeGreaterThan(source.height * 4); // not blank
          expect(p.y).toBeGreaterThan(band.top);
          expect(p.y + p.height).toBeLessThanOrEqual(band.bottom + 1);
        });
        // the name's picture is the text drawn by the renderer from the bundled fonts
        const dpmm = dpi === 300 ? 12 : 8;
        expect(named!.bitmap).toEqual(rasterizeText(name, { fontHeight: 6 * dpmm, maxWidth: Math.round(95.6 * dpmm), countryCode: shipTo.countryCode }).bitmap);

        const png = await renderZplToPng(zpl, { dpmm });
        const preview = pngDots(png);
        for (const p of printed) expect(mismatchedDots(p, preview)).toBe(0);
        const decoded = await renderAndDecode(zpl, { dpmm });
        expect(decoded).toContainEqual({ format: 'Code128', text: '#2001' });
        expect(decoded).toContainEqual({ format: 'QRCode', text: 'packbench:order:2001' });
      });
    }
  }

  it('keeps printer text for what font 0 draws, so Latin labels stay small', () => {
    const latin = renderShippingLabel(label(address({ name: 'Zoë Müller', line1: 'Königstraße 12', city: 'Stuttgart', postalCode: '70173' })), { size: '4x6', dpi: 203 });
    expect(latin.zpl).not.toContain('^GF');
    expect(latin.zpl.length).toBeLessThan(1500);
    const korean = renderShippingLabel(label(CASES[0]!.shipTo), { size: '4x6', dpi: 203 });
    // only the Korean lines are pictures: the country name and the order details stay printer text
    expect(korean.zpl).toContain('^FDSOUTH KOREA^FS');
    expect(korean.zpl).toContain('^FDORDER #2001^FS');
  });

  it('joins Arabic letters and keeps right-to-left order', () => {
    const opts = { fontHeight: 48, maxWidth: 760, countryCode: 'AE' };
    const joined = rasterizeText('محمد', opts).bitmap;
    // the same letters kept apart by zero-width non-joiners: the shaper must draw them differently
    const apart = rasterizeText('م\u200cح\u200cم\u200cد', opts).bitmap;
    expect(joined).not.toEqual(apart);
    // The paragraph runs right to left: "شارع 12" shows the number at the left end, "12 شارع" at the right.
    // Each picture is split at its widest blank gap (the space); the number's part must match across the two.
    const profile = (b: Bitmap): number[] => Array.from({ length: b.width }, (_, x) => {
      let dots = 0;
      for (let y = 0; y < b.height; y++) if (getDot(b, x, y)) dots++;
      return dots;
    });
    const halves = (b: Bitmap): { left: number[]; right: number[] } => {
      const cols = profile(b);
      let best = { from: 0, to: 0 };
      for (let x = 0; x < cols.length;) {
        if (cols[x]) { x++; continue; }
        let end = x;
        while (end < cols.length && !cols[end]) end++;
        if (end - x > best.to - best.from) best = { from: x, to: end };
        x = end;
      }
      return { left: cols.slice(0, best.from), right: cols.slice(best.to) };
    };
    const numberLast = halves(rasterizeText('شارع 12', opts).bitmap);
    const numberFirst = halves(rasterizeText('12 شارع', opts).bitmap);
    // (the same glyphs, give or take a dot of sub-pixel placement)
    const alike = (a: number[], b: number[]): void => {
      const sum = (v: number[]): number => v.reduce((x, y) => x + y, 0);
      expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(2);
      expect(Math.abs(sum(a) - sum(b))).toBeLessThanOrEqual(sum(a) * 0.1);
    };
    alike(numberLast.left, numberFirst.right); // the "12"
    alike(numberLast.right, numberFirst.left); // the street word
    expect(numberLast.left.length * 2).toBeLessThan(numberLast.right.length);
  });

  it('names the characters no bundled font has, and still prints the rest', () => {
    const shipTo = address({ name: '𠮷野 太郎', line1: '千代田区1-1', city: '東京', postalCode: '100-0001', countryCode: 'JP' });
    const out = renderShippingLabel(label(shipTo), { size: '4x6', dpi: 203 });
    expect(out.undrawable).toEqual(['𠮷']);
    expect(zplPictures(out.zpl).length).toBeGreaterThan(1);
    // the next characters are still drawn from the Japanese font (resvg would draw its whole run as boxes)
    const withMissing = rasterizeText('𠮷野', { fontHeight: 48, maxWidth: 760, countryCode: 'JP' }).bitmap;
    const alone = rasterizeText('□野', { fontHeight: 48, maxWidth: 760, countryCode: 'JP' }).bitmap;
    expect(withMissing).toEqual(alone);
  });

  it('narrows a line that would not fit instead of cutting it', () => {
    const long = '東京都千代田区丸の内一丁目九番一号グラントウキョウノースタワー十二階';
    const raster = rasterizeText(long, { fontHeight: 48, maxWidth: 400, countryCode: 'JP' });
    expect(raster.squeeze).toBeLessThan(1);
    expect(raster.bitmap.width).toBeLessThanOrEqual(400);
  });

  it('sends what font 0 draws as text and everything else as a picture', () => {
    expect(printerFontCanDraw('Łukasz Żółkiewski, Çağ')).toBe(false); // ğ: not in the preview's font 0
    expect(printerFontCanDraw('Łukasz Żółkiewski')).toBe(true);
    expect(printerFontCanDraw('Søren Þórsson – 12 €')).toBe(true);
    for (const other of ['Москва', 'Αθήνα', '東京', '서울', 'دبي', 'Nguyễn', 'a\\b']) expect(printerFontCanDraw(other)).toBe(false);
  });
});

describe('pictures stay on the label', () => {
  it('fits very long non-Latin lines inside the page at both sizes and resolutions', () => {
    const long = (s: string): string => s.repeat(12);
    const shipTo = address({ name: long('山田花子'), company: long('株式会社'), line1: long('千代田区丸の内'), line2: long('세종대로'), line3: long('شارع الشيخ'), city: long('Москва'), region: long('Αθήνα'), postalCode: '100-0005', countryCode: 'JP' });
    for (const size of ['4x6', '4x4'] as const) {
      for (const dpi of [203, 300] as Dpi[]) {
        const dots = layoutInDots(layoutShippingLabel(label(shipTo), size), dpi);
        const pictures = dots.elements.filter((el): el is DotGraphic => el.kind === 'graphic');
        expect(pictures.length).toBeGreaterThan(3);
        for (const p of pictures) {
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.x + p.bitmap.width).toBeLessThanOrEqual(dots.width);
          expect(p.y + p.bitmap.height).toBeLessThanOrEqual(dots.height);
        }
      }
    }
  });
});
