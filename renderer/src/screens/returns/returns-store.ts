import { create } from 'zustand';
import { REFUSED_RETURN_OUTCOMES, type ReturnScanOutcome, type ReturnScanResult, type ReturnView } from '../../../../shared/contract/returns';
import type { Grade } from '../../../../shared/domain/return-state';
import { api } from '../../api/client';
import { describeError } from '../../lib/describe-error';
import { playAccepted, playBlocked, playCompleted } from '../../sound/feedback-sound';
import { useAppStore } from '../../stores/app-store';

/** A refusal the packer must see: red, in words, until the next good scan or Escape. */
export type ReturnBlocked = { outcome: ReturnScanOutcome | 'error'; message: string; hint?: string; code?: string; seq: number };
export type ReturnGood = { outcome: ReturnScanOutcome | 'opened' | 'finished' | 'refunded' | 'closed'; message: string; hint?: string; lineId?: number; seq: number };
/** A scanned order with no return announced: receive its parcel without an RMA? */
export type Unannounced = { orderId: number; orderNumber: string; message: string };
export type ReturnForm = 'refund' | 'close' | null;

type ReturnsState = {
  view: ReturnView | null;
  good: ReturnGood | null;
  blocked: ReturnBlocked | null;
  unannounced: Unannounced | null;
  form: ReturnForm;
  pending: number;
  /** a scan on the returns screen: counted into the open return, or opens the return it names */
  handleScan(text: string): Promise<void>;
  /** an RMA scanned on another screen: the returns screen comes up with it */
  openFromElsewhere(text: string): Promise<void>;
  openReturn(id: number): Promise<void>;
  receive(): Promise<void>;
  receiveUnannounced(): Promise<void>;
  grade(grade: Grade): Promise<void>;
  undo(): Promise<void>;
  finish(): Promise<void>;
  /** form actions throw their AppError so the form can mark its fields */
  refund(amountMinor?: number, reason?: string): Promise<void>;
  close(reason: string): Promise<void>;
  showForm(form: ReturnForm): void;
  dismiss(): void;
  clear(): void;
  refresh(): Promise<void>;
};

let seq = 0;
/** bumped by every answer to a local command, so a slower background refresh cannot overwrite it */
let version = 0;
let chain: Promise<unknown> = Promise.resolve();

/** Scans and commands run one after another, in the order the packer made them. */
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task);
  chain = run.catch(() => undefined);
  return run;
}

export const useReturnsStore = create<ReturnsState>()((set, get) => {
  const track = async <T>(call: () => Promise<T>): Promise<T> => {
    set((s) => ({ pending: s.pending + 1 }));
    try {
      return await call();
    } finally {
      set((s) => ({ pending: s.pending - 1 }));
    }
  };

  const refuse = (error: unknown, code?: string) => {
    const n = describeError(error);
    playBlocked();
    set({ blocked: { outcome: 'error', message: n.message, ...(n.hint ? { hint: n.hint } : {}), ...(code ? { code } : {}), seq: ++seq } });
  };

  const applyScan = (r: ReturnScanResult) => {
    version++;
    if (REFUSED_RETURN_OUTCOMES.includes(r.outcome)) {
      playBlocked();
      set({ view: r.view, blocked: { outcome: r.outcome, message: r.message, ...(r.hint ? { hint: r.hint } : {}), code: r.code, seq: ++seq } });
      return;
    }
    playAccepted();
    const lineId = r.view.awaitingGrade?.lineId ?? r.view.units.at(-1)?.lineId;
    set({ view: r.view, blocked: null, good: { outcome: r.outcome, message: r.message, ...(r.hint ? { hint: r.hint } : {}), ...(lineId ? { lineId } : {}), seq: ++seq } });
  };

  const shown = (view: ReturnView, message: string) => {
    version++;
    set({ view, blocked: null, unannounced: null, form: null, good: { outcome: 'opened', message, seq: ++seq } });
    useAppStore.getState().go('returns');
  };

  const open = async (code: string) => {
    const r = await track(() => api.call('returns.open', { code }));
    if (r.kind === 'return') shown(r.view, r.message);
    else {
      playBlocked();
      set({ unannounced: { orderId: r.orderId, orderNumber: r.orderNumber, message: r.message }, blocked: null });
      useAppStore.getState().go('returns');
    }
  };

  const withReturn = (fn: (view: ReturnView) => Promise<void>) => enqueue(async () => {
    const view = get().view;
    if (view) await fn(view);
  });

  return {
    view: null,
    good: null,
    blocked: null,
    unannounced: null,
    form: null,
    pending: 0,

    handleScan: (text) => enqueue(async () => {
      const code = text.trim();
      if (!code) return;
      const view = get().view;
      try {
        if (view?.status === 'received') applyScan(await track(() => api.call('returns.scan', { returnId: view.id, code })));
        else await open(code);
      } catch (e) {
        refuse(e, code);
      }
    }),

    openFromElsewhere: (text) => enqueue(async () => {
      try {
        await open(text.trim());
      } catch (e) {
        playBlocked();
        useAppStore.getState().showError(e);
      }
    }),

    openReturn: (id) => enqueue(async () => {
      try {
        const view = await track(() => api.call('returns.get', { id }));
        version++;
        set({ view, blocked: null, unannounced: null, form: null, good: null });
      } catch (e) {
        refuse(e);
      }
    }),

    receive: () => withReturn(async (view) => {
      try {
        shown(await track(() => api.call('returns.receive', { returnId: view.id })), `Return ${view.number} received: scan each item, then give it its grade.`);
      } catch (e) {
        refuse(e);
      }
    }),

    receiveUnannounced: () => enqueue(async () => {
      const u = get().unannounced;
      if (!u) return;
      try {
        const view = await track(() => api.call('returns.receiveUnannounced', { orderId: u.orderId }));
        shown(view, `The parcel for order ${u.orderNumber} is received as return ${view.number}: scan each item, then give it its grade.`);
      } catch (e) {
        set({ unannounced: null });
        refuse(e);
      }
    }),

    grade: (grade) => withReturn(async (view) => {
      try {
        applyScan(await track(() => api.call('returns.grade', { returnId: view.id, grade })));
      } catch (e) {
        refuse(e);
      }
    }),

    undo: () => withReturn(async (view) => {
      try {
        const next = await track(() => api.call('returns.undo', { returnId: view.id }));
        version++;
        set({ view: next, blocked: null, good: { outcome: 'undo', message: next.scans[0]?.message ?? 'Taken back.', seq: ++seq } });
      } catch (e) {
        refuse(e);
      }
    }),

    finish: () => withReturn(async (view) => {
      if (view.awaitingGrade) {
        playBlocked();
        set({ blocked: { outcome: 'error', seq: ++seq, message: `The ${view.awaitingGrade.sku} has no grade yet, so the return cannot be finished.`, hint: 'Give it its grade (keys 1 to 5), then press Enter.' } });
        return;
      }
      try {
        const next = await track(() => api.call('returns.finish', { returnId: view.id }));
        version++;
        playCompleted();
        set({ view: next, blocked: null, good: { outcome: 'finished', message: `Return ${next.number} is put away. Check the refund, then refund it (Alt+R) or close it.`, seq: ++seq } });
      } catch (e) {
        refuse(e);
      }
    }),

    refund: (amountMinor, reason) => withReturn(async (view) => {
      const next = await track(() => api.call('returns.refund', { returnId: view.id, ...(amountMinor !== undefined ? { amountMinor } : {}), reason: reason ?? '' }));
      version++;
      playCompleted();
      set({ view: next, form: null, blocked: null, good: { outcome: 'refunded', message: `Return ${next.number} refunded. ${next.refund?.push.words ?? ''} Scan the next parcel.`, seq: ++seq } });
    }),

    close: (reason) => withReturn(async (view) => {
      const next = await track(() => api.call('returns.close', { returnId: view.id, reason }));
      version++;
      set({ view: next, form: null, blocked: null, good: { outcome: 'closed', message: `Return ${next.number} is closed without a refund.`, seq: ++seq } });
    }),

    showForm(form) { set({ form }); },
    dismiss() { set({ blocked: null, unannounced: null }); },
    clear() { set({ view: null, good: null, blocked: null, form: null }); },

    async refresh() {
      const view = get().view;
      if (!view || get().pending > 0) return;
      const before = version;
      try {
        const next = await api.call('returns.get', { id: view.id });
        if (before === version && get().view?.id === next.id) set({ view: next });
      } catch {
        // the next command answers with the whole view anyway
      }
    },
  };
});
