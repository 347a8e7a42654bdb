import type { PrintJob } from '../../../../shared/contract/pack';
import { jobTitle, jobWords, needsAttention } from '../printing/job-words';
import { LabelPreview } from '../printing/label-preview';
import { SendToPrinter } from '../printing/send-to-printer';
import { usePackStore } from './pack-store';

/**
 * The label of the parcel closed last, in words: sent, or failed with the printer's reason and a way
 * out (retry, print a copy). It never stands in the way of the next order.
 */
export function LabelStatus({ job, compact = false }: { job: PrintJob; compact?: boolean }) {
  const preview = usePackStore((s) => s.preview);
  const failed = needsAttention(job);
  const pending = useLabelBusy();
  return (
    <section className={`label-status panel${failed ? ' is-failed' : ''}${compact ? ' is-compact' : ''}`} aria-labelledby="label-status-title" data-testid="label-status" data-status={job.status} data-job-id={job.id}>
      <h2 id="label-status-title" className="label-status-title">{jobTitle(job)}</h2>
      <p className="label-words" role={failed ? 'alert' : 'status'} data-testid="label-status-words">{jobWords(job)}</p>
      {job.notice ? <p className="label-notice" role="status" data-testid="label-notice">{job.notice}</p> : null}
      {/* the printer's words above already say what to check and when to press Retry */}
      {failed ? <p className="muted">You can go on packing the next order meanwhile.</p> : null}
      <div className="action-row">
        {/* only a failed label has something to retry: on a good one the button would shout for nothing */}
        {failed ? (
          <button type="button" className="button button-primary" disabled={pending} onClick={() => void usePackStore.getState().retryLabel()} data-testid="label-retry">
            Retry <kbd>Alt+R</kbd>
          </button>
        ) : null}
        <button type="button" className="button" disabled={job.status === 'queued' || job.status === 'sending' || pending} onClick={() => void usePackStore.getState().reprintLabel()} data-testid="label-reprint">
          Reprint <kbd>Alt+C</kbd>
        </button>
        {compact ? null : (
          <button type="button" className="button button-quiet" aria-pressed={preview} onClick={() => usePackStore.getState().togglePreview()} data-testid="label-preview-toggle">
            {preview ? 'Hide label preview' : 'Show label preview'} <kbd>Alt+V</kbd>
          </button>
        )}
      </div>
      {failed ? <SendToPrinter job={job} disabled={pending} onMoved={(moved) => { usePackStore.getState().labelMoved(moved); window.scrollTo({ top: 0 }); }} /> : null}
      {preview && !compact ? <LabelPreview jobId={job.id} title={jobTitle(job)} /> : null}
    </section>
  );
}

function useLabelBusy(): boolean {
  return usePackStore((s) => s.pending > 0);
}
