#!/usr/bin/python3
"""Builds the label fonts in this folder from Debian's Noto fonts. Run once by a developer; the
results are committed, so neither CI nor an install ever needs this script or its packages.

    apt-get install -y fonts-noto-core fonts-noto-cjk python3-fonttools
    /usr/bin/python3 resources/fonts/build-fonts.py

Why subsets: a label only needs the characters people write addresses in. The full CJK collection
is 20 MB; these files keep what postal addresses use (see CHARSETS) and stay a few MB in all.
Why Bold: thermal heads at 203 dpi blur thin strokes; the printer's own font 0 is bold too.

Character sets are taken from the national standards through Python's codecs, so the script
needs no lists of its own:
- JP: JIS X 0208 (Shift_JIS): kana and the 6,355 kanji of levels 1 and 2
- KR: every precomposed Hangul syllable (11,172) and jamo, plus KS X 1001 symbols (EUC-KR)
- SC: GB 2312 (6,763 hanzi), the set mainland addresses are written in
- TC: Big5 level 1 (5,401 common hanzi) for Taiwan and Hong Kong
- Latin, Greek and Cyrillic (Noto Sans), Arabic with its shaping tables (Noto Sans Arabic)
A character outside these sets is reported by the label as one the fonts cannot draw.
"""
import json
import os
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
SANS = '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'
ARABIC = '/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf'

# ASCII, Latin-1 and general punctuation in every face, so a mixed line ("東京 100-0005") needs no switch.
COMMON = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070)) | {0x20AC, 0x2116, 0x2122}


def codec_set(codec, ranges, lead_bytes=range(0x81, 0x100)):
    """Code points that `codec` encodes as a double-byte character whose first byte is in `lead_bytes`."""
    out = set()
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            try:
                encoded = chr(cp).encode(codec)
            except UnicodeEncodeError:
                continue
            if len(encoded) >= 2 and encoded[0] in lead_bytes:
                out.add(cp)
    return out


CJK_RANGES = [(0x2010, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]
HANGUL = set(range(0xAC00, 0xD7A4)) | set(range(0x1100, 0x1200)) | set(range(0x3130, 0x3190))
KANA = set(range(0x3000, 0x3100)) | set(range(0x31F0, 0x3200)) | set(range(0xFF61, 0xFFA0))

CHARSETS = {
    'JP': codec_set('shift_jis', CJK_RANGES) | KANA,
    'KR': HANGUL | codec_set('euc_kr', [(0x2010, 0x33FF), (0xFF00, 0xFFEF)]),
    'SC': codec_set('gb2312', CJK_RANGES),
    # Big5 level 1 (lead bytes A1-C6: symbols and the 5,401 common hanzi); rarer ones fall back to the JP or SC face
    'TC': codec_set('big5', CJK_RANGES, range(0xA1, 0xC7)),
}
CJK_FACES = {'JP': 0, 'KR': 1, 'SC': 2, 'TC': 3}

LATIN_GREEK_CYRILLIC = set(range(0x100, 0x250)) | set(range(0x370, 0x400)) | set(range(0x400, 0x530)) | set(range(0x1E00, 0x1F00)) | set(range(0x1F00, 0x2000))
ARABIC_SET = set(range(0x600, 0x700)) | set(range(0x750, 0x780)) | set(range(0x8A0, 0x900)) | set(range(0xFB50, 0xFE00)) | set(range(0xFE70, 0xFF00))


def options():
    o = subset.Options()
    o.layout_features = ['*']  # Arabic joining forms, ligatures and mark positioning must survive
    o.name_IDs = ['*']
    o.name_languages = ['*']
    o.notdef_outline = True
    o.glyph_names = False
    o.hinting = False  # resvg does not hint; hinting bytes would only add size
    o.desubroutinize = False
    return o


def write(font, unicodes, name):
    sub = subset.Subsetter(options())
    sub.populate(unicodes=sorted(unicodes))
    sub.subset(font)
    path = os.path.join(HERE, name)
    font.save(path)
    print(f'{name}: {len(unicodes)} characters requested, {os.path.getsize(path) / 1024:.0f} KiB')


def ranges(codepoints):
    out = []
    for cp in sorted(codepoints):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def write_coverage():
    """coverage.json: which characters each font draws, so a label loads only the fonts a line needs
    and can say which characters none of them has."""
    fonts = {}
    for name in sorted(os.listdir(HERE)):
        if '-subset.' in name:
            fonts[name] = ranges(TTFont(os.path.join(HERE, name), lazy=True).getBestCmap().keys())
    with open(os.path.join(HERE, 'coverage.json'), 'w') as f:
        json.dump({'fonts': fonts}, f, separators=(',', ':'))
    print(f'coverage.json: {sum(r[1] - r[0] + 1 for v in fonts.values() for r in v)} characters in {len(fonts)} fonts')


def main():
    write(TTFont(SANS), COMMON | LATIN_GREEK_CYRILLIC, 'NotoSans-Bold-subset.ttf')
    write(TTFont(ARABIC), COMMON | ARABIC_SET, 'NotoSansArabic-Bold-subset.ttf')
    collection = TTCollection(CJK)
    for region, face in CJK_FACES.items():
        write(collection.fonts[face], COMMON | CHARSETS[region], f'NotoSansCJK{region}-Bold-subset.otf')
        collection = TTCollection(CJK)  # subsetting changes the shared tables; start each face afresh
    write_coverage()


if __name__ == '__main__':
    sys.exit(write_coverage() if sys.argv[1:] == ['--coverage-only'] else main())
