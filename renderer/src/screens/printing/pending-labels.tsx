import { SHIPMENT_STATUS_WORDS, shipmentWords } from '../shipments/shipment-words';
import { useShipments } from '../shipments/use-shipments';

/** Carrier labels not bought yet: they have no print job until they are, so they are listed here in words. */
export function PendingLabels() {
  const pending = useShipments({ status: 'pending', limit: 100 }).list ?? [];
  const buying = useShipments({ status: 'buying', limit: 100 }).list ?? [];
  const held = useShipments({ status: 'held', limit: 100 }).list ?? [];
  const all = [...held, ...pending, ...buying];
  if (!all.length) return null;
  return (
    <section className="panel" aria-labelledby="pending-labels-title" data-testid="pending-labels">
      <h2 id="pending-labels-title">Labels pending ({all.length})</h2>
      <p className="muted">These parcels are packed; their carrier labels print by themselves as soon as they are bought. Labels that need attention say what to fix (Shipments screen).</p>
      <ul className="pending-list">
        {all.map((s) => (
          <li key={s.id} data-testid="pending-label" data-status={s.status} data-order={s.orderNumber}>
            <strong>Label {s.orderNumber}{s.parcelNo > 1 ? ` (parcel ${s.parcelNo})` : ''}</strong> · {SHIPMENT_STATUS_WORDS[s.status]}: {shipmentWords(s)}
          </li>
        ))}
      </ul>
    </section>
  );
}
