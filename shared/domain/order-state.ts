/** The order life cycle. Every status change goes through canTransition so no screen or import can skip a step. */
export const ORDER_STATUSES = ['open', 'picking', 'packed', 'shipped', 'on_hold', 'cancelled', 'short'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  // open -> short: a picker found the bin short; the order waits for stock (or ships what there is)
  open: ['picking', 'on_hold', 'cancelled', 'short'],
  // picking -> open: the packer abandons; the stock stays reserved
  picking: ['packed', 'open', 'on_hold', 'cancelled'],
  packed: ['shipped'],
  on_hold: ['open', 'cancelled'],
  shipped: [],
  // back to open once stock is there; picking: pack what was found and split the rest
  short: ['open', 'picking', 'on_hold', 'cancelled'],
  cancelled: [],
};

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return allowed[from];
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return allowed[from].includes(to);
}

export const STATUS_WORDS: Record<OrderStatus, string> = {
  open: 'Open',
  picking: 'Picking',
  packed: 'Packed',
  shipped: 'Shipped',
  on_hold: 'On hold',
  cancelled: 'Cancelled',
  short: 'Short',
};

export function transitionRefusal(from: OrderStatus, to: OrderStatus): string {
  const options = allowed[from].map((s) => STATUS_WORDS[s]).join(', ');
  return `An order that is ${STATUS_WORDS[from].toLowerCase()} cannot become ${STATUS_WORDS[to].toLowerCase()}.` +
    (options ? ` From here it can become: ${options}.` : ' It is final.');
}
