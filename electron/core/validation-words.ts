import type { z } from 'zod';

/** What each contract field is called in a sentence. Field paths never reach a person; they go to the log. */
const FIELD_WORDS: Record<string, string> = {
  q: 'the search text',
  quantity: 'the quantity',
  countedOnHand: 'the counted quantity',
  reason: 'the reason',
  supervisor: "the supervisor's name",
  code: 'the code',
  sku: 'the SKU',
  name: 'the name',
  host: "the printer's address",
  port: 'the port',
  folder: 'the folder',
  dpi: 'the resolution',
  labelSize: 'the label size',
  minLength: 'the shortest code length',
  maxGapMs: 'the longest pause between scanner keys',
  prefix: 'the scanner prefix',
  suffix: "the scanner's end key",
  layout: 'the scanner keyboard layout',
  gsReplacement: 'the GS stand-in character',
  status: 'the order status',
  to: 'the new status',
  channelId: 'the channel',
  limit: 'the number of rows asked for',
  offset: 'the position in the list',
  sessionId: 'the packing session',
  orderId: 'the order',
  lineId: 'the order line',
  variantId: 'the product',
  locationId: 'the location',
  printerId: 'the printer',
  jobId: 'the print job',
  id: 'the record',
};

function fieldWords(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return (typeof last === 'string' ? FIELD_WORDS[last] : undefined) ?? 'a value';
}

function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Zod's own messages ("Too small: expected number to be >=1") are for developers. This writes each
 * refusal as a sentence about the field a person filled in. Messages the contract wrote itself win
 * over this (zod applies a schema's own message first).
 */
export const inWords: z.core.$ZodErrorMap = (issue) => {
  const what = fieldWords(issue.path ?? []);
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return sentence(min <= 1 ? `${what} is empty` : `${what} needs at least ${min} characters`);
      if (issue.origin === 'array') return sentence(`${what} needs at least ${min}`);
      return sentence(issue.inclusive === false ? `${what} must be more than ${min}` : `${what} must be at least ${min}`);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return sentence(`${what} is too long: at most ${max} characters`);
      if (issue.origin === 'array') return sentence(`${what} has too many entries: at most ${max}`);
      return sentence(issue.inclusive === false ? `${what} must be less than ${max.toLocaleString('en')}` : `${what} can be at most ${max.toLocaleString('en')}`);
    }
    case 'invalid_type': {
      if (issue.input === undefined) return sentence(`${what} is missing`);
      if (issue.expected === 'int') return sentence(`${what} must be a whole number`);
      if (issue.expected === 'number') return sentence(`${what} must be a number`);
      if (issue.expected === 'string') return sentence(`${what} must be text`);
      return sentence(`${what} is not the right kind of value`);
    }
    case 'invalid_value':
      if (issue.values.length === 1 && issue.values[0] === true) return 'Confirm it first.';
      return sentence(`${what} must be one of: ${issue.values.map(String).join(', ')}`);
    case 'invalid_format':
      return sentence(`${what} is not written the way it should be`);
    case 'unrecognized_keys':
      return 'This screen sent something Packbench does not know. Reload the page.';
    default:
      return sentence(`${what} is not valid`);
  }
};
