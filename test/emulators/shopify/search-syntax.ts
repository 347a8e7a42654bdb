// Shopify's search syntax for the `query:` argument, as far as order and inventory pulls use it:
//   updated_at:>'2025-01-15T10:00:00Z' AND status:open   ·   sku:ABC-1 OR sku:ABC-2   ·   id:>=1234
// Terms are joined by AND (spaces too) and groups by OR (AND binds tighter); parentheses are not modelled
// and are refused in words.
// A term on a field the resource does not know is ignored and reported back, as Shopify does in
// `extensions.search`.

export type Term = { field: string; op: '=' | '>' | '>=' | '<' | '<='; value: string; negated: boolean };

export class SearchSyntaxError extends Error {}

const TERM = /^(-)?([a-z_]+):(>=|<=|>|<)?(?:'([^']*)'|"([^"]*)"|(\S+))/i;

/** The query as OR-groups of AND-ed terms. */
export function parseSearch(query: string | null | undefined): Term[][] {
  const groups: Term[][] = [[]];
  let rest = (query ?? '').trim();
  while (rest) {
    if (/^AND\b/.test(rest)) { rest = rest.slice(3).trimStart(); continue; }
    if (/^OR\b/.test(rest)) { groups.push([]); rest = rest.slice(2).trimStart(); continue; }
    if (/^\(/.test(rest)) throw new SearchSyntaxError(`The emulator does not model parentheses in search queries: ${query}`);
    const m = TERM.exec(rest);
    if (!m) throw new SearchSyntaxError(`Cannot read the search term at: ${rest.slice(0, 40)}`);
    groups.at(-1)!.push({ negated: Boolean(m[1]), field: m[2]!.toLowerCase(), op: (m[3] as Term['op'] | undefined) ?? '=', value: m[4] ?? m[5] ?? m[6] ?? '' });
    rest = rest.slice(m[0].length).trimStart();
  }
  return groups.filter((g) => g.length);
}

/** Compares dates as instants and numbers as numbers; everything else as case-insensitive text. */
export function termMatches(term: Term, actual: string | number | null | undefined): boolean {
  if (actual === null || actual === undefined) return term.negated;
  let a: number | string = actual;
  let b: number | string = term.value;
  if (typeof actual === 'number') b = Number(term.value);
  else if (/^\d{4}-\d{2}-\d{2}/.test(term.value)) { a = Date.parse(actual); b = Date.parse(term.value); }
  else { a = actual.toLowerCase(); b = term.value.toLowerCase(); }
  let ok: boolean;
  switch (term.op) {
    case '>': ok = a > b; break;
    case '>=': ok = a >= b; break;
    case '<': ok = a < b; break;
    case '<=': ok = a <= b; break;
    default: ok = a === b;
  }
  return term.negated ? !ok : ok;
}

export type SearchWarning = { field: string; message: string };

/** Keeps rows that match every known term; unknown fields become warnings instead of filters. */
export function applySearch<T>(rows: T[], query: string | null | undefined, fields: Record<string, (row: T) => string | number | null | undefined>, warnings: SearchWarning[]): T[] {
  const groups = parseSearch(query).map((terms) => terms.filter((t) => {
    if (fields[t.field]) return true;
    warnings.push({ field: t.field, message: `Invalid search field for this query.` });
    return false;
  })).filter((g) => g.length);
  if (!groups.length) return rows;
  return rows.filter((row) => groups.some((terms) => terms.every((t) => termMatches(t, fields[t.field]!(row)))));
}
