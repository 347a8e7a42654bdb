import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled label fonts (resources/fonts, built once by build-fonts.py and committed), by family. */
const FONT_FILES: Record<string, string> = {
  'Noto Sans': 'NotoSans-Bold-subset.ttf',
  'Noto Sans Arabic': 'NotoSansArabic-Bold-subset.ttf',
  'Noto Sans CJK JP': 'NotoSansCJKJP-Bold-subset.otf',
  'Noto Sans CJK KR': 'NotoSansCJKKR-Bold-subset.otf',
  'Noto Sans CJK SC': 'NotoSansCJKSC-Bold-subset.otf',
  'Noto Sans CJK TC': 'NotoSansCJKTC-Bold-subset.otf',
};

let configured: string | undefined;
let coverage: Map<string, Array<[number, number]>> | undefined;

/** The packaged desktop app keeps the fonts outside its archive (a native renderer reads real files). */
export function setLabelFontDir(dir: string): void {
  configured = dir;
  coverage = undefined;
}

// From the source tree (electron/core/labels) or the build (out/main), resources/ sits a few levels up.
function fontDir(): string {
  if (configured) return configured;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, 'coverage.json'))) return (configured = candidate);
    dir = resolve(dir, '..');
  }
  throw new Error('The label fonts (resources/fonts) are missing from this installation; reinstall Packbench.');
}

function coverageOf(family: string): Array<[number, number]> {
  if (!coverage) {
    const json = JSON.parse(readFileSync(join(fontDir(), 'coverage.json'), 'utf8')) as { fonts: Record<string, Array<[number, number]>> };
    coverage = new Map(Object.entries(FONT_FILES).map(([fam, file]) => [fam, json.fonts[file] ?? []]));
  }
  return coverage.get(family) ?? [];
}

function covers(family: string, cp: number): boolean {
  const r = coverageOf(family);
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = r[mid]!;
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

// Han characters are drawn in the forms the destination reads: Japanese, Korean, simplified, traditional.
const CJK_ORDER: Record<string, string[]> = {
  JP: ['JP', 'TC', 'SC', 'KR'],
  KR: ['KR', 'TC', 'JP', 'SC'],
  CN: ['SC', 'TC', 'JP', 'KR'],
  SG: ['SC', 'TC', 'JP', 'KR'],
  TW: ['TC', 'JP', 'SC', 'KR'],
  HK: ['TC', 'JP', 'SC', 'KR'],
  MO: ['TC', 'JP', 'SC', 'KR'],
};

/** The font-family preference for text going to `countryCode`: Latin/Greek/Cyrillic, Arabic, then CJK. */
export function fontFamiliesFor(countryCode: string | undefined): string[] {
  const cjk = CJK_ORDER[countryCode ?? ''] ?? ['SC', 'TC', 'JP', 'KR'];
  return ['Noto Sans', 'Noto Sans Arabic', ...cjk.map((r) => `Noto Sans CJK ${r}`)];
}

const invisible = (ch: string): boolean => /[\s\p{M}\p{Cf}]/u.test(ch); // spaces, combining marks, joiners

/**
 * For each character the first family in `families` that draws it. Returns the families the text needs
 * (only those are loaded: reading every CJK font for every line would be slow) and the characters none draws.
 */
export function fontsForText(text: string, families: string[]): { families: string[]; missing: string[] } {
  const used = new Set<string>();
  const missing = new Set<string>();
  for (const ch of text) {
    if (invisible(ch)) continue;
    const cp = ch.codePointAt(0)!;
    const family = families.find((f) => covers(f, cp));
    if (family) used.add(family);
    else missing.add(ch);
  }
  return { families: families.filter((f) => used.has(f)), missing: [...missing] };
}

export function fontFile(family: string): string {
  const file = FONT_FILES[family];
  if (!file) throw new Error(`No bundled font for ${family}.`);
  return join(fontDir(), file);
}

/** What stands in for a character no font has: a white square, which the JP face draws. */
export const MISSING_GLYPH = '\u25a1';
