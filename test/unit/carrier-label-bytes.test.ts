import bwipjs from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import { carrierLabelToZpl, normaliseCarrierZpl, pngToZpl } from '../../electron/core/shipping/label-bytes';
import { renderAndDecode } from '../support/barcodes';
import { carrierPdf, uspsTracking } from '../emulators/carrier-labels';

const printer = { dpi: 203 as const, labelSize: '4x6' as const, peel: false };

describe('carrier ZPL normalisation', () => {
  const carrierZpl = '^XA^MMT^PW812^LL1218^RFW,H^FDABCD^FS^JUS^FO50,50^A0N,40,40^FDUPS GROUND^FS^FO50,200^BY3^BCN,150,Y,N,N^FD1Z999AA10123456784^FS^XZ';

  it('removes ^MMT only when the printer peels, and drops commands the printer does not know', () => {
    const tear = normaliseCarrierZpl(carrierZpl, printer);
    expect(tear.zpl).toContain('^MMT');
    expect(tear.zpl).not.toContain('^RFW');
    expect(tear.zpl).not.toContain('^JUS');
    expect(tear.zpl).toContain('^BCN,150,Y,N,N^FD1Z999AA10123456784^FS');
    expect(tear.notes.join(' ')).toMatch(/\^RF/);

    const peel = normaliseCarrierZpl(carrierZpl, { ...printer, peel: true });
    expect(peel.zpl).not.toContain('^MMT');
    expect(peel.notes.join(' ')).toMatch(/peel/);
  });

  it('keeps the label scannable: the barcode still decodes to the tracking number', async () => {
    const { zpl } = normaliseCarrierZpl(carrierZpl, { ...printer, peel: true });
    expect(await renderAndDecode(zpl)).toContainEqual({ format: 'Code128', text: '1Z999AA10123456784' });
  });

  it('leaves a label that renames its command characters untouched', () => {
    const odd = '^XA^CC+ +FO10,10+FDHI+FS+XZ';
    expect(normaliseCarrierZpl(odd, { ...printer, peel: true }).zpl).toBe(odd);
  });
});

describe('PNG and other-resolution labels become ZPL graphics', () => {
  it('a PNG-only label prints as ^GFA and its barcode decodes to the tracking number', async () => {
    const png = await bwipjs.toBuffer({ bcid: 'code128', text: '9400100000000000000006', scale: 3, height: 20, paddingwidth: 20, paddingheight: 20, backgroundcolor: 'FFFFFF' });
    const zpl = pngToZpl(png, printer, 203);
    expect(zpl).toMatch(/\^GFA,\d+,\d+,\d+,/);
    expect(await renderAndDecode(zpl)).toContainEqual({ format: 'Code128', text: '9400100000000000000006' });
  });

  it('ZPL drawn at 300 dpi is redrawn for a 203 dpi printer and still scans', async () => {
    const at300 = '^XA^PW1200^LL1800^FO60,300^BY4^BCN,220,N,N,N^FD1Z999AA10123456784^FS^XZ';
    const out = await carrierLabelToZpl({ format: 'ZPL', dpi: 300 }, Buffer.from(at300), printer);
    expect(out.zpl).toMatch(/\^GFA/);
    expect(out.notes.join(' ')).toMatch(/300 dpi/);
    expect(await renderAndDecode(out.zpl)).toContainEqual({ format: 'Code128', text: '1Z999AA10123456784' });
  });

  it('a PDF-only label is drawn at the printer\'s dpi as ^GFA, true to size, and its barcode scans', async () => {
    const tracking = uspsTracking();
    const pdf = await carrierPdf({ carrier: 'USPS', service: 'GroundAdvantage', tracking, toName: 'Zoë Ang', toCity: 'Austin' });
    for (const dpi of [203, 300] as const) {
      const out = await carrierLabelToZpl({ format: 'PDF', dpi: null }, pdf, { ...printer, dpi });
      const gf = /\^GFA,(\d+),\d+,(\d+),/.exec(out.zpl)!;
      const rows = Number(gf[1]) / Number(gf[2]);
      // a 4x6 in page at the printer's resolution: 812 x 1218 dots at 203 dpi, 1200 x 1800 at 300
      expect(Number(gf[2])).toBe(Math.ceil((dpi === 203 ? 812 : 1200) / 8));
      expect(rows).toBeGreaterThanOrEqual(dpi === 203 ? 1216 : 1798);
      expect(out.notes.join(' ')).toMatch(/PDF/);
      expect(await renderAndDecode(out.zpl, { dpmm: dpi === 203 ? 8 : 12 })).toContainEqual({ format: 'Code128', text: tracking });
    }
  });

  it('a label drawn sideways on a landscape PDF page is turned upright for a portrait label', async () => {
    const tracking = uspsTracking();
    const pdf = await carrierPdf({ carrier: 'USPS', service: 'Priority', tracking, toName: 'A', toCity: 'B', landscape: true });
    const out = await carrierLabelToZpl({ format: 'PDF', dpi: null }, pdf, printer);
    const gf = /\^GFA,(\d+),\d+,(\d+),/.exec(out.zpl)!;
    expect(Number(gf[2])).toBe(102); // 812 dots wide: portrait
    expect(Number(gf[1]) / Number(gf[2])).toBeGreaterThan(1200);
    expect(await renderAndDecode(out.zpl)).toContainEqual({ format: 'Code128', text: tracking });
  });

  it('a 4x6 label on a US Letter sheet is cut to what is printed, true to size, not shrunk with the blank paper', async () => {
    const tracking = uspsTracking();
    const pdf = await carrierPdf({ carrier: 'USPS', service: 'Priority', tracking, toName: 'A', toCity: 'B', sheet: 'letter' });
    const out = await carrierLabelToZpl({ format: 'PDF', dpi: null }, pdf, printer);
    const gf = /\^GFA,(\d+),\d+,(\d+),/.exec(out.zpl)!;
    const width = Number(gf[2]) * 8;
    const height = Number(gf[1]) / Number(gf[2]);
    // the ink of the emulator's label spans about 3.6 x 4.3 in of its 4 x 6: drawn at 203 dpi, not fitted from 8.5 x 11
    expect(width).toBeGreaterThan(700);
    expect(height).toBeGreaterThan(800);
    expect(height).toBeLessThanOrEqual(1218);
    expect(await renderAndDecode(out.zpl)).toContainEqual({ format: 'Code128', text: tracking });
  });

  it('a file that is not a PDF, or a broken one, is refused in words', async () => {
    await expect(carrierLabelToZpl({ format: 'PDF', dpi: null }, Buffer.from('<html>Service unavailable</html>'), printer)).rejects.toThrow(/not a PDF file/);
    await expect(carrierLabelToZpl({ format: 'PDF', dpi: null }, Buffer.from('%PDF-1.7\n1 0 obj garbage'), printer)).rejects.toThrow(/PDF label could not be drawn/);
  });
});
