// TSPL / TSPL2 (TSC, and the many 4x6 printers that speak it: Rollo, Munbyn, iDPRT, Xprinter):
// the label model's dot layout as TSPL commands. Text uses the scalable font "0" (sized in points),
// which is as condensed as ZPL's font 0 the layout is measured for; QR codes are native (QRCODE).
// Text is Windows-1252 (CODEPAGE 1252); the job is a byte string (see byte-text).

import { pageMm, type DotElement, type DotLayout } from './label-model';
import { bytesToByteString, cp1252ByteString } from './byte-text';
import { invertedBits, type Bitmap } from './label-bitmap';

/** Quoted TSPL data: a double quote inside is written \["] (TSPL2). */
export function tsplQuoted(text: string): string {
  return `"${cp1252ByteString(text).replace(/"/g, '\\["]')}"`;
}

const mm = (value: number): string => `${Number(value.toFixed(1))} mm`;

export function tsplBitmap(x: number, y: number, b: Bitmap): string {
  return `BITMAP ${x},${y},${b.bytesPerRow},${b.height},0,${bytesToByteString(invertedBits(b))}`;
}

function elementTspl(el: DotElement, dpi: 203 | 300): string {
  switch (el.kind) {
    case 'text': {
      const points = Math.max(4, Math.round((el.fontHeight * 72) / dpi));
      // alignment 2 (centre) and 3 (right) anchor the text at x
      if (el.align === 'C') return `TEXT ${el.x + Math.floor(el.width / 2)},${el.y},"0",0,${points},${points},2,${tsplQuoted(el.text)}`;
      if (el.align === 'R') return `TEXT ${el.x + el.width},${el.y},"0",0,${points},${points},3,${tsplQuoted(el.text)}`;
      return `TEXT ${el.x},${el.y},"0",0,${points},${points},${tsplQuoted(el.text)}`;
    }
    case 'box':
      if (el.height <= el.thickness || el.width <= el.thickness) return `BAR ${el.x},${el.y},${el.width},${el.height}`;
      return `BOX ${el.x},${el.y},${el.x + el.width},${el.y + el.height},${el.thickness}`;
    case 'code128':
      // "128": automatic subsets; 2: human-readable line centred under the bars
      return `BARCODE ${el.x},${el.y},"128",${el.height},2,0,${el.moduleWidth},${el.moduleWidth},${tsplQuoted(el.data)}`;
    case 'qr':
      return `QRCODE ${el.x},${el.y},Q,${el.magnification},A,0,${tsplQuoted(el.data)}`;
    case 'graphic':
      // text the printer's fonts cannot draw, already a picture in the model
      return tsplBitmap(el.x, el.y, el.bitmap);
  }
}

export function layoutToTspl(layout: DotLayout): string {
  const page = pageMm(layout.size);
  const lines = [
    `SIZE ${mm(page.width)},${mm(page.height)}`,
    'GAP 3 mm,0 mm',
    'DIRECTION 1,0',
    'REFERENCE 0,0',
    'CODEPAGE 1252',
    'CLS',
    ...layout.elements.map((el) => elementTspl(el, layout.dpi)),
    'PRINT 1,1',
    '',
  ];
  return lines.join('\r\n');
}
