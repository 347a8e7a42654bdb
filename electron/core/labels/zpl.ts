import {
  DOTS_PER_MM,
  INTERPRETATION_LINE_MM,
  layoutShippingLabel,
  layoutTestPrint,
  layoutInDots,
  type DotElement,
  type DotLayout,
  type DotOptions,
  type Dpi,
  type LabelSize,
  type ShippingLabelData,
} from './label-model';
import { zplGraphicField } from './zpl-graphic';

export type ZplOptions = { size: LabelSize; dpi: Dpi } & DotOptions;
export type TestPrintOptions = ZplOptions & { printerName: string; printedAt?: Date; timeZone?: string };

const HEX_ESCAPE = '_';

/**
 * Field data for use after `^FH_`: every byte that could start a command (^ ~), the escape itself (_),
 * control bytes and all non-ASCII bytes become `_XX`. The result is plain ASCII, so customer text can
 * never reach the command parser and no transport can mangle the UTF-8 (the printer decodes it under ^CI28).
 */
export function escapeZplFieldData(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const plain = byte >= 0x20 && byte < 0x7f && byte !== 0x5e && byte !== 0x7e && byte !== 0x5f;
    out += plain ? String.fromCharCode(byte) : HEX_ESCAPE + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function field(data: string): string {
  return `^FH${HEX_ESCAPE}^FD${escapeZplFieldData(data)}^FS`;
}

const isPrintableAscii = (s: string): boolean => /^[\x20-\x7e]+$/.test(s);

function code128Data(data: string): string {
  // Code 128 carries ASCII only; failing here beats a barcode that scans as something else.
  if (!isPrintableAscii(data)) {
    throw new RangeError(`"${data}" cannot be printed as a Code 128 barcode: use letters, digits and ASCII punctuation only.`);
  }
  return data;
}

function qrFieldData(payload: string): string {
  // Automatic input mode cannot carry bytes 0x80-0x9F/0xE0-0xFF, so UTF-8 payloads go in manual byte mode.
  if (isPrintableAscii(payload)) return `QA,${payload}`;
  const length = new TextEncoder().encode(payload).length;
  return `QM,B${String(length).padStart(4, '0')}${payload}`;
}

function elementZpl(el: DotElement, dpmm: number): string {
  switch (el.kind) {
    case 'text': {
      const font = `^FO${el.x},${el.y}^A0N,${el.fontHeight},${el.fontHeight}`;
      // ^FB reads "\&" and "\\" as escapes, and renderers disagree on them, so customer text is never
      // put in one: lines are left-aligned at ^FO; only our own centred or right-aligned words use ^FB.
      // (A line with a backslash never gets here: it is drawn as a picture.)
      if (el.align === 'L' || el.text.includes('\\')) return `${font}${field(el.text)}`;
      return `${font}^FB${el.width},1,0,${el.align},0${field(el.text)}`;
    }
    case 'graphic':
      return `^FO${el.x},${el.y}${zplGraphicField(el.bitmap)}^FS`;
    case 'box':
      return `^FO${el.x},${el.y}^GB${el.width},${el.height},${el.thickness}^FS`;
    case 'code128': {
      const textHeight = Math.round(INTERPRETATION_LINE_MM * 0.6 * dpmm);
      // Mode A (automatic) lets the printer pick subsets, and treats '>' as data rather than an invocation code.
      return `^FO${el.x},${el.y}^BY${el.moduleWidth}^A0N,${textHeight},${textHeight}^BCN,${el.height},Y,N,N,A${field(code128Data(el.data))}`;
    }
    case 'qr':
      return `^FO${el.x},${el.y}^BQN,2,${el.magnification}${field(qrFieldData(el.data))}`;
  }
}

export function layoutToZpl(layout: DotLayout): string {
  const dpmm = DOTS_PER_MM[layout.dpi];
  return [
    '^XA',
    '^CI28', // UTF-8, before any field data
    `^PW${layout.width}`,
    `^LL${layout.height}`,
    '^LH0,0',
    ...layout.elements.map((el) => elementZpl(el, dpmm)),
    '^XZ',
    '',
  ].join('\n');
}

export type RenderedLabel = { zpl: string; undrawable: string[] };

/**
 * Says, inside the bytes, that this label is our own layout, which keeps the reprint zone blank:
 * only such labels get a "REPRINT" mark (a carrier's label has no room we know of).
 */
export const OWN_LAYOUT_MARK = '^FXPackbench label layout 1^FS';

/** The label's ZPL, and the characters no label font could draw (printed as boxes: tell the packer). */
export function renderShippingLabel(data: ShippingLabelData, options: ZplOptions): RenderedLabel {
  const dots = layoutInDots(layoutShippingLabel(data, options.size), options.dpi, options);
  const zpl = layoutToZpl(dots).replace('\n^LH0,0\n', `\n^LH0,0\n${OWN_LAYOUT_MARK}\n`);
  return { zpl, undrawable: dots.undrawable };
}

export function renderShippingLabelZpl(data: ShippingLabelData, options: ZplOptions): string {
  return renderShippingLabel(data, options).zpl;
}

export function renderTestPrintZpl(options: TestPrintOptions): string {
  const layout = layoutTestPrint(
    { printerName: options.printerName, printedAt: options.printedAt ?? new Date(), ...(options.timeZone ? { timeZone: options.timeZone } : {}) },
    options.size, options.dpi,
  );
  return layoutToZpl(layoutInDots(layout, options.dpi, options));
}
