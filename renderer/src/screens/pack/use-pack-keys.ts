import { useEffect } from 'react';
import { isTypingTarget } from '../../lib/keys';
import { downloadPackingSlip } from './packing-slip';
import { needsAttention } from '../printing/job-words';
import { usePackStore } from './pack-store';

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target instanceof HTMLSelectElement || isTypingTarget(target);
}

/**
 * The pack screen's keys. Letters are left alone (they go to the manual entry field), so every
 * action is Alt+letter by key position, plus Enter, Escape and Ctrl+Z. The buttons show them.
 */
export function usePackKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const store = usePackStore.getState();
      if (store.form !== null) return; // the open form has its own keys
      const view = store.view;
      const active = view?.sessionStatus === 'active';

      if (e.key === 'Escape' && store.blocked) {
        e.preventDefault();
        store.dismiss();
        return;
      }
      if (e.key === 'Escape' && store.found && !isTypingTarget(e.target)) {
        e.preventDefault();
        store.clearFound();
        return;
      }
      if (e.ctrlKey && !e.altKey && !e.metaKey && e.code === 'KeyZ' && !e.shiftKey) {
        // a text field with text keeps its own undo
        if (isTypingTarget(e.target) && (e.target as HTMLInputElement).value) return;
        e.preventDefault();
        if (active) void store.undo();
        return;
      }
      if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey && !isControl(e.target)) {
        // typing that began with nothing focused was moved into the entry field: Enter submits it there
        const manual = document.querySelector<HTMLInputElement>('[data-testid="manual-code"]');
        if (manual?.value.trim()) {
          e.preventDefault();
          manual.form?.requestSubmit();
          return;
        }
        if (!active) return;
        e.preventDefault();
        void store.complete();
        return;
      }
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const label = store.label;
      const act: Record<string, (() => void) | undefined> = {
        KeyA: () => {
          const code = store.blocked?.outcome === 'unknown_code' ? store.blocked.code
            : [...(view?.scans ?? [])].sort((a, b) => b.id - a.id).find((s) => s.outcome === 'unknown_code')?.code;
          if (code) store.showForm('assign', code);
        },
        KeyS: active ? () => store.showForm('split') : undefined,
        KeyO: active ? () => store.showForm('override') : undefined,
        KeyB: active ? () => store.showForm('abandon') : undefined,
        KeyP: view ? () => void downloadPackingSlip(view.orderId) : undefined,
        KeyR: label && needsAttention(label) ? () => void store.retryLabel() : undefined,
        KeyC: label && label.status !== 'queued' && label.status !== 'sending' ? () => void store.reprintLabel() : undefined,
        KeyV: label ? () => store.togglePreview() : undefined,
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
