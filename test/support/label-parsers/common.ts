// Shared pieces of the EPL2 and TSPL parsers: a cursor over the byte string a printer receives,
// strict numbers, quoted strings. Every malformed piece throws LabelSyntaxError with the line.

export class LabelSyntaxError extends Error {
  override readonly name = 'LabelSyntaxError';
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
  }
}

export type ParsedText = { kind: 'text'; x: number; y: number; text: string; height: number; width: number; align: 'L' | 'C' | 'R'; font: string };
export type ParsedBarcode = { kind: 'code128'; x: number; y: number; height: number; module: number; data: string; humanReadable: boolean };
export type ParsedQr = { kind: 'qr'; x: number; y: number; magnification: number; data: string; ecc: string };
export type ParsedBox = { kind: 'box'; x: number; y: number; width: number; height: number; thickness: number };
export type ParsedLine = { kind: 'line'; x: number; y: number; width: number; height: number };
/** rows of `bytesPerRow` bytes, bit set = black dot (already normalised from the printer's polarity) */
export type ParsedBitmap = { kind: 'bitmap'; x: number; y: number; bytesPerRow: number; height: number; black: Uint8Array };
export type ParsedElement = ParsedText | ParsedBarcode | ParsedQr | ParsedBox | ParsedLine | ParsedBitmap;

export type ParsedLabel = { width: number; height: number; elements: ParsedElement[]; copies: number; codepage: string };

/** Reads a byte string (one char per byte) line by line, with raw binary reads for graphics. */
export class Cursor {
  at = 0;
  line = 0;
  constructor(readonly src: string) {}

  done(): boolean {
    return this.at >= this.src.length;
  }

  /** The next line without its CR LF / LF. */
  nextLine(): string {
    this.line++;
    const end = this.src.indexOf('\n', this.at);
    const raw = end === -1 ? this.src.slice(this.at) : this.src.slice(this.at, end);
    this.at = end === -1 ? this.src.length : end + 1;
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  }

  /** Reads up to `stop` on the current line (the command head before binary data). */
  until(stop: string): string {
    const end = this.src.indexOf(stop, this.at);
    const nl = this.src.indexOf('\n', this.at);
    if (end === -1 || (nl !== -1 && nl < end)) throw this.error(`expected "${stop}"`);
    const out = this.src.slice(this.at, end);
    this.at = end + stop.length;
    return out;
  }

  bytes(n: number): string {
    if (this.at + n > this.src.length) throw this.error(`expected ${n} bytes of graphic data, only ${this.src.length - this.at} left`);
    const out = this.src.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }

  /** Ends the line after binary data: nothing but an optional CR LF may follow. */
  endLine(): void {
    if (this.src.startsWith('\r\n', this.at)) this.at += 2;
    else if (this.src.startsWith('\n', this.at)) this.at += 1;
    else if (!this.done()) throw this.error('unexpected bytes after the graphic data');
    this.line++;
  }

  error(message: string): LabelSyntaxError {
    return new LabelSyntaxError(this.line + 1, message);
  }
}

export function int(line: number, s: string | undefined, what: string, min = -Infinity, max = Infinity): number {
  if (s === undefined || !/^-?\d+$/.test(s.trim())) throw new LabelSyntaxError(line, `${what} must be a whole number, got "${s ?? ''}"`);
  const n = Number(s.trim());
  if (n < min || n > max) throw new LabelSyntaxError(line, `${what} ${n} is outside ${min}..${max}`);
  return n;
}

/**
 * Splits "a,b,"c,d",e" at commas outside quotes. `unescape` turns a quoted body into its text and
 * throws on a bad escape; an unterminated quote is an error.
 */
export function splitArgs(line: number, s: string, unescape: (body: string) => string, escapes: 'backslash' | 'tspl' = 'backslash'): Array<{ raw: string; quoted: string | null }> {
  const out: Array<{ raw: string; quoted: string | null }> = [];
  let i = 0;
  for (;;) {
    while (s[i] === ' ') i++;
    if (s[i] === '"') {
      let j = i + 1;
      let body = '';
      for (;;) {
        if (j >= s.length) throw new LabelSyntaxError(line, 'a quoted value is not closed');
        const ch = s[j]!;
        if (escapes === 'tspl' && s.startsWith('\\["]', j)) { body += '\\["]'; j += 4; continue; }
        if (escapes === 'backslash' && ch === '\\' && j + 1 < s.length) { body += ch + s[j + 1]; j += 2; continue; }
        if (ch === '"') break;
        body += ch;
        j++;
      }
      out.push({ raw: s.slice(i, j + 1), quoted: unescape(body) });
      i = j + 1;
      while (s[i] === ' ') i++;
      if (i < s.length && s[i] !== ',') throw new LabelSyntaxError(line, `unexpected "${s.slice(i, i + 10)}" after a quoted value`);
    } else {
      const j = s.indexOf(',', i);
      const raw = (j === -1 ? s.slice(i) : s.slice(i, j)).trim();
      if (raw.includes('"')) throw new LabelSyntaxError(line, `a stray quote in "${raw}"`);
      out.push({ raw, quoted: null });
      i = j === -1 ? s.length : j;
    }
    if (i >= s.length) return out;
    i++; // the comma
  }
}

/** Windows-1252 bytes back to text (the inverse of the app's encoder, written independently). */
export function fromCp1252(bytes: string): string {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  let out = '';
  for (const ch of bytes) {
    const b = ch.charCodeAt(0);
    if (b > 0xff) throw new Error(`byte strings hold bytes, found U+${b.toString(16)}`);
    out += b >= 0x80 && b <= 0x9f ? high[b - 0x80] : ch;
  }
  return out;
}

export function inBounds(line: number, label: { width: number; height: number }, x: number, y: number, w: number, h: number, what: string): void {
  if (x < 0 || y < 0 || x + w > label.width || y + h > label.height) {
    throw new LabelSyntaxError(line, `${what} at ${x},${y} (${w}×${h} dots) falls outside the ${label.width}×${label.height} label`);
  }
}

export function invert(bytes: string): Uint8Array {
  return Uint8Array.from([...bytes].map((c) => ~c.charCodeAt(0) & 0xff));
}
