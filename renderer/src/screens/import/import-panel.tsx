import { useState } from 'react';
import type { ImportSummary } from '../../../../shared/contract/csv';
import { CATALOG_FIELDS, guessMapping, ORDER_FIELDS } from '../../../../shared/domain/csv-fields';
import { api } from '../../api/client';
import { FormError } from '../../components/form-field';
import { describeError } from '../../lib/describe-error';
import { useAppStore } from '../../stores/app-store';
import { checkFile, decodeCsv, ENCODINGS, sniffCsv, type CallApi, type Decoded, type Sniffed } from './csv-reader';

type Loaded = { file: File; bytes: Uint8Array; decoded: Decoded; sniffed: Sniffed; mapping: Record<string, string> };

const SKIP = '';

/**
 * Load a file, say what each column is (guessed from its header, changeable), check every row against the
 * store (nothing is written), read the errors by row and column, then confirm: the good rows land in one go.
 */
export function ImportPanel({ kind }: { kind: 'orders' | 'catalog' }) {
  const fields = kind === 'orders' ? ORDER_FIELDS : CATALOG_FIELDS;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (file: File | undefined, encoding?: string) => {
    setSummary(null);
    setProblem(null);
    if (!file) return;
    try {
      const bytes = loaded?.file === file ? loaded.bytes : new Uint8Array(await file.arrayBuffer());
      const decoded = decodeCsv(bytes, encoding);
      const sniffed = sniffCsv(decoded.text);
      if (!sniffed.headers.length) throw new Error(`${file.name} is empty: there is no header row to read.`);
      setLoaded({ file, bytes, decoded, sniffed, mapping: guessMapping(sniffed.headers, fields) });
    } catch (e) {
      setLoaded(null);
      setProblem(e instanceof Error && !('code' in e) ? `${e.message} Nothing was imported.` : `${describeError(e).message} Nothing was imported.`);
    }
  };

  const check = async () => {
    if (!loaded) return;
    setBusy(true);
    setProblem(null);
    setProgress(0);
    try {
      setSummary(await checkFile(api as unknown as CallApi, { kind, fileName: loaded.file.name, text: loaded.decoded.text, sniffed: loaded.sniffed, mapping: loaded.mapping, onProgress: setProgress }));
    } catch (e) {
      const n = describeError(e);
      setProblem(`${n.message}${n.hint ? ` ${n.hint}` : ''}`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const confirm = async () => {
    if (!summary) return;
    setBusy(true);
    try {
      const r = await api.call('csv.importCommit', { importId: summary.importId });
      useAppStore.getState().showInfo(r.message);
      setSummary(null);
      setLoaded(null);
    } catch (e) {
      const n = describeError(e);
      setProblem(`${n.message}${n.hint ? ` ${n.hint}` : ''}`);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (summary) await api.call('csv.importCancel', { importId: summary.importId }).catch(() => undefined);
    setSummary(null);
  };

  const mapped = new Set(Object.values(loaded?.mapping ?? {}));
  const missing = fields.filter((f) => f.required && !mapped.has(f.key));
  return (
    <section className="panel import-panel" aria-labelledby="import-panel-title" data-testid="import-panel">
      <h2 id="import-panel-title">{kind === 'orders' ? 'Orders from a CSV file' : 'Catalog from a CSV file'}</h2>
      <p className="muted">{kind === 'orders' ? 'One row per order line; rows with the same order number are one order. Orders reserve stock when they land.' : 'One row per SKU; an existing SKU is updated, a new one added to the product of the same name.'}</p>
      <div className="form-grid">
        <label className="field">
          <span className="field-label">CSV file</span>
          <input type="file" accept=".csv,.txt,text/csv" className="input" onChange={(e) => void load(e.target.files?.[0])} data-testid="import-file" disabled={busy} />
        </label>
        {loaded ? (
          <label className="field">
            <span className="field-label">Encoding</span>
            <select className="input" value={loaded.decoded.encoding} onChange={(e) => void load(loaded.file, e.target.value)} data-testid="import-encoding" disabled={busy}>
              {ENCODINGS.some((x) => x.value === loaded.decoded.encoding) ? null : <option value={loaded.decoded.encoding}>{loaded.decoded.encoding}</option>}
              {ENCODINGS.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}
            </select>
          </label>
        ) : null}
      </div>
      {loaded?.decoded.notice ? <p className="notice-inline" role="status" data-testid="import-encoding-notice">{loaded.decoded.notice}</p> : null}
      {loaded?.sniffed.notice ? <p className="muted" data-testid="import-delimiter">{loaded.sniffed.notice}</p> : null}
      {loaded && !summary ? (
        <>
          <h3>What is in each column</h3>
          <div className="table-scroll mapping-scroll">
            <table className="table mapping" aria-label="Columns" data-testid="import-mapping">
              <thead><tr><th>Column in the file</th><th>Packbench reads it as</th><th>First rows</th></tr></thead>
              <tbody>
                {loaded.sniffed.headers.map((h, i) => (
                  <tr key={h} data-testid="mapping-row" data-header={h}>
                    <td><strong>{h}</strong></td>
                    <td>
                      <select className="input" aria-label={`Column ${h} is`} value={loaded.mapping[h] ?? SKIP} data-testid="mapping-select"
                        onChange={(e) => setLoaded({ ...loaded, mapping: { ...loaded.mapping, [h]: e.target.value } })}>
                        <option value={SKIP}>Do not import</option>
                        {fields.map((f) => <option key={f.key} value={f.key}>{f.label}{f.required ? ' (required)' : ''}</option>)}
                      </select>
                    </td>
                    <td className="preview-cells">{loaded.sniffed.preview.slice(0, 3).map((r) => r[i] ?? '').filter(Boolean).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {missing.length ? <p className="field-error" data-testid="import-missing">Choose a column for: {missing.map((f) => f.label).join(', ')}.</p> : null}
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void check()} disabled={busy || missing.length > 0} data-testid="import-check">
              {busy ? `Checking… ${progress?.toLocaleString() ?? ''} rows` : 'Check every row'}
            </button>
          </div>
        </>
      ) : null}
      <FormError text={problem} />
      {summary ? <Summary summary={summary} kind={kind} busy={busy} onConfirm={() => void confirm()} onCancel={() => void cancel()} /> : null}
    </section>
  );
}

function Summary({ summary, kind, busy, onConfirm, onCancel }: { summary: ImportSummary; kind: 'orders' | 'catalog'; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const what = kind === 'orders' ? `${summary.records.toLocaleString()} order(s)` : `${summary.records.toLocaleString()} SKU(s)`;
  return (
    <div className="import-summary" data-testid="import-summary">
      <h3 data-testid="import-summary-title">
        {summary.rows.toLocaleString()} row(s) read: {summary.goodRows.toLocaleString()} ready ({what}), {summary.badRows.toLocaleString()} with errors
        {summary.heldRows ? `, ${summary.heldRows.toLocaleString()} held back with their order` : ''}
        {summary.duplicates ? `, ${summary.duplicates.toLocaleString()} order(s) already here (skipped)` : ''}.
      </h3>
      <p>Nothing has been imported yet. {summary.badRows ? 'The rows with errors will not be imported: fix them in the file and import it again later (what is already here is skipped).' : ''}</p>
      {summary.errors.length ? (
        <div className="table-scroll errors-scroll">
          <table className="table" aria-label="Rows with errors" data-testid="import-errors">
            <thead><tr><th className="num">Row</th><th>Column</th><th>What to fix</th></tr></thead>
            <tbody>
              {summary.errors.map((e, i) => (
                <tr key={i} data-testid="import-error" data-row={e.row}><td className="num">{e.row}</td><td>{e.column || '—'}</td><td>{e.column ? `${e.column} ${e.message}` : `Row ${e.row} ${e.message}`}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {summary.moreErrors ? <p className="muted">…and {summary.moreErrors.toLocaleString()} more.</p> : null}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy || summary.records === 0} data-testid="import-confirm">
          {busy ? 'Importing…' : `Import ${what}`}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy} data-testid="import-cancel">Cancel</button>
      </div>
    </div>
  );
}
