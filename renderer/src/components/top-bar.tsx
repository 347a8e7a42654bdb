import type { ConnectionState } from '../api/connect';
import { screenKeyLabel, screenKeyShortcuts } from '../lib/screen-keys';
import { usePackStore } from '../screens/pack/pack-store';
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
  devices: 'Devices',
  picking: 'Picking',
  rules: 'Rules',
  returns: 'Returns',
  stock: 'Stock sync',
};

const CONNECTION_WORDS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  unresponsive: 'Station not answering',
  closed: 'Connection lost — retrying',
  unauthorized: 'Station key out of date',
};

function waitingWords(n: number): string {
  return n === 0 ? '' : ` · ${n} scan${n === 1 ? '' : 's'} waiting, not counted yet`;
}

export function TopBar() {
  const screen = useAppStore((s) => s.screen);
  const go = useAppStore((s) => s.go);
  const connection = useAppStore((s) => s.connection);
  const waiting = usePackStore((s) => s.waiting.length);
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
            title={`${SCREEN_LABELS[s]} (${screenKeyLabel(i)})`}
            data-testid={`nav-${s}`}
            onClick={() => go(s)}
          >
            <span>{SCREEN_LABELS[s]}</span>
            <kbd className="nav-key">{screenKeyLabel(i)}</kbd>
          </button>
        ))}
      </nav>
      <SyncIndicator />
      <div className={`connection connection-${connection}`} role="status" data-testid="connection-state" data-state={connection}>
        <span className="connection-dot" aria-hidden="true" />
        {CONNECTION_WORDS[connection]}{connection === 'open' ? '' : waitingWords(waiting)}
      </div>
    </header>
  );
}
