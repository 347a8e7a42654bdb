import { useCallback, useEffect, useState } from 'react';
import type { CarrierAccount, CarrierKind, PackagePreset, RateRule, ShippingRules } from '../../../../shared/contract/shipping';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { useAppStore } from '../../stores/app-store';

type CarrierDraft = { id?: number; kind: CarrierKind; name: string; apiKey: string; baseUrl: string; refusesPoBox: boolean; voidWindowDays: string; localPrice: string; localDays: string };
const NEW_CARRIER: CarrierDraft = { kind: 'easypost', name: '', apiKey: '', baseUrl: '', refusesPoBox: false, voidWindowDays: '30', localPrice: '0', localDays: '1' };
const KIND_WORDS: Record<CarrierKind, string> = { easypost: 'EasyPost', shippo: 'Shippo', local: 'Own courier / local delivery (no account)' };
const STRATEGY_WORDS = { cheapest: 'Cheapest', fastest: 'Fastest', cheapest_within: 'Cheapest within N days' } as const;

const info = (m: string) => useAppStore.getState().showInfo(m);
const fail = (e: unknown) => useAppStore.getState().showError(e);

/** Settings → Carriers: accounts (keys stored encrypted), rate rules, boxes, customs data per SKU. */
export function CarriersSection() {
  const [carriers, setCarriers] = useState<CarrierAccount[] | null>(null);
  const [rules, setRules] = useState<ShippingRules | null>(null);
  const [presets, setPresets] = useState<PackagePreset[]>([]);
  const epoch = useAppStore((s) => s.dataEpoch);
  const load = useCallback(() => {
    api.call('carriers.list', {}).then(setCarriers, fail);
    api.call('shipping.rules', {}).then(setRules, fail);
    api.call('packages.list', {}).then(setPresets, fail);
  }, []);
  useEffect(load, [load, epoch]);

  const saveRules = async (next: ShippingRules, done: string) => {
    try { setRules(await api.call('shipping.saveRules', next)); info(done); } catch (e) { fail(e); }
  };

  return (
    <section className="panel" aria-labelledby="carriers-title" data-testid="carriers-section">
      <h2 id="carriers-title">Carriers</h2>
      <CarrierAccounts carriers={carriers} reload={load} />
      {useAppStore.getState().workspace?.kind === 'demo' ? (
        <div className="action-row">
          <button type="button" className="button" data-testid="carriers-use-demo"
            onClick={() => void api.call('carriers.useDemo', { confirm: true }).then(() => { load(); info('The demo carriers (emulated EasyPost and Shippo, and a Leeds courier) are connected: packed parcels get real-looking labels.'); }, fail)}>
            Use the demo carriers (emulated, no account)
          </button>
        </div>
      ) : null}
      {rules && carriers ? <RateRules rules={rules} carriers={carriers} save={saveRules} /> : null}
      <Boxes presets={presets} reload={load} />
      <SkuCustoms presets={presets} />
    </section>
  );
}

function CarrierAccounts({ carriers, reload }: { carriers: CarrierAccount[] | null; reload: () => void }) {
  const [draft, setDraft] = useState<CarrierDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    if (!draft) return;
    try {
      const saved = await api.call('carriers.save', {
        ...(draft.id ? { id: draft.id } : {}), kind: draft.kind, name: draft.name, ...(draft.apiKey ? { apiKey: draft.apiKey } : {}), baseUrl: draft.baseUrl,
        refusesPoBox: draft.refusesPoBox, voidWindowDays: Number(draft.voidWindowDays) || 0,
        localPriceMinor: Math.round(Number(draft.localPrice.replace(',', '.')) * 100) || 0, localDays: Number(draft.localDays) || 1,
      });
      setDraft(null); setErrors({}); reload();
      info(`${saved.name} is saved.${saved.kind !== 'local' ? ' Its API key is stored encrypted, not in the database.' : ''}`);
    } catch (e) { setErrors(fieldErrors(e)); fail(e); }
  };
  return (
    <div data-testid="carrier-accounts">
      <h3>Accounts</h3>
      <ul className="printer-list">
        {carriers?.map((c) => (
          <li key={c.id} className="printer" data-testid="carrier-row" data-kind={c.kind}>
            <strong>{c.name}</strong> <span className="muted">{KIND_WORDS[c.kind]}{c.kind !== 'local' ? (c.hasKey ? ' · key stored' : ' · no key yet') : ''}{c.baseUrl ? ` · ${c.baseUrl}` : ''}{c.enabled ? '' : ' · off'}</span>
            <div className="action-row">
              <button type="button" className="button button-quiet" data-testid="carrier-edit" onClick={() => setDraft({ id: c.id, kind: c.kind, name: c.name, apiKey: '', baseUrl: c.baseUrl, refusesPoBox: c.refusesPoBox, voidWindowDays: String(c.voidWindowDays), localPrice: (c.localPriceMinor / 100).toFixed(2), localDays: String(c.localDays) })}>Edit…</button>
            </div>
          </li>
        ))}
      </ul>
      {draft ? (
        <form className="printer-form" aria-label="Carrier account" data-testid="carrier-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <div className="form-grid">
            <label className="field"><span className="field-label">Kind</span>
              <select className="input" value={draft.kind} disabled={!!draft.id} onChange={(e) => setDraft({ ...draft, kind: e.target.value as CarrierKind })} data-testid="carrier-kind">
                {(Object.keys(KIND_WORDS) as CarrierKind[]).map((k) => <option key={k} value={k}>{KIND_WORDS[k]}</option>)}
              </select></label>
            <label className="field"><span className="field-label">Name</span>
              <input className="input" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="carrier-name" />
              {errors.name ? <span className="field-error">{errors.name}</span> : null}</label>
            {draft.kind !== 'local' ? (<>
              <label className="field"><span className="field-label">API key {draft.id ? '(leave empty to keep the stored one)' : ''}</span>
                <input className="input mono" type="password" autoComplete="off" value={draft.apiKey} onChange={(e) => setDraft({ ...draft, apiKey: e.target.value })} data-testid="carrier-key" />
                {errors.apiKey ? <span className="field-error">{errors.apiKey}</span> : null}</label>
              <label className="field"><span className="field-label">API address (empty: the vendor's own)</span>
                <input className="input mono" value={draft.baseUrl} placeholder="https://…" onChange={(e) => setDraft({ ...draft, baseUrl: e.target.value })} data-testid="carrier-url" />
                {errors.baseUrl ? <span className="field-error">{errors.baseUrl}</span> : null}</label>
              <label className="check"><input type="checkbox" checked={draft.refusesPoBox} onChange={(e) => setDraft({ ...draft, refusesPoBox: e.target.checked })} /> Does not deliver to PO boxes</label>
            </>) : (<>
              <label className="field"><span className="field-label">Price per parcel</span>
                <input className="input input-number" value={draft.localPrice} onChange={(e) => setDraft({ ...draft, localPrice: e.target.value })} /></label>
              <label className="field"><span className="field-label">Delivery days</span>
                <input className="input input-number" value={draft.localDays} onChange={(e) => setDraft({ ...draft, localDays: e.target.value })} /></label>
            </>)}
            <label className="field"><span className="field-label">Void window (days)</span>
              <input className="input input-number" value={draft.voidWindowDays} onChange={(e) => setDraft({ ...draft, voidWindowDays: e.target.value })} /></label>
          </div>
          <div className="action-row">
            <button type="submit" className="button button-primary" data-testid="carrier-save">Save carrier</button>
            <button type="button" className="button" onClick={() => setDraft(null)}>Never mind</button>
          </div>
        </form>
      ) : <div className="action-row"><button type="button" className="button" data-testid="carrier-add" onClick={() => { setErrors({}); setDraft({ ...NEW_CARRIER }); }}>Add a carrier account…</button></div>}
    </div>
  );
}

function RateRules({ rules, carriers, save }: { rules: ShippingRules; carriers: CarrierAccount[]; save: (r: ShippingRules, done: string) => Promise<void> }) {
  const [dest, setDest] = useState('');
  const ruleRow = (r: Omit<RateRule, 'destination'> & { destination?: string }, onChange: (next: Omit<RateRule, 'destination'>) => void) => (
    <span className="action-row">
      <select className="input" value={r.strategy} aria-label={`How to choose the carrier${r.destination ? ` for ${r.destination}` : ' for every destination'}`} onChange={(e) => onChange({ ...r, strategy: e.target.value as RateRule['strategy'] })} data-testid="rule-strategy">
        {Object.entries(STRATEGY_WORDS).map(([k, w]) => <option key={k} value={k}>{w}</option>)}
      </select>
      {r.strategy === 'cheapest_within' ? <input className="input input-number" value={r.maxDays} onChange={(e) => onChange({ ...r, maxDays: Math.max(1, Number(e.target.value) || 1) })} aria-label="Days" /> : null}
      {carriers.map((c) => (
        <label key={c.id} className="check"><input type="checkbox" checked={r.carrierIds.includes(c.id)}
          onChange={(e) => onChange({ ...r, carrierIds: e.target.checked ? [...r.carrierIds, c.id] : r.carrierIds.filter((id) => id !== c.id) })} /> {c.name}</label>
      ))}
    </span>
  );
  return (
    <div data-testid="rate-rules">
      <h3>Buying labels</h3>
      <label className="check"><input type="checkbox" checked={rules.buyLabels} data-testid="buy-labels"
        onChange={(e) => void save({ ...rules, buyLabels: e.target.checked }, e.target.checked ? 'Carrier labels are now bought when a parcel is packed.' : 'Packed parcels get an address label again; no carrier labels are bought.')} />
        Buy a carrier label when a parcel is packed</label>
      <label className="check"><input type="checkbox" checked={rules.printerPeel}
        onChange={(e) => void save({ ...rules, printerPeel: e.target.checked }, 'Saved: carrier labels are adjusted for the printer\'s peel setting.')} />
        The label printer peels labels off (carrier labels lose their tear-off command)</label>
      <p>Every destination: {ruleRow(rules.fallback, (f) => void save({ ...rules, fallback: f }, 'The shipping rule is saved.'))}</p>
      <p className="muted">No carrier ticked = every account with an API may quote. The own courier is used where a destination names it alone.</p>
      <ul>
        {rules.byDestination.map((r, i) => (
          <li key={`${r.destination}-${i}`} data-testid="destination-rule">{r.destination}: {ruleRow(r, (n) => void save({ ...rules, byDestination: rules.byDestination.map((x, j) => (j === i ? { ...n, destination: r.destination } : x)) }, 'The shipping rule is saved.'))}
            <button type="button" className="button button-quiet" onClick={() => void save({ ...rules, byDestination: rules.byDestination.filter((_, j) => j !== i) }, `The rule for ${r.destination} is removed.`)}>Remove</button></li>
        ))}
      </ul>
      <form className="action-row" onSubmit={(e) => { e.preventDefault(); const d = dest.trim(); if (d) void save({ ...rules, byDestination: [...rules.byDestination, { destination: /^[a-z]{2}$/i.test(d) ? d.toUpperCase() : d.toLowerCase(), strategy: 'cheapest', maxDays: 3, carrierIds: [] }] }, `A rule for ${d} is added.`).then(() => setDest('')); }}>
        <input className="input" value={dest} placeholder="DE, domestic or international" onChange={(e) => setDest(e.target.value)} data-testid="rule-destination" />
        <button type="submit" className="button">Add a destination rule</button>
      </form>
    </div>
  );
}

function Boxes({ presets, reload }: { presets: PackagePreset[]; reload: () => void }) {
  const [d, setD] = useState({ name: '', l: '', w: '', h: '', g: '', def: false });
  const submit = async () => {
    try {
      const p = await api.call('packages.save', { name: d.name, lengthMm: Number(d.l), widthMm: Number(d.w), heightMm: Number(d.h), emptyGrams: Number(d.g), isDefault: d.def });
      setD({ name: '', l: '', w: '', h: '', g: '', def: false }); reload(); info(`${p.name} is saved.`);
    } catch (e) { fail(e); }
  };
  return (
    <div data-testid="boxes">
      <h3>Boxes</h3>
      <ul>{presets.map((p) => (
        <li key={p.id} data-testid="box-row">{p.name}: {p.lengthMm}×{p.widthMm}×{p.heightMm} mm, empty {p.emptyGrams} g{p.isDefault ? ' (default)' : ''}{' '}
          <button type="button" className="button button-quiet" onClick={() => void api.call('packages.remove', { id: p.id }).then(reload, fail)}>Remove</button></li>
      ))}</ul>
      <form className="action-row" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <input className="input" placeholder="Name" value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} data-testid="box-name" />
        <input className="input input-number" placeholder="L mm" value={d.l} onChange={(e) => setD({ ...d, l: e.target.value })} />
        <input className="input input-number" placeholder="W mm" value={d.w} onChange={(e) => setD({ ...d, w: e.target.value })} />
        <input className="input input-number" placeholder="H mm" value={d.h} onChange={(e) => setD({ ...d, h: e.target.value })} />
        <input className="input input-number" placeholder="Empty g" value={d.g} onChange={(e) => setD({ ...d, g: e.target.value })} />
        <label className="check"><input type="checkbox" checked={d.def} onChange={(e) => setD({ ...d, def: e.target.checked })} /> Default</label>
        <button type="submit" className="button">Add box</button>
      </form>
    </div>
  );
}

function SkuCustoms({ presets }: { presets: PackagePreset[] }) {
  const [sku, setSku] = useState('');
  const [d, setD] = useState<{ hsCode: string; originCountry: string; defaultPackageId: number | null } | null>(null);
  const look = async () => {
    try { const r = await api.call('shipping.skuDefaults', { sku: sku.trim() }); setD({ hsCode: r.hsCode, originCountry: r.originCountry, defaultPackageId: r.defaultPackageId }); } catch (e) { setD(null); fail(e); }
  };
  const save = async () => {
    if (!d) return;
    try { await api.call('shipping.saveSkuDefaults', { sku: sku.trim(), ...d }); info(`Customs and box for ${sku.trim()} are saved.`); } catch (e) { fail(e); }
  };
  return (
    <div data-testid="sku-customs">
      <h3>Customs and box for a SKU</h3>
      <form className="action-row" onSubmit={(e) => { e.preventDefault(); void (d ? save() : look()); }}>
        <input className="input" placeholder="SKU" value={sku} onChange={(e) => { setSku(e.target.value); setD(null); }} />
        {d ? (<>
          <input className="input" placeholder="HS code" value={d.hsCode} onChange={(e) => setD({ ...d, hsCode: e.target.value })} aria-label="HS code" />
          <input className="input" placeholder="Origin (GB)" value={d.originCountry} maxLength={2} onChange={(e) => setD({ ...d, originCountry: e.target.value.toUpperCase() })} aria-label="Country of origin" />
          <select className="input" value={d.defaultPackageId ?? ''} onChange={(e) => setD({ ...d, defaultPackageId: e.target.value ? Number(e.target.value) : null })} aria-label="Default box">
            <option value="">No default box</option>
            {presets.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          <button type="submit" className="button button-primary">Save</button>
        </>) : <button type="submit" className="button">Look up</button>}
      </form>
    </div>
  );
}
