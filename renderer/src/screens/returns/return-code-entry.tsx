import { useEffect, useId, useRef } from 'react';
import { insertText } from '../../scan/replay-typing';
import { receiveStrayTyping } from '../../scan/use-global-scanner';
import { useReturnsStore } from './returns-store';

/**
 * A code typed by hand (a label that will not scan, an order number read off a slip). Typing anywhere on
 * the screen lands here, except while a unit waits for its grade: then the digits 1 to 5 are grade keys.
 */
export function ReturnCodeEntry({ prompt }: { prompt: string }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const form = useReturnsStore((s) => s.form);
  const awaiting = useReturnsStore((s) => s.view?.awaitingGrade ?? null);
  const unannounced = useReturnsStore((s) => s.unannounced);

  useEffect(() => {
    if (form !== null || awaiting || unannounced) return;
    return receiveStrayTyping((text) => {
      const input = ref.current;
      if (!input) return false;
      input.focus({ preventScroll: true });
      insertText(input, text);
      return true;
    });
  }, [form, awaiting, unannounced]);

  const submit = () => {
    const input = ref.current;
    if (!input) return;
    const text = input.value.trim();
    input.value = '';
    input.blur();
    if (text) void useReturnsStore.getState().handleScan(text);
  };

  return (
    <form className="manual-entry" onSubmit={(e) => { e.preventDefault(); submit(); }}
      onKeyDown={(e) => { if (e.key === 'Escape' && ref.current?.value) { e.preventDefault(); e.stopPropagation(); ref.current.value = ''; } }}>
      <label className="field" htmlFor={id}>
        <span className="field-label">{prompt}</span>
        <span className="manual-row">
          <input ref={ref} id={id} className="input manual-input mono" autoComplete="off" spellCheck={false} enterKeyHint="send" data-testid="return-code" />
          <button type="submit" className="button">Enter <kbd>↵</kbd></button>
        </span>
      </label>
    </form>
  );
}
