import { create } from 'zustand';
import type { OrderStatus } from '../../../shared/domain/order-state';

export type OrdersFilter = { status: OrderStatus | ''; channelId: number | '' };

/** What the queue looks like, kept outside the screen so it survives a trip to the detail or another screen. */
type OrdersState = {
  /** what is in the search box; the query follows it after a short pause */
  search: string;
  filter: OrdersFilter;
  selected: number;
  /** the order whose detail is open, or null for the queue */
  openId: number | null;
  setSearch(search: string): void;
  setFilter(filter: Partial<OrdersFilter>): void;
  select(index: number): void;
  /** back in the queue, the search box takes the focus once (the packer pressed / in the detail) */
  searchOnReturn: boolean;
  open(id: number): void;
  close(options?: { search?: boolean }): void;
  searchTaken(): void;
};

export const useOrdersStore = create<OrdersState>()((set) => ({
  search: '',
  filter: { status: '', channelId: '' },
  selected: 0,
  openId: null,
  searchOnReturn: false,
  setSearch(search) { set({ search }); },
  setFilter(filter) { set((s) => ({ filter: { ...s.filter, ...filter }, selected: 0 })); },
  select(selected) { set({ selected: Math.max(0, selected) }); },
  open(openId) { set({ openId }); },
  close(options) { set({ openId: null, searchOnReturn: options?.search === true }); },
  searchTaken() { set({ searchOnReturn: false }); },
}));
