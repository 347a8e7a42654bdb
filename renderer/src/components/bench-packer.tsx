import { useEffect, useState } from 'react';
import type { Packer } from '../../../shared/contract/packers';
import { api } from '../api/client';
import { useApiEvent } from '../hooks/use-api-event';
import { useModalDialog } from '../hooks/use-modal-dialog';
import { useSubmit } from '../hooks/use-submit';
import { useAppStore } from '../stores/app-store';
import { useBenchStore } from '../stores/bench-store';
import { FormError, TextInput } from './form-field';

/** "Who is packing?" in the top bar: every scan, pack and count from this screen carries that name. */
export function BenchPacker() {
  const packer = useBenchStore((s) => s.packer);
  const required = useBenchStore((s) => s.required);
  const choosing = useBenchStore((s) => s.choosing);
  const epoch = useAppStore((s) => s.dataEpoch);
  useEffect(() => { void useBenchStore.getState().load(); }, [epoch]);
  useApiEvent('packers.changed', () => void useBenchStore.getState().load());
  const label = packer ? packer.name : required ? 'Choose who is packing' : 'Who is packing?';
  return (
    <>
      <button
        type="button"
        className={`bench-packer${!packer && required ? ' is-missing' : ''}`}
        onClick={() => useBenchStore.getState().choose(true)}
        data-testid="bench-packer"
      >
        <span className="bench-packer-label">{packer ? 'Packing:' : ''}</span> {label}
      </button>
      {choosing ? <ChoosePacker current={packer} /> : null}
    </>
  );
}

function ChoosePacker({ current }: { current: Packer | null }) {
  const ref = useModalDialog();
  const [packers, setPackers] = useState<Packer[] | null>(null);
  const [picked, setPicked] = useState<Packer | null>(null);
  const [pin, setPin] = useState('');
  const { busy, errors, general, run } = useSubmit();
  useEffect(() => {
    api.call('packers.list', {}).then(setPackers, (e: unknown) => useAppStore.getState().showError(e));
  }, []);
  const close = () => useBenchStore.getState().choose(false);
  const start = (p: Packer) => {
    setPicked(p);
    if (!p.hasPin) void run(() => useBenchStore.getState().signIn(p.id, ''));
  };
  return (
    <dialog ref={ref} className="dialog bench-dialog" aria-labelledby="bench-title" data-testid="bench-dialog" onCancel={(e) => { e.preventDefault(); close(); }}>
      <h2 id="bench-title">Who is packing at this screen?</h2>
      {packers === null ? <p>Loading the team…</p> : packers.length === 0 ? (
        <p className="dialog-body">Nobody is on the team yet: work is recorded as this computer's user. Add packers on the Team screen (Alt+Shift+4).</p>
      ) : (
        <ul className="bench-list" aria-label="Team">
          {packers.map((p) => (
            <li key={p.id}>
              <button type="button" className={`button bench-name${picked?.id === p.id ? ' is-picked' : ''}`} onClick={() => start(p)} disabled={busy}
                aria-pressed={picked?.id === p.id} data-testid="bench-choose" data-name={p.name}>
                {p.name}{p.role === 'supervisor' ? ' (supervisor)' : ''}{current?.id === p.id ? ' — now' : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {picked?.hasPin ? (
        <form onSubmit={(e) => { e.preventDefault(); void run(() => useBenchStore.getState().signIn(picked.id, pin)); }}>
          <TextInput label={`PIN for ${picked.name}`} type="password" inputMode="numeric" value={pin} onChange={setPin} error={errors.pin} testId="bench-pin" autoFocus maxLength={8} />
          <div className="dialog-actions">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="bench-pin-submit">{busy ? 'Checking…' : 'Start packing'}</button>
          </div>
        </form>
      ) : null}
      <FormError text={general} />
      <div className="dialog-actions">
        {current ? <button type="button" className="button" onClick={() => void run(async () => { await useBenchStore.getState().signOut(); close(); })} data-testid="bench-sign-out">{current.name} is done here</button> : null}
        <button type="button" className="button" onClick={close}>Close <kbd>Esc</kbd></button>
      </div>
    </dialog>
  );
}
