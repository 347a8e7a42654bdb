import { useEffect } from 'react';
import { SCREENS, useAppStore } from '../stores/app-store';

/**
 * The key for the screen at this position in SCREENS: Alt+1..Alt+9, then Alt+0 and Alt+- (the keys
 * beside 9 on every layout's top row, by position), so every screen in the top bar has one.
 */
export function screenKey(index: number): string | null {
  if (index < 9) return `Alt+${index + 1}`;
  return index === 9 ? 'Alt+0' : index === 10 ? 'Alt+-' : null;
}

/**
 * Alt+1..9, Alt+0, Alt+- and F1..F9 switch screens from anywhere, even inside a text field, because a packer
 * with a scanner in one hand should not have to reach for the mouse.
 */
export function useScreenKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      let index = -1;
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) index = Number(e.code.slice(5)) - 1;
      else if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'Digit0') index = 9;
      else if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'Minus') index = 10;
      else if (!e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && /^F[1-9]$/.test(e.key)) index = Number(e.key.slice(1)) - 1;
      const screen = SCREENS[index];
      if (!screen) return;
      e.preventDefault();
      useAppStore.getState().go(screen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
