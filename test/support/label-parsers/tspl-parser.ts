// A strict TSPL/TSPL2 reader, written from the TSC TSPL/TSPL2 Programming Manual, for tests: the
// commands Packbench sends, with their parameter counts and ranges, and nothing else.
// Commands: SIZE, GAP, DIRECTION, REFERENCE, CODEPAGE, CLS, TEXT, BARCODE, QRCODE, BOX, BAR, BITMAP, PRINT.

import { Cursor, fromCp1252, inBounds, int, invert, LabelSyntaxError, splitArgs, type ParsedElement, type ParsedLabel } from './common';

/** TSPL2 writes a double quote inside data as \["]; any other backslash is literal. */
function unescapeTspl(body: string): string {
  return fromCp1252(body.replace(/\\\["\]/g, '"'));
}

function mmOrInch(line: number, s: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(mm)?$/.exec(s.trim());
  if (!m) throw new LabelSyntaxError(line, `${what} "${s}" is not a size (inches, or millimetres with "mm")`);
  return m[2] ? Number(m[1]) : Number(m[1]) * 25.4;
}

export function parseTspl(job: string, dpi: 203 | 300 = 203): ParsedLabel {
  const dpmm = dpi === 300 ? 12 : 8;
  const c = new Cursor(job);
  const elements: ParsedElement[] = [];
  let width = 0;
  let height = 0;
  let cleared = false;
  let copies = 0;
  let codepage = '';
  const label = () => {
    if (!width) throw c.error('an element before SIZE');
    if (!cleared) throw c.error('an element before CLS: the image buffer was never cleared');
    return { width, height };
  };

  while (!c.done()) {
    if (c.src.startsWith('BITMAP ', c.at)) {
      const head = c.until(',').slice(7);
      const parts = [head, c.until(','), c.until(','), c.until(','), c.until(',')];
      const n = c.line + 1;
      const [x, y, wb, h, mode] = parts.map((v, i) => int(n, v, ['BITMAP x', 'BITMAP y', 'BITMAP width in bytes', 'BITMAP height', 'BITMAP mode'][i]!, 0, 10_000));
      if (mode! > 2) throw new LabelSyntaxError(n, 'BITMAP mode must be 0, 1 or 2');
      if (wb! < 1 || h! < 1) throw new LabelSyntaxError(n, 'BITMAP must be at least one byte by one dot');
      const black = invert(c.bytes(wb! * h!));
      c.endLine();
      inBounds(n, label(), x!, y!, wb! * 8, h!, 'a bitmap');
      elements.push({ kind: 'bitmap', x: x!, y: y!, bytesPerRow: wb!, height: h!, black });
      continue;
    }
    const text = c.nextLine();
    const n = c.line;
    if (text.trim() === '') continue;
    if (copies) throw new LabelSyntaxError(n, `"${text.slice(0, 20)}" after PRINT`);
    const m = /^([A-Z]+)(?: (.*))?$/.exec(text);
    if (!m) throw new LabelSyntaxError(n, `"${text.slice(0, 20)}" is not a TSPL command`);
    const cmd = m[1]!;
    const rest = m[2] ?? '';
    const args = () => splitArgs(n, rest, unescapeTspl, 'tspl');
    const need = (min: number, max = min) => {
      const p = args();
      if (p.length < min || p.length > max) throw new LabelSyntaxError(n, `${cmd} takes ${min === max ? min : `${min}-${max}`} parameters, got ${p.length}`);
      return p;
    };
    switch (cmd) {
      case 'SIZE': {
        const [w, h] = need(2);
        // whole dots: 101.6 mm at 8 dots/mm is 812 printable dots
        width = Math.floor(mmOrInch(n, w!.raw, 'SIZE width') * dpmm + 1e-9);
        height = Math.floor(mmOrInch(n, h!.raw, 'SIZE height') * dpmm + 1e-9);
        break;
      }
      case 'GAP': { const [a, b] = need(2); mmOrInch(n, a!.raw, 'GAP'); mmOrInch(n, b!.raw, 'GAP offset'); break; }
      case 'DIRECTION': { const p = need(1, 2); int(n, p[0]!.raw, 'DIRECTION', 0, 1); if (p[1]) int(n, p[1].raw, 'DIRECTION mirror', 0, 1); break; }
      case 'REFERENCE': { const [x, y] = need(2); int(n, x!.raw, 'REFERENCE x', 0); int(n, y!.raw, 'REFERENCE y', 0); break; }
      case 'CODEPAGE': {
        const [p] = need(1);
        if (!/^(437|850|852|860|863|865|857|861|862|855|866|737|851|869|1250|1251|1252|1253|1254|1255|1256|1257|UTF-8)$/.test(p!.raw)) {
          throw new LabelSyntaxError(n, `CODEPAGE "${p!.raw}" is not one TSPL has`);
        }
        codepage = p!.raw === '1252' ? 'windows-1252' : p!.raw;
        break;
      }
      case 'CLS': if (rest !== '') throw new LabelSyntaxError(n, 'CLS takes no parameters'); cleared = true; break;
      case 'TEXT': {
        const p = need(7, 8);
        const x = int(n, p[0]!.raw, 'TEXT x', 0);
        const y = int(n, p[1]!.raw, 'TEXT y', 0);
        const font = p[2]!.quoted;
        if (font === null || !/^([0-8]|ROMAN\.TTF)$/.test(font)) throw new LabelSyntaxError(n, `TEXT font ${p[2]!.raw} is not a TSPL font`);
        if (![0, 90, 180, 270].includes(int(n, p[3]!.raw, 'TEXT rotation'))) throw new LabelSyntaxError(n, 'TEXT rotation must be 0, 90, 180 or 270');
        const xm = int(n, p[4]!.raw, 'TEXT x-multiplication', 1, font === '0' ? 999 : 10);
        const ym = int(n, p[5]!.raw, 'TEXT y-multiplication', 1, font === '0' ? 999 : 10);
        const alignment = p.length === 8 ? int(n, p[6]!.raw, 'TEXT alignment', 0, 3) : 0;
        const content = p[p.length - 1]!.quoted;
        if (content === null) throw new LabelSyntaxError(n, 'TEXT content must be in double quotes');
        // font 0 is sized in points; its characters are about half as wide as tall
        const h = font === '0' ? Math.round((ym * dpi) / 72) : ym * 12;
        const w = Math.round(h * 0.5 * [...content].length * (xm / ym));
        const left = alignment === 2 ? x - Math.floor(w / 2) : alignment === 3 ? x - w : x;
        inBounds(n, label(), Math.max(0, left), y, Math.min(w, width), h, `text "${content}"`);
        elements.push({ kind: 'text', x, y, text: content, height: h, width: w, align: alignment === 2 ? 'C' : alignment === 3 ? 'R' : 'L', font });
        break;
      }
      case 'BARCODE': {
        const p = need(9, 10);
        const x = int(n, p[0]!.raw, 'BARCODE x', 0);
        const y = int(n, p[1]!.raw, 'BARCODE y', 0);
        if (p[2]!.quoted !== '128') throw new LabelSyntaxError(n, `BARCODE type ${p[2]!.raw} is not Code 128 ("128")`);
        const h = int(n, p[3]!.raw, 'BARCODE height', 1, 6000);
        const readable = int(n, p[4]!.raw, 'BARCODE human readable', 0, 3);
        int(n, p[5]!.raw, 'BARCODE rotation', 0, 270);
        const narrow = int(n, p[6]!.raw, 'BARCODE narrow', 1, 10);
        int(n, p[7]!.raw, 'BARCODE wide', 1, 10);
        const data = p[p.length - 1]!.quoted;
        if (data === null || data === '') throw new LabelSyntaxError(n, 'BARCODE content must be in double quotes');
        if (!/^[\x20-\x7e]+$/.test(data)) throw new LabelSyntaxError(n, 'BARCODE: Code 128 carries printable ASCII only');
        inBounds(n, label(), x, y, 1, h, 'a bar code');
        elements.push({ kind: 'code128', x, y, height: h, module: narrow, data, humanReadable: readable > 0 });
        break;
      }
      case 'QRCODE': {
        const p = need(7, 9);
        const x = int(n, p[0]!.raw, 'QRCODE x', 0);
        const y = int(n, p[1]!.raw, 'QRCODE y', 0);
        if (!/^[LMQH]$/.test(p[2]!.raw)) throw new LabelSyntaxError(n, 'QRCODE error correction must be L, M, Q or H');
        const cell = int(n, p[3]!.raw, 'QRCODE cell width', 1, 10);
        if (p[4]!.raw !== 'A' && p[4]!.raw !== 'M') throw new LabelSyntaxError(n, 'QRCODE mode must be A or M');
        int(n, p[5]!.raw, 'QRCODE rotation', 0, 270);
        const data = p[p.length - 1]!.quoted;
        if (data === null || data === '') throw new LabelSyntaxError(n, 'QRCODE content must be in double quotes');
        inBounds(n, label(), x, y, cell * 21, cell * 21, 'a QR code');
        elements.push({ kind: 'qr', x, y, magnification: cell, data, ecc: p[2]!.raw });
        break;
      }
      case 'BOX': {
        const [x1, y1, x2, y2, t] = need(5).map((a, i) => int(n, a.raw, `BOX ${['x', 'y', 'x end', 'y end', 'thickness'][i]}`, 0));
        if (x2! <= x1! || y2! <= y1!) throw new LabelSyntaxError(n, 'BOX: the end corner must be right of and below the start');
        if (t! < 1) throw new LabelSyntaxError(n, 'BOX: thickness must be at least 1');
        inBounds(n, label(), x1!, y1!, x2! - x1!, y2! - y1!, 'a box');
        elements.push({ kind: 'box', x: x1!, y: y1!, width: x2! - x1!, height: y2! - y1!, thickness: t! });
        break;
      }
      case 'BAR': {
        const [x, y, w, h] = need(4).map((a, i) => int(n, a.raw, `BAR ${['x', 'y', 'width', 'height'][i]}`, i < 2 ? 0 : 1));
        inBounds(n, label(), x!, y!, w!, h!, 'a bar');
        elements.push({ kind: 'line', x: x!, y: y!, width: w!, height: h! });
        break;
      }
      case 'PRINT': {
        const p = need(1, 2);
        copies = int(n, p[0]!.raw, 'PRINT sets', 1, 999_999_999);
        if (p[1]) int(n, p[1].raw, 'PRINT copies', 1, 999_999_999);
        break;
      }
      default:
        throw new LabelSyntaxError(n, `"${cmd}" is not a TSPL command this label may use`);
    }
  }
  if (!copies) throw new LabelSyntaxError(c.line, 'the job never prints: no PRINT command');
  return { width, height, elements, copies, codepage };
}
