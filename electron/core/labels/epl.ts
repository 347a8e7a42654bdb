// EPL2 (Zebra LP/TLP 2844, GK420 in EPL mode, many Eltron-compatible printers): the label model's
// dot layout as EPL2 commands. EPL2 has five fixed bitmap fonts and no QR on most models, so text
// takes the largest font and multiplier that fits the line the layout measured, and a QR is sent
// as a bitmap (GW). Text is Windows-1252 (I8,A); the job is a byte string (see byte-text).

import { DOTS_PER_MM, type DotElement, type DotLayout } from './label-model';
import { bytesToByteString, cp1252ByteString } from './byte-text';
import { invertedBits, qrBitmap, type Bitmap } from './label-bitmap';

/** Character cell (width × height, dots) of EPL2 fonts 1–5 at 203 and 300 dpi. */
const FONTS: Record<203 | 300, Array<[number, number]>> = {
  203: [[8, 12], [10, 16], [12, 20], [14, 24], [32, 48]],
  300: [[12, 20], [16, 28], [20, 36], [24, 44], [48, 80]],
};

export type FixedFontChoice = { font: number; h: number; v: number; charWidth: number; height: number };

/**
 * The largest fixed font and multipliers (h 1–6, v 1–9) whose text is no taller than the layout's
 * font and no wider than its line; the smallest font when nothing fits.
 */
export function chooseFixedFont(cells: Array<[number, number]>, fontHeight: number, width: number, chars: number, maxH = 6, maxV = 9): FixedFontChoice {
  let best: FixedFontChoice | null = null;
  cells.forEach(([cw, ch], i) => {
    for (let v = 1; v <= maxV; v++) {
      const height = ch * v;
      if (height > fontHeight) break;
      // widest that fits, but no wider than the font's own proportions (h ≤ v)
      let h = Math.min(v, maxH);
      while (h > 1 && cw * h * chars > width) h--;
      if (cw * h * chars > width) continue;
      const better = !best || height > best.height || (height === best.height && h > best.h);
      if (better) best = { font: i + 1, h, v, charWidth: cw * h, height };
    }
  });
  const [cw, ch] = cells[0]!;
  return best ?? { font: 1, h: 1, v: 1, charWidth: cw, height: ch };
}

/** Quoted EPL field data: backslash and double quote are escaped with a backslash. */
export function eplQuoted(text: string): string {
  return `"${cp1252ByteString(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function graphic(x: number, y: number, b: Bitmap): string {
  return `GW${x},${y},${b.bytesPerRow},${b.height},${bytesToByteString(invertedBits(b))}`;
}

function elementEpl(el: DotElement, dpi: 203 | 300): string {
  switch (el.kind) {
    case 'text': {
      const chars = [...el.text].length;
      const f = chooseFixedFont(FONTS[dpi], el.fontHeight, el.width, chars);
      const textWidth = f.charWidth * chars;
      const x = el.align === 'C' ? el.x + Math.max(0, Math.floor((el.width - textWidth) / 2))
        : el.align === 'R' ? el.x + Math.max(0, el.width - textWidth) : el.x;
      // the font is shorter than the line: sit it on the same baseline
      const y = el.y + Math.max(0, el.fontHeight - f.height);
      return `A${x},${y},0,${f.font},${f.h},${f.v},N,${eplQuoted(el.text)}`;
    }
    case 'box':
      if (el.height <= el.thickness || el.width <= el.thickness) return `LO${el.x},${el.y},${el.width},${el.height}`;
      return `X${el.x},${el.y},${el.thickness},${el.x + el.width},${el.y + el.height}`;
    case 'code128':
      // type 1: Code 128 with automatic subsets A/B/C; the wide-bar value is ignored for Code 128
      return `B${el.x},${el.y},0,1,${el.moduleWidth},${el.moduleWidth * 2},${el.height},B,${eplQuoted(el.data)}`;
    case 'qr':
      return graphic(el.x, el.y, qrBitmap(el.data, el.magnification));
    case 'graphic':
      // text the printer's fonts cannot draw, already a picture in the model
      return graphic(el.x, el.y, el.bitmap);
  }
}

export function layoutToEpl(layout: DotLayout): string {
  const gap = Math.round(3 * DOTS_PER_MM[layout.dpi]);
  const lines = [
    '', // ends any half-sent command left in the printer
    'N',
    'I8,A,001', // 8-bit Windows-1252
    `q${layout.width}`,
    `Q${layout.height},${gap}`,
    'ZT', // print from the top of the image buffer, as ZPL does
    ...layout.elements.map((el) => elementEpl(el, layout.dpi)),
    'P1',
    '',
  ];
  return lines.join('\r\n');
}
