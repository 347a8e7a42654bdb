import { useId, useState } from 'react';
import type { ReturnView } from '../../../../shared/contract/returns';
import { minorUnitDigits, parseMoneyToMinor } from '../../../../shared/domain/money';
import { fieldErrors } from '../../lib/describe-error';
import { money } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { DialogButtons, PackDialog } from '../pack/pack-dialog';
import { useReturnsStore, type Unannounced } from './returns-store';

/** Refund the computed amount, or another one with a reason. */
export function RefundDialog({ view }: { view: ReturnView }) {
  const digits = minorUnitDigits(view.currency);
  const [amount, setAmount] = useState((view.preview.totalMinor / 10 ** digits).toFixed(digits));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const close = () => useReturnsStore.getState().showForm(null);
  const submit = async () => {
    const minor = parseMoneyToMinor(amount, view.currency);
    if (minor === null || minor < 0) { setErrors({ amountMinor: `Type an amount such as ${(view.preview.totalMinor / 10 ** digits).toFixed(digits)}` }); return; }
    setBusy(true);
    try {
      await useReturnsStore.getState().refund(minor === view.preview.totalMinor ? undefined : minor, reason);
    } catch (e) {
      setErrors(fieldErrors(e));
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <PackDialog title={`Refund return ${view.number} on ${view.channelName}`} testId="refund-dialog" onClose={close} onSubmit={() => void submit()}>
      <p>Computed by the shop's rules: <strong>{money(view.preview.totalMinor, view.currency)}</strong>. It goes to {view.channelName} once.</p>
      <label className="field" htmlFor={`${id}-amount`}>
        <span className="field-label">Amount to refund ({view.currency})</span>
        <input id={`${id}-amount`} className="input input-number" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} autoFocus
          aria-invalid={errors.amountMinor ? true : undefined} data-testid="refund-amount" />
        {errors.amountMinor ? <span className="field-error">{errors.amountMinor}</span> : null}
      </label>
      <label className="field" htmlFor={`${id}-reason`}>
        <span className="field-label">Why a different amount (only when you change it)</span>
        <input id={`${id}-reason`} className="input" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={errors.reason ? true : undefined} data-testid="refund-reason" />
        {errors.reason ? <span className="field-error">{errors.reason}</span> : null}
      </label>
      <DialogButtons busy={busy} submitLabel="Refund" onClose={close} />
    </PackDialog>
  );
}

/** No refund: the parcel never came, or nothing is owed. */
export function CloseReturnDialog({ view }: { view: ReturnView }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const close = () => useReturnsStore.getState().showForm(null);
  const submit = async () => {
    if (reason.trim().length < 3) { setError('Say why it is closed without a refund.'); return; }
    setBusy(true);
    try {
      await useReturnsStore.getState().close(reason.trim());
    } catch (e) {
      setError(fieldErrors(e).reason ?? null);
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <PackDialog title={`Close return ${view.number} without a refund`} testId="close-return-dialog" onClose={close} onSubmit={() => void submit()}>
      {view.label?.status === 'bought' && view.receivedAt === null ? <p>Its return label ({view.label.trackingNumber}) is voided at {view.label.carrierName}.</p> : null}
      <label className="field" htmlFor={id}>
        <span className="field-label">Why (kept on the order's timeline)</span>
        <input id={id} className="input" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus aria-invalid={error ? true : undefined} data-scan="route" data-testid="close-return-reason" />
        {error ? <span className="field-error">{error}</span> : null}
      </label>
      <DialogButtons busy={busy} submitLabel="Close the return" danger onClose={close} />
    </PackDialog>
  );
}

/** A parcel for an order with no return announced: receive it anyway (Enter), or not (Esc). */
export function UnannouncedDialog({ u }: { u: Unannounced }) {
  const [busy, setBusy] = useState(false);
  const close = () => useReturnsStore.getState().dismiss();
  return (
    <PackDialog title={`No RMA for order ${u.orderNumber}`} testId="unannounced-dialog" onClose={close}
      onSubmit={() => { setBusy(true); void useReturnsStore.getState().receiveUnannounced().finally(() => setBusy(false)); }}>
      <p>{u.message}</p>
      <p className="muted">It becomes a return of this order; scan what is in the parcel, as much as was sent.</p>
      <DialogButtons busy={busy} submitLabel="Receive the parcel" onClose={close} />
    </PackDialog>
  );
}
