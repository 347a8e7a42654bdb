// Relay connections as Shopify pages them: opaque cursors that carry the sort value and the id of the
// last row seen (so a row updated while a client pages does not make the next page skip or repeat
// rows that did not move), `first`/`last` capped at 250, `reverse`.

export const MAX_PAGE_SIZE = 250;

export type PageArgs = { first?: number | null; last?: number | null; after?: string | null; before?: string | null; reverse?: boolean | null };

export type Sortable<T> = { item: T; id: number; value: string | number };

export type Page<T> = {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

export class CursorError extends Error {}

export function encodeCursor(id: number, value: string | number): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString('base64');
}

function decodeCursor(cursor: string): { id: number; value: string | number } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { last_id?: unknown; last_value?: unknown };
    if (typeof parsed.last_id !== 'number' || (typeof parsed.last_value !== 'string' && typeof parsed.last_value !== 'number')) throw new Error('shape');
    return { id: parsed.last_id, value: parsed.last_value };
  } catch {
    throw new CursorError(`Invalid cursor for current pagination sort.`);
  }
}

function compare(a: { id: number; value: string | number }, b: { id: number; value: string | number }): number {
  if (a.value < b.value) return -1;
  if (a.value > b.value) return 1;
  return a.id - b.id;
}

/** Pages rows already filtered; sorts them by (value, id), ascending unless `reverse`. */
export function paginate<T>(rows: Array<Sortable<T>>, args: PageArgs, opts: { unbounded?: boolean } = {}): Page<T> {
  const direction = args.reverse ? -1 : 1;
  let list = [...rows].sort((a, b) => direction * compare(a, b));
  if (args.after) {
    const at = decodeCursor(args.after);
    list = list.filter((r) => direction * compare(r, at) > 0);
  }
  if (args.before) {
    const at = decodeCursor(args.before);
    list = list.filter((r) => direction * compare(r, at) < 0);
  }
  const total = list.length;
  let start = 0;
  let end = total;
  if (typeof args.first === 'number') end = Math.min(total, Math.min(args.first, opts.unbounded ? Infinity : MAX_PAGE_SIZE));
  else if (typeof args.last === 'number') start = Math.max(0, total - Math.min(args.last, opts.unbounded ? Infinity : MAX_PAGE_SIZE));
  const slice = list.slice(start, end);
  const edges = slice.map((r) => ({ cursor: encodeCursor(r.id, r.value), node: r.item }));
  return {
    nodes: slice.map((r) => r.item),
    edges,
    pageInfo: {
      hasNextPage: end < total,
      hasPreviousPage: start > 0 || Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
