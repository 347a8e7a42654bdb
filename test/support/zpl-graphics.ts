import { PNG } from 'pngjs';

/** A ^GFA picture found in ZPL, decoded independently of the emitter (Zebra's ZPL II manual, ^GF). */
export type ZplPicture = { x: number; y: number; width: number; height: number; bytesPerRow: number; bits: Uint8Array };

const countOf = (ch: string): number => {
  const c = ch.charCodeAt(0);
  if (c >= 0x47 && c <= 0x59) return c - 0x46; // G..Y = 1..19
  if (c >= 0x67 && c <= 0x7a) return (c - 0x66) * 20; // g..z = 20..400
  return 0;
};

/** Expands ZPL's ASCII compression: counts before a hex digit, "," zeros to the row's end, "!" ones, ":" the row above. */
export function decodeGfaData(data: string, bytesPerRow: number, totalBytes: number): Uint8Array {
  const rowHex = bytesPerRow * 2;
  const rows: string[] = [];
  let row = '';
  let count = 0;
  const endRow = (): void => { rows.push(row); row = ''; };
  for (const ch of data) {
    if (ch === ':') { rows.push(rows.at(-1) ?? '0'.repeat(rowHex)); continue; }
    if (ch === ',') { row = row.padEnd(rowHex, '0'); endRow(); continue; }
    if (ch === '!') throw new Error('"!" is read differently by different renderers; the emitter must not use it');
    const n = countOf(ch);
    if (n) { count += n; continue; }
    if (!/[0-9A-Fa-f]/.test(ch)) throw new Error(`unexpected ${JSON.stringify(ch)} in ^GFA data`);
    row += ch.repeat(Math.max(1, count));
    count = 0;
    if (row.length >= rowHex) { if (row.length > rowHex) throw new Error('a ^GFA row runs past its width'); endRow(); }
  }
  if (row) endRow();
  const bits = new Uint8Array(totalBytes);
  rows.forEach((hex, r) => { for (let i = 0; i < bytesPerRow; i++) bits[r * bytesPerRow + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16); });
  if (rows.length * bytesPerRow !== totalBytes) throw new Error(`^GFA has ${rows.length} rows of ${bytesPerRow} bytes, expected ${totalBytes} bytes`);
  return bits;
}

export function zplPictures(zpl: string): ZplPicture[] {
  const out: ZplPicture[] = [];
  for (const m of zpl.matchAll(/\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([^\^]*)\^FS/g)) {
    const [, x, y, total, , perRow, data] = m;
    const bytesPerRow = Number(perRow);
    const bits = decodeGfaData(data!.trim(), bytesPerRow, Number(total));
    out.push({ x: Number(x), y: Number(y), width: bytesPerRow * 8, height: Number(total) / bytesPerRow, bytesPerRow, bits });
  }
  return out;
}

export function pictureDot(p: { bytesPerRow: number; bits: Uint8Array }, x: number, y: number): boolean {
  return ((p.bits[y * p.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

/** Dots of the rendered label (1 = black) for a rectangle, from the PNG the renderer drew. */
export function pngDots(png: Buffer): { width: number; height: number; black(x: number, y: number): boolean } {
  const img = PNG.sync.read(png);
  return { width: img.width, height: img.height, black: (x, y) => img.data[(y * img.width + x) * 4]! < 128 };
}

/** How many dots of a printed picture the rendered label does not show the same (0: preview = print). */
export function mismatchedDots(p: ZplPicture, image: ReturnType<typeof pngDots>): number {
  let wrong = 0;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      if (p.x + x >= image.width || p.y + y >= image.height) continue;
      // white bits of a ^GF do not erase what else is drawn there, so only the picture's black dots must match
      if (pictureDot(p, x, y) && !image.black(p.x + x, p.y + y)) wrong++;
    }
  }
  return wrong;
}
