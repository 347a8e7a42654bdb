import { useEffect, useState } from 'react';
import type { Location } from '../../../../shared/contract/inventory';
import type { RoutingSettings } from '../../../../shared/contract/routing';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';

const SPLIT_WORDS = {
  never: 'Never split: the nearest location with some of it waits for a transfer',
  ask: 'Ask me: hold the order until I agree to ship in parcels',
  auto: 'Split on its own: one parcel per location',
} as const;

/** Settings → Routing: off by default; with two or more locations, where orders ship from and when they may split. */
export function RoutingSection() {
  const [s, setS] = useState<RoutingSettings | null>(null);
  const [locations, setLocations] = useState<Location[]>([]);
  const epoch = useAppStore((st) => st.dataEpoch);
  const fail = (e: unknown) => useAppStore.getState().showError(e);
  useEffect(() => {
    api.call('routing.settings', {}).then(setS, fail);
    api.call('locations.list', {}).then(setLocations, fail);
  }, [epoch]);
  if (!s) return null;
  const order = [...s.order, ...locations.map((l) => l.id).filter((id) => !s.order.includes(id))];
  const save = async (next: RoutingSettings) => {
    try { setS(await api.call('routing.saveSettings', next)); useAppStore.getState().showInfo('Routing settings saved; they apply to orders that arrive from now on.'); } catch (e) { fail(e); }
  };
  const move = (i: number, by: -1 | 1) => {
    const ids = [...order];
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    void save({ ...s, order: ids });
  };
  return (
    <section className="panel" aria-labelledby="routing-title" data-testid="routing-settings">
      <h2 id="routing-title">Routing between locations</h2>
      <label className="rule-check"><input type="checkbox" checked={s.enabled} onChange={(e) => void save({ ...s, enabled: e.target.checked })} data-testid="routing-enabled" />
        Send each new order to the location that can ship it whole, nearest first</label>
      <fieldset className="routing-split" disabled={!s.enabled}>
        <legend>When no location has everything</legend>
        {(['never', 'ask', 'auto'] as const).map((m) => (
          <label key={m} className="rule-check"><input type="radio" name="routing-split" checked={s.split === m} onChange={() => void save({ ...s, split: m })} /> {SPLIT_WORDS[m]}</label>
        ))}
        <label className="field"><span className="field-label">At most this many parcels per order</span>
          <input className="input" type="number" min={2} max={5} value={s.maxShipments} onChange={(e) => void save({ ...s, maxShipments: Math.max(2, Math.min(5, Number(e.target.value) || 2)) })} />
        </label>
      </fieldset>
      <p className="muted">When two locations are equally near (same postal area, country or continent as the customer), the one higher here ships:</p>
      <ol>
        {order.map((id, i) => (
          <li key={id}>{locations.find((l) => l.id === id)?.name ?? `Location ${id}`}{' '}
            <button type="button" className="button button-quiet" onClick={() => move(i, -1)} disabled={i === 0} aria-label="Move up">↑</button>
            <button type="button" className="button button-quiet" onClick={() => move(i, 1)} disabled={i === order.length - 1} aria-label="Move down">↓</button>
          </li>
        ))}
      </ol>
    </section>
  );
}
