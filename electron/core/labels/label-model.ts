import { addressLines, type Address } from '../../../shared/domain/address';
import { formatLocalTime } from '../../../shared/domain/local-time';
import type { Bitmap } from './bitmap';
import { printerFontCanDraw } from './printer-font';
import { rasterizeLines, type TextRaster } from './text-raster';

export type LabelSize = '4x6' | '4x4';
export type Dpi = 203 | 300;

export type ShippingLabelData = {
  orderNumber: string;
  orderQrPayload: string;
  shipTo: Address;
  shipFrom: Address;
  weightGrams?: number;
  carrier?: string;
  service?: string;
  trackingNumber?: string;
  /** what the Code 128 carries when there is no tracking number; the order number by default */
  barcodeData?: string;
  parcel?: { index: number; count: number };
};

export type TextAlign = 'L' | 'C' | 'R';

/**
 * One element per printed line: the layout has already fitted and wrapped the text, the printer must not.
 * `countryCode` (the address's) picks the Han forms if the line is drawn as a picture.
 */
export type TextLine = { kind: 'text'; x: number; y: number; width: number; fontHeight: number; text: string; align: TextAlign; countryCode?: string };
export type BoxElement = { kind: 'box'; x: number; y: number; width: number; height: number; thickness: number };
/** `width` is the space the symbol may use, quiet zones included; `height` is the bars only. */
export type Code128Element = { kind: 'code128'; x: number; y: number; width: number; height: number; data: string };
export type QrElement = { kind: 'qr'; x: number; y: number; size: number; data: string };
export type LabelElement = TextLine | BoxElement | Code128Element | QrElement;

/** Millimetres: the one description of a label, independent of the printer. */
export type LabelLayout = { size: LabelSize; width: number; height: number; elements: LabelElement[] };

export type DotCode128 = Code128Element & { moduleWidth: number };
export type DotQr = QrElement & { magnification: number };
/**
 * A picture at the printer's resolution, top-left at (x, y): text the printer's font cannot draw
 * (`text` says what it shows), or any other image. ZPL prints it with ^GF, EPL with GW, TSPL with BITMAP.
 */
export type DotGraphic = { kind: 'graphic'; x: number; y: number; bitmap: Bitmap; text?: string };
export type DotElement = TextLine | BoxElement | DotCode128 | DotQr | DotGraphic;
export type DotLayout = {
  size: LabelSize; dpi: Dpi; width: number; height: number; elements: DotElement[];
  /** characters no label font can draw: they print as boxes, so the packer must be told */
  undrawable: string[];
};

export type DotOptions = {
  /** whether the printer's own font draws this text; the rest becomes a picture. Default: ZPL font 0. */
  printerFont?: (text: string) => boolean;
};

const INCHES: Record<LabelSize, { width: number; height: number }> = {
  '4x6': { width: 4, height: 6 },
  '4x4': { width: 4, height: 4 },
};

// Zebra heads are 8 and 12 dots/mm exactly; "203" and "300" dpi are the marketing names.
export const DOTS_PER_MM: Record<Dpi, number> = { 203: 8, 300: 12 };

/** Page size in dots as drivers and carriers quote it (4x6 at 203 dpi is 812 x 1218). */
export function pageDots(size: LabelSize, dpi: Dpi): { width: number; height: number } {
  const inches = INCHES[size];
  return { width: inches.width * dpi, height: inches.height * dpi };
}

export function pageMm(size: LabelSize): { width: number; height: number } {
  const inches = INCHES[size];
  return { width: inches.width * 25.4, height: inches.height * 25.4 };
}

/** Printable single-line text: NFC (fonts carry precomposed glyphs), no control characters, single spaces. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const NARROW = new Set(" .,:;!|'`iIjlft()[]{}/\\-\"");
const BROAD = new Set('MWmw@%&');

// Widths in font heights, deliberately above what Zebra font 0 (a condensed face) needs, so a
// line the layout accepts never wraps on the printer.
function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (isWide(cp)) return 1;
  if (NARROW.has(ch)) return 0.3;
  if (BROAD.has(ch)) return 0.8;
  if (/[A-Z0-9]/.test(ch)) return 0.62;
  if (cp < 0x80) return 0.5;
  return 0.62;
}

export function measureText(text: string, fontHeight: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontHeight;
}

const ELLIPSIS = '...';

function truncateToWidth(text: string, width: number, fontHeight: number, suffix: string): string {
  let out = '';
  for (const ch of text) {
    if (measureText(out + ch + suffix, fontHeight) > width) break;
    out += ch;
  }
  return out.trimEnd() + suffix;
}

/** Word-wraps into at most `maxLines` lines of `width`; cut text ends in "...". */
export function fitText(text: string, width: number, fontHeight: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (let word of normaliseText(text).split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (measureText(candidate, fontHeight) <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    while (measureText(word, fontHeight) > width) {
      const head = truncateToWidth(word, width, fontHeight, '');
      if (head === '') break;
      lines.push(head);
      word = word.slice(head.length);
    }
    current = word;
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const lastIndex = kept.length - 1;
  kept[lastIndex] = truncateToWidth(lines.slice(lastIndex).join(' '), width, fontHeight, ELLIPSIS);
  return kept;
}

/**
 * Fits address lines into `maxLines` printed lines without ever dropping one: surplus source lines are
 * joined onto the last (city, country), then the lines that wrap the most give up their extra lines.
 */
export function fitAddressLines(source: string[], width: number, fontHeight: number, maxLines: number): string[] {
  const cleaned = source.map(normaliseText).filter((l) => l !== '');
  const merged = cleaned.length > maxLines ? [...cleaned.slice(0, maxLines - 1), cleaned.slice(maxLines - 1).join(', ')] : cleaned;
  const allotment = merged.map((line) => fitText(line, width, fontHeight, Number.POSITIVE_INFINITY).length);
  let total = allotment.reduce((a, b) => a + b, 0);
  while (total > maxLines) {
    const widest = allotment.indexOf(Math.max(...allotment));
    allotment[widest] = (allotment[widest] ?? 1) - 1;
    total -= 1;
  }
  return merged.flatMap((line, i) => fitText(line, width, fontHeight, allotment[i] ?? 1));
}

type Metrics = {
  margin: number;
  captionFont: number;
  fromFont: number;
  fromLines: number;
  qrSize: number;
  shipToFont: number;
  shipToLines: number;
  orderFont: number;
  infoFont: number;
  barcodeHeight: number;
  /** height of the reprint mark's zone in the caption row */
  markHeight: number;
};

// Both sizes share one layout; only these numbers differ.
const METRICS: Record<LabelSize, Metrics> = {
  '4x6': {
    margin: 3, captionFont: 2.5, fromFont: 2.75, fromLines: 6, qrSize: 25,
    shipToFont: 6, shipToLines: 7, orderFont: 6, infoFont: 3.75, barcodeHeight: 32, markHeight: 4.5,
  },
  '4x4': {
    margin: 3, captionFont: 2, fromFont: 2.25, fromLines: 5, qrSize: 18,
    shipToFont: 4, shipToLines: 7, orderFont: 4.5, infoFont: 3, barcodeHeight: 14, markHeight: 3.5,
  },
};

const LINE_PITCH = 1.2;
const RULE = 0.4;
/** ^BC prints its interpretation line under the bars; layouts keep this much room for it. */
export const INTERPRETATION_LINE_MM = 5;

export function formatWeight(weightGrams: number | undefined): string {
  if (weightGrams === undefined || !Number.isFinite(weightGrams) || weightGrams < 0) return '—';
  const grams = Math.round(weightGrams);
  return `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')} kg`;
}

/** Printed while no carrier label was bought: a courier or the post office must not take it for postage. */
export const ADDRESS_LABEL_TEXT = 'ADDRESS LABEL - NO CARRIER POSTAGE';

function carrierText(data: ShippingLabelData): string {
  const carrier = data.carrier?.trim() ?? '';
  const service = data.service?.trim() ?? '';
  if (carrier === '' && service === '') return ADDRESS_LABEL_TEXT;
  return `CARRIER: ${[carrier, service].filter(Boolean).join(' / ')}`;
}

function parcelText(parcel: ShippingLabelData['parcel']): string {
  if (!parcel) return '';
  const { index, count } = parcel;
  if (!Number.isInteger(index) || !Number.isInteger(count) || index < 1 || count < 1 || index > count) {
    throw new RangeError(`Parcel ${index} of ${count} is not a valid parcel number; use 1..count.`);
  }
  return `PARCEL ${index} OF ${count}`;
}

type Cursor = { y: number };

function textLines(
  out: LabelElement[], cursor: Cursor, lines: string[], x: number, width: number, fontHeight: number, align: TextAlign = 'L', countryCode?: string,
): void {
  for (const text of lines) {
    out.push({ kind: 'text', x, y: cursor.y, width, fontHeight, text, align, ...(countryCode ? { countryCode } : {}) });
    cursor.y += fontHeight * LINE_PITCH;
  }
}

function rule(out: LabelElement[], cursor: Cursor, x: number, width: number): void {
  cursor.y += 1;
  out.push({ kind: 'box', x, y: cursor.y, width, height: RULE, thickness: RULE });
  cursor.y += RULE + 1.5;
}

export function layoutShippingLabel(data: ShippingLabelData, size: LabelSize): LabelLayout {
  const m = METRICS[size];
  const page = pageMm(size);
  const left = m.margin;
  const inner = page.width - 2 * m.margin;
  const els: LabelElement[] = [];
  const cursor: Cursor = { y: m.margin };

  // Header: sender (small) beside the order QR.
  const fromWidth = inner - m.qrSize - 3;
  // the caption row keeps room on its right for the mark a reprint gets (see reprintZone)
  textLines(els, { y: cursor.y }, ['FROM'], left, fromWidth, m.captionFont);
  cursor.y += m.markHeight + 0.5;
  textLines(els, cursor, fitAddressLines(addressLines(data.shipFrom), fromWidth, m.fromFont, m.fromLines), left, fromWidth, m.fromFont, 'L', data.shipFrom.countryCode);
  els.push({ kind: 'qr', x: page.width - m.margin - m.qrSize, y: m.margin, size: m.qrSize, data: data.orderQrPayload });
  cursor.y = Math.max(cursor.y, m.margin + m.qrSize);
  rule(els, cursor, left, inner);

  textLines(els, cursor, ['SHIP TO'], left, inner, m.captionFont);
  textLines(els, cursor, fitAddressLines(addressLines(data.shipTo), inner, m.shipToFont, m.shipToLines), left, inner, m.shipToFont, 'L', data.shipTo.countryCode);
  rule(els, cursor, left, inner);

  // Order number on the left, parcel count on the right of the same row.
  const parcel = parcelText(data.parcel);
  const parcelWidth = parcel === '' ? 0 : inner * 0.4;
  const rowY = cursor.y;
  textLines(els, cursor, fitText(`ORDER ${data.orderNumber}`, inner - parcelWidth, m.orderFont, 1), left, inner - parcelWidth, m.orderFont);
  if (parcel !== '') {
    const parcelCursor = { y: rowY + (m.orderFont - m.infoFont) };
    textLines(els, parcelCursor, fitText(parcel, parcelWidth, m.infoFont, 1), left + inner - parcelWidth, parcelWidth, m.infoFont, 'R');
  }
  textLines(els, cursor, fitText(`WEIGHT ${formatWeight(data.weightGrams)}`, inner, m.infoFont, 1), left, inner, m.infoFont);
  textLines(els, cursor, fitText(carrierText(data), inner, m.infoFont, 1), left, inner, m.infoFont);
  rule(els, cursor, left, inner);

  const tracking = data.trackingNumber?.trim() ?? '';
  els.push({ kind: 'code128', x: left, y: cursor.y + 1, width: inner, height: m.barcodeHeight, data: tracking !== '' ? tracking : (data.barcodeData ?? data.orderNumber) });
  return { size, ...page, elements: els };
}

/**
 * Where a reprint says so, in millimetres: the caption row beside "FROM", which every original leaves
 * blank. Kept free by the layout so the mark can be added to a label's stored bytes (see reprint-mark.ts).
 */
export function reprintZone(size: LabelSize): { x: number; y: number; width: number; height: number } {
  const m = METRICS[size];
  const page = pageMm(size);
  const x = m.margin + measureText('FROM', m.captionFont) + 3;
  return { x, y: m.margin, width: page.width - m.margin - m.qrSize - 3 - x, height: m.markHeight };
}

export type TestPrintData = { printerName: string; printedAt: Date; timeZone?: string };

export function layoutTestPrint(data: TestPrintData, size: LabelSize, dpi: Dpi): LabelLayout {
  const page = pageMm(size);
  const m = METRICS[size];
  const inset = 2;
  const left = inset + 3;
  const inner = page.width - 2 * left;
  const els: LabelElement[] = [{ kind: 'box', x: inset, y: inset, width: page.width - 2 * inset, height: page.height - 2 * inset, thickness: 0.75 }];
  const cursor: Cursor = { y: inset + 4 };
  textLines(els, cursor, ['PACKBENCH TEST PRINT'], left, inner, m.orderFont, 'C');
  cursor.y += 2;
  textLines(els, cursor, fitText(`Printer: ${data.printerName}`, inner, m.shipToFont, 2), left, inner, m.shipToFont);
  textLines(els, cursor, [formatLocalTime(data.printedAt.toISOString(), data.timeZone), `${size} in, ${dpi} dpi`], left, inner, m.infoFont);
  rule(els, cursor, left, inner);
  els.push({ kind: 'code128', x: left, y: cursor.y + 1, width: inner, height: m.barcodeHeight, data: 'PACKBENCH-TEST' });
  return { size, ...page, elements: els };
}

/** Symbols in the printer's Automatic mode, counted generously: runs of 4+ digits pack in pairs (subset C). */
export function code128Modules(data: string): number {
  let symbols = 2; // start + check
  for (const run of data.match(/\d{4,}|\D+|\d{1,3}/g) ?? []) {
    symbols += /^\d{4,}$/.test(run) ? Math.ceil(run.length / 2) + 2 : run.length;
  }
  return symbols * 11 + 13; // stop is 13 modules
}

const QUIET_ZONE_MODULES = 10;

function code128ModuleWidth(el: Code128Element, dpmm: number): number {
  const modules = code128Modules(el.data) + 2 * QUIET_ZONE_MODULES;
  const available = Math.floor(el.width * dpmm);
  // 0.25 mm bars are the narrowest carriers' scanners read reliably; wider than ~0.375 mm only costs room.
  const narrowest = Math.ceil(0.25 * dpmm);
  const widest = Math.floor(0.375 * dpmm);
  const fit = Math.min(widest, Math.floor(available / modules));
  if (fit < narrowest) {
    throw new RangeError(
      `"${el.data}" is too long for a Code 128 on this label (${modules} modules in ${el.width.toFixed(1)} mm). ` +
        'Use a larger label or a shorter number.',
    );
  }
  return fit;
}

// Byte capacities of QR versions 1..10 at error correction level Q.
const QR_Q_BYTES = [11, 20, 32, 46, 60, 74, 86, 108, 130, 151];

/** Modules per side for a QR holding `bytes` bytes at level Q, over- rather than under-estimated. */
export function qrModules(bytes: number): number {
  const index = QR_Q_BYTES.findIndex((cap) => bytes <= cap);
  const version = index >= 0 ? index + 1 : Math.min(40, 10 + Math.ceil((bytes - 151) / 25));
  return 17 + 4 * version;
}

function qrMagnification(el: QrElement, dpmm: number): number {
  const modules = qrModules(new TextEncoder().encode(el.data).length);
  const magnification = Math.min(10, Math.floor((el.size * dpmm) / modules));
  if (magnification < 2) {
    throw new RangeError(`The QR payload is too long for a ${el.size} mm code on this label; shorten it.`);
  }
  return magnification;
}

function aligned(el: TextLine, x: number, width: number, inkWidth: number): number {
  if (el.align === 'L') return x;
  const spare = Math.max(0, width - inkWidth);
  return x + (el.align === 'R' ? spare : Math.floor(spare / 2));
}

/**
 * Millimetres to the printer's dots. A text line the printer's font cannot draw (Greek, Cyrillic, CJK,
 * Arabic, a backslash) becomes a picture drawn from the bundled fonts; the rest stays printer text,
 * which is smaller and faster to send.
 */
export function layoutInDots(layout: LabelLayout, dpi: Dpi, options: DotOptions = {}): DotLayout {
  const printerFont = options.printerFont ?? printerFontCanDraw;
  const dpmm = DOTS_PER_MM[dpi];
  const d = (mm: number): number => Math.round(mm * dpmm);
  const undrawable = new Set<string>();
  const pictured = layout.elements.filter((el): el is TextLine => el.kind === 'text' && !printerFont(el.text));
  // every picture of the label in one pass: the fonts are loaded once per label, not once per line
  const rasters = new Map<LabelElement, TextRaster>();
  rasterizeLines(pictured.map((el) => ({ text: el.text, fontHeight: d(el.fontHeight), maxWidth: d(el.width), ...(el.countryCode ? { countryCode: el.countryCode } : {}) })))
    .forEach((raster, i) => rasters.set(pictured[i]!, raster));
  const elements = layout.elements.map((el): DotElement => {
    switch (el.kind) {
      case 'text': {
        const text = { ...el, x: d(el.x), y: d(el.y), width: d(el.width), fontHeight: d(el.fontHeight) };
        const raster = rasters.get(el);
        if (!raster) return text;
        for (const ch of raster.missing) undrawable.add(ch);
        return { kind: 'graphic', x: aligned(el, text.x, text.width, raster.bitmap.width), y: text.y + raster.top, bitmap: raster.bitmap, text: el.text };
      }
      case 'box':
        return { ...el, x: d(el.x), y: d(el.y), width: d(el.width), height: d(el.height), thickness: Math.max(1, d(el.thickness)) };
      case 'code128': {
        const moduleWidth = code128ModuleWidth(el, dpmm);
        const symbolWidth = code128Modules(el.data) * moduleWidth;
        // Centre the symbol so the quiet zones fall on both sides.
        const x = d(el.x) + Math.max(0, Math.floor((d(el.width) - symbolWidth) / 2));
        return { ...el, x, y: d(el.y), width: d(el.width), height: d(el.height), moduleWidth };
      }
      case 'qr':
        return { ...el, x: d(el.x), y: d(el.y), size: d(el.size), magnification: qrMagnification(el, dpmm) };
    }
  });
  return { size: layout.size, dpi, ...pageDots(layout.size, dpi), elements, undrawable: [...undrawable] };
}
