import { create } from 'zustand';
import type { Packer } from '../../../shared/contract/packers';
import { api } from '../api/client';
import { benchToken, setBenchToken } from '../api/connect';
import { useAppStore } from './app-store';

type BenchState = {
  packer: Packer | null;
  /** the team has packers: work is recorded only with one chosen */
  required: boolean;
  loaded: boolean;
  choosing: boolean;
  load(): Promise<void>;
  signIn(packerId: number, pin: string): Promise<void>;
  signOut(): Promise<void>;
  choose(open: boolean): void;
};

/** Who is packing at this screen. The token stays in this tab only, so two tabs can be two benches. */
export const useBenchStore = create<BenchState>()((set) => ({
  packer: null,
  required: false,
  loaded: false,
  choosing: false,
  async load() {
    try {
      const token = benchToken();
      const state = token ? await api.call('bench.resume', { token }) : await api.call('bench.current', {});
      if (token && !state.packer) setBenchToken(null);
      set({ packer: state.packer, required: state.required, loaded: true });
    } catch (e) {
      set({ loaded: true });
      useAppStore.getState().showError(e);
    }
  },
  async signIn(packerId, pin) {
    const r = await api.call('bench.signIn', { packerId, pin });
    setBenchToken(r.token);
    set({ packer: r.packer, required: r.required, choosing: false });
    useAppStore.getState().showInfo(`${r.packer?.name ?? 'Nobody'} is packing at this screen: every scan and count is recorded under that name.`);
    useAppStore.getState().bumpEpoch();
  },
  async signOut() {
    const r = await api.call('bench.signOut', {});
    setBenchToken(null);
    set({ packer: r.packer, required: r.required });
  },
  choose(open) { set({ choosing: open }); },
}));
