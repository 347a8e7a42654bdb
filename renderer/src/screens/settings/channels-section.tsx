import { useCallback, useEffect, useId, useState } from 'react';
import type { ChannelSettings } from '../../../../shared/contract/sync-api';
import type { Location } from '../../../../shared/contract/inventory';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useApiEvent } from '../../hooks/use-api-event';
import { fieldErrors } from '../../lib/describe-error';
import { useAppStore } from '../../stores/app-store';
import { useSyncStore } from '../../stores/sync-store';

type Kind = { kind: string; label: string; urlHint: string; credentialFields: Array<{ name: string; label: string; hint: string }> };
type Draft = { channelId?: number; kind: string; name: string; baseUrl: string; credentials: Record<string, string>; pollSeconds: string; pushStock: boolean; locationId: string };

const KEY_WORDS = { 'safe-storage': 'in the system keychain', 'key-file': 'encrypted, with the key file beside the database' } as const;

/** Settings → Channels: connect a shop with its address and keys, test it, change it, remove it. Keys are never shown again. */
export function ChannelsSection() {
  const workspace = useAppStore((s) => s.workspace);
  const epoch = useAppStore((s) => s.dataEpoch);
  const [channels, setChannels] = useState<ChannelSettings[] | null>(null);
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [locations, setLocations] = useState<Location[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [tested, setTested] = useState<Record<string, { ok: boolean; words: string } | 'asking'>>({});
  const [removing, setRemoving] = useState<ChannelSettings | null>(null);
  const ids = { kind: useId(), name: useId(), url: useId(), poll: useId(), stock: useId(), location: useId(), key: useId() };

  const load = useCallback(() => {
    api.call('channels.settings', {}).then(setChannels, (e: unknown) => useAppStore.getState().showError(e));
  }, []);
  useEffect(() => {
    load();
    api.call('channels.kinds', {}).then(setKinds, () => setKinds([]));
    api.call('locations.list', {}).then(setLocations, () => setLocations([]));
  }, [load, epoch]);
  useApiEvent('sync.changed', load);

  const kindOf = (k: string) => kinds.find((x) => x.kind === k);
  const label = (k: string) => kindOf(k)?.label ?? k;

  const test = async (key: string, input: { channelId?: number; kind?: string; baseUrl?: string; credentials?: Record<string, string> }) => {
    setTested((t) => ({ ...t, [key]: 'asking' }));
    try {
      const r = await api.call('channels.test', { credentials: {}, ...input });
      setTested((t) => ({ ...t, [key]: { ok: r.ok, words: r.words } }));
    } catch (e) {
      setTested((t) => ({ ...t, [key]: { ok: false, words: e instanceof Error ? e.message : String(e) } }));
    }
  };

  const save = async () => {
    if (!draft) return;
    const poll = Number(draft.pollSeconds);
    if (!Number.isFinite(poll) || poll < 2 || poll > 3600) { setErrors({ pollSeconds: 'Check for orders every 2 to 3600 seconds.' }); return; }
    setBusy(true);
    try {
      const saved = await api.call('channels.connect', {
        ...(draft.channelId ? { channelId: draft.channelId } : {}), kind: draft.kind, name: draft.name, baseUrl: draft.baseUrl,
        credentials: draft.credentials, pollSeconds: poll, pushStock: draft.pushStock, locationId: draft.locationId ? Number(draft.locationId) : null,
      });
      setDraft(null);
      setErrors({});
      load();
      useSyncStore.getState().refresh();
      useAppStore.getState().showInfo(`${saved.name} is connected: its orders come in within ${saved.pollSeconds} seconds. The Sync screen (Alt+7) shows how it is doing.`);
    } catch (e) {
      setErrors(fieldErrors(e));
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (c: ChannelSettings) => {
    setBusy(true);
    try {
      setChannels(await api.call('channels.remove', { channelId: c.channelId, confirm: true }));
      useSyncStore.getState().refresh();
      useAppStore.getState().showInfo(`${c.name} is disconnected and its keys are deleted. Its orders stay here; changes for it wait until it is connected again.`);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  const startDemo = async () => {
    setBusy(true);
    try {
      const r = await api.call('sync.startDemoChannels', {});
      load();
      useSyncStore.getState().refresh();
      useAppStore.getState().showInfo(r.words);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  const newDraft = (): Draft => ({ kind: kinds[0]?.kind ?? 'woocommerce', name: '', baseUrl: '', credentials: {}, pollSeconds: '10', pushStock: false, locationId: '' });
  const edit = (c: ChannelSettings) => {
    setErrors({});
    setDraft({ channelId: c.channelId, kind: c.kind, name: c.name, baseUrl: c.baseUrl, credentials: {}, pollSeconds: String(c.pollSeconds), pushStock: c.pushStock, locationId: c.locationId ? String(c.locationId) : '' });
  };
  const draftKind = draft ? kindOf(draft.kind) : undefined;
  const draftTest = tested.draft;

  return (
    <section className="panel" aria-labelledby="channels-title" data-testid="channels-section">
      <h2 id="channels-title">Channels</h2>
      <p>Shops whose orders come into the queue, and which hear back when a parcel ships. Keys are stored encrypted and never shown again.</p>
      {channels === null ? <p className="muted">Reading the channels…</p> : channels.length === 0 ? <p className="muted">No shop is connected yet.</p> : (
        <ul className="printer-list">
          {channels.map((c) => {
            const t = tested[c.channelId];
            return (
              <li key={c.channelId} className={`printer${c.connected ? ' is-default' : ''}`} data-testid="channel-row" data-channel-id={c.channelId}>
                <div className="printer-head">
                  <strong className="printer-name">{c.name}</strong>
                  <span className="status-badge">{label(c.kind)}</span>
                  {c.connected ? null : <span className="status-badge status-on_hold">Removed</span>}
                </div>
                <p className="muted mono break">{c.baseUrl}</p>
                <p className="muted">
                  {c.connected ? `Checks for orders every ${c.pollSeconds} s · stock counts ${c.pushStock ? 'sent to the shop' : 'not sent'} · ` : ''}
                  {c.hasKeys && c.keyStorage ? `keys stored ${KEY_WORDS[c.keyStorage]}` : 'no keys stored'}
                </p>
                {t ? <p className={`printer-status${t !== 'asking' && !t.ok ? ' is-problem' : ''}`} role="status" data-testid="channel-test-result">{t === 'asking' ? 'Asking the shop…' : t.words}</p> : null}
                <div className="action-row">
                  <button type="button" className="button" onClick={() => void test(String(c.channelId), { channelId: c.channelId })} data-testid="channel-test">Test connection</button>
                  <button type="button" className="button button-quiet" onClick={() => edit(c)} data-testid="channel-edit">{c.connected ? 'Edit…' : 'Connect again…'}</button>
                  {c.connected ? <button type="button" className="button button-danger" onClick={() => setRemoving(c)} data-testid="channel-remove">Remove…</button> : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {draft ? (
        <form className="printer-form" aria-label={draft.channelId ? `Edit ${draft.name}` : 'Connect a shop'} data-testid="channel-form" autoComplete="off"
          onSubmit={(e) => { e.preventDefault(); void save(); }}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setDraft(null); } }}>
          <h3>{draft.channelId ? `Edit ${draft.name}` : 'Connect a shop'}</h3>
          <div className="form-grid">
            <label className="field" htmlFor={ids.kind}>
              <span className="field-label">Shop system</span>
              <select id={ids.kind} className="input" value={draft.kind} disabled={Boolean(draft.channelId)} onChange={(e) => setDraft({ ...draft, kind: e.target.value, credentials: {} })} data-testid="channel-kind">
                {kinds.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
              </select>
            </label>
            <label className="field" htmlFor={ids.name}>
              <span className="field-label">Name shown in the queue</span>
              <input id={ids.name} className="input" value={draft.name} autoFocus placeholder="My WooCommerce shop" onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-invalid={errors.name ? true : undefined} data-testid="channel-name" />
              {errors.name ? <span className="field-error">{errors.name}</span> : null}
            </label>
            <label className="field field-grow" htmlFor={ids.url}>
              <span className="field-label">Shop address</span>
              <input id={ids.url} className="input mono" value={draft.baseUrl} placeholder={draftKind?.urlHint} onChange={(e) => setDraft({ ...draft, baseUrl: e.target.value })} aria-invalid={errors.baseUrl ? true : undefined} data-testid="channel-url" />
              {errors.baseUrl ? <span className="field-error">{errors.baseUrl}</span> : <span className="muted">{draftKind?.urlHint}</span>}
            </label>
            {draftKind?.credentialFields.map((f) => (
              <label key={f.name} className="field" htmlFor={`${ids.key}-${f.name}`}>
                <span className="field-label">{f.label}{draft.channelId ? ' (blank keeps the stored one)' : ''}</span>
                <input id={`${ids.key}-${f.name}`} className="input mono" type="password" autoComplete="new-password" spellCheck={false} value={draft.credentials[f.name] ?? ''}
                  onChange={(e) => setDraft({ ...draft, credentials: { ...draft.credentials, [f.name]: e.target.value } })}
                  aria-invalid={errors[`credentials.${f.name}`] ? true : undefined} data-testid={`channel-credential-${f.name}`} />
                {errors[`credentials.${f.name}`] ? <span className="field-error">{errors[`credentials.${f.name}`]}</span> : <span className="muted">{f.hint}</span>}
              </label>
            ))}
            <label className="field" htmlFor={ids.poll}>
              <span className="field-label">Check for new orders every (seconds)</span>
              <input id={ids.poll} className="input input-number mono" inputMode="numeric" value={draft.pollSeconds} onChange={(e) => setDraft({ ...draft, pollSeconds: e.target.value })} aria-invalid={errors.pollSeconds ? true : undefined} data-testid="channel-poll" />
              {errors.pollSeconds ? <span className="field-error">{errors.pollSeconds}</span> : null}
            </label>
            <label className="field" htmlFor={ids.location}>
              <span className="field-label">Its orders ship from</span>
              <select id={ids.location} className="input" value={draft.locationId} onChange={(e) => setDraft({ ...draft, locationId: e.target.value })} data-testid="channel-location">
                <option value="">The first location ({locations[0]?.name ?? '—'})</option>
                {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
              </select>
            </label>
            <label className="check" htmlFor={ids.stock}>
              <input id={ids.stock} type="checkbox" checked={draft.pushStock} onChange={(e) => setDraft({ ...draft, pushStock: e.target.checked })} data-testid="channel-push-stock" />
              Send our available counts to this shop (turn on once the stock here is counted)
            </label>
          </div>
          {draftTest ? <p className={`printer-status${draftTest !== 'asking' && !draftTest.ok ? ' is-problem' : ''}`} role="status" data-testid="channel-draft-test">{draftTest === 'asking' ? 'Asking the shop…' : draftTest.words}</p> : null}
          <div className="action-row">
            <button type="button" className="button" disabled={busy} onClick={() => void test('draft', { ...(draft.channelId ? { channelId: draft.channelId } : {}), kind: draft.kind, baseUrl: draft.baseUrl, credentials: draft.credentials })} data-testid="channel-form-test">Test connection</button>
            <button type="submit" className="button button-primary" disabled={busy} data-testid="channel-save">{busy ? 'Saving…' : draft.channelId ? 'Save' : 'Save and connect'}</button>
            <button type="button" className="button" onClick={() => setDraft(null)} disabled={busy}>Never mind</button>
          </div>
        </form>
      ) : (
        <div className="action-row">
          <button type="button" className="button" onClick={() => { setErrors({}); setTested(({ draft: _old, ...rest }) => rest); setDraft(newDraft()); }} data-testid="channel-add">Connect a shop…</button>
          {workspace?.kind === 'demo' ? (
            <button type="button" className="button" disabled={busy} onClick={() => void startDemo()} data-testid="demo-channels">Start the demo shops (no account needed)</button>
          ) : null}
        </div>
      )}
      {removing ? (
        <ConfirmDialog title={`Remove ${removing.name}?`} confirmLabel="Remove the shop and delete its keys" busy={busy} onCancel={() => setRemoving(null)} onConfirm={() => void remove(removing)}>
          <p>Packbench stops pulling its orders and deletes its keys. The orders already here stay, and changes waiting for it are kept until it is connected again.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
