// Every scanner, scale and (USB / OS-queue) printer plugged into this station, kept up to date by
// polling the buses once a second: a device that appears is opened, one that disappears is marked
// unplugged in words and opened again when it comes back. Scans go out as `devices.scan` events
// that one screen claims and handles exactly like a keyboard-wedge scan; scale reports become one
// current reading. Nothing here throws at a caller because a device misbehaved: failures are
// kept on the device, in words, and shown on the Devices screen.

import type { Device, ScaleReading } from '../../../shared/contract/devices';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { isoNow, type Clock } from '../clock';
import { HID_PAGE, hidDeviceKey, hidIds, type HidBackend, type HidConnection, type HidDeviceInfo } from '../drivers/hid/hid-backend';
import { DOCUMENTED_SCALE_LAYOUT, parseScaleReport, scaleLayoutFromDescriptor, type ScaleLayout } from '../drivers/scale/hid-pos-scale';
import { createScaleTracker, type ScaleTracker } from '../drivers/scale/scale-tracker';
import { createScanAssembler, DOCUMENTED_SCANNER_LAYOUT, scannerLayoutFromDescriptor, type ScannerLayout } from '../drivers/scanner/hid-pos-scanner';
import { createSerialFramer } from '../drivers/scanner/serial-scanner';
import type { SerialBackend, SerialConnection, SerialPortInfo } from '../drivers/serial/serial-backend';
import { languageOf, parseDeviceIdReply, parsePortStatus, type DeviceId } from '../drivers/usb/ieee1284';
import { usbPrinterKey, type UsbBackend, type UsbPrinterInfo } from '../drivers/usb/usb-backend';
import { OsQueueError, type OsQueueBackend } from '../drivers/printer/os-queue';
import type { LabelLanguage } from '../../../shared/contract/devices';
import { openFailureWords, READY_WORDS, serialOpenFailureWords, unpluggedWords } from './device-words';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type SerialScannerConfig = { path: string; baudRate: number };

export type DeviceHubOptions = {
  hid: HidBackend;
  serial: SerialBackend | null;
  /** printer-class USB devices; null where the station has no USB access */
  usb?: UsbBackend | null | undefined;
  /** the computer's print queues (CUPS); null where there are none to use */
  osQueues?: OsQueueBackend | null | undefined;
  clock: Clock;
  emit: Emit;
  /** configured serial scanners; read on every poll, so a change applies within a second */
  serialScanners(): SerialScannerConfig[];
  pollMs?: number;
  /** devices on this hub are a simulated bench (browser demo), said so on screen */
  simulated?: boolean;
  /** monotonic milliseconds; tests pass their own */
  now?: () => number;
};

/** A scale whose usage page hidapi could not read (old macOS, some Windows drivers) is still known by its ids. */
const KNOWN_SCALES = new Set(['0922:8003', '0922:8004', '0922:8009', '1446:6a73', '1446:6a78', '0eb8:f000', '0b67:555e', '2474:0550']);

type Entry = Device & {
  path: string;
  close: (() => Promise<void>) | null;
  /** set while the device is open */
  hid: HidConnection | null;
  scale: { layout: ScaleLayout; tracker: ScaleTracker } | null;
  serial: SerialConnection | null;
  /** USB printers: where it is now, and what its device id said */
  usbInfo: UsbPrinterInfo | null;
  usbId: DeviceId | null;
};

// Listing serial ports (udevadm on Linux) and print queues (lpstat) starts processes: done every few
// seconds while someone looks at the Devices screen, and not at all otherwise, so the bench is never
// slowed by device discovery (a queue's state is read again when a label is sent to it anyway).
const LIST_WHILE_WATCHED_MS = 5_000;
const WATCHED_FOR_MS = 60_000;

const SCALE_NONE_WORDS = 'No scale is plugged in: plug in a USB scale, or type the parcel weight.';

export function createDeviceHub(options: DeviceHubOptions) {
  const { hid, serial, clock, emit } = options;
  const pollMs = options.pollMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  const simulated = options.simulated ?? false;
  const entries = new Map<string, Entry>();
  const opening = new Set<string>();
  const claims = new Map<string, number>();
  const notes = new Set<string>();
  let serialPorts: SerialPortInfo[] = [];
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let wantFull = false;
  let scanSeq = 0;
  let stopped = false;
  let scaleTimer: NodeJS.Timeout | undefined;
  let hidNote = '';
  let watchedUntil = 0;
  /** set during a poll someone asked for (tests, a changed setting): lists everything once */
  let explicit = false;
  const lastListed = new Map<string, number>();
  /** whether an expensive list is due: every few seconds while the Devices screen is open (and on an explicit poll) */
  function due(what: string): boolean {
    const t = now();
    if (t >= watchedUntil && !explicit) return false;
    const last = lastListed.get(what);
    if (last !== undefined && t - last < LIST_WHILE_WATCHED_MS && !explicit) return false;
    lastListed.set(what, t);
    return true;
  }
  let usbNote = '';
  let queueNote = '';

  function at(): string {
    return isoNow(clock);
  }

  function kindWord(kind: Device['kind']): string {
    return kind === 'scanner' ? 'scanner' : kind === 'scale' ? 'scale' : 'printer';
  }

  function announce(e: Entry, words: string, tone: 'info' | 'warning'): void {
    emit('devices.changed', { words: `${capital(kindWord(e.kind))} ${e.name}: ${words}`, tone });
  }

  function setReady(e: Entry, detail?: string): void {
    const was = e.state;
    e.state = 'ready';
    e.words = READY_WORDS[e.kind];
    if (detail) e.detail = detail;
    e.changedAt = at();
    if (was !== 'ready') announce(e, was === 'unplugged' ? 'plugged back in and ready.' : 'plugged in and ready.', 'info');
    if (e.kind === 'scale') scaleChanged();
  }

  function setUnplugged(e: Entry): void {
    if (e.state === 'unplugged') return;
    e.state = 'unplugged';
    e.words = unpluggedWords(kindWord(e.kind));
    e.changedAt = at();
    void closeEntry(e);
    announce(e, 'unplugged. Plug it back in; it is picked up again by itself.', 'warning');
    if (e.kind === 'scale') scaleChanged();
  }

  function setError(e: Entry, words: string): void {
    const same = e.state === 'error' && e.lastError === words;
    e.state = 'error';
    e.words = words;
    e.lastError = words;
    e.lastErrorAt = at();
    e.changedAt = e.lastErrorAt;
    if (!same) announce(e, words, 'warning');
    if (e.kind === 'scale') scaleChanged();
  }

  async function closeEntry(e: Entry): Promise<void> {
    const close = e.close;
    e.close = null;
    e.hid = null;
    e.serial = null;
    if (e.scale) e.scale = { ...e.scale, tracker: createScaleTracker() };
    if (close) await close().catch(() => undefined);
  }

  function entryFor(id: string, init: () => Omit<Entry, 'id' | 'state' | 'words' | 'lastError' | 'lastErrorAt' | 'changedAt' | 'simulated' | 'close' | 'hid' | 'scale' | 'serial' | 'printer' | 'usbInfo' | 'usbId'> & Partial<Pick<Entry, 'printer'>>): Entry {
    let e = entries.get(id);
    if (!e) {
      e = {
        id, state: 'not-set-up', words: 'Being opened…', lastError: '', lastErrorAt: null, changedAt: at(), simulated,
        close: null, hid: null, scale: null, serial: null, printer: null, usbInfo: null, usbId: null, ...init(),
      };
      entries.set(id, e);
    }
    return e;
  }

  // ---- HID POS scanners and scales ----

  function hidKind(d: HidDeviceInfo): 'scanner' | 'scale' | null {
    if (d.usagePage === HID_PAGE.barCodeScanner) return 'scanner';
    if (d.usagePage === HID_PAGE.weighingDevices) return 'scale';
    // A keyboard or any other usage is never opened: a wedge scanner keeps typing as before.
    if (d.usagePage === undefined && KNOWN_SCALES.has(hidIds(d))) return 'scale';
    return null;
  }

  function hidName(d: HidDeviceInfo, kind: 'scanner' | 'scale'): string {
    const product = d.product?.trim();
    const maker = d.manufacturer?.trim();
    if (product) return maker && !product.toLowerCase().includes(maker.toLowerCase().split(' ')[0] ?? '') ? `${maker} ${product}` : product;
    return `${kind === 'scanner' ? 'HID POS scanner' : 'USB scale'} ${hidIds(d)}`;
  }

  async function openHid(d: HidDeviceInfo, kind: 'scanner' | 'scale', e: Entry): Promise<void> {
    const descriptor = await hid.reportDescriptor(d).catch(() => undefined);
    let from = 'documented (the OS gives no descriptor)';
    let scanner: ScannerLayout | null = null;
    let scaleLayout: ScaleLayout | null = null;
    if (kind === 'scanner') {
      scanner = DOCUMENTED_SCANNER_LAYOUT;
      if (descriptor) {
        const r = scannerLayoutFromDescriptor(descriptor);
        if (!r.ok) {
          setError(e, `It says it is a HID POS scanner but ${r.reason}: set it to "HID POS" mode with its programming barcodes, or use it as a keyboard.`);
          return;
        }
        scanner = r.layout;
        from = 'from its descriptor';
      }
    } else {
      scaleLayout = DOCUMENTED_SCALE_LAYOUT;
      if (descriptor) {
        const r = scaleLayoutFromDescriptor(descriptor);
        if (!r.ok) {
          setError(e, `It says it is a USB scale but ${r.reason}: it cannot be read by Packbench; type the weight instead.`);
          return;
        }
        scaleLayout = r.layout;
        from = 'from its descriptor';
      }
    }
    let conn: HidConnection;
    try {
      conn = await hid.open(d);
    } catch (err) {
      setError(e, openFailureWords(kind, err));
      return;
    }
    if (stopped) {
      await conn.close();
      return;
    }
    e.hid = conn;
    e.path = d.path;
    e.close = () => conn.close();
    conn.onError(() => {
      if (e.hid === conn) setUnplugged(e);
    });
    if (scanner) {
      const assembler = createScanAssembler(scanner);
      conn.onReport((report) => {
        const r = assembler.push(report, now());
        if (r && 'text' in r && r.text !== '') deliverScan(e, r.text);
      });
    }
    if (scaleLayout) {
      const s = { layout: scaleLayout, tracker: createScaleTracker() };
      e.scale = s;
      conn.onReport((report) => {
        const parsed = parseScaleReport(report, s.layout);
        if (!parsed || e.scale !== s) return;
        if (s.tracker.push(parsed, now())) scaleChanged();
        scheduleScaleCheck(s.tracker);
      });
    }
    setReady(e, `${hidIds(d)} · HID POS · report layout ${from}${simulated ? ' · simulated' : ''}`);
  }

  async function pollHid(): Promise<void> {
    let list: HidDeviceInfo[];
    try {
      list = await hid.list();
      notes.delete('hid');
    } catch (err) {
      notes.add('hid');
      hidNote = `Scanners in HID POS mode and USB scales cannot be used here: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    const present = new Set<string>();
    for (const d of list) {
      const kind = hidKind(d);
      if (!kind) continue;
      const id = hidDeviceKey(d);
      if (present.has(id)) continue; // one device, several collections: the first one is read
      present.add(id);
      const e = entryFor(id, () => ({ kind, connection: 'hid-pos', name: hidName(d, kind), detail: `${hidIds(d)} · HID POS`, path: d.path }));
      const open = e.hid !== null;
      if (open || opening.has(id)) continue;
      // a device in error is retried only when it comes back (unplugged and plugged in again)
      if (e.state === 'error' && e.path === d.path) continue;
      opening.add(id);
      try {
        await openHid(d, kind, e);
      } finally {
        opening.delete(id);
      }
    }
    for (const e of entries.values()) {
      if (e.connection !== 'hid-pos' || present.has(e.id)) continue;
      if (e.state === 'error') e.path = ''; // so it is tried again when it comes back
      setUnplugged(e);
    }
  }

  // ---- serial scanners ----

  async function pollSerial(): Promise<void> {
    let wanted: SerialScannerConfig[];
    try {
      wanted = options.serialScanners();
    } catch {
      return; // the workspace is being replaced or closed: look again next time
    }
    const wantedIds = new Set(wanted.map((w) => `serial:${w.path}`));
    for (const e of [...entries.values()]) {
      if (e.connection === 'serial' && !wantedIds.has(e.id)) {
        await closeEntry(e);
        entries.delete(e.id);
      }
    }
    if (!serial) {
      if (wanted.length) notes.add('serial');
      return;
    }
    if (due('ports')) serialPorts = await serial.list().catch(() => serialPorts);
    for (const w of wanted) {
      const id = `serial:${w.path}`;
      const e = entryFor(id, () => ({ kind: 'scanner', connection: 'serial', name: `Serial scanner on ${w.path}`, detail: `${w.path} · ${w.baudRate} baud`, path: w.path }));
      if (e.serial || opening.has(id)) continue;
      opening.add(id);
      try {
        const conn = await serial.open(w.path, w.baudRate);
        if (stopped) {
          await conn.close();
          continue;
        }
        e.serial = conn;
        e.close = () => conn.close();
        const framer = createSerialFramer();
        let flushTimer: NodeJS.Timeout | undefined;
        conn.onData((bytes) => {
          for (const text of framer.push(bytes, now())) deliverScan(e, text);
          clearTimeout(flushTimer);
          if (framer.pending()) {
            flushTimer = setTimeout(() => {
              for (const text of framer.flush(now())) deliverScan(e, text);
            }, framer.silenceMs + 5);
            flushTimer.unref?.();
          }
        });
        conn.onClose((unplugged) => {
          clearTimeout(flushTimer);
          if (e.serial !== conn) return;
          e.serial = null;
          e.close = null;
          if (unplugged) setUnplugged(e);
        });
        setReady(e, `${w.path} · ${w.baudRate} baud · serial`);
      } catch (err) {
        const words = serialOpenFailureWords(w.path, err);
        // a scanner that is simply not plugged in is "unplugged", not an error
        if (/no serial port .* right now/.test(words)) {
          if (e.state !== 'unplugged') {
            e.state = 'unplugged';
            e.words = words;
            e.changedAt = at();
            announce(e, 'not found. Plug it in; it is picked up by itself.', 'warning');
          }
        } else {
          setError(e, words);
        }
      } finally {
        opening.delete(id);
      }
    }
  }

  // ---- USB label printers ----

  async function describeUsbPrinter(p: UsbPrinterInfo, e: Entry): Promise<void> {
    let handle;
    try {
      handle = await options.usb!.open(p);
    } catch (err) {
      setError(e, openFailureWords('printer', err));
      return;
    }
    try {
      const id = parseDeviceIdReply(await handle.deviceId());
      e.usbId = id.ok ? id.id : null;
      const language: LabelLanguage | null = languageOf(e.usbId, p.vendorId);
      e.printer = { printerId: null, language, isLabelPrinter: false };
      if (e.usbId?.model) e.name = `${e.usbId.manufacturer || p.manufacturer} ${e.usbId.model}`.trim();
      const langWords = language ? `${language.toUpperCase()} (from its ${id.ok && languageOf(id.id, 0) ? 'device id' : 'maker'})` : 'language unknown: choose it';
      const status = parsePortStatus(await handle.portStatus().catch(() => 0x18));
      setReady(e, `${hex4(p.vendorId)}:${hex4(p.productId)} · USB printer class · ${langWords}${p.serialNumber ? ` · serial ${p.serialNumber}` : ''}${simulated ? ' · simulated' : ''}`);
      if (status.paperEmpty) e.words = 'Plugged in, but it reports it is out of labels: load a new roll.';
      else if (status.error || !status.selected) e.words = 'Plugged in, but it reports an error or is offline: check its light and display.';
      else e.words = language ? READY_WORDS.printer : 'Plugged in. Choose the language it speaks (ZPL, EPL2 or TSPL), then make it the label printer.';
    } catch (err) {
      setError(e, `It is plugged in but did not say what it is (${err instanceof Error ? err.message : String(err)}): switch it off and on again.`);
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  async function pollUsb(): Promise<void> {
    if (!options.usb) return;
    let list: UsbPrinterInfo[];
    try {
      list = await options.usb.listPrinters();
      notes.delete('usb');
    } catch (err) {
      notes.add('usb');
      usbNote = `USB label printers cannot be found here (${err instanceof Error ? err.message : String(err)}); print through the computer's print queue or the network instead.`;
      return;
    }
    const present = new Set<string>();
    for (const p of list) {
      const id = `usb:${usbPrinterKey(p)}`;
      present.add(id);
      const e = entryFor(id, () => ({ kind: 'printer', connection: 'usb', name: [p.manufacturer, p.product].filter(Boolean).join(' ') || 'USB label printer', detail: 'USB printer class', path: p.location }));
      const seenHere = e.usbInfo?.location === p.location && e.state !== 'unplugged';
      e.usbInfo = p;
      e.path = p.location;
      if (seenHere || opening.has(id)) continue;
      opening.add(id);
      try {
        await describeUsbPrinter(p, e);
      } finally {
        opening.delete(id);
      }
    }
    for (const e of entries.values()) {
      if (e.connection === 'usb' && !present.has(e.id)) setUnplugged(e);
    }
  }

  // ---- the computer's print queues ----

  async function pollQueues(): Promise<void> {
    const backend = options.osQueues;
    if (!backend || !due('queues')) return;
    let queues;
    try {
      queues = await backend.list();
      notes.delete('queues');
    } catch (err) {
      if (err instanceof OsQueueError && err.code === 'missing') return; // no print system: nothing to offer
      notes.add('queues');
      queueNote = `The computer's print queues could not be read (${err instanceof Error ? err.message : String(err)}): check that CUPS is running.`;
      return;
    }
    const present = new Set<string>();
    for (const q of queues) {
      const id = `queue:${q.name}`;
      present.add(id);
      const e = entryFor(id, () => ({ kind: 'printer', connection: 'os-queue', name: q.name, detail: `print queue ${q.name} of this computer`, path: q.name, printer: { printerId: null, language: null, isLabelPrinter: false } }));
      if (q.state === 'stopped' || !q.accepting) {
        setError(e, q.state === 'stopped'
          ? `Its print queue is stopped${q.reason ? ` (${q.reason})` : ''}: fix the printer, then resume the queue (cupsenable ${q.name}).`
          : `Its print queue refuses new jobs: accept jobs again (cupsaccept ${q.name}).`);
      } else if (e.state !== 'ready') {
        setReady(e, `print queue ${q.name} of this computer · raw`);
        e.words = q.state === 'printing' ? 'Printing now.' : READY_WORDS.printer;
      }
    }
    for (const e of entries.values()) {
      if (e.connection === 'os-queue' && !present.has(e.id)) setUnplugged(e);
    }
  }

  // ---- scans ----

  function deliverScan(e: Entry, text: string): void {
    const scanId = `${Date.now().toString(36)}-${++scanSeq}`;
    claims.set(scanId, now() + 30_000);
    emit('devices.scan', { scanId, deviceId: e.id, deviceName: e.name, text });
  }

  // ---- scale ----

  function activeScale(): Entry | null {
    for (const e of entries.values()) if (e.kind === 'scale' && e.state === 'ready' && e.scale) return e;
    return null;
  }

  function scaleReading(): ScaleReading {
    const e = activeScale();
    if (!e || !e.scale) {
      const gone = [...entries.values()].find((x) => x.kind === 'scale');
      return {
        deviceId: gone?.id ?? null, deviceName: gone?.name ?? '', state: 'none', stable: false, grams: null, tareGrams: 0, display: '—',
        words: gone ? `${capital(gone.words)}` : SCALE_NONE_WORDS, at: at(),
      };
    }
    const r = e.scale.tracker.current();
    return { deviceId: e.id, deviceName: e.name, state: r.state, stable: r.stable, grams: r.grams, tareGrams: r.tareGrams, display: r.display, words: r.words, at: at() };
  }

  function scaleChanged(): void {
    emit('scale.reading', scaleReading());
  }

  function scheduleScaleCheck(tracker: ScaleTracker): void {
    const due = tracker.nextCheckAt();
    clearTimeout(scaleTimer);
    if (due === null) return;
    scaleTimer = setTimeout(() => {
      if (tracker.tick(now())) scaleChanged();
    }, Math.max(0, due - now()) + 5);
    scaleTimer.unref?.();
  }

  // ---- polling ----

  async function pollOnce(): Promise<void> {
    if (stopped) return;
    try {
      await pollHid();
      await pollSerial();
      await pollUsb();
      await pollQueues();
      const t = now();
      for (const [id, expires] of claims) if (expires < t) claims.delete(id);
    } catch (err) {
      console.error('[devices] poll failed', err);
    }
  }

  /** One discovery pass; asked during a pass, it runs one more after it, so a new setting is always seen. */
  function poll(full = false): Promise<void> {
    if (full) wantFull = true;
    if (polling) {
      queued ??= polling.then(() => {
        queued = null;
        return poll(false);
      });
      return queued;
    }
    explicit = wantFull;
    wantFull = false;
    const run = pollOnce().finally(() => {
      explicit = false;
      if (polling === run) polling = null;
    });
    polling = run;
    return run;
  }

  return {
    simulated,
    start(): void {
      if (timer || stopped) return;
      void poll(true);
      timer = setInterval(() => void poll(false), pollMs);
      timer.unref?.();
    },
    /** one full discovery pass now, ports and queues included (tests, and right after a setting changed) */
    poll: (): Promise<void> => poll(true),
    /** the Devices screen is open: list ports and queues often for a while */
    watch(): void {
      const first = now() >= watchedUntil;
      watchedUntil = now() + WATCHED_FOR_MS;
      if (first) {
        lastListed.clear();
        void poll(false);
      }
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      clearTimeout(scaleTimer);
      await polling;
      await Promise.all([...entries.values()].map((e) => closeEntry(e)));
    },
    list(): Device[] {
      return [...entries.values()].map(({ path: _p, close: _c, hid: _h, scale: _s, serial: _se, usbInfo: _u, usbId: _i, ...d }) => ({ ...d }));
    },
    notes(): string[] {
      const out: string[] = [];
      if (notes.has('hid') && hidNote) out.push(hidNote);
      if (notes.has('usb') && usbNote) out.push(usbNote);
      if (notes.has('queues') && queueNote) out.push(queueNote);
      if (notes.has('serial')) out.push('Serial scanners cannot be used here: the serial port library is not available on this station.');
      return out;
    },
    serialPorts(): Array<{ path: string; description: string; inUse: boolean }> {
      return serialPorts.map((p) => ({
        path: p.path,
        description: [p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : ''].filter(Boolean).join(' · '),
        inUse: entries.has(`serial:${p.path}`),
      }));
    },
    /** true for the first screen that asks, false for every other (or a scan already handled) */
    claimScan(scanId: string): boolean {
      return claims.delete(scanId);
    },
    scaleReading,
    tare(): ScaleReading {
      const e = activeScale();
      if (e?.scale?.tracker.tare()) scaleChanged();
      return scaleReading();
    },
    clearTare(): ScaleReading {
      const e = activeScale();
      e?.scale?.tracker.clearTare();
      scaleChanged();
      return scaleReading();
    },
    async zero(): Promise<ScaleReading> {
      const e = activeScale();
      if (e?.scale) {
        const report = e.scale.layout.zeroReport;
        if (report && e.hid) {
          await e.hid.write(report).catch((err: unknown) => setError(e, openFailureWords('scale', err)));
        } else if (e.scale.tracker.zero()) {
          scaleChanged();
        }
      }
      return scaleReading();
    },
    /** the device entry by id, for the simulated bench and the printers */
    entry(id: string): Device | undefined {
      const e = entries.get(id);
      if (!e) return undefined;
      const { path: _p, close: _c, hid: _h, scale: _s, serial: _se, usbInfo: _u, usbId: _i, ...d } = e;
      return { ...d };
    },
    /** where a USB printer is plugged in now (its location changes after a replug), or undefined while unplugged */
    usbPrinter(deviceKey: string): UsbPrinterInfo | undefined {
      const e = entries.get(`usb:${deviceKey}`);
      return e && e.state !== 'unplugged' ? (e.usbInfo ?? undefined) : undefined;
    },
    usbBackend: options.usb ?? null,
    osQueues: options.osQueues ?? null,
    /** the OS path a device is open on (the simulated bench addresses devices by it) */
    pathOf(id: string): string | undefined {
      return entries.get(id)?.path;
    },
  };
}
export type DeviceHub = ReturnType<typeof createDeviceHub>;

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
