import { useEffect, useId, useRef } from 'react';
import { insertText } from '../../scan/replay-typing';
import { receiveStrayTyping } from '../../scan/use-global-scanner';
import { usePackStore } from './pack-store';

/**
 * For a code that will not scan, and for "x12" after a scan (a case of 12). Typing anywhere on the pack
 * screen lands here, so the packer never has to click into it. It is left uncontrolled: the scanner
 * listener puts held-back keys in as typing, and Enter reads what is really there. A scan made while it
 * has the focus is taken back out and counted as a scan (data-scan="route"), so a half-typed entry
 * never swallows it.
 */
export function ManualEntry({ prompt }: { prompt: string }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const form = usePackStore((s) => s.form);

  useEffect(() => {
    if (form !== null) return;
    return receiveStrayTyping((text, into) => {
      const input = ref.current;
      if (!input) return false;
      into(input);
      input.focus({ preventScroll: true });
      insertText(input, text);
      return true;
    });
  }, [form]);

  const submit = () => {
    const input = ref.current;
    if (!input) return;
    const text = input.value.trim();
    input.value = '';
    const store = usePackStore.getState();
    if (text === '') {
      if (store.view?.sessionStatus === 'active') void store.complete();
      return;
    }
    void store.handleScan(text, 'typed');
  };

  return (
    <form
      className="manual-entry"
      onSubmit={(e) => { e.preventDefault(); submit(); }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.value) {
          e.preventDefault();
          e.stopPropagation();
          ref.current.value = '';
        }
      }}
    >
      <label className="field" htmlFor={id}>
        <span className="field-label">{prompt}</span>
        <span className="manual-row">
          <input
            ref={ref}
            id={id}
            className="input manual-input mono"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="send"
            maxLength={500}
            data-scan="route"
            aria-describedby={`${id}-keys`}
            data-testid="manual-code"
          />
          <button type="submit" className="button">Enter <kbd>↵</kbd></button>
        </span>
      </label>
      <p id={`${id}-keys`} className="muted manual-keys">Just start typing: it lands here. <kbd>x12</kbd> then <kbd>Enter</kbd> counts the last scan as 12.</p>
    </form>
  );
}
