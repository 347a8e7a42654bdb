import { useId, useState } from 'react';
import type { PackView } from '../../../../shared/contract/pack';
import { describeError, fieldErrors } from '../../lib/describe-error';
import { DialogButtons, PackDialog } from './pack-dialog';
import { packedEarlierWords, usePackStore } from './pack-store';
import { SupervisorPin } from './supervisor-pin';

type FieldProps = {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
  testId: string;
  autoFocus?: boolean;
  maxLength?: number;
  /** 'route': a reason is typed, never scanned: a scan that lands here is taken back out and refused in words */
  scan?: 'route';
};

export function TextField({ label, value, onChange, error, testId, autoFocus = false, maxLength = 500, scan }: FieldProps) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{label}</span>
      <input
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus={autoFocus}
        autoComplete="off"
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-scan={scan}
        data-testid={testId}
      />
      {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
    </label>
  );
}

/** Runs a form action; a refusal comes back as words on the fields it names, and once in general. */
function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setErrors({});
      setGeneral(null);
    } catch (e) {
      const fields = fieldErrors(e);
      setErrors(fields);
      const n = describeError(e);
      setGeneral(n.hint ? `${n.message} ${n.hint}` : n.message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, general, run, setErrors };
}

function General({ text }: { text: string | null }) {
  return text ? <p className="field-error dialog-general" role="alert">{text}</p> : null;
}

const close = () => usePackStore.getState().showForm(null);

export function SplitDialog({ view }: { view: PackView }) {
  const [reason, setReason] = useState('');
  const { busy, errors, general, run } = useSubmit();
  const counted = view.lines.reduce((n, l) => n + l.scanned, 0);
  return (
    <PackDialog title={`Close parcel ${view.parcelNo} with what is scanned`} testId="pack-split" onClose={close} onSubmit={() => void run(() => usePackStore.getState().split(reason))}>
      <p className="dialog-body">
        {counted === 1 ? '1 item goes' : `${counted} items go`} in this parcel and get a label now. The rest stays on the order for parcel {view.parcelNo + 1}: scan the order again to pack it.
      </p>
      <TextField label="Why split? (required)" value={reason} onChange={setReason} error={errors.reason} testId="pack-split-reason" autoFocus scan="route" />
      <General text={general} />
      <DialogButtons busy={busy} submitLabel="Close this parcel" onClose={close} />
    </PackDialog>
  );
}

export function AbandonDialog({ view }: { view: PackView }) {
  const [reason, setReason] = useState('');
  const { busy, errors, general, run } = useSubmit();
  return (
    <PackDialog title={`Put order ${view.orderNumber} back?`} testId="pack-abandon" onClose={close} onSubmit={() => void run(() => usePackStore.getState().abandon(reason))}>
      <p className="dialog-body" data-testid="pack-abandon-words">
        {view.parcelNo > 1
          ? `${packedEarlierWords(view).replace(/^p/, 'P')} stays packed. This parcel's scans are kept on record, nothing more is packed, and the rest of the order waits to be packed.`
          : 'The order goes back to the queue as open. The scans are kept on record; nothing is packed.'}
      </p>
      <TextField label="Why? (optional)" value={reason} onChange={setReason} error={errors.reason} testId="pack-abandon-reason" autoFocus scan="route" />
      <General text={general} />
      <DialogButtons busy={busy} submitLabel="Put it back" danger onClose={close} />
    </PackDialog>
  );
}

export function OverrideDialog({ view }: { view: PackView }) {
  const open = view.lines.filter((l) => !l.complete);
  const [lineId, setLineId] = useState<number>(open[0]?.lineId ?? 0);
  const [supervisor, setSupervisor] = useState('');
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const { busy, errors, general, run } = useSubmit();
  const lineFieldId = useId();
  return (
    <PackDialog
      title="Supervisor: mark a line done without scanning"
      testId="pack-override"
      onClose={close}
      onSubmit={() => void run(() => usePackStore.getState().override(lineId, supervisor, reason, pin))}
    >
      <p className="dialog-body">For an item that cannot be scanned (no barcode, damaged label). Your name and the reason are recorded on the order.</p>
      {open.length === 0 ? <p className="muted">Every line is already done.</p> : (
        <label className="field" htmlFor={lineFieldId}>
          <span className="field-label">Line</span>
          <select id={lineFieldId} className="input" value={lineId} onChange={(e) => setLineId(Number(e.target.value))} autoFocus data-testid="pack-override-line">
            {open.map((l) => <option key={l.lineId} value={l.lineId}>{l.sku} — {l.title} ({l.scanned} of {l.expected})</option>)}
          </select>
        </label>
      )}
      <TextField label="Supervisor name (type it, or scan the supervisor's badge)" value={supervisor} onChange={setSupervisor} error={errors.supervisor} testId="pack-override-supervisor" maxLength={100} />
      <SupervisorPin value={pin} onChange={setPin} error={errors.pin} />
      <TextField label="Reason (required)" value={reason} onChange={setReason} error={errors.reason} testId="pack-override-reason" scan="route" />
      <General text={general} />
      <DialogButtons busy={busy || open.length === 0} submitLabel="Mark done" onClose={close} />
    </PackDialog>
  );
}
