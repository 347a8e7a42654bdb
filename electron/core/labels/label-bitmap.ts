// One-bit pictures for printers without a command for a symbol (QR on EPL2) and for the label
// model's graphic elements: rows top to bottom, most significant bit leftmost, 1 = black.

import bwipjs from 'bwip-js/node';

export type Bitmap = { width: number; height: number; bytesPerRow: number; bits: Uint8Array };

export function blankBitmap(width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, bits: new Uint8Array(bytesPerRow * height) };
}

export function setDot(b: Bitmap, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return;
  b.bits[y * b.bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
}

export function isDot(b: Bitmap, x: number, y: number): boolean {
  return ((b.bits[y * b.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

/** A QR symbol (error correction Q, as the ZPL labels use) scaled to `magnification` dots a module. */
export function qrBitmap(data: string, magnification: number): Bitmap {
  const [sym] = bwipjs.raw('qrcode', data, 'eclevel=Q') as Array<{ pixs: number[]; pixx: number; pixy: number }>;
  if (!sym) throw new RangeError('The QR code could not be made.');
  const m = Math.max(1, Math.floor(magnification));
  const out = blankBitmap(sym.pixx * m, sym.pixy * m);
  for (let y = 0; y < sym.pixy; y++) {
    for (let x = 0; x < sym.pixx; x++) {
      if (!sym.pixs[y * sym.pixx + x]) continue;
      for (let dy = 0; dy < m; dy++) for (let dx = 0; dx < m; dx++) setDot(out, x * m + dx, y * m + dy);
    }
  }
  return out;
}

/** EPL2 GW and TSPL BITMAP print a dot where a bit is 0: the same picture with every bit flipped. */
export function invertedBits(b: Bitmap): Uint8Array {
  const out = new Uint8Array(b.bits.length);
  for (let i = 0; i < b.bits.length; i++) out[i] = ~b.bits[i]! & 0xff;
  // padding bits past the right edge stay white (1)
  return out;
}
