/**
 * Bins are named by where they are: zone, aisle, shelf, level. Pickers walk them in that order, so the
 * store keeps a sort key in which numbers compare as numbers ("A-2" before "A-10").
 */
export type BinParts = { zone: string; aisle: string; shelf: string; level: string };

const PART_LENGTH = 20;

/** One part as a sortable string: runs of digits padded to 8, letters folded to upper case. */
function sortablePart(part: string): string {
  return part.trim().toUpperCase().replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(8, '0'));
}

export function binSortKey(p: BinParts): string {
  return [p.zone, p.aisle, p.shelf, p.level].map(sortablePart).join('|');
}

/** The code printed on the bin label: the parts that are set, joined with dashes ("A-03-2-B"). */
export function binCodeFrom(p: BinParts): string {
  return [p.zone, p.aisle, p.shelf, p.level].map((s) => s.trim()).filter(Boolean).join('-');
}

/** An existing code split into its parts, for bins made before parts existed ("R1-F2" -> zone R1, aisle F2). */
export function splitBinCode(code: string): BinParts {
  const [zone = '', aisle = '', shelf = '', ...rest] = code.trim().split(/[-_./ ]+/).filter(Boolean);
  return { zone, aisle, shelf, level: rest.join('-') };
}

export const BIN_PART_MAX = PART_LENGTH;
