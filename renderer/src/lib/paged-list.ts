/**
 * A window onto a long server-side list: the total comes from the first answer, rows are fetched
 * page by page by offset as they scroll into view, cached, and never fetched twice for one query.
 * Answers that arrive after the query changed are dropped (the transport cannot abort a request,
 * so a generation number decides which answers still count).
 */
/** capped: the server stopped counting at `total`; there are more matches than that */
export type Page<Row> = { total: number; capped?: boolean; rows: Row[] };
export type PageFetcher<Row, Query> = (query: Query, offset: number, limit: number) => Promise<Page<Row>>;

export type PagedSnapshot<Row, Query = unknown> = {
  /** null until the first answer for the current query */
  total: number | null;
  /** the server stopped counting: there are more rows than total (a search that should be narrowed) */
  capped: boolean;
  /** a reload is in flight; the rows shown are the previous answer's */
  reloading: boolean;
  /** the query the rows shown answer (it lags the asked query while a reload is in flight) */
  query: Query | undefined;
  rowAt(index: number): Row | undefined;
};

export type PagedList<Row, Query> = {
  subscribe(listener: () => void): () => void;
  getSnapshot(): PagedSnapshot<Row, Query>;
  /**
   * Switches to another query: the next answer replaces everything. A query equal to the current one
   * is a no-op and returns false, so the caller can decide whether a plain reload is wanted instead.
   */
  setQuery(query: Query): boolean;
  /** Re-asks for the rows in view under the current query (data changed) and swaps them in at once. */
  reload(): void;
  /** Tells the list which rows are on screen; missing pages are fetched shortly after. */
  ensureVisible(start: number, end: number): void;
};

type Options<Query> = {
  pageSize?: number;
  /** pages kept in memory; the ones farthest from the view are dropped first */
  maxPages?: number;
  /** while a scrollbar is dragged, wait this long so pages flown past are not fetched */
  settleMs?: number;
  onError?(error: unknown): void;
  key?(query: Query): string;
};

export function createPagedList<Row, Query>(fetchPage: PageFetcher<Row, Query>, options: Options<Query> = {}): PagedList<Row, Query> {
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 60;
  const settleMs = options.settleMs ?? 40;
  const keyOf = options.key ?? ((q: Query) => JSON.stringify(q));

  let query: Query | undefined;
  let queryKey: string | undefined;
  let generation = 0;
  let total: number | null = null;
  let capped = false;
  let reloading = false;
  let answered: Query | undefined;
  let pages = new Map<number, Row[]>();
  let inFlight = new Set<number>();
  let view = { start: 0, end: 0 };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  const makeSnapshot = (): PagedSnapshot<Row, Query> => {
    const frozen = pages;
    return {
      total,
      capped,
      reloading,
      query: answered,
      rowAt(index) {
        return frozen.get(Math.floor(index / pageSize))?.[index % pageSize];
      },
    };
  };
  let snapshot = makeSnapshot();
  const publish = () => {
    snapshot = makeSnapshot();
    for (const l of listeners) l();
  };

  const pagesInView = (): number[] => {
    const first = Math.floor(Math.max(0, view.start) / pageSize);
    let last = Math.floor(Math.max(0, view.end) / pageSize);
    if (total !== null) last = Math.min(last, Math.max(0, Math.ceil(total / pageSize) - 1));
    const out: number[] = [];
    for (let p = first; p <= last; p++) out.push(p);
    return out;
  };

  const evict = () => {
    if (pages.size <= maxPages) return;
    const centre = Math.floor((view.start + view.end) / 2 / pageSize);
    const far = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of far.slice(0, pages.size - maxPages)) pages.delete(p);
  };

  const fetchMissing = () => {
    timer = undefined;
    if (query === undefined || total === null) return;
    const gen = generation;
    const q = query;
    for (const p of pagesInView()) {
      if (pages.has(p) || inFlight.has(p)) continue;
      inFlight.add(p);
      fetchPage(q, p * pageSize, pageSize).then(
        (answer) => {
          if (gen !== generation) return; // the query changed while this was on its way
          inFlight.delete(p);
          pages = new Map(pages).set(p, answer.rows);
          total = answer.total;
          capped = answer.capped ?? false;
          evict();
          publish();
        },
        (error: unknown) => {
          if (gen !== generation) return;
          inFlight.delete(p);
          options.onError?.(error);
        },
      );
    }
  };

  const schedule = () => {
    if (timer === undefined) timer = setTimeout(fetchMissing, settleMs);
  };

  const load = (resetView: boolean) => {
    if (query === undefined) return;
    const gen = ++generation;
    const q = query;
    if (timer !== undefined) { clearTimeout(timer); timer = undefined; }
    inFlight = new Set();
    if (resetView) view = { start: 0, end: Math.min(view.end - view.start, pageSize - 1) };
    const wanted = pagesInView();
    reloading = true;
    publish();
    Promise.all(wanted.map((p) => fetchPage(q, p * pageSize, pageSize))).then(
      (answers) => {
        if (gen !== generation) return;
        // swap in one go: the list never flashes empty between two answers
        const next = new Map<number, Row[]>();
        answers.forEach((a, i) => next.set(wanted[i]!, a.rows));
        pages = next;
        total = answers.at(-1)?.total ?? 0;
        capped = answers.at(-1)?.capped ?? false;
        answered = q;
        reloading = false;
        publish();
        schedule(); // the view may have moved, or the total shrunk, while we waited
      },
      (error: unknown) => {
        if (gen !== generation) return;
        reloading = false;
        publish();
        options.onError?.(error);
      },
    );
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    setQuery(next) {
      const k = keyOf(next);
      if (k === queryKey) return false;
      query = next;
      queryKey = k;
      load(true);
      return true;
    },
    reload() { load(false); },
    ensureVisible(start, end) {
      view = { start, end };
      if (query === undefined || total === null) return;
      if (pagesInView().some((p) => !pages.has(p) && !inFlight.has(p))) schedule();
    },
  };
}
