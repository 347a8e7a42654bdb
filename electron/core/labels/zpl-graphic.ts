import type { Bitmap } from './bitmap';

const HEX = '0123456789ABCDEF';

// ZPL's ASCII compression: a count written as letters before a hex digit repeats it
// (G..Y = 1..19, g..z = 20..400 in twenties); "," ends a row with zeros, ":" repeats the row above.
// "!" (end the row with ones) is not used: renderers disagree whether it means binary ones or hex "1".
function repeat(count: number, digit: string): string {
  let out = '';
  let n = count;
  while (n > 0) {
    const take = Math.min(n, 419);
    const twenties = Math.floor(take / 20);
    const ones = take % 20;
    out += (twenties > 0 ? String.fromCharCode(0x66 + twenties) : '') + (ones > 0 ? String.fromCharCode(0x46 + ones) : '') + digit;
    n -= take;
  }
  return out;
}

function compressRow(hex: string): string {
  const trailingZeros = /0+$/.exec(hex)?.[0].length ?? 0;
  let body = hex;
  let tail = '';
  if (trailingZeros > 2) { body = hex.slice(0, hex.length - trailingZeros); tail = ','; }
  let out = '';
  for (let i = 0; i < body.length;) {
    let j = i + 1;
    while (j < body.length && body[j] === body[i]) j++;
    out += j - i > 2 ? repeat(j - i, body[i]!) : body.slice(i, j);
    i = j;
  }
  return out + tail;
}

/** `^GFA` field data for a bitmap: compressed hex rows, plain ASCII (nothing a printer could read as a command). */
export function zplGraphicField(b: Bitmap): string {
  const total = b.bytesPerRow * b.height;
  const rows: string[] = [];
  let previous = '';
  for (let y = 0; y < b.height; y++) {
    let hex = '';
    for (let i = 0; i < b.bytesPerRow; i++) {
      const v = b.bits[y * b.bytesPerRow + i]!;
      hex += HEX[v >> 4]! + HEX[v & 15]!;
    }
    rows.push(y > 0 && hex === previous ? ':' : compressRow(hex));
    previous = hex;
  }
  return `^GFA,${total},${total},${b.bytesPerRow},${rows.join('')}`;
}
