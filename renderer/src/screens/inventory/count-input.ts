/** The most units one count may record: the core refuses more, and a bigger number is a typo. */
export const MAX_COUNT = 1_000_000;

export type CountReading = { ok: true; value: number } | { ok: false; message: string };

/**
 * What a person typed as a shelf count, read strictly: digits only. "-5", "1.5" and "2e1" are refused
 * in words (a number field would have turned them into 5, 5 and 20 without a word).
 */
export function readCount(text: string): CountReading {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'Type the number of units on the shelf (0 or more).' };
  if (/^-/.test(t)) return { ok: false, message: `A count cannot be below zero ("${t}"). Type what is on the shelf now; Packbench records the difference.` };
  if (/^\d*[.,]\d*$/.test(t)) return { ok: false, message: `Count whole units: "${t}" is not a number of units.` };
  if (!/^\d+$/.test(t)) return { ok: false, message: `Type digits only, like 12 ("${t}" is not a count).` };
  const value = Number(t);
  if (value > MAX_COUNT) return { ok: false, message: `More than ${MAX_COUNT.toLocaleString('en')} units on one shelf is almost certainly a typo: count again.` };
  return { ok: true, value };
}
