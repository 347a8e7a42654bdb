import type { Movement } from '../../../../shared/contract/inventory';
import { formatTime, signed } from '../../lib/format';

const KIND_WORDS: Record<Movement['kind'], string> = {
  receive: 'Received', adjust: 'Count adjusted', reserve: 'Reserved', release: 'Released', pick: 'Picked',
  ship: 'Shipped', return: 'Returned', transfer: 'Transferred', scrap: 'Written off (scrap)', vendor_return: 'Back to the supplier',
};

/** The ledger for one SKU at one location, newest first: every change to the count with who, when and why. */
export function StockHistory({ movements }: { movements: Movement[] | null }) {
  return (
    <section aria-labelledby="history-title" className="history">
      <h3 id="history-title">Movements</h3>
      {movements === null ? <p className="muted">Loading movements…</p> : null}
      {movements?.length === 0 ? <p className="muted">No movements yet.</p> : null}
      {movements && movements.length > 0 ? (
        <table className="table history-table" data-testid="stock-history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col" className="num">On hand</th>
              <th scope="col" className="num">Committed</th>
              <th scope="col">Why / who</th>
            </tr>
          </thead>
          <tbody>
            {movements.map((m) => (
              <tr key={m.id} data-testid="movement" data-kind={m.kind}>
                <td><time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time></td>
                <td>{KIND_WORDS[m.kind]}</td>
                <td className="num">{m.onHandDelta === 0 ? '' : signed(m.onHandDelta)}</td>
                <td className="num">{m.committedDelta === 0 ? '' : signed(m.committedDelta)}</td>
                <td>
                  <span className="movement-reason">{m.reason || m.reference}</span>
                  <span className="muted"> · {m.actor}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
