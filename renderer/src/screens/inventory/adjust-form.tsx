import { useId, useState } from 'react';
import type { StockRow } from '../../../../shared/contract/inventory';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { signed } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';

/**
 * A shelf count: the packer types what is there and why; the core records the difference as an
 * 'adjust' movement. The reason rule (at least 3 characters) is the core's, so its words are shown.
 */
export function AdjustForm({ row, onAdjusted }: { row: StockRow; onAdjusted(row: StockRow): void }) {
  const [counted, setCounted] = useState(String(row.onHand));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async () => {
    const n = Number(counted);
    if (counted.trim() === '' || !Number.isInteger(n) || n < 0) {
      setErrors({ countedOnHand: 'Type the number of units on the shelf, as a whole number (0 or more).' });
      return;
    }
    setBusy(true);
    try {
      const updated = await api.call('inventory.adjust', { variantId: row.variantId, locationId: row.locationId, countedOnHand: n, reason });
      setErrors({});
      setReason('');
      setCounted(String(updated.onHand));
      onAdjusted(updated);
      useAppStore.getState().showInfo(`Count recorded: ${updated.sku} at ${updated.locationName} now has ${updated.onHand} on hand (${signed(updated.onHand - row.onHand)}).`);
    } catch (e) {
      setErrors(fieldErrors(e));
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  const countError = errors.countedOnHand;
  const reasonError = errors.reason;
  return (
    <form className="adjust-form" aria-labelledby={`${id}-title`} data-testid="adjust-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3 id={`${id}-title`}>Adjust count</h3>
      <label className="field" htmlFor={`${id}-count`}>
        <span className="field-label">Counted on the shelf</span>
        <input
          id={`${id}-count`}
          className="input input-number"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={counted}
          onChange={(e) => setCounted(e.target.value)}
          aria-invalid={countError ? true : undefined}
          aria-describedby={countError ? `${id}-count-error` : undefined}
          data-testid="adjust-counted"
        />
        {countError ? <span id={`${id}-count-error`} className="field-error" data-testid="adjust-counted-error">{countError}</span> : null}
      </label>
      <label className="field field-grow" htmlFor={`${id}-reason`}>
        <span className="field-label">Reason (required)</span>
        <input
          id={`${id}-reason`}
          className="input"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. recount after a damaged box"
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
          data-testid="adjust-reason"
          autoComplete="off"
        />
        {reasonError ? <span id={`${id}-reason-error`} className="field-error" data-testid="adjust-reason-error">{reasonError}</span> : null}
      </label>
      <button type="submit" className="button button-primary" disabled={busy} data-testid="adjust-submit">
        {busy ? 'Recording…' : 'Record count'}
      </button>
    </form>
  );
}
