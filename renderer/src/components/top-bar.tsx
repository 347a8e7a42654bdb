import type { ConnectionState } from '../api/connect';
import { screenKeyLabel, screenKeyShortcuts } from '../lib/screen-keys';
import { SCREENS, useAppStore, type Screen } from '../stores/app-store';
import { SyncIndicator } from './sync-indicator';
import { WorkspaceBadge } from './workspace-badge';
import { BenchPacker } from './bench-packer';

export const SCREEN_LABELS: Record<Screen, string> = {
  orders: 'Orders',
  pack: 'Pack',
  inventory: 'Inventory',
  settings: 'Settings',
  printing: 'Printing',
  catalog: 'Catalog',
  warehouse: 'Warehouse',
  team: 'Team',
  import: 'Import',
  shipments: 'Shipments',
  sync: 'Sync',
};

const CONNECTION_WORDS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  closed: 'Connection lost — retrying',
  unauthorized: 'Station key out of date',
};

export function TopBar() {
  const screen = useAppStore((s) => s.screen);
  const go = useAppStore((s) => s.go);
  const connection = useAppStore((s) => s.connection);
  return (
    <header className="top-bar">
      <div className="top-bar-brand">
        <span className="brand">Packbench</span>
        <WorkspaceBadge />
        <BenchPacker />
      </div>
      <nav className="top-nav" aria-label="Screens">
        {SCREENS.map((s, i) => (
          <button
            key={s}
            type="button"
            className="nav-button"
            aria-current={screen === s ? 'page' : undefined}
            aria-keyshortcuts={screenKeyShortcuts(i)}
            data-testid={`nav-${s}`}
            onClick={() => go(s)}
          >
            <span>{SCREEN_LABELS[s]}</span>
            <kbd className="nav-key">{screenKeyLabel(i)}</kbd>
          </button>
        ))}
      </nav>
      <SyncIndicator />
      <div className={`connection connection-${connection}`} role="status" data-testid="connection-state">
        <span className="connection-dot" aria-hidden="true" />
        {CONNECTION_WORDS[connection]}
      </div>
    </header>
  );
}
