import { useCallback, useEffect, useState } from 'react';
import type { Location } from '../../../../shared/contract/inventory';
import type { Channel } from '../../../../shared/contract/orders';
import type { Rule } from '../../../../shared/contract/rules';
import { describeActions } from '../../../../shared/domain/rules-engine';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';
import { RuleEditor } from './rule-editor';
import './rules.css';

/** Automation rules, run top to bottom on every order that arrives or changes. */
export function RulesScreen() {
  const [rules, setRules] = useState<Rule[]>([]);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [locations, setLocations] = useState<Location[]>([]);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [removing, setRemoving] = useState<Rule | null>(null);
  const [applying, setApplying] = useState(false);
  const epoch = useAppStore((s) => s.dataEpoch);
  const fail = (e: unknown) => useAppStore.getState().showError(e);
  const load = useCallback(() => { api.call('rules.list', {}).then(setRules, fail); }, []);
  useEffect(() => {
    load();
    api.call('channels.list', {}).then(setChannels, fail);
    api.call('locations.list', {}).then(setLocations, fail);
  }, [load, epoch]);
  useApiEvent('rules.changed', load);

  const move = async (i: number, by: -1 | 1) => {
    const ids = rules.map((r) => r.id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    try { setRules(await api.call('rules.reorder', { ids })); } catch (e) { fail(e); }
  };
  const toggle = async (r: Rule) => {
    try { await api.call('rules.save', { id: r.id, name: r.name, enabled: !r.enabled, match: r.match, conditions: r.conditions, actions: r.actions, stop: r.stop }); load(); } catch (e) { fail(e); }
  };
  const locationName = (id: number) => locations.find((l) => l.id === id)?.name ?? `location ${id}`;

  return (
    <div className="rules" data-testid="rules-screen">
      <section className="panel" aria-labelledby="rules-title">
        <h1 id="rules-title">Automation rules</h1>
        <p className="muted">Rules run from the top when an order arrives or changes. Tags and notes add up; when two rules set the same thing, the lower one wins. Every firing is on the order's timeline.</p>
        <div className="rules-toolbar">
          <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="rule-new">New rule</button>
          <button type="button" className="button" onClick={() => setApplying(true)} disabled={!rules.some((r) => r.enabled)} data-testid="rules-apply-open">Run the rules on open orders now…</button>
        </div>
        {rules.length === 0 ? <p className="muted">No rules yet.</p> : (
          <ol className="rule-list">
            {rules.map((r, i) => (
              <li key={r.id} className={`rule-item${r.enabled ? '' : ' is-off'}`} data-testid="rule-item">
                <div className="rule-item-text">
                  <strong>{r.name}</strong> {r.enabled ? <span className="rule-on">on</span> : <span className="muted">off</span>}{r.stop ? <span className="muted"> · stops the list</span> : null}
                  <p className="muted">{r.conditions.length ? `${r.conditions.length} condition${r.conditions.length === 1 ? '' : 's'} (${r.match})` : 'Every order'} → {describeActions(r.actions, { location: locationName })}</p>
                </div>
                <div className="rule-item-actions">
                  <button type="button" className="button button-quiet" onClick={() => void move(i, -1)} disabled={i === 0} aria-label={`Move ${r.name} up`}>↑</button>
                  <button type="button" className="button button-quiet" onClick={() => void move(i, 1)} disabled={i === rules.length - 1} aria-label={`Move ${r.name} down`}>↓</button>
                  <button type="button" className="button" onClick={() => void toggle(r)}>{r.enabled ? 'Switch off' : 'Switch on'}</button>
                  <button type="button" className="button" onClick={() => setEditing(r)}>Edit</button>
                  <button type="button" className="button button-danger" onClick={() => setRemoving(r)}>Delete</button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      {editing ? (
        <RuleEditor key={editing === 'new' ? 'new' : editing.id} rule={editing === 'new' ? null : editing} channels={channels} locations={locations}
          onCancel={() => setEditing(null)} onSaved={(r) => { setEditing(null); load(); useAppStore.getState().showInfo(`Rule “${r.name}” saved${r.enabled ? ' and switched on' : ''}.`); }} />
      ) : null}
      {removing ? (
        <ConfirmDialog title={`Delete “${removing.name}”?`} confirmLabel="Delete the rule" onCancel={() => setRemoving(null)}
          onConfirm={() => { api.call('rules.remove', { id: removing.id }).then(setRules, fail).finally(() => setRemoving(null)); }}>
          <p>What it already did to orders stays (tags, holds, notes on their timelines).</p>
        </ConfirmDialog>
      ) : null}
      {applying ? (
        <ConfirmDialog title="Run the rules on open orders now?" confirmLabel="Run them" onCancel={() => setApplying(false)}
          onConfirm={() => {
            api.call('rules.applyToOpen', { confirm: true }).then((r) => useAppStore.getState().showInfo(`The rules ran on ${r.considered} open or held orders; ${r.changed} changed.`), fail).finally(() => setApplying(false));
          }}>
          <p>Every switched-on rule runs on every open or held order, as if it had just arrived. Orders being picked or packed are left alone.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
