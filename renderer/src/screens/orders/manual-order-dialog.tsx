import { useEffect, useId, useState } from 'react';
import type { LocationDetail } from '../../../../shared/contract/warehouse';
import { parseAmount, parseWholeTyped } from '../../../../shared/domain/amount';
import { api } from '../../api/client';
import { AddressFields, emptyAddress, type AddressForm } from '../../components/address-fields';
import { FormError, SelectInput, TextInput } from '../../components/form-field';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { useSubmit } from '../../hooks/use-submit';
import { useAppStore } from '../../stores/app-store';
import { useOrdersStore } from '../../stores/orders-store';

const CURRENCIES = ['GBP', 'EUR', 'USD', 'CAD', 'AUD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY'];
type Line = { sku: string; title: string; quantity: string; price: string };
const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

/** A phone or counter order: the address is checked for its country as it is typed and again by the station. */
export function ManualOrderDialog({ onClose }: { onClose(): void }) {
  const ref = useModalDialog();
  const listId = useId();
  const [locations, setLocations] = useState<LocationDetail[]>([]);
  const [locationId, setLocationId] = useState('');
  const [source, setSource] = useState<'phone' | 'counter'>('phone');
  const [address, setAddress] = useState<AddressForm>(emptyAddress());
  const [currency, setCurrency] = useState('GBP');
  const [shipping, setShipping] = useState('');
  const [shipBy, setShipBy] = useState(inTwoDays());
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Line[]>([{ sku: '', title: '', quantity: '1', price: '' }]);
  const [found, setFound] = useState<Array<{ sku: string; title: string }>>([]);
  const { busy, errors, general, run, refuse } = useSubmit();

  useEffect(() => {
    api.call('warehouse.locations', {}).then((l) => {
      setLocations(l);
      setLocationId((id) => id || String(l[0]?.id ?? ''));
    }, (e: unknown) => useAppStore.getState().showError(e));
  }, []);

  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const lookUp = async (i: number, sku: string) => {
    setLine(i, { sku });
    if (sku.trim().length < 2) return;
    const hits = await api.call('catalog.findVariants', { q: sku.trim().slice(0, 100) }).catch(() => []);
    setFound(hits.slice(0, 20));
    // a barcode scanned or typed into the SKU field: the line takes the SKU it belongs to
    const scanned = hits[0]?.byCode ? hits[0] : undefined;
    if (scanned) setLines((ls) => ls.map((l, j) => (j === i && l.sku === sku ? { ...l, sku: scanned.sku } : l)));
    const exact = scanned ?? hits.find((h) => h.sku.toLowerCase() === sku.trim().toLowerCase());
    if (exact) {
      const product = await api.call('catalog.list', { q: exact.sku, limit: 1 }).then((r) => (r.rows[0] ? api.call('catalog.get', { id: r.rows[0].id }) : null)).catch(() => null);
      const v = product?.variants.find((x) => x.sku === exact.sku);
      setLines((ls) => ls.map((l, j) => (j === i && (l.sku === sku || l.sku === exact.sku) ? { ...l, title: exact.title, price: l.price || (v?.priceMinor ? (v.priceMinor / 100).toFixed(2) : '') } : l)));
    }
  };

  const save = async () => {
    const bad: Record<string, string> = {};
    const parsed = lines.filter((l) => l.sku.trim()).map((l, i) => {
      const q = parseWholeTyped(l.quantity);
      if (q === null || q < 1) bad[`lines.${i}.quantity`] = `Quantity: type a whole number of at least 1 (you typed "${l.quantity}").`;
      const p = l.price.trim() === '' ? 0 : parseAmount(l.price, currency);
      if (p === null || p < 0) bad[`lines.${i}.unitPriceMinor`] = `Price: type an amount such as 14.50 (you typed "${l.price}").`;
      return { sku: l.sku.trim(), quantity: q ?? 1, unitPriceMinor: p ?? 0 };
    });
    const ship = shipping.trim() === '' ? 0 : parseAmount(shipping, currency);
    if (ship === null || ship < 0) bad.shippingMinor = `Shipping: type an amount such as 4.95 (you typed "${shipping}").`;
    if (!parsed.length) bad.lines = 'Add at least one item to the order.';
    if (Object.keys(bad).length) { refuse(bad); return; }
    const r = await run(() => api.call('orders.createManual', {
      locationId: Number(locationId), source, currency, shippingMinor: ship ?? 0, shipBy: shipBy || null, note, lines: parsed,
      shipTo: { ...address, line3: '' },
    }));
    if (r) {
      useAppStore.getState().showInfo(`Order ${r.number} saved and its stock reserved. Scan its packing slip or open it on the Pack screen to pack it.`);
      useOrdersStore.getState().open(r.id);
      onClose();
    }
  };

  return (
    <dialog ref={ref} className="dialog manual-order" aria-labelledby="manual-order-title" data-testid="manual-order" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <h2 id="manual-order-title">New phone or counter order</h2>
        <div className="form-grid">
          <SelectInput label="Taken" value={source} onChange={(s) => setSource(s as 'phone' | 'counter')} testId="manual-source">
            <option value="phone">By phone</option>
            <option value="counter">At the counter</option>
          </SelectInput>
          <SelectInput label="Ships from" value={locationId} onChange={setLocationId} error={errors.locationId} testId="manual-location" required>
            {locations.length === 0 ? <option value="">Add a location on the Warehouse screen first</option> : null}
            {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </SelectInput>
          <TextInput label="Ship by" type="date" value={shipBy} onChange={setShipBy} error={errors.shipBy} testId="manual-ship-by" />
        </div>
        <h3>Ship to</h3>
        <AddressFields value={address} onChange={setAddress} errors={errors} prefix="shipTo." testId="manual-address" />
        <h3>Items</h3>
        <datalist id={listId}>{found.map((f) => <option key={f.sku} value={f.sku}>{f.title}</option>)}</datalist>
        {lines.map((l, i) => (
          <div className="form-grid manual-line" key={i} data-testid="manual-line">
            <TextInput label={`SKU ${i + 1}`} value={l.sku} onChange={(sku) => void lookUp(i, sku)} error={errors[`lines.${i}.sku`]} testId="manual-line-sku" list={listId} maxLength={100} hint={l.title || undefined} />
            <TextInput label="Quantity" value={l.quantity} onChange={(quantity) => setLine(i, { quantity })} error={errors[`lines.${i}.quantity`]} testId="manual-line-qty" inputMode="numeric" />
            <TextInput label={`Unit price (${currency})`} value={l.price} onChange={(price) => setLine(i, { price })} error={errors[`lines.${i}.unitPriceMinor`]} testId="manual-line-price" inputMode="decimal" />
            {lines.length > 1 ? <button type="button" className="button button-quiet" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>Remove</button> : null}
          </div>
        ))}
        {errors.lines ? <p className="field-error">{errors.lines}</p> : null}
        <button type="button" className="button" onClick={() => setLines((ls) => [...ls, { sku: '', title: '', quantity: '1', price: '' }])} data-testid="manual-add-line">Add an item</button>
        <div className="form-grid">
          <SelectInput label="Currency" value={currency} onChange={setCurrency} error={errors.currency} testId="manual-currency">
            {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </SelectInput>
          <TextInput label={`Shipping charged (${currency})`} value={shipping} onChange={setShipping} error={errors.shippingMinor} testId="manual-shipping" inputMode="decimal" />
          <TextInput label="Note on the order" value={note} onChange={setNote} error={errors.note} testId="manual-note" maxLength={500} className="field-grow" />
        </div>
        <FormError text={general} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>Never mind <kbd>Esc</kbd></button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="manual-save">{busy ? 'Saving…' : 'Save the order'}</button>
        </div>
      </form>
    </dialog>
  );
}
