import { useId, type ReactNode } from 'react';

type Common = { label: ReactNode; error?: string | undefined; hint?: ReactNode; testId: string; className?: string };

/**
 * A text field as the bench needs it: always type="text" (a number field rewrites what was typed: "-5",
 * "1.5", "2e1"), so the value is exactly the keys pressed; numbers are checked in words on save.
 */
export function TextInput({ label, value, onChange, error, hint, testId, className, inputMode, type = 'text', autoFocus = false, placeholder, maxLength, list, required = false }: Common & {
  value: string; onChange(v: string): void; inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel'; type?: 'text' | 'password' | 'email' | 'tel' | 'date';
  autoFocus?: boolean; placeholder?: string; maxLength?: number; list?: string; required?: boolean;
}) {
  const id = useId();
  return (
    <label className={`field ${className ?? ''}`} htmlFor={id}>
      <span className="field-label">{label}{required ? <span aria-hidden="true"> *</span> : null}</span>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputMode={inputMode}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        maxLength={maxLength}
        list={list}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        data-testid={testId}
      />
      {hint && !error ? <span id={`${id}-hint`} className="field-hint">{hint}</span> : null}
      {error ? <span id={`${id}-error`} className="field-error" data-testid={`${testId}-error`}>{error}</span> : null}
    </label>
  );
}

export function SelectInput({ label, value, onChange, error, testId, className, children, required = false }: Common & {
  value: string; onChange(v: string): void; children: ReactNode; required?: boolean;
}) {
  const id = useId();
  return (
    <label className={`field ${className ?? ''}`} htmlFor={id}>
      <span className="field-label">{label}{required ? <span aria-hidden="true"> *</span> : null}</span>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined} data-testid={testId}>
        {children}
      </select>
      {error ? <span id={`${id}-error`} className="field-error" data-testid={`${testId}-error`}>{error}</span> : null}
    </label>
  );
}

/** A refusal for the whole form, read out when it appears. */
export function FormError({ text }: { text: string | null }) {
  return text ? <p className="field-error form-error" role="alert" data-testid="form-error">{text}</p> : null;
}
