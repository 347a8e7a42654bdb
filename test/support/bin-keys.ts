/**
 * Walk-order keys for bins named like A-3-2 (numbers compare as numbers). Stands in for the store's own
 * key from the locations work (shared/domain/bins.ts) until that has landed.
 */
export function binSortKeyForTest(code: string): string {
  return code.split(/[-_./ ]+/).map((p) => p.toUpperCase().replace(/\d+/g, (d) => d.padStart(8, '0'))).join('|');
}
