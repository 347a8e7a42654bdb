import { useCallback, useEffect, useId, useState } from 'react';
import type { MethodInput } from '../../../../shared/contract/api';
import type { Printer } from '../../../../shared/contract/pack';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { useAppStore } from '../../stores/app-store';

type Draft = { id?: number; name: string; host: string; port: string; dpi: 203 | 300; labelSize: '4x6' | '4x4'; isDefault: boolean };

// not the default until the packer says so: a printer that was never tried must not take the labels
const EMPTY: Draft = { name: '', host: '', port: '9100', dpi: 203, labelSize: '4x6', isDefault: false };

type StatusWords = { ready: boolean; message: string };

function where(p: Printer): string {
  return p.kind === 'tcp' ? `Network printer at ${p.host}:${p.port}` : `Files in ${p.folder || 'the data folder'} (no hardware)`;
}

/** Label printers: a network printer on raw TCP (port 9100) or the virtual one that writes files. */
export function PrintersSection() {
  const [printers, setPrinters] = useState<Printer[] | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Record<number, StatusWords | 'asking'>>({});
  const epoch = useAppStore((s) => s.dataEpoch);
  const ids = { name: useId(), host: useId(), port: useId(), dpi: useId(), size: useId(), def: useId() };

  const load = useCallback(() => {
    api.call('printers.list', {}).then(setPrinters, (e: unknown) => useAppStore.getState().showError(e));
  }, []);
  useEffect(load, [load, epoch]);

  const save = async (input: MethodInput<'printers.save'>, done: string) => {
    setBusy(true);
    try {
      const saved = await api.call('printers.save', input);
      setDraft(null);
      setErrors({});
      load();
      useAppStore.getState().showInfo(done.replace('{name}', saved.name));
    } catch (e) {
      setErrors(fieldErrors(e));
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (!draft) return;
    const port = Number(draft.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      setErrors({ port: 'A port is a whole number from 1 to 65535; label printers use 9100.' });
      return;
    }
    void save({
      ...(draft.id ? { id: draft.id } : {}),
      name: draft.name, kind: 'tcp', host: draft.host, port, dpi: draft.dpi, labelSize: draft.labelSize, isDefault: draft.isDefault,
    }, draft.isDefault ? '{name} is saved and is now the default printer.' : '{name} is saved.');
  };

  const makeDefault = (p: Printer) => void save({ ...p, isDefault: true }, '{name} is now the default printer: labels go there.');

  const checkStatus = async (p: Printer) => {
    setStatus((s) => ({ ...s, [p.id]: 'asking' }));
    try {
      const r = await api.call('printers.status', { printerId: p.id });
      // the message already names each problem in words
      setStatus((s) => ({ ...s, [p.id]: { ready: r.ready, message: r.message } }));
    } catch (e) {
      setStatus((s) => {
        const { [p.id]: _gone, ...rest } = s;
        return rest;
      });
      useAppStore.getState().showError(e);
    }
  };

  const testPrint = async (p: Printer) => {
    try {
      const job = await api.call('printers.testPrint', { printerId: p.id });
      useAppStore.getState().showInfo(job.status === 'failed' ? `The test print to ${p.name} failed: ${job.error}` : `A test label was sent to ${p.name}. Its progress is on the Printing screen (Alt+5).`);
    } catch (e) {
      useAppStore.getState().showError(e);
    }
  };

  const edit = (p: Printer) => {
    setErrors({});
    setDraft({ id: p.id, name: p.name, host: p.host, port: String(p.port), dpi: p.dpi, labelSize: p.labelSize, isDefault: p.isDefault });
  };

  return (
    <section className="panel" aria-labelledby="printers-title" data-testid="printers-section">
      <h2 id="printers-title">Label printers</h2>
      {printers === null ? <p className="muted">Reading the printers…</p> : (
        <ul className="printer-list">
          {printers.map((p) => {
            const st = status[p.id];
            return (
              <li key={p.id} className={`printer${p.isDefault ? ' is-default' : ''}`} data-testid="printer-row" data-printer-id={p.id} data-default={p.isDefault}>
                <div className="printer-head">
                  <strong className="printer-name">{p.name}</strong>
                  {p.isDefault ? <span className="status-badge printer-default" data-testid="printer-default">Default</span> : null}
                </div>
                <p className="muted">{where(p)} · {p.dpi} dpi · {p.labelSize.replace('x', ' × ')} in labels</p>
                {st ? (
                  <p className={`printer-status${st !== 'asking' && !st.ready ? ' is-problem' : ''}`} role="status" data-testid="printer-status">
                    {st === 'asking' ? 'Asking the printer…' : st.message}
                  </p>
                ) : null}
                <div className="action-row">
                  {p.isDefault ? null : <button type="button" className="button" disabled={busy} onClick={() => makeDefault(p)} data-testid="printer-make-default">Make default</button>}
                  <button type="button" className="button" onClick={() => void checkStatus(p)} data-testid="printer-check">Check status</button>
                  <button type="button" className="button" onClick={() => void testPrint(p)} data-testid="printer-test">Test print</button>
                  {p.kind === 'tcp' ? <button type="button" className="button button-quiet" onClick={() => edit(p)} data-testid="printer-edit">Edit…</button> : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {draft ? (
        <form
          className="printer-form"
          aria-label={draft.id ? 'Edit network printer' : 'Add a network printer'}
          data-testid="printer-form"
          onSubmit={(e) => { e.preventDefault(); submit(); }}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setDraft(null); } }}
        >
          <h3>{draft.id ? `Edit ${draft.name}` : 'Add a network printer'}</h3>
          <div className="form-grid">
            <label className="field" htmlFor={ids.name}>
              <span className="field-label">Name</span>
              <input id={ids.name} className="input" value={draft.name} autoFocus maxLength={100} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-invalid={errors.name ? true : undefined} data-testid="printer-name" />
              {errors.name ? <span className="field-error" data-testid="printer-name-error">{errors.name}</span> : null}
            </label>
            <label className="field" htmlFor={ids.host}>
              <span className="field-label">Address (IP or host name)</span>
              <input id={ids.host} className="input mono" value={draft.host} placeholder="192.168.1.50" maxLength={253} spellCheck={false} autoComplete="off" onChange={(e) => setDraft({ ...draft, host: e.target.value })} aria-invalid={errors.host ? true : undefined} data-testid="printer-host" />
              {errors.host ? <span className="field-error" data-testid="printer-host-error">{errors.host}</span> : null}
            </label>
            <label className="field" htmlFor={ids.port}>
              <span className="field-label">Port</span>
              <input id={ids.port} className="input input-number mono" inputMode="numeric" maxLength={5} value={draft.port} onChange={(e) => setDraft({ ...draft, port: e.target.value })} aria-invalid={errors.port ? true : undefined} data-testid="printer-port" />
              {errors.port ? <span className="field-error" data-testid="printer-port-error">{errors.port}</span> : null}
            </label>
            <label className="field" htmlFor={ids.dpi}>
              <span className="field-label">Resolution</span>
              <select id={ids.dpi} className="input" value={draft.dpi} onChange={(e) => setDraft({ ...draft, dpi: e.target.value === '300' ? 300 : 203 })} data-testid="printer-dpi">
                <option value={203}>203 dpi (8 dots/mm)</option>
                <option value={300}>300 dpi (12 dots/mm)</option>
              </select>
            </label>
            <label className="field" htmlFor={ids.size}>
              <span className="field-label">Label size</span>
              <select id={ids.size} className="input" value={draft.labelSize} onChange={(e) => setDraft({ ...draft, labelSize: e.target.value === '4x4' ? '4x4' : '4x6' })} data-testid="printer-size">
                <option value="4x6">4 × 6 in (shipping label)</option>
                <option value="4x4">4 × 4 in</option>
              </select>
            </label>
            <label className="check" htmlFor={ids.def}>
              <input id={ids.def} type="checkbox" checked={draft.isDefault} onChange={(e) => setDraft({ ...draft, isDefault: e.target.checked })} data-testid="printer-default-check" />
              Print labels here (default printer)
            </label>
          </div>
          <div className="action-row">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="printer-save">{busy ? 'Saving…' : 'Save printer'}</button>
            <button type="button" className="button" onClick={() => setDraft(null)} disabled={busy}>Never mind</button>
          </div>
        </form>
      ) : (
        <div className="action-row">
          <button type="button" className="button" onClick={() => { setErrors({}); setDraft({ ...EMPTY }); }} data-testid="printer-add">Add a network printer…</button>
        </div>
      )}
    </section>
  );
}
