/**
 * Text Packbench refuses to store: a NUL (it ends strings in C and in many exports) and a lone
 * UTF-16 surrogate (half of an emoji or rare character; it is not valid UTF-8 and breaks every file
 * and label it reaches).
 */
export type UnstorableText = { path: string; what: 'nul' | 'broken-character' };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unstorableIn(text: string): UnstorableText['what'] | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'broken-character';
  return undefined;
}

/** The first string anywhere in a value (objects, arrays, keys too) that cannot be stored. */
export function findUnstorableText(value: unknown, path = ''): UnstorableText | undefined {
  if (typeof value === 'string') {
    const what = unstorableIn(value);
    return what ? { path: path || '(text)', what } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyWhat = unstorableIn(k);
      if (keyWhat) return { path: path || '(text)', what: keyWhat };
      const found = findUnstorableText(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}

export const UNSTORABLE_WORDS: Record<UnstorableText['what'], string> = {
  nul: 'Some text has an invisible NUL character that Packbench cannot store.',
  'broken-character': 'Some text has a broken character (half of an emoji or symbol) that Packbench cannot store.',
};
