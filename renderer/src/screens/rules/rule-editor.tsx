import { useEffect, useState } from 'react';
import type { Location } from '../../../../shared/contract/inventory';
import type { Channel } from '../../../../shared/contract/orders';
import type { Action, Condition, DryRunResult, Rule, RuleDraft } from '../../../../shared/contract/rules';
import { api } from '../../api/client';
import { describeError, fieldErrors } from '../../lib/describe-error';
import { ACTION_WORDS, ActionRow, ConditionRow, FIELD_WORDS, newAction, newCondition } from './rule-parts';

const BLANK: RuleDraft = { name: '', enabled: false, match: 'all', conditions: [], actions: [{ type: 'tag', tags: [] }], stop: false };

/** Edit a rule and try it on the latest orders before it runs on real ones. */
export function RuleEditor({ rule, channels, locations, onSaved, onCancel }: {
  rule: Rule | null; channels: Channel[]; locations: Location[]; onSaved(r: Rule): void; onCancel(): void;
}) {
  const [draft, setDraft] = useState<RuleDraft>(rule ? { name: rule.name, enabled: rule.enabled, match: rule.match, conditions: rule.conditions, actions: rule.actions, stop: rule.stop } : BLANK);
  const [dry, setDry] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [boxes, setBoxes] = useState<string[]>([]);
  useEffect(() => { api.call('packages.list', {}).then((p) => setBoxes(p.map((b) => b.name)), () => setBoxes([])); }, []);
  const set = (patch: Partial<RuleDraft>) => { setDraft({ ...draft, ...patch }); setDry(null); };
  const fail = (e: unknown) => setError({ message: describeError(e).message, fields: fieldErrors(e) });

  const dryRun = async () => {
    setBusy(true);
    try { setDry(await api.call('rules.dryRun', { rule: draft, ...(rule ? { id: rule.id } : {}) })); setError(null); } catch (e) { fail(e); } finally { setBusy(false); }
  };
  const save = async () => {
    setBusy(true);
    try { onSaved(await api.call('rules.save', { ...draft, ...(rule ? { id: rule.id } : {}) })); } catch (e) { fail(e); setBusy(false); }
  };

  return (
    <section className="panel rule-editor" aria-labelledby="rule-editor-title" data-testid="rule-editor">
      <h2 id="rule-editor-title">{rule ? `Edit “${rule.name}”` : 'New rule'}</h2>
      <label className="field"><span className="field-label">Name</span>
        <input className="input" value={draft.name} onChange={(e) => set({ name: e.target.value })} data-testid="rule-name" />
      </label>
      <fieldset className="rule-group">
        <legend>When an order arrives or changes, and
          <select className="input rule-inline" value={draft.match} onChange={(e) => set({ match: e.target.value as 'all' | 'any' })} aria-label="All or any">
            <option value="all">all</option><option value="any">any</option>
          </select> of these hold{draft.conditions.length ? '' : ' (none: every order)'}:
        </legend>
        {draft.conditions.map((c, i) => (
          <div key={i} className="rule-row" data-testid="rule-condition">
            <strong>{FIELD_WORDS[c.field]}</strong>
            <ConditionRow c={c} channels={channels} onChange={(next: Condition) => set({ conditions: draft.conditions.map((x, j) => (j === i ? next : x)) })} />
            <button type="button" className="button button-quiet" onClick={() => set({ conditions: draft.conditions.filter((_, j) => j !== i) })} aria-label="Remove this condition">Remove</button>
          </div>
        ))}
        <select className="input" value="" aria-label="Add a condition" data-testid="rule-add-condition" onChange={(e) => e.target.value && set({ conditions: [...draft.conditions, newCondition(e.target.value as Condition['field'])] })}>
          <option value="">+ Add a condition…</option>
          {Object.entries(FIELD_WORDS).map(([k, w]) => <option key={k} value={k}>{w}</option>)}
        </select>
      </fieldset>
      <fieldset className="rule-group">
        <legend>Then:</legend>
        {draft.actions.map((a, i) => (
          <div key={i} className="rule-row" data-testid="rule-action">
            <strong>{ACTION_WORDS[a.type]}</strong>
            <ActionRow a={a} locations={locations} onChange={(next: Action) => set({ actions: draft.actions.map((x, j) => (j === i ? next : x)) })} />
            <button type="button" className="button button-quiet" onClick={() => set({ actions: draft.actions.filter((_, j) => j !== i) })} aria-label="Remove this action">Remove</button>
          </div>
        ))}
        <select className="input" value="" aria-label="Add an action" data-testid="rule-add-action" onChange={(e) => e.target.value && set({ actions: [...draft.actions, newAction(e.target.value as Action['type'], locations)] })}>
          <option value="">+ Add an action…</option>
          {Object.entries(ACTION_WORDS).map(([k, w]) => <option key={k} value={k}>{w}</option>)}
        </select>
      </fieldset>
      <datalist id="rule-packages">{boxes.map((b) => <option key={b} value={b} />)}</datalist>
      <label className="rule-check"><input type="checkbox" checked={draft.stop} onChange={(e) => set({ stop: e.target.checked })} /> Stop here: rules below do not run on an order this rule fires on</label>
      <label className="rule-check"><input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="rule-enabled" /> Switched on (runs on orders that arrive or change from now on)</label>
      {error ? <div className="field-error" role="alert"><p>{error.message}</p></div> : null}
      {dry ? (
        <div className="rule-dry" role="status" data-testid="rule-dry-run">
          <p><strong data-testid="rule-dry-hits">{dry.hits}</strong> of the last {dry.considered} orders would have fired this rule{dry.hits ? `; ${dry.openHits} of them are still open or held` : ''}.</p>
          {dry.sample.length ? <ul>{dry.sample.slice(0, 12).map((h) => <li key={h.orderId}><span className="mono">{h.number}</span> ({h.status}): {h.summary}</li>)}</ul> : null}
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>Cancel</button>
        <button type="button" className="button" onClick={() => void dryRun()} disabled={busy} data-testid="rule-dry-run-button">Try on the last 500 orders</button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy} data-testid="rule-save">Save rule</button>
      </div>
    </section>
  );
}
