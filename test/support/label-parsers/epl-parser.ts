// A strict EPL2 reader, written from the EPL2 Programming Guide, for tests: it accepts what an EPL2
// printer accepts of the commands Packbench uses and refuses anything else with the line and reason.
// Commands: N, q, Q, I, ZT/ZB, R, S, D, A (text), B (bar code), X (box), LO (line), GW (graphic), P.

import { Cursor, fromCp1252, inBounds, int, invert, LabelSyntaxError, splitArgs, type ParsedElement, type ParsedLabel } from './common';

const FONT_CELLS: Record<number, Array<[number, number]>> = {
  203: [[8, 12], [10, 16], [12, 20], [14, 24], [32, 48]],
  300: [[12, 20], [16, 28], [20, 36], [24, 44], [48, 80]],
};

function unescapeEpl(line: number) {
  return (body: string): string => {
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (ch !== '\\') { out += ch; continue; }
      const next = body[++i];
      if (next !== '\\' && next !== '"') throw new LabelSyntaxError(line, `"\\${next ?? ''}" is not an EPL escape (only \\\\ and \\")`);
      out += next;
    }
    return fromCp1252(out);
  };
}

export function parseEpl(job: string, dpi: 203 | 300 = 203): ParsedLabel {
  const c = new Cursor(job);
  const elements: ParsedElement[] = [];
  let cleared = false;
  let width = 0;
  let height = 0;
  let copies = 0;
  let codepage = '';
  const label = () => {
    if (!cleared) throw c.error('an element before N: the image buffer was never cleared');
    if (!width || !height) throw c.error('an element before the label size (q and Q)');
    return { width, height };
  };

  while (!c.done()) {
    if (c.src.startsWith('GW', c.at)) {
      const head = c.until(',');
      const rest: string[] = [head.slice(2)];
      for (let i = 0; i < 3; i++) rest.push(c.until(','));
      const n = c.line + 1;
      const [x, y, wb, h] = rest.map((v, i) => int(n, v, ['GW x', 'GW y', 'GW width in bytes', 'GW height'][i]!, i < 2 ? 0 : 1, 10_000));
      const black = invert(c.bytes(wb! * h!));
      c.endLine();
      inBounds(n, label(), x!, y!, wb! * 8, h!, 'a GW graphic');
      elements.push({ kind: 'bitmap', x: x!, y: y!, bytesPerRow: wb!, height: h!, black });
      continue;
    }
    const text = c.nextLine();
    const n = c.line;
    if (text === '') continue;
    if (copies) throw new LabelSyntaxError(n, `"${text.slice(0, 20)}" after P: the label was already printed`);
    const cmd = /^(LO|ZT|ZB|[A-Za-z])/.exec(text)?.[1];
    if (!cmd) throw new LabelSyntaxError(n, `"${text.slice(0, 20)}" is not an EPL2 command`);
    const args = text.slice(cmd.length);
    const parts = () => splitArgs(n, args, unescapeEpl(n));
    const need = (count: number) => {
      const p = parts();
      if (p.length !== count) throw new LabelSyntaxError(n, `${cmd} takes ${count} parameters, got ${p.length}`);
      return p;
    };
    switch (cmd) {
      case 'N':
        if (args !== '') throw new LabelSyntaxError(n, 'N takes no parameters');
        cleared = true;
        break;
      case 'q':
        width = int(n, args, 'label width (q)', 1, 2000);
        break;
      case 'Q': {
        const [len, gap] = need(2);
        height = int(n, len!.raw, 'label length (Q)', 1, 20_000);
        int(n, gap!.raw, 'gap (Q)', 0, 500);
        break;
      }
      case 'I': {
        const [bits, page, country] = need(3);
        if (bits!.raw !== '8' && bits!.raw !== '7') throw new LabelSyntaxError(n, 'I: data bits must be 7 or 8');
        if (!/^[0-9A-F]$/.test(page!.raw)) throw new LabelSyntaxError(n, `I: code page "${page!.raw}" is not one EPL2 has`);
        if (!/^\d{3}$/.test(country!.raw)) throw new LabelSyntaxError(n, 'I: the country code has three digits');
        codepage = page!.raw === 'A' ? 'windows-1252' : `epl-${page!.raw}`;
        break;
      }
      case 'ZT': case 'ZB':
        if (args !== '') throw new LabelSyntaxError(n, `${cmd} takes no parameters`);
        break;
      case 'R': { const [x, y] = need(2); int(n, x!.raw, 'R x', 0, 2000); int(n, y!.raw, 'R y', 0, 2000); break; }
      case 'S': int(n, args, 'speed (S)', 1, 6); break;
      case 'D': int(n, args, 'density (D)', 0, 15); break;
      case 'A': {
        const p = need(8);
        const x = int(n, p[0]!.raw, 'A x', 0);
        const y = int(n, p[1]!.raw, 'A y', 0);
        int(n, p[2]!.raw, 'A rotation', 0, 3);
        const font = int(n, p[3]!.raw, 'A font', 1, 5);
        const h = int(n, p[4]!.raw, 'A horizontal multiplier', 1, 6);
        const v = int(n, p[5]!.raw, 'A vertical multiplier', 1, 9);
        if (p[6]!.raw !== 'N' && p[6]!.raw !== 'R') throw new LabelSyntaxError(n, 'A: reverse must be N or R');
        if (p[7]!.quoted === null) throw new LabelSyntaxError(n, 'A: the text must be in double quotes');
        const [cw, ch] = FONT_CELLS[dpi]![font - 1]!;
        const t = p[7]!.quoted;
        inBounds(n, label(), x, y, cw * h * [...t].length, ch * v, `text "${t}"`);
        elements.push({ kind: 'text', x, y, text: t, height: ch * v, width: cw * h * [...t].length, align: 'L', font: String(font) });
        break;
      }
      case 'B': {
        const p = need(9);
        const x = int(n, p[0]!.raw, 'B x', 0);
        const y = int(n, p[1]!.raw, 'B y', 0);
        int(n, p[2]!.raw, 'B rotation', 0, 3);
        if (p[3]!.raw !== '1') throw new LabelSyntaxError(n, `B: bar code type "${p[3]!.raw}" is not Code 128 (1)`);
        const narrow = int(n, p[4]!.raw, 'B narrow bar', 1, 10);
        int(n, p[5]!.raw, 'B wide bar', 2, 30);
        const h = int(n, p[6]!.raw, 'B height', 1, 5000);
        if (p[7]!.raw !== 'B' && p[7]!.raw !== 'N') throw new LabelSyntaxError(n, 'B: human readable must be B or N');
        const data = p[8]!.quoted;
        if (data === null || data === '') throw new LabelSyntaxError(n, 'B: the data must be in double quotes');
        if (!/^[\x20-\x7e]+$/.test(data)) throw new LabelSyntaxError(n, 'B: Code 128 carries printable ASCII only');
        inBounds(n, label(), x, y, 1, h, 'a bar code');
        elements.push({ kind: 'code128', x, y, height: h, module: narrow, data, humanReadable: p[7]!.raw === 'B' });
        break;
      }
      case 'X': {
        const p = need(5);
        const [x1, y1, t, x2, y2] = p.map((a, i) => int(n, a.raw, `X ${['x1', 'y1', 'thickness', 'x2', 'y2'][i]}`, 0));
        if (x2! <= x1! || y2! <= y1!) throw new LabelSyntaxError(n, 'X: the end corner must be right of and below the start');
        if (t! < 1) throw new LabelSyntaxError(n, 'X: thickness must be at least 1');
        inBounds(n, label(), x1!, y1!, x2! - x1!, y2! - y1!, 'a box');
        elements.push({ kind: 'box', x: x1!, y: y1!, width: x2! - x1!, height: y2! - y1!, thickness: t! });
        break;
      }
      case 'LO': {
        const [x, y, w, h] = need(4).map((a, i) => int(n, a.raw, `LO ${['x', 'y', 'width', 'height'][i]}`, i < 2 ? 0 : 1));
        inBounds(n, label(), x!, y!, w!, h!, 'a line');
        elements.push({ kind: 'line', x: x!, y: y!, width: w!, height: h! });
        break;
      }
      case 'P': {
        const p = parts();
        if (p.length < 1 || p.length > 2) throw new LabelSyntaxError(n, 'P takes one or two parameters');
        copies = int(n, p[0]!.raw, 'P copies', 1, 65_535);
        break;
      }
      default:
        throw new LabelSyntaxError(n, `"${cmd}" is not an EPL2 command this label may use`);
    }
  }
  if (!copies) throw new LabelSyntaxError(c.line, 'the job never prints: no P command');
  return { width, height, elements, copies, codepage };
}
