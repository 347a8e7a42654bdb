import { useEffect, useId, useState } from 'react';
import type { WeightExpectation } from '../../../../shared/contract/devices';
import type { PackView } from '../../../../shared/contract/pack';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { useAppStore } from '../../stores/app-store';
import { ScaleCard } from '../devices/scale-card';
import { useScaleReading } from '../devices/use-devices';
import { usePackStore } from './pack-store';
import '../devices/devices.css';

/** Refusals of the weight check start with these words (core: services/weight-check). */
const WEIGHT_REFUSAL = /^Weight check:/;

function AcceptWeight({ sessionId, onDone }: { sessionId: number; onDone(): void }) {
  const [supervisor, setSupervisor] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ids = { who: useId(), why: useId() };
  const accept = async () => {
    try {
      const r = await api.call('weight.accept', { sessionId, supervisor, reason });
      usePackStore.getState().dismiss();
      useAppStore.getState().showInfo(r.message);
      onDone();
      setErrors({});
    } catch (e) {
      setErrors(fieldErrors(e));
      useAppStore.getState().showError(e);
    }
  };
  return (
    <form className="weight-accept" onSubmit={(e) => { e.preventDefault(); void accept(); }} aria-label="Accept this weight" data-testid="weight-accept">
      <p className="field-label">A supervisor may accept this weight for this parcel:</p>
      <label className="field" htmlFor={ids.who}>
        <span className="field-label">Supervisor</span>
        <input id={ids.who} className="input" value={supervisor} onChange={(e) => setSupervisor(e.target.value)} aria-invalid={errors.supervisor ? true : undefined} data-testid="weight-accept-supervisor" />
        {errors.supervisor ? <span className="field-error">{errors.supervisor}</span> : null}
      </label>
      <label className="field" htmlFor={ids.why}>
        <span className="field-label">Why the weight is right</span>
        <input id={ids.why} className="input" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={errors.reason ? true : undefined} data-testid="weight-accept-reason" />
        {errors.reason ? <span className="field-error">{errors.reason}</span> : null}
      </label>
      <button type="submit" className="button" data-testid="weight-accept-submit">Accept the weight</button>
    </form>
  );
}

/** The live weight beside the order, what the parcel should weigh, and the supervisor's way past a refusal. */
export function WeightPanel({ view }: { view: PackView }) {
  const reading = useScaleReading();
  const blocked = usePackStore((s) => s.blocked);
  const [expectation, setExpectation] = useState<WeightExpectation | null>(null);
  // the refusal stays offered after the red screen is dismissed, until this parcel changes
  const [refused, setRefused] = useState(false);
  const counted = view.lines.reduce((n, l) => n + l.scanned, 0);

  useEffect(() => {
    if (blocked?.outcome === 'error' && WEIGHT_REFUSAL.test(blocked.message)) setRefused(true);
  }, [blocked]);
  useEffect(() => setRefused(false), [view.sessionId, counted]);

  const hasScale = reading !== null && reading.state !== 'none';
  useEffect(() => {
    // only with a scale, and a moment after the last scan: a scan burst must not queue requests behind it
    if (!hasScale) return;
    let live = true;
    const t = setTimeout(() => {
      api.call('weight.expected', { sessionId: view.sessionId }).then((e) => { if (live) setExpectation(e); }, () => undefined);
    }, 250);
    return () => { live = false; clearTimeout(t); };
  }, [view.sessionId, counted, hasScale]);

  if (!reading || reading.state === 'none') return null;
  return (
    <section className="weight-panel panel" aria-label="Parcel weight" data-testid="weight-panel">
      <ScaleCard reading={reading} compact />
      {expectation ? <p className="weight-expected" data-testid="weight-expected">{expectation.words}</p> : null}
      {refused ? <AcceptWeight sessionId={view.sessionId} onDone={() => setRefused(false)} /> : null}
    </section>
  );
}
