import type { ScanOutcome } from '../../../../shared/contract/pack';

/** Each outcome with a sign and a word, so it reads without colour. */
export const OUTCOME_WORDS: Record<ScanOutcome, { sign: string; words: string }> = {
  accepted: { sign: '✓', words: 'Counted' },
  wrong_item: { sign: '✗', words: 'Wrong item' },
  over_scan: { sign: '✗', words: 'One too many' },
  unknown_code: { sign: '?', words: 'Unknown code' },
  invalid_code: { sign: '✗', words: 'Not a valid code' },
  undo: { sign: '↶', words: 'Taken back' },
  override: { sign: '★', words: 'Supervisor override' },
};

export const BLOCKED_TITLES: Record<string, string> = {
  wrong_item: 'Wrong item — not counted',
  over_scan: 'Too many — not counted',
  unknown_code: 'Unknown code — not counted',
  invalid_code: 'Unreadable code — not counted',
  error: 'Stop',
};
