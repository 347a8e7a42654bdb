import { useEffect, useId, useState } from 'react';
import type { ReturnReason, ReturnRules } from '../../../../shared/contract/returns';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { useAppStore } from '../../stores/app-store';

type Numbers = { windowDays: string; restockingFeePercent: string; trackEveryMinutes: string };

const DISPOSITION_WORDS: Record<string, string> = {
  restock: 'back on the shelf', quarantine: 'quarantine (not for sale)', scrap: 'written off (scrap)', vendor: 'set aside for the supplier',
};
const GRADE_CHOICES = {
  new: ['restock', 'quarantine'], damaged: ['quarantine', 'scrap', 'vendor'], faulty: ['quarantine', 'scrap', 'vendor'], unsellable: ['quarantine', 'scrap', 'vendor'],
} as const;
const GRADE_LABELS: Record<keyof typeof GRADE_CHOICES, string> = { new: 'As new', damaged: 'Damaged', faulty: 'Faulty', unsellable: 'Unsellable' };

/** A reason's code from its name: what is stored on the return line ("Wrong colour" → wrong_colour). */
const codeOf = (label: string) => label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40) || 'reason';

/** The shop's return rules: window, restocking fee, who pays the way back, the reasons and where graded items go. */
export function ReturnsSection() {
  const [rules, setRules] = useState<ReturnRules | null>(null);
  const [numbers, setNumbers] = useState<Numbers>({ windowDays: '', restockingFeePercent: '', trackEveryMinutes: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [newReason, setNewReason] = useState('');
  const epoch = useAppStore((s) => s.dataEpoch);
  const ids = { window: useId(), fee: useId(), paid: useId(), track: useId(), add: useId() };

  useEffect(() => {
    api.call('returns.rules', {}).then((r) => {
      setRules(r);
      setNumbers({ windowDays: String(r.windowDays), restockingFeePercent: String(r.restockingFeePercent), trackEveryMinutes: String(r.trackEveryMinutes) });
    }, (e: unknown) => useAppStore.getState().showError(e));
  }, [epoch]);
  if (!rules) return null;

  const setReason = (i: number, patch: Partial<ReturnReason>) => setRules({ ...rules, reasons: rules.reasons.map((r, k) => (k === i ? { ...r, ...patch } : r)) });
  const save = async () => {
    const n = { windowDays: Number(numbers.windowDays), restockingFeePercent: Number(numbers.restockingFeePercent), trackEveryMinutes: Number(numbers.trackEveryMinutes) };
    const local: Record<string, string> = {};
    if (!Number.isInteger(n.windowDays) || n.windowDays < 0) local.windowDays = 'A whole number of days; 0 means no limit.';
    if (!Number.isInteger(n.restockingFeePercent) || n.restockingFeePercent < 0 || n.restockingFeePercent > 100) local.restockingFeePercent = 'A whole percent from 0 to 100.';
    if (!Number.isInteger(n.trackEveryMinutes) || n.trackEveryMinutes < 5) local.trackEveryMinutes = 'A whole number of minutes, 5 or more.';
    if (Object.keys(local).length) { setErrors(local); return; }
    setBusy(true);
    try {
      const saved = await api.call('returns.saveRules', { ...rules, ...n });
      setRules(saved);
      setErrors({});
      useAppStore.getState().showInfo('Return rules saved: they apply to returns announced from now on, and to refunds not yet given.');
    } catch (e) {
      setErrors(fieldErrors(e));
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };
  const err = (k: string) => (errors[k] ? <span className="field-error">{errors[k]}</span> : null);

  return (
    <section className="panel" aria-labelledby="returns-rules-title" data-testid="returns-section">
      <h2 id="returns-rules-title">Returns</h2>
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label="Return rules">
        <label className="field" htmlFor={ids.window}>
          <span className="field-label">Return window (days after shipping; 0 = no limit)</span>
          <input id={ids.window} className="input input-number" inputMode="numeric" value={numbers.windowDays} onChange={(e) => setNumbers({ ...numbers, windowDays: e.target.value })} aria-invalid={errors.windowDays ? true : undefined} data-testid="returns-window" />
          {err('windowDays')}
        </label>
        <label className="field" htmlFor={ids.fee}>
          <span className="field-label">Restocking fee (% kept for reasons that charge it)</span>
          <input id={ids.fee} className="input input-number" inputMode="numeric" value={numbers.restockingFeePercent} onChange={(e) => setNumbers({ ...numbers, restockingFeePercent: e.target.value })} aria-invalid={errors.restockingFeePercent ? true : undefined} data-testid="returns-fee" />
          {err('restockingFeePercent')}
        </label>
        <label className="field" htmlFor={ids.paid}>
          <span className="field-label">A return label we buy is paid by</span>
          <select id={ids.paid} className="input" value={rules.returnShippingPaidBy} onChange={(e) => setRules({ ...rules, returnShippingPaidBy: e.target.value as ReturnRules['returnShippingPaidBy'] })} data-testid="returns-paid-by">
            <option value="shop">the shop</option>
            <option value="customer">the customer (taken off the refund, unless the reason refunds shipping)</option>
          </select>
        </label>
        {(Object.keys(GRADE_CHOICES) as Array<keyof typeof GRADE_CHOICES>).map((g) => (
          <label key={g} className="field">
            <span className="field-label">Graded “{GRADE_LABELS[g]}” goes</span>
            <select className="input" value={rules.dispositions[g]} onChange={(e) => setRules({ ...rules, dispositions: { ...rules.dispositions, [g]: e.target.value } })} data-testid={`returns-disposition-${g}`}>
              {GRADE_CHOICES[g].map((d) => <option key={d} value={d}>{DISPOSITION_WORDS[d]}</option>)}
            </select>
          </label>
        ))}
        <label className="field">
          <span><input type="checkbox" checked={rules.notifyCustomer} onChange={(e) => setRules({ ...rules, notifyCustomer: e.target.checked })} /> The shop emails the customer about the refund</span>
        </label>
        <label className="field">
          <span><input type="checkbox" checked={rules.channelRestock} onChange={(e) => setRules({ ...rules, channelRestock: e.target.checked })} /> The shop puts restocked items back in its own stock count (leave off when Packbench sends stock counts)</span>
        </label>
        <label className="field" htmlFor={ids.track}>
          <span className="field-label">Look up parcels on their way back every (minutes)</span>
          <input id={ids.track} className="input input-number" inputMode="numeric" value={numbers.trackEveryMinutes} onChange={(e) => setNumbers({ ...numbers, trackEveryMinutes: e.target.value })} aria-invalid={errors.trackEveryMinutes ? true : undefined} />
          {err('trackEveryMinutes')}
        </label>
        <table className="return-lines form-wide" data-testid="returns-reasons">
          <caption>Reasons the customer can give</caption>
          <thead><tr><th scope="col">Reason</th><th scope="col">Refunds shipping</th><th scope="col">Restocking fee</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr></thead>
          <tbody>
            {rules.reasons.map((r, i) => (
              <tr key={r.code}>
                <td><input className="input" value={r.label} onChange={(e) => setReason(i, { label: e.target.value })} aria-label={`Name of the reason ${r.code}`} /></td>
                <td><input type="checkbox" checked={r.refundsShipping} onChange={(e) => setReason(i, { refundsShipping: e.target.checked })} aria-label={`${r.label} refunds shipping`} /></td>
                <td><input type="checkbox" checked={r.chargesFee} onChange={(e) => setReason(i, { chargesFee: e.target.checked })} aria-label={`${r.label} charges the restocking fee`} /></td>
                <td><button type="button" className="button" disabled={rules.reasons.length <= 1} onClick={() => setRules({ ...rules, reasons: rules.reasons.filter((_, k) => k !== i) })}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors.reasons ? <span className="field-error form-wide">{errors.reasons}</span> : null}
        <label className="field form-wide" htmlFor={ids.add}>
          <span className="field-label">A new reason</span>
          <span className="manual-row">
            <input id={ids.add} className="input" value={newReason} onChange={(e) => setNewReason(e.target.value)} data-testid="returns-new-reason" />
            <button type="button" className="button" disabled={newReason.trim().length < 2} onClick={() => {
              const code = codeOf(newReason);
              if (rules.reasons.some((r) => r.code === code)) { setErrors({ reasons: `There is already a reason like “${newReason.trim()}”.` }); return; }
              setRules({ ...rules, reasons: [...rules.reasons, { code, label: newReason.trim(), refundsShipping: false, chargesFee: false }] });
              setNewReason('');
            }}>Add</button>
          </span>
        </label>
        <div className="form-actions form-wide">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="returns-save">{busy ? 'Saving…' : 'Save the return rules'}</button>
        </div>
      </form>
    </section>
  );
}
