import type { RefObject } from 'react';
import type { Channel } from '../../../../shared/contract/orders';
import { ORDER_STATUSES, STATUS_WORDS, type OrderStatus } from '../../../../shared/domain/order-state';
import { SearchField } from '../../components/search-field';
import { plural } from '../../lib/format';
import { useOrdersStore } from '../../stores/orders-store';
import { NewOrderButton } from './new-order-button';

type Props = {
  searchRef: RefObject<HTMLInputElement | null>;
  channels: Channel[];
  total: number | null;
  /** the search matched more orders than the station counts */
  capped?: boolean;
  busy: boolean;
  /** the rows shown answer a search or filter, not the whole queue */
  narrowed: boolean;
};

export function OrdersToolbar({ searchRef, channels, total, capped = false, busy, narrowed }: Props) {
  const search = useOrdersStore((s) => s.search);
  const filter = useOrdersStore((s) => s.filter);
  const setSearch = useOrdersStore((s) => s.setSearch);
  const setFilter = useOrdersStore((s) => s.setFilter);
  return (
    <div className="toolbar" role="search">
      <SearchField
        label={<>Search <kbd>/</kbd></>}
        ariaLabel="Search orders"
        placeholder="Order number, customer, SKU or barcode"
        value={search}
        onChange={setSearch}
        testId="orders-search"
        inputRef={searchRef}
      />
      <label className="field">
        <span className="field-label">Status</span>
        <select
          className="input"
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value as OrderStatus | '' })}
          data-testid="orders-status-filter"
        >
          <option value="">All statuses</option>
          {ORDER_STATUSES.map((s) => <option key={s} value={s}>{STATUS_WORDS[s]}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Channel</span>
        <select
          className="input"
          value={filter.channelId === '' ? '' : String(filter.channelId)}
          onChange={(e) => setFilter({ channelId: e.target.value === '' ? '' : Number(e.target.value) })}
          data-testid="orders-channel-filter"
        >
          <option value="">All channels</option>
          {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <p className="result-count" aria-live="polite" data-testid="orders-count">
        {total === null ? 'Loading…' : capped
          ? `More than ${total.toLocaleString()} orders found: showing the newest; type more to narrow the search`
          : `${plural(total, 'order', 'orders')}${narrowed ? ' found' : ''}`}
        {busy && total !== null ? <span className="muted"> · searching…</span> : null}
      </p>
      <NewOrderButton />
    </div>
  );
}
