/**
 * Stock is a ledger: each movement has an on-hand delta and a committed delta; balances are their sums.
 * These rules are pure so the store, the tests and the screens agree on what a movement does.
 */
export const MOVEMENT_KINDS = ['receive', 'adjust', 'reserve', 'release', 'pick', 'ship', 'return', 'transfer', 'scrap', 'vendor_return'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export type Balance = { onHand: number; committed: number };
export type Deltas = { onHand: number; committed: number };

/**
 * What a movement of `quantity` does to a balance. `quantity` is signed only for adjust and transfer
 * (a transfer is written as two movements: minus at the source, plus at the destination).
 * pick: goods leave the shelf into a parcel, so they leave on hand and committed together.
 * ship: the parcel leaves the building; the stock already left at pick, so it only records the fact.
 * scrap, vendor_return: units written off (thrown away, or set aside for the supplier) leave on hand.
 */
export function movementDeltas(kind: MovementKind, quantity: number): Deltas {
  switch (kind) {
    case 'receive':
    case 'return':
      return { onHand: quantity, committed: 0 };
    case 'adjust':
    case 'transfer':
      return { onHand: quantity, committed: 0 };
    case 'reserve':
      return { onHand: 0, committed: quantity };
    case 'release':
      return { onHand: 0, committed: -quantity };
    case 'pick':
      return { onHand: -quantity, committed: -quantity };
    case 'scrap':
    case 'vendor_return':
      return { onHand: -quantity, committed: 0 };
    case 'ship':
      return { onHand: 0, committed: 0 };
  }
}

export type MovementCheck = { ok: true; next: Balance } | { ok: false; message: string };

/** Refuses movements that would make stock meaningless (negative counts, releasing more than reserved). */
export function applyMovement(balance: Balance, kind: MovementKind, quantity: number): MovementCheck {
  if (!Number.isInteger(quantity)) return { ok: false, message: 'Quantities are whole units.' };
  const signed = kind === 'adjust' || kind === 'transfer';
  if (!signed && quantity <= 0) return { ok: false, message: `A ${kind} needs a quantity of at least 1.` };
  if (signed && quantity === 0) return { ok: false, message: 'The count did not change, so nothing was recorded.' };
  const d = movementDeltas(kind, quantity);
  const next = { onHand: balance.onHand + d.onHand, committed: balance.committed + d.committed };
  if (next.onHand < 0) {
    return { ok: false, message: `Only ${balance.onHand} on hand; a ${kind} of ${Math.abs(quantity)} would go below zero.` };
  }
  if (next.committed < 0) {
    return { ok: false, message: `Only ${balance.committed} reserved; cannot ${kind} ${Math.abs(quantity)}.` };
  }
  return { ok: true, next };
}

export function available(b: Balance): number {
  return b.onHand - b.committed;
}
