import { useCallback, useEffect, useState } from 'react';
import type { Packer } from '../../../../shared/contract/packers';
import { api } from '../../api/client';
import { FormError, SelectInput, TextInput } from '../../components/form-field';
import { useApiEvent } from '../../hooks/use-api-event';
import { useSubmit } from '../../hooks/use-submit';
import { useAppStore } from '../../stores/app-store';
import { Dashboard } from './dashboard';
import './team.css';

/** The team at the bench (names, optional PINs, supervisors) and how the bench is doing. */
export function TeamScreen() {
  const [packers, setPackers] = useState<Packer[]>([]);
  const [editing, setEditing] = useState<Packer | 'new' | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const load = useCallback(() => {
    api.call('packers.list', { archived: true }).then(setPackers, (e: unknown) => useAppStore.getState().showError(e));
  }, []);
  useEffect(() => { load(); }, [load, epoch]);
  useApiEvent('packers.changed', () => load());
  const supervised = packers.some((p) => p.role === 'supervisor' && p.hasPin && !p.archived);
  return (
    <section className="team" aria-labelledby="team-title">
      <div className="split-screen">
        <div>
          <div className="toolbar">
            <h1 id="team-title" className="toolbar-title">Team</h1>
            <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="packer-new">Add a packer</button>
          </div>
          {packers.length === 0 ? (
            <p className="empty-state">No packers yet: work is recorded under this computer's user name. Add the people who pack; from then on each screen chooses who is packing, and every scan, pack and count carries that name.</p>
          ) : null}
          <ul className="list-rows" aria-label="Packers">
            {packers.map((p) => (
              <li key={p.id}>
                <button type="button" className="list-row" onClick={() => setEditing(p)} aria-current={editing !== 'new' && editing?.id === p.id ? 'true' : undefined} data-testid="packer-row" data-name={p.name}>
                  <strong>{p.name}</strong> <span className="muted">· {p.role === 'supervisor' ? 'supervisor' : 'packer'}{p.hasPin ? ' · PIN set' : ''}{p.archived ? ' · archived' : ''}{p.lockedUntil && new Date(p.lockedUntil) > new Date() ? ' · locked after wrong PINs' : ''}</span>
                </button>
              </li>
            ))}
          </ul>
          {editing ? <PackerForm key={editing === 'new' ? 'new' : editing.id} packer={editing === 'new' ? null : editing} supervised={supervised} onDone={() => { setEditing(null); load(); }} /> : null}
        </div>
        <Dashboard />
      </div>
    </section>
  );
}

function PackerForm({ packer, supervised, onDone }: { packer: Packer | null; supervised: boolean; onDone(): void }) {
  const [name, setName] = useState(packer?.name ?? '');
  const [role, setRole] = useState<'packer' | 'supervisor'>(packer?.role ?? 'packer');
  const [pin, setPin] = useState('');
  const [removePin, setRemovePin] = useState(false);
  const [supervisor, setSupervisor] = useState('');
  const [supervisorPin, setSupervisorPin] = useState('');
  const { busy, errors, general, run, refuse } = useSubmit();
  const save = async (archived: boolean) => {
    if (pin && !/^\d{4,8}$/.test(pin)) { refuse({ pin: 'A PIN is 4 to 8 digits.' }); return; }
    const saved = await run(() => api.call('packers.save', {
      ...(packer ? { id: packer.id } : {}), name, role, archived,
      ...(pin ? { pin } : removePin ? { pin: null } : {}),
      ...(supervised ? { authorizedBy: { supervisor, pin: supervisorPin } } : {}),
    }));
    if (saved) {
      useAppStore.getState().showInfo(archived ? `${saved.name} is archived: past work keeps their name.` : `${saved.name} saved.`);
      onDone();
    }
  };
  return (
    <form className="panel packer-form" aria-labelledby="packer-form-title" data-testid="packer-form" onSubmit={(e) => { e.preventDefault(); void save(false); }}>
      <h2 id="packer-form-title">{packer ? `Edit ${packer.name}` : 'New packer'}</h2>
      <div className="form-grid">
        <TextInput label="Name" value={name} onChange={setName} error={errors.name} testId="packer-name" required maxLength={60} autoFocus />
        <SelectInput label="Role" value={role} onChange={(r) => setRole(r as 'packer' | 'supervisor')} error={errors.role} testId="packer-role">
          <option value="packer">Packer</option>
          <option value="supervisor">Supervisor (approves overrides, changes the team)</option>
        </SelectInput>
        <TextInput label={packer?.hasPin ? 'New PIN (leave empty to keep it)' : role === 'supervisor' ? 'PIN (4 to 8 digits, required)' : 'PIN (optional, 4 to 8 digits)'} type="password" inputMode="numeric"
          value={pin} onChange={setPin} error={errors.pin} testId="packer-pin" maxLength={8} />
        {packer?.hasPin && role !== 'supervisor' ? (
          <label className="field checkbox-field"><input type="checkbox" checked={removePin} onChange={(e) => setRemovePin(e.target.checked)} /> <span>Remove the PIN</span></label>
        ) : null}
      </div>
      {supervised ? (
        <fieldset className="approve">
          <legend>A supervisor approves this change</legend>
          <div className="form-grid">
            <TextInput label="Supervisor name" value={supervisor} onChange={setSupervisor} error={errors['authorizedBy.supervisor'] ?? errors.supervisor} testId="approve-supervisor" maxLength={100} />
            <TextInput label="Supervisor PIN" type="password" inputMode="numeric" value={supervisorPin} onChange={setSupervisorPin} error={errors['authorizedBy.pin']} testId="approve-pin" maxLength={8} />
          </div>
        </fieldset>
      ) : null}
      <p className="muted">PINs are stored only as a scrypt hash. Five wrong PINs in a row lock the person for 5 minutes.</p>
      <FormError text={general} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="packer-save">{busy ? 'Saving…' : 'Save'}</button>
        {packer && !packer.archived ? <button type="button" className="button button-danger" disabled={busy} onClick={() => void save(true)} data-testid="packer-archive">Archive</button> : null}
        {packer?.archived ? <button type="button" className="button" disabled={busy} onClick={() => void save(false)}>Bring back</button> : null}
        <button type="button" className="button" onClick={onDone} disabled={busy}>Close</button>
      </div>
    </form>
  );
}
