import { screenKeyLabel } from '../lib/screen-keys';
import { SCREENS } from '../stores/app-store';
import { SCREEN_LABELS } from './top-bar';

/** "Alt+1 Orders · Alt+2 Pack · …": every screen's key, from the one list of screens, so key help never falls behind. */
export function ScreenKeys() {
  return (
    <span className="screen-keys">
      {SCREENS.map((s, i) => (
        <span key={s} className="screen-key"><kbd>{screenKeyLabel(i)}</kbd> {SCREEN_LABELS[s]}{i < SCREENS.length - 1 ? ' · ' : ''}</span>
      ))}
    </span>
  );
}
