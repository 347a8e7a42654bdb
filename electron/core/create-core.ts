import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { api, isMethodName, type MethodName } from '../../shared/contract/api';
import { AppError, type AppErrorShape } from '../../shared/contract/errors';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { findUnstorableText, UNSTORABLE_WORDS } from '../../shared/domain/stored-text';
import { systemClock, type Clock } from './clock';
import { inventoryHandlers } from './handlers/inventory-handlers';
import { ordersHandlers } from './handlers/orders-handlers';
import { packHandlers } from './handlers/pack-handlers';
import { printHandlers } from './handlers/print-handlers';
import { phonesHandlers } from './handlers/phones-handlers';
import { pickingHandlers } from './handlers/picking-handlers';
import { routingHandlers } from './handlers/routing-handlers';
import { rulesHandlers } from './handlers/rules-handlers';
import { returnsHandlers } from './handlers/returns-handlers';
import { shippingHandlers } from './handlers/shipping-handlers';
import type { Handler, HandlerContext, HandlerMap } from './handlers/types';
import { stationHandlers } from './handlers/station-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import { workspaceScreensHandlers } from './handlers/workspace-screens-handlers';
import { inWords } from './validation-words';
import { backupHandlers } from './handlers/backup-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import { stockSyncHandlers } from './handlers/stock-sync-handlers';
import { stopDemoChannels } from './demo/demo-channels';
import type { BackupOptions } from './services/backup-service';
import { deviceHandlers, serialScannersOf } from './handlers/device-handlers';
import { createStationDevices, type DeviceBackends, type StationDevices } from './devices/station-devices';
import { stationPrinterFactory } from './devices/station-printers';
import type { PrinterFactory } from './services/print-service';
import type { SyncOptions } from './sync/engine/sync-engine';
import { openKeyFileBox } from './sync/secrets/key-file-box';
import type { SecretBox } from './sync/secrets/secret-box';
import { openWorkspace, replaceWorkspace, type ShippingOptions, type Workspace } from './workspace';

export type CoreOptions = {
  dataDir: string;
  clock?: Clock;
  /** the operator name recorded on movements and events */
  actor?: string;
  /** what a new, empty data folder becomes */
  firstRun?: 'demo' | 'empty';
  version?: string;
  /** how a printer profile becomes a driver; tests pass fakes or point at emulators */
  printerFactory?: PrinterFactory;
  /** carrier adapters, credentials store, retry timing and demo carrier emulators */
  shipping?: ShippingOptions;
  /** how long backups are kept and when the daily one is checked */
  backups?: BackupOptions;
  /** scanner, scale and printer buses; none given: an empty simulated bus, no hardware touched */
  devices?: DeviceBackends;
  /** the desktop app passes Electron safeStorage; otherwise keys are sealed with a key file beside the database */
  secretBox?: SecretBox;
  /** sync engine settings: tests point fetch at emulators, shorten timings, or start it by hand */
  sync?: Omit<SyncOptions, 'secrets'>;
};

export type CoreEventListener = (event: EventName, payload: unknown) => void;

export type CoreResult = { ok: true; result: unknown } | { ok: false; error: AppErrorShape };

/** One screen's link to the core: its requests carry its bench (who is packing there). */
export type Connection = { handle(method: string, input: unknown): Promise<CoreResult> };
/** Who is at one screen: the token of its bench session (kept by the screen), if someone chose their name. */
export type BenchState = { token: string | null };

export type Core = {
  handle(method: string, input: unknown): Promise<CoreResult>;
  /** a connection per screen (a browser tab, a window), so each records its own packer */
  connect(options?: { benchToken?: string | null }): Connection;
  onEvent(listener: CoreEventListener): () => void;
  workspace(): Workspace;
  /** the browser station tells the core where phones can reach it */
  setNetworkAddresses(fn: () => string[]): void;
  /** the station's scanners, scales and printers */
  devices: StationDevices;
  close(): void;
  dataDir: string;
};

/**
 * Wires store -> services -> handlers. Every request is validated against the shared contract;
 * commands run one at a time; every failure becomes an AppError with words, never a stack trace.
 */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const actorName = options.actor ?? safeUserName();
  // the screen a request came from; background work (printing, sync) runs outside any request
  const benchOfRequest = new AsyncLocalStorage<BenchState>();
  const defaultBench: BenchState = { token: null };
  const packerHere = () => {
    const token = benchOfRequest.getStore()?.token;
    return token ? ws.packers.packerOfToken(token) : null;
  };
  /** the name recorded on every scan, pack, movement and event: the packer at this screen */
  const actor = () => {
    const bench = benchOfRequest.getStore();
    if (!bench) return actorName;
    const packer = packerHere();
    if (packer) return packer.name;
    if (ws.packers.required()) {
      throw new AppError('unauthorized', 'Choose who is packing before recording work: nothing was recorded.', 'Pick your name under "Who is packing?" at the top of the screen.');
    }
    return actorName;
  };
  const displayActor = () => {
    try { return packerHere()?.name ?? actorName; } catch { return actorName; }
  };
  const listeners = new Set<CoreEventListener>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const l of listeners) {
      try { l(event, payload); } catch (e) { console.error('[core] event listener failed', e); }
    }
  };
  let keyFileBox: SecretBox | null = null;
  // one secret box for every key the app keeps: channel keys and carrier keys alike
  const secrets = (): SecretBox | null => {
    if (options.secretBox) return options.secretBox;
    try { return (keyFileBox ??= openKeyFileBox(options.dataDir)); } catch (e) { console.error('[core] the key file could not be opened', e); return null; }
  };
  const devices = createStationDevices(options.devices, { clock, emit, serialScanners: () => serialScannersOf(ws) });
  const deps = {
    clock, actor, emit, printerFactory: options.printerFactory ?? stationPrinterFactory(devices), shipping: options.shipping, backups: options.backups,
    sync: { ...options.sync, secrets }, scale: () => devices.hub.scaleReading(), outsideBench: <T>(fn: () => T): T => benchOfRequest.exit(fn),
  };
  let ws = openWorkspace(options.dataDir, deps, options.firstRun ?? 'demo');
  devices.hub.start();
  const handlers: HandlerMap = {
    ...ordersHandlers, ...inventoryHandlers, ...workspaceHandlers(displayActor), ...packHandlers, ...printHandlers, ...shippingHandlers, ...backupHandlers,
    ...syncHandlers, ...stationHandlers, ...deviceHandlers(devices), ...rulesHandlers, ...routingHandlers, ...pickingHandlers, ...phonesHandlers, ...workspaceScreensHandlers, ...returnsHandlers, ...stockSyncHandlers,
  };

  let networkAddresses: () => string[] = () => [];
  const ctx: HandlerContext = {
    networkAddresses: () => networkAddresses(),
    get ws() { return ws; },
    bench: () => benchOfRequest.getStore() ?? defaultBench,
    emit,
    dataDir: options.dataDir,
    version: options.version ?? '0.1.0',
    replaceWorkspace(what) {
      try {
        // seeding is the station's own work, not the packer's, and the old workspace is closed meanwhile
        ws = benchOfRequest.exit(() => replaceWorkspace(options.dataDir, ws, deps, what));
        return ws;
      } catch (e) {
        const restored = (e as { restored?: Workspace }).restored;
        if (restored) ws = restored;
        console.error('[core] replacing the workspace failed', e);
        throw new AppError('storage', 'The new workspace could not be created. Your previous workspace is back, unchanged.',
          'Check that the data folder is writable and has free space, then try again.');
      }
    },
  };

  let commandQueue: Promise<unknown> = Promise.resolve();

  async function run(method: MethodName, rawInput: unknown): Promise<unknown> {
    const spec = api[method];
    const parsed = spec.input.safeParse(rawInput ?? {}, { error: inWords });
    if (!parsed.success) throw validationError(method, parsed.error);
    const unstorable = findUnstorableText(parsed.data);
    if (unstorable) {
      console.error(`[core] ${method} refused: ${unstorable.what} in ${unstorable.path}`);
      throw new AppError('invalid_request', `${UNSTORABLE_WORDS[unstorable.what]} Nothing was changed.`,
        'Type the text again instead of pasting it, then try again.', { [unstorable.path]: UNSTORABLE_WORDS[unstorable.what] });
    }
    const handler = handlers[method] as Handler<MethodName> | undefined;
    if (!handler) {
      console.warn(`[core] no handler for ${method}`);
      throw new AppError('unknown_method', 'This screen asked for something this version of Packbench cannot do yet.', 'Nothing was changed. Update Packbench, or reload the page.');
    }
    const result = await handler(parsed.data as never, ctx);
    const out = spec.output.safeParse(result);
    if (!out.success) {
      console.error(`[core] ${method} answered outside the contract`, z.prettifyError(out.error));
      // a command has already committed: saying "nothing changed" would send the packer to do it twice
      if (spec.kind === 'command') {
        throw new AppError('internal', 'The change was saved, but Packbench could not show its result.', 'Reload the screen to see it. Please report this with the log.');
      }
      throw new AppError('internal', 'Packbench could not show this: what it read does not have the expected shape. Nothing was changed.', 'Reload the screen; if it repeats, report it with the log.');
    }
    return out.data;
  }

  async function handle(method: string, input: unknown): Promise<CoreResult> {
    try {
      if (!isMethodName(method)) {
        console.warn(`[core] unknown request ${String(method).slice(0, 100)}`);
        throw new AppError('unknown_method', 'Packbench did not recognise this request.', 'Nothing was changed. Reload the page; if it repeats, update Packbench.');
      }
      let result: unknown;
      if (api[method].kind === 'command') {
        const next = commandQueue.then(() => run(method, input));
        commandQueue = next.catch(() => undefined);
        result = await next;
      } else {
        result = await run(method, input);
      }
      return { ok: true as const, result };
    } catch (e) {
      return { ok: false as const, error: toErrorShape(e, method) };
    }
  }

  return {
    dataDir: options.dataDir,
    devices,
    workspace: () => ws,
    connect(connectOptions = {}) {
      const bench: BenchState = { token: connectOptions.benchToken || null };
      return { handle: (method, input) => benchOfRequest.run(bench, () => handle(method, input)) };
    },
    setNetworkAddresses(fn) { networkAddresses = fn; },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    handle: (method, input) => benchOfRequest.run(defaultBench, () => handle(method, input)),
    close() {
      listeners.clear();
      void devices.stop();
      ws.close();
      void stopDemoChannels(options.dataDir);
    },
  };
}

function validationError(method: string, error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '(request)'] = issue.message;
  // method names and field paths are for whoever reads the log, never for the packer
  console.warn(`[core] ${method} refused:`, error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; '));
  const words = error.issues[0]?.message ?? 'Packbench could not read this request.';
  return new AppError('invalid_request', words, 'Nothing was changed. Correct it and try again.', fields);
}

export function toErrorShape(e: unknown, method: string): AppErrorShape {
  if (e instanceof AppError) return e.toShape();
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    console.warn(`[core] ${method} refused by the database: ${code}`, (e as Error).message);
    return { code: 'conflict', message: 'The change was refused because it clashes with what is already recorded. Nothing was changed.', hint: 'Reload and check the values; a duplicate code or a count below zero is the usual cause.' };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
    console.error(`[core] ${method}: the database could not be written (${code})`, e);
    return { code: 'storage', message: 'The data could not be saved to disk. Nothing was changed.', hint: 'Check the disk has free space, then try again.' };
  }
  console.error(`[core] ${method} failed`, e);
  return { code: 'internal', message: 'Something went wrong inside Packbench. Nothing was changed.', hint: 'Try again; if it repeats, restart Packbench and report it with the log.' };
}

function safeUserName(): string {
  try { return userInfo().username || 'station'; } catch { return 'station'; }
}
