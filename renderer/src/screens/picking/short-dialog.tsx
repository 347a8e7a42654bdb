import { useState } from 'react';
import { SHORT_REASONS, SHORT_REASON_WORDS, type PickListView } from '../../../../shared/contract/picking';
import { api } from '../../api/client';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { describeError } from '../../lib/describe-error';

type Task = PickListView['tasks'][number];
type Done = { message: string; elsewhere: Array<{ where: string; quantity: number }>; view: PickListView };

/** The bin does not hold what the stop needs: why, in one tap, and where else the stock is. */
export function ShortDialog({ listId, task, onDone, onCancel }: { listId: number; task: Task; onDone(r: Done): void; onCancel(): void }) {
  const ref = useModalDialog();
  const [reason, setReason] = useState<(typeof SHORT_REASONS)[number] | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = task.quantity - task.picked;
  const submit = async () => {
    if (!reason) { setError('Choose why the stop is short.'); return; }
    setBusy(true);
    try {
      onDone(await api.call('picking.short', { listId, taskId: task.id, reason, note }));
    } catch (e) {
      setError(describeError(e).message);
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} className="dialog pick-short" aria-labelledby="pick-short-title" onCancel={(e) => { e.preventDefault(); onCancel(); }} data-testid="pick-short-dialog">
      <h2 id="pick-short-title">{missing} × {task.sku} short at {task.binCode}</h2>
      <p>{task.picked ? `${task.picked} were picked. ` : ''}The orders that miss these items become “short”; the rest of the list goes on.</p>
      <fieldset className="pick-reasons">
        <legend>Why?</legend>
        {SHORT_REASONS.map((r) => (
          <label key={r} className="pick-reason">
            <input type="radio" name="short-reason" value={r} checked={reason === r} onChange={() => { setReason(r); setError(null); }} />
            <span>{SHORT_REASON_WORDS[r][0]!.toUpperCase() + SHORT_REASON_WORDS[r].slice(1)}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field-label">Note (optional)</span>
        <input className="input" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>Back to picking</button>
        <button type="button" className="button button-danger" onClick={() => void submit()} disabled={busy} data-testid="pick-short-confirm">{busy ? 'Saving…' : 'Mark short'}</button>
      </div>
    </dialog>
  );
}
