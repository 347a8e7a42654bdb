// A label printer on USB (printer class): the job goes to its Bulk OUT endpoint. Before a job the
// printer's own status is read where it can tell: GET_PORT_STATUS (paper, online, error) on every
// printer, plus ~HS (ZPL) or <ESC>!? (TSPL) on bidirectional ones; a printer that says the label
// cannot come out gets nothing. After the job a bidirectional printer is asked again until it
// shows the job printed; that is the confirmation. A printer that cannot answer (EPL2 models,
// one-way USB) leaves the label unconfirmed, in words.

import type { LabelLanguage } from '../../../../shared/contract/devices';
import { permissionHint } from '../../devices/device-words';
import { parsePortStatus } from '../usb/ieee1284';
import type { UsbBackend, UsbPrinterHandle, UsbPrinterInfo } from '../usb/usb-backend';
import { hostStatusProblems, isHostStatusComplete, parseHostStatus } from './host-status';
import { confirmed, LABEL_KEPT, PrinterError, problem, refusalFor, statusOf, unconfirmed, type PrintReceipt, type PrinterProblem, type PrinterStatus, type RawPrinter } from './printer';


export type UsbPrinterOptions = {
  name: string;
  language: LabelLanguage;
  backend: UsbBackend;
  /** where the printer is plugged in now, or undefined while it is unplugged */
  locate(): UsbPrinterInfo | undefined;
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
  confirmTimeoutMs?: number;
};

const HS = new TextEncoder().encode('~HS');
const TSPL_STATUS = Uint8Array.from([0x1b, 0x21, 0x3f]); // <ESC>!?
const POLL_MS = 150;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** TSPL immediate status byte: bit 0 head open, 1 paper jam, 2 out of paper, 3 out of ribbon, 4 paused, 5 printing, 6 cover open. */
export function tsplStatusProblems(byte: number): PrinterProblem[] {
  const p: PrinterProblem[] = [];
  if (byte & 0x01 || byte & 0x40) p.push(problem('head-open'));
  if (byte & 0x02) p.push({ code: 'paper-out', words: 'It reports a paper jam: open it, clear the labels and close it again.' });
  if (byte & 0x04) p.push(problem('paper-out'));
  if (byte & 0x08) p.push(problem('ribbon-out'));
  if (byte & 0x10) p.push(problem('paused'));
  return p;
}

export function createUsbPrinter(options: UsbPrinterOptions): RawPrinter {
  const { name, language, backend } = options;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 1000;
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 15_000;
  const who = `Printer '${name}' on USB`;

  const notPlugged: PrinterProblem = { code: 'offline', words: 'It is not plugged in: connect its USB cable and switch it on.' };

  async function open(): Promise<{ handle: UsbPrinterHandle; info: UsbPrinterInfo } | { problem: PrinterProblem }> {
    const info = options.locate();
    if (!info) return { problem: notPlugged };
    try {
      return { handle: await backend.open(info), info };
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      if (/ACCESS|permission|EACCES|EPERM/i.test(text)) return { problem: { code: 'offline', words: `Packbench may not open it: ${permissionHint()}.` } };
      if (/BUSY/i.test(text)) return { problem: { code: 'offline', words: 'Another program is using it (a print queue or driver): stop that queue or use the queue instead of USB.' } };
      return { problem: { code: 'offline', words: `It could not be opened (${text}): unplug it, wait five seconds and plug it back in.` } };
    }
  }

  /** Writes a query and collects the reply until `done` says it is whole, or the time is up. */
  async function ask(handle: UsbPrinterHandle, query: Uint8Array, done: (b: Uint8Array) => boolean, timeoutMs: number): Promise<Uint8Array> {
    await handle.write(query, writeTimeoutMs);
    const chunks: number[] = [];
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const got = await handle.read(512, Math.max(10, end - Date.now()));
      chunks.push(...got);
      if (done(Uint8Array.from(chunks))) break;
    }
    return Uint8Array.from(chunks);
  }

  async function problemsOf(handle: UsbPrinterHandle, info: UsbPrinterInfo): Promise<PrinterProblem[]> {
    const out: PrinterProblem[] = [];
    const port = parsePortStatus(await handle.portStatus().catch(() => 0x18));
    if (port.paperEmpty) out.push(problem('paper-out'));
    else if (!port.selected) out.push({ code: 'offline', words: 'It says it is offline: press its feed or pause button, or switch it off and on.' });
    else if (port.error) out.push({ code: 'unknown', words: 'It reports an error: check its light and display.' });
    if (!info.bidirectional) return out;
    if (language === 'zpl') {
      const reply = await ask(handle, HS, isHostStatusComplete, statusTimeoutMs).catch(() => new Uint8Array());
      if (reply.length > 0) out.push(...hostStatusProblems(parseHostStatus(reply)).filter((p) => !out.some((o) => o.code === p.code)));
    } else if (language === 'tspl') {
      const reply = await ask(handle, TSPL_STATUS, (b) => b.length >= 1, statusTimeoutMs).catch(() => new Uint8Array());
      if (reply.length > 0) out.push(...tsplStatusProblems(reply[0]!).filter((p) => !out.some((o) => o.code === p.code)));
    }
    return out;
  }

  async function confirm(handle: UsbPrinterHandle, info: UsbPrinterInfo): Promise<PrintReceipt> {
    const notConfirmed = (why: string): PrintReceipt => unconfirmed(who, why);
    if (!info.bidirectional || language === 'epl') return notConfirmed('took the label, but it cannot report back over USB whether it printed it.');
    const end = Date.now() + confirmTimeoutMs;
    while (Date.now() < end) {
      if (language === 'zpl') {
        const r = parseHostStatus(await ask(handle, HS, isHostStatusComplete, statusTimeoutMs));
        if (r.ok && (r.host.formatsInBuffer ?? 1) === 0 && !r.host.paperOut && r.host.headUp !== true) return confirmed('its status after the job showed the label printed (receive buffer empty).');
        if (r.ok && (r.host.paperOut || r.host.headUp)) return notConfirmed(`stopped after taking the label: ${hostStatusProblems(r).map((p) => p.words).join(' ')}`);
      } else {
        const b = (await ask(handle, TSPL_STATUS, (x) => x.length >= 1, statusTimeoutMs))[0];
        if (b !== undefined && b === 0) return confirmed('its status after the job showed it idle with no error.');
        if (b !== undefined && (b & ~0x20) !== 0) return notConfirmed(`stopped after taking the label: ${tsplStatusProblems(b).map((p) => p.words).join(' ')}`);
      }
      await sleep(POLL_MS);
    }
    return notConfirmed(`took the label but did not show it printed within ${Math.round(confirmTimeoutMs / 1000)} s.`);
  }

  async function status(): Promise<PrinterStatus> {
    const o = await open();
    if ('problem' in o) return statusOf(who, [o.problem]);
    try {
      return statusOf(who, await problemsOf(o.handle, o.info));
    } catch (e) {
      return statusOf(who, [{ code: 'unknown', words: `Its status could not be read (${e instanceof Error ? e.message : String(e)}).` }]);
    } finally {
      await o.handle.close();
    }
  }

  async function send(job: Uint8Array): Promise<PrintReceipt> {
    const o = await open();
    if ('problem' in o) {
      throw new PrinterError({ code: o.problem.code, problems: [o.problem], nothingSent: true, message: `${statusOf(who, [o.problem]).message} Nothing was sent; ${LABEL_KEPT}` });
    }
    try {
      const refusal = refusalFor(statusOf(who, await problemsOf(o.handle, o.info)));
      if (refusal) throw refusal;
      try {
        await o.handle.write(job, writeTimeoutMs);
      } catch (e) {
        const gone = /NO_DEVICE|ENODEV|gone/i.test(e instanceof Error ? e.message : String(e));
        const p: PrinterProblem = gone
          ? { code: 'offline', words: 'It was unplugged while the label was being sent.' }
          : { code: 'timeout', words: `It did not take the label in time (${e instanceof Error ? e.message : String(e)}): it may be jammed or waiting for a button press.` };
        throw new PrinterError({ code: p.code, problems: [p], message: `${statusOf(who, [p]).message} Part of the label may already be at the printer; ${LABEL_KEPT}`, cause: e });
      }
      return await confirm(o.handle, o.info).catch((e: unknown) =>
        unconfirmed(who, `took the label, but its status after the job could not be read (${e instanceof Error ? e.message : String(e)}).`));
    } finally {
      await o.handle.close();
    }
  }

  return { describe: () => who, status, send: (job) => send(job) };
}
