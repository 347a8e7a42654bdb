import { create } from 'zustand';
import { parseQuantityCommand } from '../../../../shared/codes/quantity';
import { BLOCKED_OUTCOMES, PRINT_JOB_STATUSES, type PackView, type PrintJob, type ScanOutcome, type ScanResult } from '../../../../shared/contract/pack';
import type { CodeLookup } from '../../../../shared/contract/station-api';
import { AppError, isAppError } from '../../../../shared/contract/errors';
import { api } from '../../api/client';
import { describeError } from '../../lib/describe-error';
import { playAccepted, playBlocked, playCompleted } from '../../sound/feedback-sound';
import { useAppStore } from '../../stores/app-store';
import { useOrdersStore } from '../../stores/orders-store';

/** A refusal the packer must see before going on: shown huge, in red, until the next good scan or Escape. */
export type Blocked = {
  outcome: ScanOutcome | 'error';
  message: string;
  hint?: string;
  /** the scanned code (normalised by the core), for "assign this code to a SKU" */
  code?: string;
  /** a heading of its own when the outcome's would mislead */
  title?: string;
  seq: number;
};

/** A product scanned where nothing is being packed: what it is and the orders still to pack that hold it. */
export type FoundProduct = Extract<CodeLookup, { kind: 'product' }>;

/** A scan sent to the station and not answered yet: shown as waiting until it is confirmed. */
export type WaitingScan = { ticket: number; code: string };

/** Where a code came from: a scanner (always a code), or typed into the entry field (may be "x12"). */
export type ScanSource = 'scan' | 'typed';

/** The last thing that went right, for the green flash and the words under the order number. */
export type Good = { outcome: ScanOutcome | 'opened' | 'completed' | 'split'; message: string; lineId?: number; seq: number };

export type PackForm = 'split' | 'override' | 'abandon' | 'assign';

type PackState = {
  view: PackView | null;
  /** the label of the parcel closed last; its failure never blocks the next order */
  label: PrintJob | null;
  good: Good | null;
  blocked: Blocked | null;
  form: PackForm | null;
  /** the code the assign form is for */
  assignCode: string;
  /** commands sent and not answered yet */
  pending: number;
  /** scans not answered yet, oldest first */
  waiting: WaitingScan[];
  /** a product scanned with no order open */
  found: FoundProduct | null;
  /** true once pack.current answered at start */
  resumed: boolean;
  /** show the label preview after each parcel; remembered while the station runs */
  preview: boolean;

  resume(): Promise<void>;
  /** A scan from the global scanner, or a code typed into the manual entry field. */
  handleScan(text: string, source?: ScanSource): Promise<void>;
  /** Something that must stop the packer, in words (a refused burst of keys, a dialog in the way). */
  refuseWords(message: string, hint?: string, code?: string): void;
  clearFound(): void;
  openOrder(orderId: number): Promise<void>;
  multiply(quantity: number): Promise<void>;
  undo(): Promise<void>;
  complete(): Promise<void>;
  /** Form actions throw their AppError so the form can mark its fields. */
  split(reason: string): Promise<void>;
  abandon(reason: string): Promise<void>;
  override(lineId: number, supervisor: string, reason: string, pin?: string): Promise<void>;
  assign(code: string, sku: string, reason: string): Promise<void>;
  retryLabel(): Promise<void>;
  reprintLabel(): Promise<void>;
  /** the label job was sent to another printer: the bench follows it there */
  labelMoved(job: PrintJob): void;
  dismiss(): void;
  togglePreview(): void;
  showForm(form: PackForm | null, assignCode?: string): void;
  refresh(): Promise<void>;
  labelChanged(jobId: number, status: string, message: string): Promise<void>;
  /** the next order may be scanned: forget the closed one (its label stays) */
  clear(): void;
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

function isBlocked(outcome: ScanOutcome): boolean {
  return BLOCKED_OUTCOMES.includes(outcome);
}

function active(view: PackView | null): view is PackView {
  return view !== null && view.sessionStatus === 'active';
}

/** "Took back 1 × MUG-ENM-BLUE (Enamel Camp Mug — Blue)": the line whose count went down. */
function undoWords(before: PackView | null, after: PackView): string {
  for (const line of after.lines) {
    const was = before?.lines.find((l) => l.lineId === line.lineId);
    if (was && was.scanned > line.scanned) {
      return `Took back ${was.scanned - line.scanned} × ${line.sku} (${line.title}): ${line.sku} is now ${line.scanned} of ${line.expected}.`;
    }
  }
  return 'The last counted scan was taken back.';
}

/** What earlier parcels of a split order hold, in words: "parcel 1" or "parcels 1 to 2". */
export function packedEarlierWords(view: PackView): string {
  const last = view.parcelNo - 1;
  return last <= 1 ? 'parcel 1' : `parcels 1 to ${last}`;
}

export const usePackStore = create<PackState>()((set, get) => {
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

  /** Off the pack screen a refusal is a notice; on it, the red screen. */
  const refuseHere = (error: unknown, code?: string) => {
    if (useAppStore.getState().screen === 'pack') refuse(error, code);
    else {
      playBlocked();
      useAppStore.getState().showError(error);
    }
  };

  let ticket = 0;
  const waitFor = (code: string): (() => void) => {
    const mine = ++ticket;
    set((s) => ({ waiting: [...s.waiting, { ticket: mine, code }] }));
    return () => set((s) => ({ waiting: s.waiting.filter((w) => w.ticket !== mine) }));
  };

  /** A product scanned with no order open: on the pack screen it is shown with its open orders; elsewhere the queue finds them. */
  const showProduct = (found: FoundProduct) => {
    const app = useAppStore.getState();
    if (app.screen === 'pack') {
      set({ found, blocked: null, good: null });
      return;
    }
    useOrdersStore.getState().close();
    useOrdersStore.getState().setSearch(found.sku);
    app.go('orders');
    app.showInfo(`${found.code} is ${found.sku} (${found.title}). The queue shows the orders that contain it${found.openOrderCount ? `; ${found.openOrderCount} still to pack` : ''}.`);
  };

  const applyScan = (r: ScanResult) => {
    version++;
    if (isBlocked(r.outcome)) {
      playBlocked();
      set({ view: r.view, blocked: { outcome: r.outcome, message: r.message, ...(r.hint ? { hint: r.hint } : {}), ...(r.title ? { title: r.title } : {}), code: r.code, seq: ++seq } });
      return;
    }
    if (r.outcome === 'accepted') playAccepted();
    set({ found: null });
    const last = [...r.view.scans].sort((a, b) => b.id - a.id).find((s) => s.outcome === r.outcome && !s.undone);
    const line = last?.sku ? r.view.lines.find((l) => l.sku === last.sku) : undefined;
    set({ view: r.view, blocked: null, good: { outcome: r.outcome, message: r.message, ...(line ? { lineId: line.lineId } : {}), seq: ++seq } });
  };

  const opened = (view: PackView) => {
    version++;
    const resumed = view.scans.length > 0;
    set({
      view, blocked: null, form: null, found: null,
      good: { outcome: 'opened', message: resumed ? `Order ${view.orderNumber} resumed where it was left: keep scanning.` : `Order ${view.orderNumber} is open: scan its items.`, seq: ++seq },
    });
    useAppStore.getState().go('pack');
  };

  const closed = (view: PackView, labelJob: PrintJob | null, how: 'completed' | 'split') => {
    version++;
    playCompleted();
    const message = how === 'split'
      ? `Parcel ${view.parcelNo} of order ${view.orderNumber} is closed. Scan the order again to pack what is left.`
      : `Order ${view.orderNumber} is packed.`;
    set({ view, label: labelJob ?? view.labelJobs.at(-1) ?? null, blocked: null, form: null, good: { outcome: how, message, seq: ++seq } });
  };

  async function scanNow(code: string, source: ScanSource): Promise<void> {
    const app = useAppStore.getState();
    const view = get().view;
    // a quantity is typed, never scanned: a barcode reading "X12" is a code like any other
    const quantity = source === 'typed' ? parseQuantityCommand(code) : { kind: 'none' as const };
    if (quantity.kind === 'invalid') {
      refuseHere(new AppError('blocked_scan', quantity.message, 'Nothing was counted.'));
      return;
    }
    if (app.screen === 'pack' && active(view)) {
      try {
        const r = await track(() => quantity.kind === 'quantity'
          ? api.call('pack.multiply', { sessionId: view.sessionId, quantity: quantity.quantity })
          : api.call('pack.scan', { sessionId: view.sessionId, code }));
        applyScan(r);
      } catch (e) {
        refuse(e, code);
      }
      return;
    }
    if (quantity.kind === 'quantity') {
      refuseHere(new AppError('blocked_scan', `"${code}" counts the last item scanned as several, but no order is open.`, 'Scan the packing slip, scan the item, then type the quantity.'));
      return;
    }
    try {
      opened(await track(() => api.call('pack.open', { code })));
      return;
    } catch (e) {
      if (!isAppError(e) || e.code !== 'not_found') {
        refuseHere(e, code);
        return;
      }
    }
    // not an order: a product, perhaps
    try {
      const found = await track(() => api.call('scan.lookup', { code }));
      if (found.kind === 'product') showProduct(found);
      else if (found.kind === 'order') opened(await track(() => api.call('pack.open', { orderId: found.orderId })));
      else refuseHere(new AppError('not_found', found.message, found.hint), code);
    } catch (e) {
      refuseHere(e, code);
    }
  }

  const withSession = (fn: (sessionId: number) => Promise<void>) => enqueue(async () => {
    const view = get().view;
    if (!active(view)) return;
    await fn(view.sessionId);
  });

  return {
    view: null,
    label: null,
    good: null,
    blocked: null,
    form: null,
    assignCode: '',
    pending: 0,
    waiting: [],
    found: null,
    resumed: false,
    preview: false,

    resume: () => enqueue(async () => {
      try {
        const view = await api.call('pack.current', {});
        version++;
        set({ resumed: true });
        if (view) opened(view);
        else if (active(get().view)) set({ view: null });
      } catch (e) {
        set({ resumed: true });
        // a core without the pack station yet: the pack screen says so when a scan is refused
        if (isAppError(e) && e.code === 'unknown_method') console.warn('[pack] this core has no pack station', e.message);
        else useAppStore.getState().showError(e);
      }
    }),

    handleScan(text, source = 'scan') {
      const code = text.trim();
      if (code === '') return Promise.resolve();
      // shown as waiting from the moment it is made until the station has answered it
      const done = waitFor(code);
      return enqueue(async () => {
        try {
          await scanNow(code, source);
        } finally {
          done();
        }
      });
    },

    refuseWords(message, hint, code) {
      refuseHere(new AppError('blocked_scan', message, hint), code);
    },

    clearFound() { set({ found: null }); },

    openOrder: (orderId) => enqueue(async () => {
      try {
        opened(await track(() => api.call('pack.open', { orderId })));
      } catch (e) {
        refuse(e);
      }
    }),

    multiply: (quantity) => withSession(async (sessionId) => {
      try {
        applyScan(await track(() => api.call('pack.multiply', { sessionId, quantity })));
      } catch (e) {
        refuse(e);
      }
    }),

    undo: () => withSession(async (sessionId) => {
      try {
        const before = get().view;
        const view = await track(() => api.call('pack.undo', { sessionId }));
        version++;
        set({ view, blocked: null, good: { outcome: 'undo', message: undoWords(before, view), seq: ++seq } });
      } catch (e) {
        refuse(e);
      }
    }),

    complete: () => withSession(async (sessionId) => {
      if (!get().view?.verified) {
        playBlocked();
        set({ blocked: {
          outcome: 'error', seq: ++seq,
          message: 'This parcel is not complete yet: scan the missing items first.',
          hint: 'Or split the parcel (Alt+S), or ask a supervisor to mark a line done (Alt+O).',
        } });
        return;
      }
      try {
        const r = await track(() => api.call('pack.complete', { sessionId }));
        closed(r.view, r.labelJob, 'completed');
      } catch (e) {
        refuse(e);
      }
    }),

    split: (reason) => withSession(async (sessionId) => {
      const r = await track(() => api.call('pack.split', { sessionId, reason }));
      closed(r.view, r.labelJob, 'split');
    }),

    abandon: (reason) => withSession(async (sessionId) => {
      const view = await track(() => api.call('pack.abandon', { sessionId, reason }));
      version++;
      const message = view.parcelNo > 1
        ? `Parcel ${view.parcelNo} of order ${view.orderNumber} was put back: ${packedEarlierWords(view)} stays packed, and the rest of the order waits to be packed.`
        : `Order ${view.orderNumber} was put back in the queue; nothing was packed.`;
      set({ view: null, blocked: null, form: null, good: { outcome: 'opened', message, seq: ++seq } });
    }),

    override: (lineId, supervisor, reason, pin = '') => withSession(async (sessionId) => {
      const view = await track(() => api.call('pack.override', { sessionId, lineId, supervisor, reason, pin }));
      version++;
      const line = view.lines.find((l) => l.lineId === lineId);
      set({ view, blocked: null, form: null, good: { outcome: 'override', message: `${supervisor} marked ${line?.sku ?? 'the line'} as done without scanning.`, lineId, seq: ++seq } });
    }),

    assign: (code, sku, reason) => enqueue(async () => {
      const view = get().view;
      const r = await track(() => api.call('pack.assignCode', { code, sku, reason, ...(active(view) ? { sessionId: view.sessionId } : {}) }));
      set({ blocked: null, form: null, assignCode: '', good: { outcome: 'accepted', message: `Code ${r.code} now belongs to ${r.sku}. Scan the item again to count it.`, seq: ++seq } });
    }),

    retryLabel: () => enqueue(async () => {
      const label = get().label;
      if (!label) return;
      try {
        set({ label: await track(() => api.call('print.retry', { jobId: label.id })) });
      } catch (e) {
        useAppStore.getState().showError(e);
      }
    }),

    reprintLabel: () => enqueue(async () => {
      const label = get().label;
      if (!label) return;
      try {
        set({ label: await track(() => api.call('print.reprint', { jobId: label.id })) });
      } catch (e) {
        useAppStore.getState().showError(e);
      }
    }),

    labelMoved(job) { if (get().label?.id === job.id) set({ label: job }); },

    dismiss() { set({ blocked: null }); },
    togglePreview() { set((s) => ({ preview: !s.preview })); },

    showForm(form, assignCode) {
      set({ form, ...(assignCode !== undefined ? { assignCode } : {}) });
    },

    async refresh() {
      const view = get().view;
      if (!view || get().pending > 0) return;
      const before = version;
      try {
        const next = await api.call('pack.get', { sessionId: view.sessionId });
        if (before === version && get().view?.sessionId === next.sessionId) set({ view: next });
      } catch {
        // the next scan answers with the whole view anyway
      }
    },

    async labelChanged(jobId, status, message) {
      const label = get().label;
      if (label?.id !== jobId) return;
      // the event's words show at once; the job itself follows
      if ((PRINT_JOB_STATUSES as readonly string[]).includes(status)) {
        const known = status as PrintJob['status'];
        set({ label: { ...label, status: known, error: known === 'failed' || known === 'unconfirmed' ? message || label.error : '' } });
      }
      try {
        const { zpl: _zpl, dpi: _dpi, labelSize: _size, ...job } = await api.call('print.job', { jobId });
        if (get().label?.id === jobId) set({ label: job });
      } catch {
        // the status words in the event are enough until the next change
      }
    },

    clear() {
      if (!active(get().view)) set({ view: null, good: null });
    },
  };
});
