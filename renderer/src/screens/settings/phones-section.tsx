import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract/api';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { formatTime } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';

type State = MethodOutput<'phones.state'>;
type Offer = MethodOutput<'phones.offer'>;

/** Settings → Phones and tablets: off by default; pair one device at a time by QR code; revoke at once. */
export function PhonesSection() {
  const [state, setState] = useState<State | null>(null);
  const [name, setName] = useState('');
  const [offer, setOffer] = useState<Offer | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const fail = (e: unknown) => useAppStore.getState().showError(e);
  const load = useCallback(() => { api.call('phones.state', {}).then(setState, fail); }, []);
  useEffect(load, [load, epoch]);
  useApiEvent('phones.changed', load);
  if (!state) return null;
  const setLan = async (enabled: boolean) => {
    try { setState(await api.call('phones.setLan', { enabled })); setOffer(null); } catch (e) { fail(e); }
  };
  const pair = async () => {
    try { setOffer(await api.call('phones.offer', { name })); setName(''); } catch (e) { fail(e); }
  };
  const revoke = async (id: number) => {
    try { setState(await api.call('phones.revoke', { id })); } catch (e) { fail(e); }
  };
  return (
    <section className="panel" aria-labelledby="phones-title" data-testid="phones-settings">
      <h2 id="phones-title">Phones and tablets</h2>
      <label className="rule-check"><input type="checkbox" checked={state.lan} onChange={(e) => void setLan(e.target.checked)} data-testid="phones-lan" />
        Let phones and tablets on this shop's network walk pick lists (paired ones only; they can do nothing else)</label>
      {state.lan && !state.addresses.length ? (
        <p className="muted">The station serves this computer only right now. Restart it (npm run serve) and it also listens on the network; then pair phones here.</p>
      ) : null}
      {state.lan ? (
        <form className="handling-tags" onSubmit={(e) => { e.preventDefault(); void pair(); }}>
          <label className="field field-grow"><span className="field-label">Device name</span>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="Anna's phone" />
          </label>
          <button type="submit" className="button button-primary">Show a pairing code</button>
        </form>
      ) : null}
      {offer ? (
        <div className="device-offer" role="status">
          {offer.url ? (
            <>
              <div className="device-qr" aria-label="Pairing QR code" dangerouslySetInnerHTML={{ __html: offer.qrSvg }} />
              <p>Scan this with the phone's camera, or open <span className="mono">{offer.url}</span>. It works once, until {formatTime(offer.expiresAt)}.</p>
            </>
          ) : <p>This station cannot be reached from the network yet, so there is nothing for a phone to open. Restart it, then show a new code.</p>}
        </div>
      ) : null}
      {state.devices.length ? (
        <ul className="device-list">
          {state.devices.map((d) => (
            <li key={d.id} data-testid="paired-device">
              <strong>{d.name}</strong> <span className="muted">paired {formatTime(d.createdAt)} by {d.pairedBy}{d.lastSeenAt ? `, last seen ${formatTime(d.lastSeenAt)}` : ''}</span>{' '}
              {d.revokedAt ? <span className="muted">revoked {formatTime(d.revokedAt)}</span> : <button type="button" className="button button-danger" onClick={() => void revoke(d.id)}>Revoke</button>}
            </li>
          ))}
        </ul>
      ) : <p className="muted">No device is paired.</p>}
    </section>
  );
}
