import type { ReactNode, RefObject } from 'react';

type Props = {
  label: ReactNode;
  ariaLabel: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** the core refuses longer searches; the box stops there, so the list never shows results for text no longer in it */
  maxLength?: number;
};

/** The search box every list screen uses: wide, no autocomplete or spellcheck (codes are not words). */
export function SearchField({ label, ariaLabel, placeholder, value, onChange, testId, inputRef, maxLength = 200 }: Props) {
  return (
    <label className="field field-grow">
      <span className="field-label">{label}</span>
      <input
        ref={inputRef}
        type="search"
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-label={ariaLabel}
        data-testid={testId}
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
      />
    </label>
  );
}
