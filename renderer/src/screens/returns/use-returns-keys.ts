import { useEffect } from 'react';
import { GRADES } from '../../../../shared/domain/return-state';
import { isTypingTarget } from '../../lib/keys';
import { downloadReturnSlip, printReturnSlip } from './return-slip';
import { useReturnsStore } from './returns-store';

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target instanceof HTMLSelectElement || isTypingTarget(target);
}

/**
 * The returns bench's keys: 1 to 5 grade the unit just scanned (as on the buttons), Enter finishes the
 * return once every unit has its grade, Ctrl+Z takes the last scan or grade back, Alt+R refunds,
 * Alt+X closes without a refund, Alt+P prints the return slip, Alt+D saves it as a page, Escape
 * dismisses a refusal. Scans never reach these: the scanner listener takes them first.
 */
export function useReturnsKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const store = useReturnsStore.getState();
      if (store.form !== null || store.unannounced) return; // an open dialog has its own keys
      const view = store.view;
      if (e.key === 'Escape' && store.blocked) {
        e.preventDefault();
        store.dismiss();
        return;
      }
      if (e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey && e.code === 'KeyZ') {
        if (isTypingTarget(e.target) && (e.target as HTMLInputElement).value) return;
        if (view?.status !== 'received') return;
        e.preventDefault();
        void store.undo();
        return;
      }
      const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
      // one key per grade, for the unit waiting for one; a field with text in it keeps its digits
      const digit = /^Digit([1-5])$/.exec(e.code) ?? /^Numpad([1-5])$/.exec(e.code);
      if (plain && digit && view?.awaitingGrade && !(isTypingTarget(e.target) && (e.target as HTMLInputElement).value)) {
        e.preventDefault();
        void store.grade(GRADES[Number(digit[1]) - 1]!);
        return;
      }
      if (plain && e.key === 'Enter' && !isControl(e.target)) {
        const manual = document.querySelector<HTMLInputElement>('[data-testid="return-code"]');
        if (manual?.value.trim()) {
          e.preventDefault();
          manual.form?.requestSubmit();
          return;
        }
        if (view?.status !== 'received') return;
        e.preventDefault();
        void store.finish();
        return;
      }
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const act: Record<string, (() => void) | undefined> = {
        KeyR: view?.status === 'inspected' ? () => store.showForm('refund') : undefined,
        KeyX: view?.status === 'inspected' || (view && ['requested', 'label_sent', 'in_transit'].includes(view.status)) ? () => store.showForm('close') : undefined,
        KeyP: view ? () => void printReturnSlip(view.id) : undefined,
        KeyD: view ? () => void downloadReturnSlip(view.id) : undefined,
      };
      const run = act[e.code];
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
