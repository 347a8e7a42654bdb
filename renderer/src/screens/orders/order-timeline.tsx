import type { OrderEvent } from '../../../../shared/contract/orders';
import { formatTime } from '../../lib/format';

/** What happened to the order, oldest first so it reads as a story; the newest is at the bottom. */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const ordered = [...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  return (
    <section className="panel timeline-panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {ordered.length === 0 ? <p className="muted">Nothing has happened to this order yet.</p> : null}
      <ol className="timeline" data-testid="timeline">
        {ordered.map((e) => (
          <li key={e.id} className="timeline-event" data-kind={e.kind} data-testid="timeline-event">
            <p className="timeline-message">{e.message}</p>
            <p className="timeline-meta">
              <time dateTime={e.createdAt}>{formatTime(e.createdAt, true)}</time> · by <span className="timeline-actor">{e.actor}</span>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
