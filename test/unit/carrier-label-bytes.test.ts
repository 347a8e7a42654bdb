import bwipjs from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import { carrierLabelToZpl, normaliseCarrierZpl, pngToZpl } from '../../electron/core/shipping/label-bytes';
import { renderAndDecode } from '../support/barcodes';

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

  it('refuses a PDF-only label in words', async () => {
    await expect(carrierLabelToZpl({ format: 'PDF', dpi: null }, Buffer.from('%PDF-1.4'), printer)).rejects.toThrow(/PDF label/);
  });
});
