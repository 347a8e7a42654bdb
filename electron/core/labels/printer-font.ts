/**
 * What the printer's own scalable font (Zebra font 0 under ^CI28) draws: printable ASCII and the Latin
 * letters of code pages 1252, 1250 and 1254, less the ones the preview renderer's font 0 lacks
 * (ĂăĐđĞğĹĺĽľŔŕŢţŰű and the soft hyphen), so a line printed in the printer font looks the same in
 * the preview as on the label. Anything else (Greek, Cyrillic, CJK, Arabic, Vietnamese…) is printed
 * as a picture from the bundled fonts. Measured once with zpl-renderer-js; see test/unit/printer-font.test.ts.
 */
export const FONT_0_EXTRA =
  '¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ' +
  'ĄąĆćČčĎďĘęĚěİıŁłŃńŇňŐőŒœŘřŚśŞşŠšŤťŮůŸŹźŻżŽžƒˆˇ˘˙˛˜˝–—‘’‚“”„†‡•…‰‹›€™\u00a0';

const FONT_0 = new Set(FONT_0_EXTRA);

export function printerFontDraws(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x20 && cp < 0x7f) || FONT_0.has(ch);
}

/**
 * True when every character of `text` can go to the printer as text. A backslash cannot: zpl-renderer-js
 * reads "\&" as a line break even outside ^FB while printers print it, so preview and print would differ.
 */
export function printerFontCanDraw(text: string): boolean {
  for (const ch of text) if (ch === '\\' || !printerFontDraws(ch)) return false;
  return true;
}
