import { useEffect } from 'react';
import { SCREENS, useAppStore } from '../stores/app-store';

/**
 * Alt+1..4 and F1..F4 switch screens from anywhere, even inside a text field, because a packer
 * with a scanner in one hand should not have to reach for the mouse.
 */
export function useScreenKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      let index = -1;
      // the tenth screen is Alt+0 / F10, as the digits run on the keyboard
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[0-9]$/.test(e.code)) index = (Number(e.code.slice(5)) + 9) % 10;
      else if (!e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && /^F([1-9]|10)$/.test(e.key)) index = Number(e.key.slice(1)) - 1;
      const screen = SCREENS[index];
      if (!screen) return;
      e.preventDefault();
      useAppStore.getState().go(screen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
