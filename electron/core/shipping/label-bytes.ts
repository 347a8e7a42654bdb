import { PNG } from 'pngjs';
import { DOTS_PER_MM, pageDots } from '../labels';
import { renderZplToPng } from '../labels/render-zpl';
import { CarrierError, type LabelFile } from './carrier';
import { rasterisePdfLabel, type Rgba } from './pdf-label';

export type LabelPrinter = { dpi: 203 | 300; labelSize: '4x6' | '4x4'; peel: boolean };
export type NormalisedLabel = { zpl: string; notes: string[] };

/**
 * ZPL II commands a desktop or industrial Zebra knows (ZPL II programming guide). Anything else a
 * carrier sends (RFID ^RF…, KDU prompts, printer-model extensions) is dropped rather than printed as text
 * or left to put the printer in an odd state.
 */
const KNOWN = new Set([
  // formats, fields, text, graphics
  '^XA', '^XZ', '^XB', '^XF', '^XG', '^FO', '^FT', '^FD', '^FS', '^FH', '^FB', '^FR', '^FW', '^FV', '^FN', '^FX', '^FP', '^FC', '^FL', '^FM',
  '^CF', '^CI', '^CW', '^CV', '^CO', '^CM', '^CN', '^CT', '^CD', '^CC', '^GB', '^GC', '^GD', '^GE', '^GF', '^GS', '^DF', '^DN', '^DU', '^DG',
  '^LH', '^LL', '^LR', '^LS', '^LT', '^PW', '^PO', '^PQ', '^PR', '^PM', '^PF', '^PP', '^PA', '^POI', '^BY', '^SN', '^SF', '^SL', '^SO', '^SQ',
  '^ID', '^IL', '^IM', '^IS', '^HF', '^HG', '^HH', '^HW', '^HY', '^HZ', '^TO', '^TB', '^WD', '^ZZ', '^SZ', '^SX', '^SE', '^SS', '^ST', '^SP', '^SC',
  // media and print settings a label may carry
  '^MC', '^MD', '^MF', '^MI', '^ML', '^MM', '^MN', '^MP', '^MT', '^MU', '^MW', '^JB', '^JJ', '^JM', '^JT', '^JW', '^JZ', '^KD', '^KL', '^KN', '^KP', '^NI', '^NS',
  // tilde commands
  '~DG', '~DY', '~DB', '~DE', '~DN', '~DU', '~EG', '~HS', '~HB', '~HD', '~HI', '~HM', '~HQ', '~HU', '~JA', '~JB', '~JC', '~JD', '~JE', '~JF', '~JG',
  '~JI', '~JL', '~JN', '~JO', '~JP', '~JQ', '~JR', '~JS', '~JX', '~KB', '~NC', '~NT', '~PH', '~PL', '~PP', '~PR', '~PS', '~RO', '~SD', '~TA', '~WC', '~WQ', '~WR',
]);

function commandName(token: string): string {
  const prefix = token[0]!;
  const rest = token.slice(1);
  // ^A<font> (^A0, ^AB, ^A@) and ^B<symbology> (^BC, ^B3, ^BQ …) take their second letter as a parameter
  if (prefix === '^' && rest[0] === 'A') return '^A';
  if (prefix === '^' && rest[0] === 'B' && rest.length >= 2 && rest[1] !== 'Y') return '^B';
  return prefix + rest.slice(0, 2).toUpperCase();
}

/**
 * Makes a carrier's ZPL safe for the bench printer: a printer set to peel loses the ^MMT that would force
 * tear-off, commands it does not know are dropped, and ^JUS (which would store the carrier's settings in
 * the printer for good) never reaches it. The result is the exact text that is printed and previewed.
 */
export function normaliseCarrierZpl(zpl: string, printer: LabelPrinter): NormalisedLabel {
  const notes: string[] = [];
  // a label that renames the command characters cannot be read token by token: it is passed on untouched
  if (/[\^~]C[CT]/.test(zpl)) return { zpl, notes: ['The label changes the ZPL command characters, so it was printed exactly as the carrier sent it.'] };
  const tokens = zpl.split(/(?=[\^~])/);
  const out: string[] = [];
  const dropped = new Set<string>();
  for (const token of tokens) {
    if (token[0] !== '^' && token[0] !== '~') { out.push(token); continue; }
    const name = commandName(token);
    if (name === '^MM' && printer.peel && /^\^MMT/i.test(token)) { notes.push('Removed ^MMT (tear-off) because the printer is set to peel.'); continue; }
    if (name === '^JU' || name === '^JUS') { dropped.add('^JU'); continue; }
    if (name !== '^A' && name !== '^B' && !KNOWN.has(name)) { dropped.add(name); continue; }
    out.push(token);
  }
  if (dropped.size) notes.push(`Dropped commands the printer does not know: ${[...dropped].join(' ')}.`);
  return { zpl: out.join(''), notes };
}

const HEX = '0123456789ABCDEF';

/** ZPL's own compression for ^GF ASCII hex: runs of one digit as count letters (G–Y = 1–19, g–z = 20–400), ',' ends a row of zeros. */
function compressRow(hex: string, previous: string | null): string {
  if (previous !== null && hex === previous) return ':';
  if (/^0+$/.test(hex)) return ',';
  let out = '';
  for (let i = 0; i < hex.length;) {
    let run = 1;
    while (i + run < hex.length && hex[i + run] === hex[i]) run++;
    // trailing zeros end the row in one character
    if (hex[i] === '0' && i + run === hex.length) { out += ','; break; }
    let left = run;
    while (left > 0) {
      const n = Math.min(left, 419);
      const hundreds = Math.floor(n / 20);
      const units = n % 20;
      out += (hundreds ? 'ghijklmnopqrstuvwxyz'.charAt(hundreds - 1) : '') + (units ? 'GHIJKLMNOPQRSTUVWXY'.charAt(units - 1) : '') + hex.charAt(i);
      left -= n;
    }
    i += run;
  }
  return out;
}

/**
 * A PNG label as a ZPL ^GFA graphic, scaled to fit the printer's page at its resolution (area-averaged,
 * then thresholded at half grey, so bars keep their proportions).
 */
export function pngToZpl(png: Buffer, printer: LabelPrinter, sourceDpi: number | null): string {
  let img: PNG;
  try {
    img = PNG.sync.read(png);
  } catch (e) {
    throw new CarrierError('unknown', `The carrier's PNG label could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
  return rgbaToZpl(img, printer, sourceDpi);
}

/** A picture (RGBA) as one ^GFA graphic on a page of the printer's size; a known source resolution keeps its true size. */
export function rgbaToZpl(img: Rgba, printer: LabelPrinter, sourceDpi: number | null): string {
  const page = pageDots(printer.labelSize, printer.dpi);
  // a known source resolution keeps the label's true size; otherwise it is fitted to the page
  const natural = sourceDpi ? printer.dpi / sourceDpi : Math.min(page.width / img.width, page.height / img.height);
  const scale = Math.min(natural, page.width / img.width, page.height / img.height);
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  const rowBytes = Math.ceil(width / 8);
  const rows: string[] = [];
  let previous: string | null = null;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y / scale);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) / scale));
    let hex = '';
    for (let bx = 0; bx < rowBytes; bx++) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) {
        const x = bx * 8 + bit;
        if (x >= width) continue;
        const x0 = Math.floor(x / scale);
        const x1 = Math.max(x0 + 1, Math.floor((x + 1) / scale));
        let dark = 0;
        let count = 0;
        for (let sy = y0; sy < Math.min(y1, img.height); sy++) {
          for (let sx = x0; sx < Math.min(x1, img.width); sx++) {
            const i = (sy * img.width + sx) * 4;
            const alpha = img.data[i + 3]! / 255;
            const luminance = (0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!) * alpha + 255 * (1 - alpha);
            if (luminance < 128) dark++;
            count++;
          }
        }
        if (count && dark * 2 >= count) byte |= 0x80 >> bit;
      }
      hex += HEX[byte >> 4]! + HEX[byte & 15]!;
    }
    rows.push(compressRow(hex, previous));
    previous = hex;
  }
  const total = rowBytes * height;
  return ['^XA', `^PW${page.width}`, `^LL${page.height}`, '^LH0,0', `^FO0,0^GFA,${total},${total},${rowBytes},${rows.join('')}^FS`, '^XZ', ''].join('\n');
}

/** The dots per mm a carrier's ZPL was drawn for, when it says (^PW of a 4 in wide label). */
function zplDpi(zpl: string, declared: number | null): number | null {
  if (declared) return declared;
  const pw = /\^PW(\d+)/.exec(zpl);
  if (!pw) return null;
  const width = Number(pw[1]);
  if (width >= 1150 && width <= 1250) return 300;
  if (width >= 780 && width <= 840) return 203;
  return null;
}

/**
 * Carrier label bytes -> the ZPL the bench printer gets. ZPL at the printer's resolution is normalised;
 * ZPL at another resolution is drawn and re-rastered at the printer's; PNG and PDF become a ^GFA graphic.
 */
export async function carrierLabelToZpl(file: Pick<LabelFile, 'format' | 'dpi'>, bytes: Buffer, printer: LabelPrinter): Promise<NormalisedLabel> {
  if (file.format === 'ZPL') {
    const text = bytes.toString('utf8');
    if (!/\^XA/i.test(text)) throw new CarrierError('unknown', 'The carrier sent a ZPL label with no label in it (no ^XA).');
    const dpi = zplDpi(text, file.dpi);
    if (dpi && dpi !== printer.dpi) {
      const dpmm = dpi >= 300 ? 12 : dpi >= 200 ? 8 : Math.round(dpi / 25.4);
      const page = pageDots(printer.labelSize, printer.dpi);
      const png = await renderZplToPng(text, { dpmm, widthMm: page.width / DOTS_PER_MM[printer.dpi], heightMm: page.height / DOTS_PER_MM[printer.dpi] });
      return { zpl: pngToZpl(png, printer, dpi), notes: [`The carrier drew the label at ${dpi} dpi; it was redrawn for this ${printer.dpi} dpi printer.`] };
    }
    return normaliseCarrierZpl(text, printer);
  }
  if (file.format === 'PNG') return { zpl: pngToZpl(bytes, printer, file.dpi), notes: ['The carrier offered only a PNG label; it was converted to a ZPL graphic.'] };
  // PDF: drawn at the printer's own resolution, so the picture goes to the printer with no second scaling
  const page = pageDots(printer.labelSize, printer.dpi);
  const picture = await rasterisePdfLabel(bytes, printer.dpi, page);
  return { zpl: rgbaToZpl(picture, printer, printer.dpi), notes: ['The carrier offered only a PDF label; it was drawn at the printer\'s resolution and sent as a ZPL graphic.'] };
}
