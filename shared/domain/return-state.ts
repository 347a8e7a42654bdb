/**
 * A return's life: announced (requested), a label on its way to the customer (label_sent), the parcel
 * coming back (in_transit), at the bench (received), every unit graded and put away (inspected), money
 * back (refunded) or nothing more to do (closed). Every change goes through canReturnTransition.
 */
export const RETURN_STATUSES = ['requested', 'label_sent', 'in_transit', 'received', 'inspected', 'refunded', 'closed'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

const allowed: Record<ReturnStatus, readonly ReturnStatus[]> = {
  requested: ['label_sent', 'in_transit', 'received', 'closed'],
  label_sent: ['in_transit', 'received', 'closed'],
  in_transit: ['received', 'closed'],
  // a parcel at the bench is finished by grading what is in it, never closed half-counted
  received: ['inspected'],
  inspected: ['refunded', 'closed'],
  refunded: [],
  closed: [],
};

export function canReturnTransition(from: ReturnStatus, to: ReturnStatus): boolean {
  return allowed[from].includes(to);
}

export function nextReturnStatuses(from: ReturnStatus): readonly ReturnStatus[] {
  return allowed[from];
}

/** Still to come back to the bench: the queue's "expected" list. */
export const EXPECTED_STATUSES: readonly ReturnStatus[] = ['requested', 'label_sent', 'in_transit'];
/** At the bench or waiting for its refund: the queue's "received" list. */
export const AT_BENCH_STATUSES: readonly ReturnStatus[] = ['received', 'inspected'];

export const RETURN_STATUS_WORDS: Record<ReturnStatus, string> = {
  requested: 'Requested',
  label_sent: 'Label sent',
  in_transit: 'On its way back',
  received: 'Received',
  inspected: 'Inspected',
  refunded: 'Refunded',
  closed: 'Closed',
};

export function returnTransitionRefusal(number: string, from: ReturnStatus, to: ReturnStatus): string {
  const options = allowed[from].map((s) => RETURN_STATUS_WORDS[s].toLowerCase()).join(', ');
  return `Return ${number} is ${RETURN_STATUS_WORDS[from].toLowerCase()} and cannot become ${RETURN_STATUS_WORDS[to].toLowerCase()}.` +
    (options ? ` From here it can become: ${options}.` : ' It is finished.');
}

/**
 * What a grade means for the unit. restock: back on the shelf (its bin); quarantine: set aside at the
 * quarantine location, not for sale; scrap: written off; vendor: written off, set aside for the supplier;
 * flag: not the item that was sold, no stock and no refund.
 */
export const DISPOSITIONS = ['restock', 'quarantine', 'scrap', 'vendor', 'flag'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The grades a packer gives with one key each, in key order (1..5). */
export const GRADES = ['new', 'damaged', 'faulty', 'unsellable', 'not_ours'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_WORDS: Record<Grade, string> = {
  new: 'As new',
  damaged: 'Damaged',
  faulty: 'Faulty',
  unsellable: 'Unsellable',
  not_ours: 'Not ours',
};

export const DISPOSITION_WORDS: Record<Disposition, string> = {
  restock: 'back on the shelf',
  quarantine: 'to quarantine',
  scrap: 'written off (scrap)',
  vendor: 'back to the supplier',
  flag: 'flagged: not the item we sold',
};

/** The key that gives each grade on the returns screen. */
export function gradeKey(grade: Grade): string {
  return String(GRADES.indexOf(grade) + 1);
}

export function gradeForKey(key: string): Grade | undefined {
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= GRADES.length ? GRADES[n - 1] : undefined;
}

/** The carrier's statuses (EasyPost lower case, Shippo upper case) folded into the few a shop cares about. */
export type Inbound = 'pre_transit' | 'in_transit' | 'delivered' | 'problem' | 'unknown';

export function foldCarrierStatus(status: string): Inbound {
  const s = status.trim().toLowerCase();
  if (s === 'pre_transit' || s === 'label_created') return 'pre_transit';
  if (s === 'in_transit' || s === 'transit' || s === 'out_for_delivery' || s === 'accepted') return 'in_transit';
  if (s === 'delivered' || s === 'available_for_pickup') return 'delivered';
  if (s === 'return_to_sender' || s === 'returned' || s === 'failure' || s === 'cancelled' || s === 'error') return 'problem';
  return 'unknown';
}

/** What the queue says about a parcel on its way back. */
export function inboundWords(r: { status: ReturnStatus; shipping: 'label' | 'customer'; trackingNumber: string; inboundStatus: string; inboundDetail: string }): string {
  if (r.status === 'received' || r.status === 'inspected' || r.status === 'refunded' || r.status === 'closed') return '';
  const folded = r.inboundStatus ? foldCarrierStatus(r.inboundStatus) : null;
  const detail = r.inboundDetail ? ` (${r.inboundDetail})` : '';
  switch (folded) {
    case 'pre_transit': return 'Label not used yet: the customer has not sent it.';
    case 'in_transit': return `On its way back${detail}.`;
    case 'delivered': return `Delivered to the shop${detail}: scan it in.`;
    case 'problem': return `The carrier reports a problem${detail}: check the tracking.`;
    case 'unknown': return `The carrier says "${r.inboundStatus}"${detail}.`;
    default:
      if (r.trackingNumber) return 'Not looked up at the carrier yet.';
      return r.shipping === 'customer' ? 'The customer sends it; no tracking number yet.' : 'Waiting for the return label.';
  }
}
