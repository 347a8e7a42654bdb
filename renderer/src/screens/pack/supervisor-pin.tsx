import { useId } from 'react';

/** The supervisor's PIN for an override: typed, never shown, checked (and counted) by the station. */
export function SupervisorPin({ value, onChange, error }: { value: string; onChange(v: string): void; error?: string | undefined }) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">Supervisor PIN (when the team has supervisors)</span>
      <input id={id} className="input" type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={value}
        onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} data-testid="pack-override-pin" />
      {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
    </label>
  );
}
