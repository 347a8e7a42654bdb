import type { PackView } from '../../../../shared/contract/pack';
import { needsAttention } from '../printing/job-words';
import { addressLines, countryName } from '../../../../shared/domain/address';
import { addressLang } from '../../../../shared/domain/address-lang';
import { AssignCodeDialog } from './assign-code-dialog';
import { BlockedOverlay } from './blocked-overlay';
import { FoundProductPanel, WaitingScans } from './found-product';
import { LabelStatus } from './label-status';
import { ManualEntry } from './manual-entry';
import { OpenOrders } from './open-orders';
import { ReadyToPack } from './ready-to-pack';
import { PackActions } from './pack-actions';
import { AbandonDialog, OverrideDialog, SplitDialog } from './pack-forms';
import { PackLines } from './pack-lines';
import { packedEarlierWords, usePackStore, type Good } from './pack-store';
import { RecentScans } from './recent-scans';
import { ParcelBox, ShipmentPanel } from './shipment-panel';
import { usePackKeys } from './use-pack-keys';
import { ItemPicture } from './item-picture';
import { WeightPanel } from './weight-panel';
import './pack.css';

/**
 * The pack bench, read at arm's length: scan a slip, scan the items, Enter closes the parcel and
 * prints its label. Every action has a key; the mouse is never needed.
 */
export function PackScreen() {
  usePackKeys();
  const view = usePackStore((s) => s.view);
  const blocked = usePackStore((s) => s.blocked);
  const form = usePackStore((s) => s.form);
  const assignCode = usePackStore((s) => s.assignCode);
  const active = view?.sessionStatus === 'active';

  return (
    <div className={`pack${blocked ? ' is-blocked' : ''}`} data-testid="pack-screen" data-session={view?.sessionStatus ?? 'none'}>
      <WaitingScans />
      {view && active ? <PackSession view={view} /> : view?.sessionStatus === 'completed' ? <PackDone view={view} /> : <PackIdle />}
      {blocked ? <BlockedOverlay blocked={blocked} /> : null}
      {form === 'split' && active ? <SplitDialog view={view} /> : null}
      {form === 'abandon' && active ? <AbandonDialog view={view} /> : null}
      {form === 'override' && active ? <OverrideDialog view={view} /> : null}
      {form === 'assign' && assignCode ? <AssignCodeDialog code={assignCode} /> : null}
    </div>
  );
}

function totals(view: PackView): { scanned: number; expected: number } {
  return view.lines.reduce((t, l) => ({ scanned: t.scanned + Math.min(l.scanned, l.expected), expected: t.expected + l.expected }), { scanned: 0, expected: 0 });
}

function OrderHead({ view }: { view: PackView }) {
  const { scanned, expected } = totals(view);
  return (
    <header className="pack-head">
      <h1 className="pack-order" data-testid="pack-order-number">{view.orderNumber}</h1>
      <p className="pack-customer" lang={addressLang(view.shipTo.countryCode)}>
        {view.customerName} <span className="pack-country" data-testid="pack-country">{countryName(view.shipTo.countryCode)}</span>
      </p>
      <p className="pack-address" lang={addressLang(view.shipTo.countryCode)} data-testid="pack-address">{addressLines(view.shipTo).join(' · ')}</p>
      {view.shortWords ? <p className="pack-short" role="note" data-testid="pack-short">{view.shortWords}</p> : null}
      <p className="pack-parcel" data-testid="pack-parcel">Parcel {view.parcelNo}</p>
      <p className="pack-progress" data-testid="pack-progress"><strong>{scanned}</strong> of {expected} item{expected === 1 ? '' : 's'}</p>
      {view.parcelNo > 1 ? <p className="pack-earlier" data-testid="pack-earlier">{packedEarlierWords(view)} of this order {view.parcelNo === 2 ? 'is' : 'are'} already packed</p> : null}
    </header>
  );
}

/** The line under the order: green flash on a good scan, and what to do next in words. */
function Feedback({ good, view }: { good: Good | null; view: PackView }) {
  const flash = good && (good.outcome === 'accepted' || good.outcome === 'override');
  const next = view.verified
    ? 'Everything is in. Press Enter to close the parcel and print its label.'
    : 'Scan the next item.';
  return (
    <div
      className={`pack-feedback${flash ? ' is-good' : ''}${view.verified ? ' is-verified' : ''}`}
      data-flash={flash ? (good.seq % 2 === 0 ? 'a' : 'b') : undefined}
      data-testid="pack-feedback"
      data-outcome={good?.outcome ?? 'none'}
      role="status"
      aria-live="polite"
    >
      {good ? <p className="feedback-message" data-testid="pack-feedback-message">{flash ? '✓ ' : ''}{good.message}</p> : null}
      <p className="feedback-next" data-testid="pack-next">{next}</p>
    </div>
  );
}

function PackSession({ view }: { view: PackView }) {
  const good = usePackStore((s) => s.good);
  const label = usePackStore((s) => s.label);
  return (
    <section className="pack-session" aria-labelledby="pack-order-title">
      <span id="pack-order-title" className="visually-hidden">Packing order {view.orderNumber}</span>
      <OrderHead view={view} />
      <Feedback good={good} view={view} />
      <div className="pack-grid">
        <div className="pack-main">
          <ItemPicture view={view} lastLineId={good?.lineId} />
          <PackLines lines={view.lines} lastLineId={good?.lineId} flashSeq={good?.seq ?? 0} />
        </div>
        <aside className="pack-side">
          <ManualEntry prompt="Type a code that will not scan" />
          <WeightPanel view={view} />
          <PackActions view={view} />
          <ParcelBox view={view} />
          {label && needsAttention(label) ? <LabelStatus job={label} compact /> : null}
          <RecentScans scans={view.scans} />
        </aside>
      </div>
    </section>
  );
}

function PackDone({ view }: { view: PackView }) {
  const good = usePackStore((s) => s.good);
  const label = usePackStore((s) => s.label);
  const found = usePackStore((s) => s.found);
  const items = view.lines.reduce((n, l) => n + l.scanned, 0);
  // a bought label ships the order at once: shipped is the whole order done too, not a split
  const rest = view.orderStatus !== 'packed' && view.orderStatus !== 'shipped';
  // a label that did not print is the packer's problem right now: the whole banner turns red
  const labelFailed = label?.status === 'failed';
  const what = rest ? `parcel ${view.parcelNo} closed` : 'packed';
  return (
    <section className="pack-done-screen" aria-labelledby="pack-done-title">
      <div className={`pack-done${labelFailed ? ' is-label-failed' : ''}`} data-testid="pack-done" data-label={label?.status ?? 'none'} role={labelFailed ? 'alert' : 'status'}>
        <h1 id="pack-done-title" className="pack-done-title">
          {labelFailed ? `✗ Label not printed — ${view.orderNumber} is ${what}` : `✓ ${view.orderNumber} ${what}`}
        </h1>
        <p className="pack-done-sub">
          {view.customerName} · parcel {view.parcelNo} · {items} item{items === 1 ? '' : 's'}
          {rest ? ' · the rest of the order waits for the next parcel' : ''}
        </p>
        {labelFailed ? <p className="pack-done-sub">The parcel cannot go out without its label: fix the printer, then Retry (Alt+R).</p> : null}
        {good && good.outcome === 'split' ? <p className="pack-done-sub">{good.message}</p> : null}
      </div>
      <div className="pack-grid">
        <div className="pack-main">
          {found ? <FoundProductPanel found={found} /> : null}
          <ShipmentPanel orderId={view.orderId} />
          {label ? <LabelStatus job={label} /> : null}
        </div>
        <aside className="pack-side">
          <ManualEntry prompt="Scan the next order's packing slip, or type its number" />
          <PackActions view={view} />
          <ReadyToPack />
          <OpenOrders />
        </aside>
      </div>
    </section>
  );
}

function PackIdle() {
  const good = usePackStore((s) => s.good);
  const label = usePackStore((s) => s.label);
  const found = usePackStore((s) => s.found);
  return (
    <section className="pack-idle" aria-labelledby="pack-title">
      <h1 id="pack-title">Pack station</h1>
      <p className="pack-instruction" data-testid="pack-instruction">Scan a packing slip or an order number to start. A product scanned here shows the orders that contain it.</p>
      {good ? <p className="pack-note" role="status">{good.message}</p> : null}
      <div className="pack-grid">
        <div className="pack-main">
          <ManualEntry prompt="…or type the order number" />
          {found ? <FoundProductPanel found={found} /> : null}
          {label && label.status !== 'done' ? <LabelStatus job={label} compact /> : null}
        </div>
        <aside className="pack-side">
          <ReadyToPack />
          <OpenOrders />
        </aside>
      </div>
    </section>
  );
}
