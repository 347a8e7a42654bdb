import { useCallback, useEffect, useRef, useState } from 'react';
import type { PrintJob } from '../../../../shared/contract/pack';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { formatShortTime, formatTime } from '../../lib/format';
import { isTypingTarget } from '../../lib/keys';
import { useAppStore } from '../../stores/app-store';
import { jobTitle, jobWords, JOB_STATUS_WORDS, needsAttention } from './job-words';
import { LabelPreview } from './label-preview';
import { PendingLabels } from './pending-labels';
import { SendToPrinter } from './send-to-printer';
import './printing.css';

/** Every print job with its state in words: retry a failed one, print another copy, see what was sent. */
export function PrintingScreen() {
  const [jobs, setJobs] = useState<PrintJob[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const epoch = useAppStore((s) => s.dataEpoch);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const load = useCallback(() => {
    const mine = ++seq.current;
    api.call('print.jobs', { limit: 200 }).then(
      (list) => {
        if (mine !== seq.current) return;
        setJobs(list);
        setSelectedId((id) => (id !== null && list.some((j) => j.id === id) ? id : (list[0]?.id ?? null)));
      },
      (e: unknown) => { if (mine === seq.current) useAppStore.getState().showError(e); },
    );
  }, []);

  useEffect(() => {
    load();
    return () => { seq.current++; clearTimeout(timer.current); };
  }, [load, epoch]);
  // a burst of status changes (queued, sending, done) reloads once
  useApiEvent('print.jobChanged', () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(load, 100);
  });

  const selected = jobs?.find((j) => j.id === selectedId) ?? null;

  const act = async (what: 'print.retry' | 'print.reprint', job: PrintJob) => {
    setBusy(true);
    try {
      const next = await api.call(what, { jobId: job.id });
      setSelectedId(next.id);
      load();
      useAppStore.getState().showInfo(what === 'print.retry' ? `${jobTitle(job)} was sent again.` : `A copy of ${jobTitle(job).toLowerCase()} was sent.`);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  const latest = useRef({ jobs, selected, busy, act });
  latest.current = { jobs, selected, busy, act };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { jobs: list, selected: job, busy: working, act: run } = latest.current;
      if (e.defaultPrevented || !list || list.length === 0) return;
      if (e.altKey && !e.ctrlKey && job && !working) {
        if (e.code === 'KeyR' && needsAttention(job)) { e.preventDefault(); void run('print.retry', job); }
        else if (e.code === 'KeyC' && job.status !== 'queued') { e.preventDefault(); void run('print.reprint', job); }
        else if (e.code === 'KeyV') { e.preventDefault(); setPreview((p) => !p); }
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      const at = job ? list.indexOf(job) : -1;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = list[Math.min(list.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
        if (next) setSelectedId(next.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="printing" aria-labelledby="printing-title" data-testid="printing-screen">
      <div className="printing-list panel">
        <PendingLabels />
        <div className="toolbar">
          <h1 id="printing-title" className="toolbar-title">Print jobs</h1>
          <p className="result-count">{jobs ? `${jobs.length} job${jobs.length === 1 ? '' : 's'}` : 'Loading…'}</p>
        </div>
        {jobs && jobs.length === 0 ? (
          <p className="empty-state">Nothing printed yet. Labels appear here when an order is packed; a test print from Settings too.</p>
        ) : (
          <table className="table" aria-label="Print jobs">
            <thead>
              <tr><th>Job</th><th>Printer</th><th>Status</th><th>When</th><th className="num">Tries</th></tr>
            </thead>
            <tbody>
              {jobs?.map((j) => (
                <tr
                  key={j.id}
                  className={`job-row${needsAttention(j) ? ' is-failed' : ''}`}
                  aria-selected={j.id === selectedId}
                  tabIndex={j.id === selectedId ? 0 : -1}
                  onClick={() => setSelectedId(j.id)}
                  data-testid="print-job-row"
                  data-status={j.status}
                  data-job-id={j.id}
                >
                  <td>{jobTitle(j)}{j.reprintOf !== null ? <span className="job-reprint" data-testid="job-reprint-tag">Reprint</span> : null}</td>
                  <td>{j.printerName}</td>
                  <td>
                    <span className={`job-status job-status-${j.status}`}>{JOB_STATUS_WORDS[j.status]}</span>
                    {needsAttention(j) && j.error ? <div className="job-error">{j.error}</div> : null}
                  </td>
                  <td>{formatShortTime(j.updatedAt)}</td>
                  <td className="num">{j.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted"><kbd>↑</kbd> <kbd>↓</kbd> choose a job</p>
      </div>
      <aside className="job-detail panel" aria-labelledby="job-title" data-testid="print-job-detail">
        {selected ? (
          <>
            <h2 id="job-title">{jobTitle(selected)}</h2>
            <p className={`job-words${needsAttention(selected) ? ' is-failed' : ''}`} role={needsAttention(selected) ? 'alert' : 'status'} data-testid="print-job-words">
              {jobWords(selected)}
            </p>
            {selected.notice ? <p className="job-notice" data-testid="print-job-notice">{selected.notice}</p> : null}
            <dl className="facts">
              <div><dt>Printer</dt><dd>{selected.printerName}</dd></div>
              <div><dt>Tries</dt><dd>{selected.attempts}</dd></div>
              <div><dt>Created</dt><dd>{formatTime(selected.createdAt, true)}</dd></div>
              <div><dt>Last change</dt><dd>{formatTime(selected.updatedAt, true)}</dd></div>
            </dl>
            <div className="action-row job-actions">
              <button type="button" className={`button${needsAttention(selected) ? " button-primary" : ""}`} disabled={busy || !needsAttention(selected)} onClick={() => void act('print.retry', selected)} data-testid="print-job-retry">
                Retry <kbd>Alt+R</kbd>
              </button>
              <button type="button" className="button" disabled={busy || selected.status === 'queued'} onClick={() => void act('print.reprint', selected)} data-testid="print-job-reprint">
                Print a copy <kbd>Alt+C</kbd>
              </button>
              <button type="button" className="button button-quiet" aria-pressed={preview} onClick={() => setPreview((p) => !p)} data-testid="print-job-preview">
                {preview ? 'Hide preview' : 'Show preview'} <kbd>Alt+V</kbd>
              </button>
            </div>
            {needsAttention(selected) || selected.status === 'queued' ? <SendToPrinter job={selected} disabled={busy} onMoved={() => load()} /> : null}
            {preview ? <LabelPreview jobId={selected.id} title={jobTitle(selected)} /> : null}
          </>
        ) : <p className="muted">Choose a job to see what was sent.</p>}
      </aside>
    </section>
  );
}
