import type { ReturnRules, ReturnView } from '../../../../shared/contract/returns';
import type { Grade } from '../../../../shared/domain/return-state';

export const RETURN_REFUSAL_TITLES: Record<string, string> = {
  wrong_item: 'Not on this return',
  over_scan: 'One too many',
  unknown_code: 'Unknown code',
  invalid_code: 'Unreadable code',
  grade_first: 'Grade it first',
  error: 'Not done',
};

/** Where a unit given this grade goes, by the shop's rules, in the words the bench shows. */
export function gradeDestination(grade: Grade, rules: ReturnRules | null, view: ReturnView, bin: string | null): string {
  if (grade === 'not_ours') return 'set aside, flagged: not the item we sold';
  const d = rules?.dispositions[grade] ?? (grade === 'new' ? 'restock' : 'quarantine');
  switch (d) {
    case 'restock': return bin ? `back on the shelf, bin ${bin}` : 'back on the shelf';
    case 'quarantine': return view.quarantineName;
    case 'scrap': return 'written off (scrap)';
    case 'vendor': return 'set aside for the supplier';
  }
}
