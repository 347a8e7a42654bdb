import { useEffect } from 'react';

/**
 * A button clicked with the mouse gives the focus back once its click is done, so the next key goes to
 * the bench, not to the button: after clicking a tab or Retry, Enter still closes the parcel instead of
 * pressing that button again. Buttons reached with the keyboard keep the focus, and so do dialogs.
 */
export function useClickedButtonsLetGo(): void {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.detail === 0) return; // Enter or Space on a focused button, or a script
      const button = e.target instanceof Element ? e.target.closest('button') : null;
      if (!button || button.closest('dialog')) return;
      setTimeout(() => {
        if (document.activeElement === button) button.blur();
      }, 0);
    };
    window.addEventListener('click', onClick, { capture: true });
    return () => window.removeEventListener('click', onClick, { capture: true });
  }, []);
}
