import { useId, useState } from 'react';
import type { StockRow } from '../../../../shared/contract/inventory';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { signed } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { readCount } from './count-input';

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

  const reading = readCount(counted);
  const submit = async () => {
    if (!reading.ok) {
      setErrors({ countedOnHand: reading.message });
      return;
    }
    const n = reading.value;
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
        {/* text, not type=number: a number field silently turns "-5" into 5 and "2e1" into 20 */}
        <input
          id={`${id}-count`}
          className="input input-number"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          value={counted}
          onChange={(e) => setCounted(e.target.value)}
          onFocus={(e) => e.currentTarget.select()}
          aria-invalid={countError ? true : undefined}
          aria-describedby={`${id}-count-effect${countError ? ` ${id}-count-error` : ''}`}
          data-testid="adjust-counted"
        />
        <span id={`${id}-count-effect`} className="muted count-effect" data-testid="adjust-effect">
          {reading.ok ? (reading.value === row.onHand ? 'Same as recorded: nothing changes.' : `Records ${signed(reading.value - row.onHand)} (${row.onHand} → ${reading.value}).`) : '\u00a0'}
        </span>
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
          maxLength={500}
        />
        {reasonError ? <span id={`${id}-reason-error`} className="field-error" data-testid="adjust-reason-error">{reasonError}</span> : null}
      </label>
      <button type="submit" className="button button-primary" disabled={busy} data-testid="adjust-submit">
        {busy ? 'Recording…' : 'Record count'}
      </button>
    </form>
  );
}
