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

export function countDots(b: Bitmap): number {
  let n = 0;
  for (const v of b.bits) for (let m = v; m; m &= m - 1) n++;
  return n;
}
