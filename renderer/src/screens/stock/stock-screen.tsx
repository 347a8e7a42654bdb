import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ReconciliationReportSchema, ReconciliationSchema, StockOverviewSchema, StockRulesSchema } from '../../../../shared/contract/stock-sync-api';
import { STOCK_RULE_KINDS, type StockRuleKind } from '../../../../shared/domain/stock-allocation';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { formatTime, plural } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import './stock.css';

type Overview = z.infer<typeof StockOverviewSchema>;
type Rules = z.infer<typeof StockRulesSchema>;
type Report = z.infer<typeof ReconciliationReportSchema>;
type ReportRow = z.infer<typeof ReconciliationSchema>;

const KIND_WORDS: Record<StockRuleKind, string> = {
  share: 'Its share of all available', cap: 'At most (units)', reserve: 'Keep back (units)', percent: 'Percent of available', budget: 'Offline budget (units)',
};

const fail = (e: unknown) => useAppStore.getState().showError(e);
const info = (words: string) => useAppStore.getState().showInfo(words);

/** UTC "HH:MM" <-> the bench's local "HH:MM" (people set the time of day they live in). */
function utcToLocal(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const d = new Date(Date.UTC(2000, 0, 1, h, m));
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
function localToUtc(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const d = new Date(2000, 0, 1, h, m);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function RuleForm({ overview, onSaved }: { overview: Overview; onSaved(r: Rules): void }) {
  const [channelId, setChannelId] = useState(0);
  const [sku, setSku] = useState('');
  const [kind, setKind] = useState<StockRuleKind>('cap');
  const [value, setValue] = useState('5');
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      onSaved(await api.call('stockSync.setRule', { channelId, sku: sku.trim(), kind, value: Number(value) || 0 }));
      info('Rule saved: the shops get their new numbers within seconds.');
    } catch (err) { fail(err); }
  };
  return (
    <form className="stock-form" onSubmit={(e) => void save(e)} data-testid="stock-rule-form">
      <label>Channel
        <select value={channelId} onChange={(e) => setChannelId(Number(e.target.value))}>
          <option value={0}>Every channel</option>
          {overview.channels.map((c) => <option key={c.channelId} value={c.channelId}>{c.name}</option>)}
        </select>
      </label>
      <label>SKU (empty: whole catalog)<input value={sku} onChange={(e) => setSku(e.target.value)} maxLength={100} /></label>
      <label>Rule
        <select value={kind} onChange={(e) => setKind(e.target.value as StockRuleKind)}>
          {STOCK_RULE_KINDS.map((k) => <option key={k} value={k}>{KIND_WORDS[k]}</option>)}
        </select>
      </label>
      {kind !== 'share' ? <label>{kind === 'percent' ? 'Percent' : 'Units'}<input type="number" min={0} max={kind === 'percent' ? 100 : 1_000_000} value={value} onChange={(e) => setValue(e.target.value)} /></label> : null}
      <button type="submit" className="button button-primary">Save rule</button>
    </form>
  );
}

function SafetyForm({ onSaved }: { onSaved(r: Rules): void }) {
  const [sku, setSku] = useState('');
  const [quantity, setQuantity] = useState('2');
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      onSaved(await api.call('stockSync.setSafety', { sku: sku.trim(), quantity: Number(quantity) || 0 }));
      info(`${sku.trim()}: ${quantity} kept back from every shop.`);
    } catch (err) { fail(err); }
  };
  return (
    <form className="stock-form" onSubmit={(e) => void save(e)} data-testid="stock-safety-form">
      <label>SKU<input value={sku} onChange={(e) => setSku(e.target.value)} maxLength={100} required /></label>
      <label>Keep back from every shop<input type="number" min={0} value={quantity} onChange={(e) => setQuantity(e.target.value)} /></label>
      <button type="submit" className="button">Save safety stock</button>
    </form>
  );
}

function ReportView({ report, onChange }: { report: Report; onChange(r: Report): void }) {
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState('');
  const open = report.lines.filter((l) => !l.fix && l.theirs !== null);
  const fix = async (action: 'push_ours' | 'accept_theirs') => {
    const ids = chosen.size ? [...chosen] : open.map((l) => l.id);
    if (!ids.length) return;
    try {
      const r = await api.call('stockSync.fix', { lineIds: ids, action, reason });
      onChange(r);
      setChosen(new Set());
      info(r.words);
    } catch (e) { fail(e); }
  };
  const exportCsv = async () => {
    try { const f = await api.call('stockSync.exportReport', { id: report.report.id }); download(f.filename, f.csv); } catch (e) { fail(e); }
  };
  return (
    <div className="stock-report" data-testid="stock-report">
      <p className="stock-summary">{formatTime(report.report.startedAt)}: {report.report.summary}</p>
      {report.lines.length ? (
        <table className="table">
          <thead><tr><th /><th>SKU</th><th>Channel</th><th>Told</th><th>Shows</th><th>Drift</th><th>Available</th><th>What was done</th></tr></thead>
          <tbody>
            {report.lines.map((l) => (
              <tr key={l.id} data-testid="stock-drift">
                <td>{!l.fix && l.theirs !== null ? <input type="checkbox" aria-label={`Choose ${l.sku} on ${l.channelName}`} checked={chosen.has(l.id)} onChange={(e) => { const n = new Set(chosen); if (e.target.checked) n.add(l.id); else n.delete(l.id); setChosen(n); }} /> : null}</td>
                <td>{l.sku}</td><td>{l.channelName}</td><td>{l.ours}</td><td>{l.theirs ?? 'could not read'}</td>
                <td className={l.theirs !== null && l.theirs > l.ours ? 'short-stock' : ''}>{l.theirs === null ? '—' : (l.theirs - l.ours > 0 ? `+${l.theirs - l.ours}` : l.theirs - l.ours)}</td>
                <td>{l.available}</td><td>{l.fixWords || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="muted">Every shop shows what it was told.</p>}
      <div className="action-row">
        <button type="button" className="button button-primary" disabled={!open.length} onClick={() => void fix('push_ours')} data-testid="stock-push-ours">
          Push ours {chosen.size ? `(${chosen.size} chosen)` : `(all ${open.length})`}
        </button>
        <label className="stock-reason">Why the shop's number is right<input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="e.g. counted the shelf" /></label>
        <button type="button" className="button" disabled={!open.length || !reason.trim()} onClick={() => void fix('accept_theirs')} data-testid="stock-accept-theirs">Accept theirs</button>
        <button type="button" className="button" onClick={() => void exportCsv()} data-testid="stock-export">Export CSV</button>
      </div>
    </div>
  );
}

/** Stock sync (#7): what each shop may sell, the rules behind it, reconciliation and its history, and why each number was sent. */
export function StockScreen() {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [rules, setRules] = useState<Rules | null>(null);
  const [reports, setReports] = useState<ReportRow[]>([]);
  const [report, setReport] = useState<Report | null>(null);
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [dailyAt, setDailyAt] = useState('');
  const [historySku, setHistorySku] = useState('');
  const [history, setHistory] = useState<Array<{ id: number; channelName: string; quantity: number; previous: number | null; cause: string; createdAt: string }> | null>(null);
  const dataEpoch = useAppStore((s) => s.dataEpoch);

  const load = useCallback(async () => {
    try {
      const [o, r, h] = await Promise.all([api.call('stockSync.overview', { q, offset: 0, limit: 100 }), api.call('stockSync.rules', {}), api.call('stockSync.reports', {})]);
      setOverview(o); setRules(r); setReports(h);
      setDailyAt((cur) => cur || (o.dailyAt ? utcToLocal(o.dailyAt) : ''));
    } catch (e) { fail(e); }
  }, [q]);
  useEffect(() => { void load(); }, [load, dataEpoch]);
  useApiEvent('sync.changed', () => { void load(); });

  const reconcile = async () => {
    setBusy(true);
    try { const r = await api.call('stockSync.reconcile', {}); setReport(r); info(r.report.summary); void load(); } catch (e) { fail(e); } finally { setBusy(false); }
  };
  const saveSchedule = async () => {
    try {
      const r = await api.call('stockSync.setSchedule', { dailyAt: dailyAt ? localToUtc(dailyAt) : null });
      info(r.dailyAt ? `Counts are reconciled every day at ${dailyAt}; each report is kept in the history below.` : 'The daily reconciliation is off.');
    } catch (e) { fail(e); }
  };
  const showHistory = async (e: React.FormEvent) => {
    e.preventDefault();
    try { setHistory((await api.call('stockSync.history', { sku: historySku.trim() })).rows); } catch (err) { fail(err); }
  };

  return (
    <section className="stock-screen" aria-labelledby="stock-title">
      <h1 id="stock-title">Stock sync</h1>
      {overview === null ? <p className="muted">Reading stock counts…</p> : overview.channels.length === 0 ? (
        <p className="muted" data-testid="stock-empty">No shop takes stock counts yet. Turn on "send stock counts" for a shop in Settings → Channels.</p>
      ) : (
        <ul className="stock-budgets" data-testid="stock-budgets">
          {overview.channels.map((c) => (
            <li key={c.channelId} className={c.offline ? 'stock-budget stock-budget-offline' : 'stock-budget'} data-testid="stock-budget">
              <strong>{c.name}</strong> {c.offline ? 'cannot be reached: it may still sell' : 'may sell'} {plural(c.budgetUnits, 'unit', 'units')}
              {c.skusAtZero ? `; ${plural(c.skusAtZero, 'SKU shows', 'SKUs show')} 0` : ''}{c.waiting ? `; ${plural(c.waiting, 'count', 'counts')} waiting to go out` : ''}.
            </li>
          ))}
        </ul>
      )}

      <h2>Reconciliation</h2>
      <div className="action-row">
        <button type="button" className="button button-primary" disabled={busy || !overview?.channels.length} onClick={() => void reconcile()} data-testid="stock-reconcile">
          {busy ? 'Reading every shop…' : 'Compare every shop now'}
        </button>
        <label className="stock-reason">Every day at<input type="time" value={dailyAt} onChange={(e) => setDailyAt(e.target.value)} data-testid="stock-daily-at" /></label>
        <button type="button" className="button" onClick={() => void saveSchedule()}>Save schedule</button>
      </div>
      {report ? <ReportView report={report} onChange={(r) => { setReport(r); void load(); }} /> : null}
      {reports.length ? (
        <details className="stock-history" data-testid="stock-reports">
          <summary>Past reports ({reports.length})</summary>
          <ul>
            {reports.map((r) => (
              <li key={r.id}>
                <button type="button" className="button" onClick={() => void api.call('stockSync.report', { id: r.id }).then(setReport, fail)}>
                  {formatTime(r.startedAt)} ({r.trigger === 'schedule' ? 'daily' : r.trigger === 'reconnect' ? 'after a shop came back' : 'by hand'}): {r.summary} {r.fixed ? `${r.fixed} fixed.` : ''}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <h2>What each shop may list</h2>
      {rules ? (
        <ul className="stock-rules" data-testid="stock-rules">
          {rules.rules.length === 0 ? <li className="muted">No rules: the shops share what is available between them, so together they never offer more than there is.</li> : null}
          {rules.rules.map((r) => (
            <li key={r.id}>{r.words} <button type="button" className="button" onClick={() => void api.call('stockSync.removeRule', { id: r.id }).then(setRules, fail)}>Remove</button></li>
          ))}
          {rules.safety.map((s) => <li key={s.sku}>{s.sku}: {s.quantity} kept back from every shop (safety stock).</li>)}
        </ul>
      ) : null}
      {overview ? <RuleForm overview={overview} onSaved={(r) => { setRules(r); void load(); }} /> : null}
      <SafetyForm onSaved={(r) => { setRules(r); void load(); }} />

      <h2>Counts per SKU</h2>
      <label className="stock-reason">Find a SKU<input value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} /></label>
      {overview && overview.channels.length ? (
        <>
        <p className="muted">Each shop's column: what it was told, and "→ n" when a new count is on its way to it.</p>
        <table className="table" data-testid="stock-counts">
          <thead><tr><th>SKU</th><th>Available</th>{overview.channels.map((c) => <th key={c.channelId}>{c.name}</th>)}</tr></thead>
          <tbody>
            {overview.rows.map((r) => (
              <tr key={r.sku}>
                <td>{r.sku}</td><td>{r.available}{r.safety ? ` (+${r.safety} kept back)` : ''}</td>
                {r.channels.map((c) => (
                  <td key={c.channelId} data-listed={c.listed}>
                    {!c.listed ? <span className="muted" title="This shop does not list the SKU, or does not count its stock: its share goes to the other shops.">not on this shop</span>
                      : <>{c.published ?? '—'}{c.pending || c.published !== c.shouldBe ? ` → ${c.shouldBe}` : ''}</>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </>
      ) : null}

      <h2>Why a shop shows what it shows</h2>
      <form className="stock-form" onSubmit={(e) => void showHistory(e)}>
        <label>SKU<input value={historySku} onChange={(e) => setHistorySku(e.target.value)} maxLength={100} required data-testid="stock-history-sku" /></label>
        <button type="submit" className="button">Show history</button>
      </form>
      {history ? (history.length ? (
        <table className="table" data-testid="stock-history">
          <thead><tr><th>When</th><th>Shop</th><th>Number sent</th><th>Because</th></tr></thead>
          <tbody>{history.map((h) => <tr key={h.id}><td>{formatTime(h.createdAt)}</td><td>{h.channelName}</td><td>{h.previous === null ? h.quantity : `${h.previous} → ${h.quantity}`}</td><td>{h.cause}</td></tr>)}</tbody>
        </table>
      ) : <p className="muted">No number was sent to a shop for {historySku} yet.</p>) : null}
    </section>
  );
}
