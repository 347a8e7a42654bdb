import { useCallback, useEffect, useState } from 'react';
import type { BinRow, LocationDetail } from '../../../../shared/contract/warehouse';
import { binCodeFrom } from '../../../../shared/domain/bins';
import { api } from '../../api/client';
import { AddressFields, emptyAddress, type AddressForm } from '../../components/address-fields';
import { FormError, TextInput } from '../../components/form-field';
import { useApiEvent } from '../../hooks/use-api-event';
import { useSubmit } from '../../hooks/use-submit';
import { useAppStore } from '../../stores/app-store';

/** Locations (with the ship-from address labels print) and their bins, listed in the order a picker walks them. */
export function LocationsPanel() {
  const [locations, setLocations] = useState<LocationDetail[] | null>(null);
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const load = useCallback(() => {
    api.call('warehouse.locations', { archived: true }).then((l) => {
      setLocations(l);
      setSelected((s) => s ?? (l[0]?.id ?? 'new'));
    }, (e: unknown) => useAppStore.getState().showError(e));
  }, []);
  useEffect(() => { load(); }, [load, epoch]);
  useApiEvent('warehouse.changed', () => load());
  useApiEvent('inventory.changed', () => load());
  const current = typeof selected === 'number' ? locations?.find((l) => l.id === selected) ?? null : null;
  return (
    <div className="split-screen">
      <div>
        <ul className="list-rows" aria-label="Locations">
          {(locations ?? []).map((l) => (
            <li key={l.id}>
              <button type="button" className="list-row" aria-current={selected === l.id ? 'true' : undefined} onClick={() => setSelected(l.id)} data-testid="location-row" data-code={l.code}>
                <strong>{l.name}</strong> <span className="mono muted">{l.code}</span> <span className="muted">· {l.bins.filter((b) => !b.archived).length} bins</span>
              </button>
            </li>
          ))}
        </ul>
        {locations && locations.length === 0 ? <p className="empty-state">No locations yet. Add the place you ship from: its address goes on every label.</p> : null}
        <button type="button" className="button" onClick={() => setSelected('new')} data-testid="location-new">Add a location</button>
      </div>
      <div>
        {selected === 'new' ? <LocationForm key="new" location={null} onSaved={(id) => { load(); setSelected(id); }} /> : null}
        {current ? (
          <>
            <LocationForm key={current.id} location={current} onSaved={() => load()} />
            <BinsPanel location={current} onChanged={load} />
          </>
        ) : null}
      </div>
    </div>
  );
}

function LocationForm({ location, onSaved }: { location: LocationDetail | null; onSaved(id: number): void }) {
  const [code, setCode] = useState(location?.code ?? '');
  const [name, setName] = useState(location?.name ?? '');
  const [address, setAddress] = useState<AddressForm>(location ? { ...emptyAddress(), ...location.address } : emptyAddress());
  const { busy, errors, general, run } = useSubmit();
  const save = async () => {
    const saved = await run(() => api.call('warehouse.saveLocation', { ...(location ? { id: location.id } : {}), code, name, address: { ...address, line3: '' } }));
    if (saved) {
      useAppStore.getState().showInfo(`Location ${saved.name} saved.`);
      onSaved(saved.id);
    }
  };
  return (
    <form className="panel" aria-labelledby="location-form-title" data-testid="location-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 id="location-form-title">{location ? `Location ${location.name}` : 'New location'}</h2>
      <div className="form-grid">
        <TextInput label="Code" value={code} onChange={setCode} error={errors.code} testId="location-code" required maxLength={20} placeholder="MAIN" autoFocus={!location} />
        <TextInput label="Name" value={name} onChange={setName} error={errors.name} testId="location-name" required maxLength={100} placeholder="Main workshop" />
      </div>
      <h3>Ship-from address</h3>
      <AddressFields value={address} onChange={setAddress} errors={errors} prefix="address." testId="location-address" />
      <FormError text={general} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="location-save">{busy ? 'Saving…' : 'Save location'}</button>
      </div>
    </form>
  );
}

function BinsPanel({ location, onChanged }: { location: LocationDetail; onChanged(): void }) {
  const [parts, setParts] = useState({ zone: '', aisle: '', shelf: '', level: '' });
  const [open, setOpen] = useState<BinRow | null>(null);
  const { busy, errors, general, run } = useSubmit();
  const add = async () => {
    const bin = await run(() => api.call('warehouse.saveBin', { locationId: location.id, ...parts }));
    if (bin) {
      useAppStore.getState().showInfo(`Bin ${bin.code} added to ${location.name}.`);
      // the next bin is usually the next level or shelf: keep the zone and aisle
      setParts((p) => ({ ...p, level: '' }));
      onChanged();
    }
  };
  const archive = async (bin: BinRow) => {
    const r = await run(() => api.call('warehouse.archiveBin', { binId: bin.id, archived: !bin.archived }));
    if (r) onChanged();
  };
  const preview = binCodeFrom(parts);
  return (
    <section className="panel bins-panel" aria-labelledby="bins-title" data-testid="bins-panel">
      <h2 id="bins-title">Bins at {location.name}, in walk order</h2>
      <form className="form-grid bin-form" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-label="Add a bin">
        <TextInput label="Zone" value={parts.zone} onChange={(zone) => setParts((p) => ({ ...p, zone }))} error={errors.zone} testId="bin-zone" required maxLength={20} placeholder="A" />
        <TextInput label="Aisle" value={parts.aisle} onChange={(aisle) => setParts((p) => ({ ...p, aisle }))} error={errors.aisle} testId="bin-aisle" maxLength={20} placeholder="01" />
        <TextInput label="Shelf" value={parts.shelf} onChange={(shelf) => setParts((p) => ({ ...p, shelf }))} error={errors.shelf} testId="bin-shelf" maxLength={20} placeholder="2" />
        <TextInput label="Level" value={parts.level} onChange={(level) => setParts((p) => ({ ...p, level }))} error={errors.level} testId="bin-level" maxLength={20} placeholder="B" />
        <button type="submit" className="button button-primary bin-add" disabled={busy} data-testid="bin-add">{busy ? 'Adding…' : `Add bin${preview ? ` ${preview}` : ''}`}</button>
      </form>
      <FormError text={errors.code ?? general} />
      <table className="table" aria-label={`Bins at ${location.name}`}>
        <thead><tr><th>Bin</th><th>Zone</th><th>Aisle</th><th>Shelf</th><th>Level</th><th className="num">Units</th><th className="num">SKUs</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {location.bins.map((b) => (
            <tr key={b.id} data-testid="bin-row" data-code={b.code} className={b.archived ? 'muted' : undefined}>
              <td className="mono">{b.code}{b.archived ? ' (archived)' : ''}</td>
              <td>{b.zone}</td><td>{b.aisle}</td><td>{b.shelf}</td><td>{b.level}</td>
              <td className="num" data-testid="bin-units">{b.units}</td><td className="num">{b.skus}</td>
              <td className="action-row">
                <button type="button" className="button button-quiet" onClick={() => setOpen(open?.id === b.id ? null : b)} aria-expanded={open?.id === b.id}>What is in it</button>
                <button type="button" className="button button-quiet" onClick={() => void archive(b)}>{b.archived ? 'Bring back' : 'Archive'}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {location.bins.length === 0 ? <p className="empty-state">No bins yet. Name them by zone, aisle, shelf and level, as the labels on your shelves say.</p> : null}
      {open ? <BinContents bin={open} /> : null}
    </section>
  );
}

function BinContents({ bin }: { bin: BinRow }) {
  const [rows, setRows] = useState<Array<{ sku: string; title: string; onHand: number }> | null>(null);
  useEffect(() => {
    api.call('warehouse.binContents', { binId: bin.id }).then(setRows, (e: unknown) => useAppStore.getState().showError(e));
  }, [bin.id, bin.units]);
  return (
    <div className="bin-contents" data-testid="bin-contents">
      <h3>In bin {bin.code}</h3>
      {rows === null ? <p>Loading…</p> : rows.length === 0 ? <p className="muted">Empty.</p> : (
        <table className="table"><tbody>{rows.map((r) => <tr key={r.sku}><td className="mono">{r.sku}</td><td>{r.title}</td><td className="num">{r.onHand}</td></tr>)}</tbody></table>
      )}
    </div>
  );
}
