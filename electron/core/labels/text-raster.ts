import { Resvg } from '@resvg/resvg-js';
import { emptyBitmap, getDot, type Bitmap } from './bitmap';
import { fontFamiliesFor, fontFile, fontsForText, MISSING_GLYPH } from './label-fonts';

export type TextRaster = {
  /** cropped to the ink on every side: labels send no blank rows, and a picture never covers the next line's */
  bitmap: Bitmap;
  /** rows cropped above the ink: the picture goes this far below where the line's top is */
  top: number;
  /** the characters no bundled font has: they print as white squares, and the packer is told */
  missing: string[];
  /** < 1 when the text was narrowed to fit its width */
  squeeze: number;
};

export type TextRasterRequest = {
  text: string;
  /** the line's font height in dots (as ^A0's height) */
  fontHeight: number;
  maxWidth: number;
  /** the destination's ISO country code: chooses Japanese, Korean, simplified or traditional Han forms */
  countryCode?: string;
};

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (s: string): string => s.replace(/[&<>"']/g, (c) => XML[c]!);

// Noto's capitals are 0.714 em and font 0's about 0.72 of its height: one em per font height gives
// letters of the same size. The baseline sits where font 0's does, 0.8 of the height down; the picture
// is a line pitch (1.2 heights) tall so descenders and Arabic marks are not cut.
const BASELINE = 0.8;
const PITCH = 1.2;

type Prepared = TextRasterRequest & { families: string[]; missing: string[]; drawn: string; height: number; canvas: number; em: number; baseline: number };

// Arabic reaches further below the baseline (the dots of ي) than a line's pitch leaves room for:
// drawn a little smaller and higher, it stays off the next line.
const ARABIC_EM = 0.9;
const ARABIC_BASELINE = 0.75;

// resvg orders right-to-left text within one font's run: Arabic lines take digits and spaces from the
// Arabic face too, so "شارع 12" is one run and its number lands where an Arabic reader expects it.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

function prepare(r: TextRasterRequest): Prepared {
  const byCountry = fontFamiliesFor(r.countryCode);
  const preference = RIGHT_TO_LEFT.test(r.text) ? ['Noto Sans Arabic', ...byCountry.filter((f) => f !== 'Noto Sans Arabic')] : byCountry;
  const { families, missing } = fontsForText(r.text, preference);
  // a character no font has is replaced before drawing: resvg would otherwise draw the rest of its run from the wrong font
  let drawn = r.text;
  for (const ch of missing) drawn = drawn.split(ch).join(MISSING_GLYPH);
  // a line whose first letter is Arabic is a right-to-left paragraph even when it starts with a number;
  // resvg takes its direction from the first character, so a right-to-left mark says it
  const firstLetter = /\p{L}/u.exec(drawn)?.[0];
  if (firstLetter && RIGHT_TO_LEFT.test(firstLetter)) drawn = `\u200f${drawn}`;
  const arabic = RIGHT_TO_LEFT.test(r.text);
  if (missing.length && !families.includes('Noto Sans CJK JP')) families.push('Noto Sans CJK JP');
  return {
    ...r, families, missing, drawn, height: Math.round(r.fontHeight * PITCH),
    em: r.fontHeight * (arabic ? ARABIC_EM : 1), baseline: r.fontHeight * (arabic ? ARABIC_BASELINE : BASELINE),
    // wide enough for any glyph run of this length; the ink is measured and cropped afterwards
    canvas: Math.ceil(r.fontHeight * (2 + [...r.text].length * 1.3)),
  };
}

/** Draws several lines in one resvg pass (one font load for the whole label), each in its own band. */
function drawBands(lines: Prepared[], scale: number[]): Array<{ band: Bitmap; ink: Ink }> {
  const width = Math.max(...lines.map((l) => l.canvas));
  let top = 0;
  const texts = lines.map((l, i) => {
    const families = l.families.map((f) => `'${f}'`).join(', ');
    const y = top + l.baseline;
    top += l.height;
    return `<g transform="scale(${scale[i]} 1)"><text x="0" y="${y.toFixed(2)}" font-family="${xml(families)}" font-weight="700" font-size="${l.em.toFixed(2)}" fill="#000">${xml(l.drawn)}</text></g>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top}">${texts.join('')}</svg>`;
  const files = [...new Set(lines.flatMap((l) => l.families))].map(fontFile);
  const image = new Resvg(svg, { font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' }, background: '#ffffff' }).render();
  // width and pixels are native getters (each read crosses into resvg): read them once
  const pixels = image.pixels;
  const imageWidth = image.width;
  let y0 = 0;
  // one pass per band: threshold (opaque white ground, so red alone tells black) and find the ink box
  return lines.map((l) => {
    const band = emptyBitmap(imageWidth, l.height);
    const ink = { left: imageWidth, right: 0, top: l.height, bottom: 0 };
    for (let y = 0; y < l.height; y++) {
      const row = (y0 + y) * imageWidth * 4;
      for (let x = 0; x < imageWidth; x++) {
        if (pixels[row + x * 4]! >= 128) continue;
        band.bits[y * band.bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
        if (x < ink.left) ink.left = x;
        if (x >= ink.right) ink.right = x + 1;
        if (y < ink.top) ink.top = y;
        ink.bottom = y + 1;
      }
    }
    y0 += l.height;
    return { band, ink: ink.left < ink.right ? ink : { left: 0, right: 1, top: 0, bottom: 1 } };
  });
}

type Ink = { left: number; right: number; top: number; bottom: number };

function crop(b: Bitmap, ink: Ink, maxWidth: number): Bitmap {
  const right = Math.min(ink.right, ink.left + maxWidth);
  const out = emptyBitmap(right - ink.left, ink.bottom - ink.top);
  for (let y = ink.top; y < ink.bottom; y++) {
    for (let x = ink.left; x < right; x++) if (getDot(b, x, y)) out.bits[(y - ink.top) * out.bytesPerRow + ((x - ink.left) >> 3)]! |= 0x80 >> ((x - ink.left) & 7);
  }
  return out;
}

const cache = new Map<string, TextRaster>();
const CACHE_SIZE = 256;
const keyOf = (r: TextRasterRequest): string => `${r.fontHeight}|${r.maxWidth}|${r.countryCode ?? ''}|${r.text}`;

/**
 * Draws lines of text with resvg from the bundled Noto fonts (shaping, joining and right-to-left order
 * included) as the 1-bit pictures a label printer burns. A line wider than its `maxWidth` is narrowed
 * to fit rather than cut.
 */
export function rasterizeLines(requests: TextRasterRequest[]): TextRaster[] {
  const toDraw = requests.filter((r, i) => !cache.has(keyOf(r)) && requests.findIndex((o) => keyOf(o) === keyOf(r)) === i).map(prepare);
  if (toDraw.length) {
    let drawn = drawBands(toDraw, toDraw.map(() => 1));
    const scale = toDraw.map((l, i) => {
      const ink = drawn[i]!.ink.right - drawn[i]!.ink.left;
      return ink > l.maxWidth ? Math.floor((l.maxWidth / ink) * 1000) / 1000 : 1;
    });
    const wide = toDraw.map((_, i) => i).filter((i) => scale[i]! < 1);
    if (wide.length) {
      const redrawn = drawBands(wide.map((i) => toDraw[i]!), wide.map((i) => scale[i]!));
      drawn = drawn.map((d, i) => (wide.includes(i) ? redrawn[wide.indexOf(i)]! : d));
    }
    toDraw.forEach((l, i) => {
      const { band, ink } = drawn[i]!;
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(keyOf(l), { bitmap: crop(band, ink, l.maxWidth), top: ink.top, missing: l.missing, squeeze: scale[i]! });
    });
  }
  return requests.map((r) => cache.get(keyOf(r))!);
}

export function rasterizeText(text: string, opts: Omit<TextRasterRequest, 'text'>): TextRaster {
  return rasterizeLines([{ text, ...opts }])[0]!;
}
