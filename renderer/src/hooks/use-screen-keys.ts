import { useEffect } from 'react';
import { screenIndexOfKey } from '../lib/screen-keys';
import { SCREENS, useAppStore } from '../stores/app-store';

/**
 * Alt+1..9 and 0 (with Shift for the next ten) and F1..F10 switch screens from anywhere, even inside a text field, because a packer
 * with a scanner in one hand should not have to reach for the mouse.
 */
export function useScreenKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const index = screenIndexOfKey(e);
      const screen = SCREENS[index];
      if (!screen) return;
      e.preventDefault();
      useAppStore.getState().go(screen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
