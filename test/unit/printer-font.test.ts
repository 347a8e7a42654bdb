import { describe, expect, it } from 'vitest';
import { escapeZplFieldData, FONT_0_EXTRA, printerFontCanDraw, renderZplToPng } from '../../electron/core/labels';
import { pngDots } from '../support/zpl-graphics';

const CELL = 60;
const COLUMNS = 13;

/** Each character in its own ^A0 field; a character the font lacks is drawn as the same box as U+4E00. */
async function boxed(chars: string[]): Promise<string[]> {
  const all = ['\u4e00', ...chars];
  const rows = Math.ceil(all.length / COLUMNS);
  const fields = all.map((ch, i) => `^FO${(i % COLUMNS) * CELL + 10},${Math.floor(i / COLUMNS) * CELL + 10}^A0N,40,40^FH_^FD${escapeZplFieldData(ch)}^FS`);
  const height = rows * CELL + 20;
  const image = pngDots(await renderZplToPng(`^XA^CI28^PW812^LL${height}^LH0,0\n${fields.join('\n')}\n^XZ`, { heightMm: height / 8 }));
  const cell = (i: number): string => {
    let bits = '';
    const x0 = (i % COLUMNS) * CELL + 10;
    const y0 = Math.floor(i / COLUMNS) * CELL + 10;
    for (let y = y0; y < y0 + 50; y++) for (let x = x0; x < x0 + 50; x++) bits += image.black(x, y) ? '1' : '0';
    return bits;
  };
  const box = cell(0);
  return chars.filter((_, i) => cell(i + 1) === box);
}

describe('what the printer font draws (measured against the preview renderer)', () => {
  it('draws every character sent to it as text', async () => {
    const repertoire = [...FONT_0_EXTRA].filter((ch) => ch !== '\u00a0');
    expect(repertoire.every((ch) => printerFontCanDraw(ch))).toBe(true);
    expect(await boxed(repertoire)).toEqual([]);
  });

  it('lacks what goes as a picture, so none of it is ever sent as text', async () => {
    const others = [...'ĂĐĞğŢŰΩЯжΣ한あ漢ع'];
    expect(others.filter((ch) => printerFontCanDraw(ch))).toEqual([]);
    expect(await boxed(others)).toEqual(others);
  });
});
