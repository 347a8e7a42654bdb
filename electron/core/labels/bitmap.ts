/**
 * A 1-bit picture as label languages take it: rows top to bottom, each `bytesPerRow` bytes, most
 * significant bit leftmost, 1 = a dot the printer burns (black). ZPL ^GF uses this as is; EPL GW and
 * TSPL BITMAP take 0 for black, so their emitters invert the bytes.
 */
export type Bitmap = { width: number; height: number; bytesPerRow: number; bits: Uint8Array };

export function emptyBitmap(width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, bits: new Uint8Array(bytesPerRow * height) };
}

export function getDot(b: Bitmap, x: number, y: number): boolean {
  return ((b.bits[y * b.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

/** From RGBA pixels (e.g. a rendered image): a dot wherever a pixel is darker than half, over white. */
export function bitmapFromRgba(rgba: Uint8Array, width: number, height: number): Bitmap {
  const out = emptyBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const alpha = rgba[i + 3]! / 255;
      const luminance = (0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!) * alpha + 255 * (1 - alpha);
      if (luminance < 128) out.bits[y * out.bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** The leftmost `width` columns of `b`. */
export function cropWidth(b: Bitmap, width: number): Bitmap {
  const out = emptyBitmap(width, b.height);
  for (let y = 0; y < b.height; y++) {
    out.bits.set(b.bits.subarray(y * b.bytesPerRow, y * b.bytesPerRow + out.bytesPerRow), y * out.bytesPerRow);
    const spare = out.bytesPerRow * 8 - width;
    if (spare > 0) out.bits[y * out.bytesPerRow + out.bytesPerRow - 1]! &= (0xff << spare) & 0xff;
  }
  return out;
}

/** One past the rightmost column with a dot (0 for a blank picture). */
export function inkWidth(b: Bitmap): number {
  let right = 0;
  for (let y = 0; y < b.height; y++) {
    for (let byte = b.bytesPerRow - 1; byte >= 0; byte--) {
      const v = b.bits[y * b.bytesPerRow + byte]!;
      if (v === 0) continue;
      const bit = 7 - Math.log2(v & -v); // lowest set bit is the rightmost dot of this byte
      right = Math.max(right, byte * 8 + bit + 1);
      break;
    }
  }
  return right;
}

export function countDots(b: Bitmap): number {
  let n = 0;
  for (const v of b.bits) for (let m = v; m; m &= m - 1) n++;
  return n;
}
