// Tracking numbers and label files as carriers issue them, written here from the carriers' published
// rules (not with the app's own checker), so a test cannot pass by agreeing with itself.

import bwipjs from 'bwip-js/node';

let serial = 0;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

function mod10(body: string): number {
  let sum = 0;
  [...body].reverse().forEach((ch, i) => { sum += Number(ch) * (i % 2 === 0 ? 3 : 1); });
  return (10 - (sum % 10)) % 10;
}

export function uspsTracking(): string {
  const body = `9400${String(++serial % 1e6).padStart(6, '0')}${digits(11)}`;
  return body + mod10(body);
}

export function upsTracking(): string {
  const chars = '0123456789ABCDEFGHJKLMNPRSTVWXYZ';
  const body = `E4V${Array.from({ length: 12 }, () => chars[Math.floor(Math.random() * chars.length)]).join('')}`;
  let sum = 0;
  [...body].forEach((ch, i) => {
    const code = ch.charCodeAt(0);
    const v = code <= 57 ? code - 48 : (code - 3) % 10;
    sum += i % 2 === 1 ? 2 * v : v;
  });
  return `1Z${body}${(10 - (sum % 10)) % 10}`;
}

export function fedexTracking(): string {
  const body = `7${digits(10)}`;
  const weights = [1, 3, 7];
  let sum = 0;
  [...body].reverse().forEach((ch, i) => { sum += Number(ch) * weights[i % 3]!; });
  return body + ((sum % 11) % 10);
}

export function trackingFor(carrier: string): string {
  if (/ups/i.test(carrier)) return upsTracking();
  if (/fedex/i.test(carrier)) return fedexTracking();
  return uspsTracking();
}

/** A carrier-style 4x6 ZPL label at 203 dpi: tear-off mode forced, a tag desktop printers lack, the tracking as Code 128. */
export function carrierZpl(l: { carrier: string; service: string; tracking: string; toName: string; toCity: string; dpi?: 203 | 300 }): string {
  const s = (l.dpi ?? 203) === 300 ? 1.5 : 1;
  const n = (v: number) => Math.round(v * s);
  return [
    '^XA', '^MMT', '^PON', '~TA000', '^LRN', '^CI0', `^PW${n(812)}`, `^LL${n(1218)}`, '^LH0,0', '^RS8',
    `^FO${n(30)},${n(30)}^A0N,${n(60)},${n(60)}^FD${l.carrier.toUpperCase()} ${l.service}^FS`,
    `^FO${n(30)},${n(120)}^GB${n(750)},${n(4)},${n(4)}^FS`,
    `^FO${n(30)},${n(160)}^A0N,${n(40)},${n(40)}^FDSHIP TO: ${l.toName.replace(/[\^~]/g, '')}^FS`,
    `^FO${n(30)},${n(210)}^A0N,${n(40)},${n(40)}^FD${l.toCity.replace(/[\^~]/g, '')}^FS`,
    `^FO${n(60)},${n(700)}^BY${n(3)}^BCN,${n(200)},Y,N,N,A^FD${l.tracking}^FS`,
    '^PQ1,0,1,Y', '^XZ', '',
  ].join('\n');
}

/**
 * A carrier-style 4x6 PDF label (what a carrier without ZPL hands out): text in a standard PDF font and the
 * tracking barcode as an embedded picture, as carriers' PDF labels are made.
 */
export async function carrierPdf(l: { carrier: string; service: string; tracking: string; toName: string; toCity: string; landscape?: boolean; sheet?: 'label' | 'letter' }): Promise<Buffer> {
  // loaded when a PDF is asked for: the demo station bundles these emulators and rarely needs it
  const { degrees, PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  // 4x6 in at 72 points an inch; a landscape page carries the same label turned a quarter
  const page = doc.addPage(l.sheet === 'letter' ? [612, 792] : l.landscape ? [432, 288] : [288, 432]);
  // on a US Letter sheet the 4x6 label sits in its top left corner, the rest of the sheet blank
  if (l.sheet === 'letter') page.translateContent(36, 792 - 432 - 36);
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const ascii = (t: string) => t.replace(/[^\x20-\x7e]/g, '?');
  const barcode = await bwipjs.toBuffer({ bcid: 'code128', text: l.tracking, scale: 4, height: 18, includetext: true, backgroundcolor: 'FFFFFF' });
  const image = await doc.embedPng(barcode);
  if (!l.landscape) {
    page.drawText(ascii(`${l.carrier.toUpperCase()} ${l.service}`), { x: 14, y: 400, size: 16, font });
    page.drawRectangle({ x: 14, y: 392, width: 260, height: 1.5 });
    page.drawText(ascii(`SHIP TO: ${l.toName}`), { x: 14, y: 368, size: 12, font });
    page.drawText(ascii(l.toCity), { x: 14, y: 352, size: 12, font });
    page.drawImage(image, { x: 14, y: 120, width: 260, height: 110 });
  } else {
    // drawn sideways on a landscape page, as some carriers do: read upright once turned a quarter
    page.drawText(ascii(`${l.carrier.toUpperCase()} ${l.service}`), { x: 32, y: 14, size: 16, font, rotate: degrees(90) });
    page.drawImage(image, { x: 400, y: 14, width: 260, height: 110, rotate: degrees(90) });
  }
  return Buffer.from(await doc.save());
}
