import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useApiEvent } from '../../hooks/use-api-event';
import { useDebounced } from '../../hooks/use-debounced';
import { isTypingTarget } from '../../lib/keys';
import { ScreenKeys } from '../../components/screen-keys';
import { useAppStore } from '../../stores/app-store';
import { useOrdersStore } from '../../stores/orders-store';
import { OrderHeader, OrderRowCells } from './order-row';
import { ordersSource, type OrdersQuery } from './orders-source';
import { OrdersToolbar } from './orders-toolbar';
import { useChannels } from './use-channels';

const ROW_HEIGHT = 60;
const SEARCH_PAUSE_MS = 150;

export function OrdersQueue() {
  const search = useOrdersStore((s) => s.search);
  const filter = useOrdersStore((s) => s.filter);
  const selected = useOrdersStore((s) => s.selected);
  const epoch = useAppStore((s) => s.dataEpoch);
  const channels = useChannels();
  const snapshot = useSyncExternalStore(ordersSource.subscribe, ordersSource.getSnapshot);
  const total = snapshot.total ?? 0;

  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  // Enter in the search box acts on what is in the box now: it stops waiting for the pause and asks at once
  const [enterFor, setEnterFor] = useState<string | null>(null);
  const settledSearch = useDebounced(search.trim(), SEARCH_PAUSE_MS);
  const q = enterFor ?? settledSearch;
  const query = useMemo<OrdersQuery>(() => ({
    q,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channelId !== '' ? { channelId: filter.channelId } : {}),
  }), [q, filter.status, filter.channelId]);

  // A new query starts at the top; coming back to the same query (from a detail, another screen,
  // a reconnect) re-reads the rows in view, because orders may have moved on while we were away.
  const firstRun = useRef(true);
  useEffect(() => {
    const changed = ordersSource.setQuery(query);
    if (changed && !firstRun.current) {
      useOrdersStore.getState().select(0);
      listRef.current?.scrollTo({ top: 0 });
    }
    if (!changed) ordersSource.reload();
    firstRun.current = false;
  }, [query, epoch]);

  const reloadSoon = useReloadSoon();
  useApiEvent('orders.changed', reloadSoon);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) ordersSource.ensureVisible(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, total]);

  // back from a detail: the selected order is where the packer left it, and the keys work at once
  useEffect(() => {
    const { selected: s } = useOrdersStore.getState();
    if (s > 0 && s < total) virtualizer.scrollToIndex(s, { align: 'center' });
    if (useOrdersStore.getState().searchOnReturn) {
      useOrdersStore.getState().searchTaken();
      searchRef.current?.focus();
      searchRef.current?.select();
    } else {
      listRef.current?.focus({ preventScroll: true });
    }
    // only on mount: later moves scroll through moveTo, so the deps are left empty on purpose
  }, []);

  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.min(total - 1, Math.max(0, index));
    useOrdersStore.getState().select(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const openAt = (index: number) => {
    const row = ordersSource.getSnapshot().rowAt(index);
    if (row) useOrdersStore.getState().open(row.id);
  };

  // typing on after Enter means the packer changed their mind
  useEffect(() => {
    if (enterFor !== null && search.trim() !== enterFor) setEnterFor(null);
  }, [search, enterFor]);
  /** Opens the chosen order of an answer to `text`, or says in words that nothing matches. */
  const openAnswer = (text: string, index: number) => {
    const row = ordersSource.getSnapshot().rowAt(index);
    if (row) useOrdersStore.getState().open(row.id);
    else useAppStore.getState().showInfo(`No order matches “${text}”. Check the spelling, or clear the search (Esc).`);
  };
  // the answer to exactly what was in the box when Enter was pressed: open its first order
  useEffect(() => {
    if (enterFor === null || snapshot.reloading || snapshot.query?.q !== enterFor) return;
    setEnterFor(null);
    openAnswer(enterFor, 0);
  }, [snapshot, enterFor]);
  const openFromSearch = (text: string) => {
    const answered = ordersSource.getSnapshot();
    if (!answered.reloading && answered.query?.q === text && q === text) openAnswer(text, selected);
    else setEnterFor(text);
  };

  useQueueKeys({ searchRef, listRef, selected, total, moveTo, openAt, openFromSearch });

  // the queue shrank under the selection (a search, another station shipping orders): keep it on a row
  useEffect(() => {
    if (snapshot.total !== null && snapshot.total > 0 && selected >= snapshot.total) useOrdersStore.getState().select(snapshot.total - 1);
  }, [snapshot.total, selected]);

  const activeRow = snapshot.rowAt(selected);
  return (
    <section className="orders-queue" aria-label="Order queue">
      <h1 className="visually-hidden">Orders</h1>
      <OrdersToolbar searchRef={searchRef} channels={channels} total={snapshot.total} capped={snapshot.capped} busy={snapshot.reloading} narrowed={isNarrowed(snapshot.query)} />
      <div className="queue-table">
        <OrderHeader />
        <div
          ref={listRef}
          className="queue-scroll"
          role="listbox"
          aria-label="Orders"
          tabIndex={0}
          aria-activedescendant={activeRow && total > 0 ? `order-option-${selected}` : undefined}
          aria-busy={snapshot.reloading}
          data-query={snapshot.query?.q ?? ''}
          data-testid="orders-list"
        >
          {snapshot.total === 0 ? <EmptyQueue narrowed={isNarrowed(snapshot.query)} /> : null}
          <div className="queue-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = snapshot.rowAt(item.index);
              const isSelected = item.index === selected;
              return (
                <div
                  key={item.key}
                  id={`order-option-${item.index}`}
                  role="option"
                  aria-selected={isSelected}
                  aria-posinset={item.index + 1}
                  aria-setsize={total}
                  aria-busy={row ? undefined : true}
                  className={`order-grid order-row${isSelected ? ' is-selected' : ''}${row ? '' : ' is-loading'}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  data-testid="order-row"
                  data-order-id={row?.id}
                  onClick={() => { useOrdersStore.getState().select(item.index); openAt(item.index); }}
                >
                  {row ? <OrderRowCells row={row} /> : <span className="col col-loading">Loading order {item.index + 1}…</span>}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p className="key-help" data-testid="orders-key-help">
        <kbd>/</kbd> search · <kbd>↑</kbd><kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> back to the queue · <ScreenKeys />
      </p>
    </section>
  );
}

function isNarrowed(q: OrdersQuery | undefined): boolean {
  return !!q && (q.q !== '' || q.status !== undefined || q.channelId !== undefined);
}

function EmptyQueue({ narrowed }: { narrowed: boolean }) {
  const go = useAppStore((s) => s.go);
  if (narrowed) return <p className="empty-state" data-testid="orders-empty">No orders match. Check the spelling, or clear the search and filters.</p>;
  // a new shop's first look: what to set up, in the order it is needed, each a click away
  return (
    <div className="empty-state" data-testid="orders-empty">
      <p>No orders yet. Orders appear here as soon as a shop sends them, or when you type one in with New order.</p>
      <ol className="getting-started">
        <li><button type="button" className="button button-quiet" onClick={() => go('warehouse')} data-testid="start-warehouse">Warehouse</button> where stock lives: your address (labels are sent from it) and your bins.</li>
        <li><button type="button" className="button button-quiet" onClick={() => go('catalog')} data-testid="start-catalog">Catalog</button> what you sell: SKUs, barcodes, weights.</li>
        <li><button type="button" className="button button-quiet" onClick={() => go('warehouse')} data-testid="start-receive">Receive stock</button> by scanning a bin label, then the items (Warehouse → Deliveries).</li>
        <li><button type="button" className="button button-quiet" onClick={() => go('settings')} data-testid="start-channels">Connect a shop</button> (Settings → Channels), <button type="button" className="button button-quiet" onClick={() => go('import')} data-testid="start-import">import a CSV</button>, or press New order above.</li>
      </ol>
    </div>
  );
}

/** Bursts of change events (a batch import) cause one re-read, not one per event. */
function useReloadSoon(): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return () => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => { timer.current = undefined; ordersSource.reload(); }, 100);
  };
}

type KeyContext = {
  searchRef: React.RefObject<HTMLInputElement | null>;
  listRef: React.RefObject<HTMLDivElement | null>;
  selected: number;
  total: number;
  moveTo(index: number): void;
  openAt(index: number): void;
  /** Enter in the search box: the results of what is in the box now, never the previous ones */
  openFromSearch(text: string): void;
};

/** The queue's keys: they work from the list and from the search box (a scanned code, then Enter). */
function useQueueKeys(ctx: KeyContext): void {
  const latest = useRef(ctx);
  latest.current = ctx;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const { searchRef, listRef, selected, total, moveTo, openAt, openFromSearch } = latest.current;
      const inSearch = e.target === searchRef.current;
      const typing = isTypingTarget(e.target) && !inSearch;
      if (typing) return;
      if (e.key === '/' && !inSearch) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      // buttons and links keep their own Enter and arrows
      const onControl = e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement;
      if (onControl) return;
      const pageRows = Math.max(1, Math.floor((listRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
      const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageRows, PageUp: -pageRows };
      const delta = step[e.key];
      if (delta !== undefined) {
        e.preventDefault();
        moveTo(selected + delta);
        return;
      }
      if (!inSearch && (e.key === 'Home' || e.key === 'End')) {
        e.preventDefault();
        moveTo(e.key === 'Home' ? 0 : total - 1);
        return;
      }
      if (e.key === 'Enter') {
        e.preventDefault();
        if (inSearch) openFromSearch(searchRef.current?.value.trim() ?? '');
        else openAt(selected);
        return;
      }
      if (e.key === 'Escape' && inSearch && searchRef.current?.value) {
        e.preventDefault();
        useOrdersStore.getState().setSearch('');
        listRef.current?.focus({ preventScroll: true });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
