import { create } from 'zustand';
import type { WorkspaceInfo } from '../../../shared/contract/workspace';
import type { ConnectionState } from '../api/connect';
import { describeError, type Notice } from '../lib/describe-error';

// printing came last so the keys people learned (Alt+1..4) kept their screens
export const SCREENS = ['orders', 'pack', 'inventory', 'settings', 'printing', 'shipments', 'sync', 'devices', 'picking', 'returns', 'rules', 'catalog', 'warehouse', 'team', 'import', 'stock'] as const;
export type Screen = (typeof SCREENS)[number];

type AppState = {
  screen: Screen;
  workspace: WorkspaceInfo | null;
  connection: ConnectionState;
  notice: Notice | null;
  /**
   * Bumped whenever the data may have changed without an event reaching us (workspace replaced,
   * connection re-opened after a drop), so every screen re-queries instead of trusting its cache.
   */
  dataEpoch: number;
  go(screen: Screen): void;
  setWorkspace(info: WorkspaceInfo): void;
  setConnection(state: ConnectionState): void;
  showError(error: unknown): void;
  showInfo(message: string): void;
  clearNotice(): void;
  bumpEpoch(): void;
};

export const useAppStore = create<AppState>()((set, get) => ({
  screen: 'orders',
  workspace: null,
  connection: 'connecting',
  notice: null,
  dataEpoch: 0,
  go(screen) {
    if (get().screen === screen) return;
    // a notice belongs to the screen where it happened; carrying it along would confuse the packer
    set({ screen, notice: null });
  },
  setWorkspace(workspace) { set({ workspace }); },
  setConnection(connection) {
    const wasDown = get().connection === 'closed';
    set({ connection });
    // events sent while we were away are lost: re-query everything once we are back
    if (wasDown && connection === 'open') set((s) => ({ dataEpoch: s.dataEpoch + 1 }));
  },
  showError(error) { set({ notice: describeError(error) }); },
  showInfo(message) { set({ notice: { tone: 'info', message } }); },
  clearNotice() { set({ notice: null }); },
  bumpEpoch() { set((s) => ({ dataEpoch: s.dataEpoch + 1 })); },
}));
