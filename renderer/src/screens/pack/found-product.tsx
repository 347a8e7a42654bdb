import { usePackStore, type FoundProduct } from './pack-store';

/**
 * A product scanned with no order open is not an error: it is shown, with the orders still to pack
 * that contain it, so the packer can start one of them.
 */
export function FoundProductPanel({ found }: { found: FoundProduct }) {
  const shown = found.openOrders.length;
  return (
    <section className="panel found-product" aria-labelledby="found-product-title" data-testid="pack-found-product" data-sku={found.sku}>
      <h2 id="found-product-title"><span className="mono">{found.sku}</span> — {found.title}</h2>
      <p>You scanned <span className="mono">{found.code}</span>: a product, not a packing slip.</p>
      {found.openOrderCount === 0 ? (
        <p data-testid="pack-found-none">No order waiting to be packed contains it.</p>
      ) : (
        <>
          <p data-testid="pack-found-count">
            {found.openOrderCount === 1 ? '1 order still to pack contains it' : `${found.openOrderCount} orders still to pack contain it`}
            {found.openOrderCount > shown ? `; the ${shown} oldest are listed` : ''}. Pick one, or scan its packing slip:
          </p>
          <ul className="open-order-list">
            {found.openOrders.map((o) => (
              <li key={o.id}>
                <button type="button" className="button button-quiet open-order" onClick={() => void usePackStore.getState().openOrder(o.id)} data-testid="pack-found-order">
                  <span className="mono">{o.number}</span> <span className="open-order-customer">{o.customerName}</span> <span className="muted">{o.itemCount} item{o.itemCount === 1 ? '' : 's'}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button button-quiet" onClick={() => usePackStore.getState().clearFound()} data-testid="pack-found-close">Close <kbd>Esc</kbd></button>
    </section>
  );
}

/** Scans the station has not answered yet: shown (after a moment, so a quick answer never flickers) until confirmed. */
export function WaitingScans() {
  const waiting = usePackStore((s) => s.waiting);
  if (waiting.length === 0) return null;
  return (
    <section className="waiting-scans" role="status" aria-label="Scans waiting for the station" data-testid="pack-waiting">
      <p className="waiting-title">Waiting for the station — {waiting.length === 1 ? 'this scan is' : 'these scans are'} not counted yet:</p>
      <ol className="waiting-list">
        {waiting.map((w) => <li key={w.ticket} className="mono" data-testid="pack-waiting-scan">{w.code}</li>)}
      </ol>
    </section>
  );
}
