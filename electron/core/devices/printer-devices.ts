// Label printers as the Devices screen shows them: every printer set up in this workspace (network,
// folder, USB, print queue) with its state from its last job or its USB connection, plus USB
// printers and print queues found but not set up yet, each with "make label printer" and "test".

import { AppError } from '../../../shared/contract/errors';
import type { Device, LabelLanguage } from '../../../shared/contract/devices';
import type { Printer } from '../../../shared/contract/pack';
import type { Workspace } from '../workspace';
import type { DeviceHub } from './device-hub';

const CONNECTION: Record<Printer['kind'], Device['connection']> = { tcp: 'network', virtual: 'folder', usb: 'usb', cups: 'os-queue' };
const LANGUAGE: Record<LabelLanguage, string> = { zpl: 'ZPL', epl: 'EPL2', tspl: 'TSPL' };

function detailOf(p: Printer): string {
  const where = p.kind === 'tcp' ? `${p.host}:${p.port}` : p.kind === 'virtual' ? p.folder : p.kind === 'cups' ? `queue ${p.device}` : `USB ${p.device}`;
  const offset = p.offsetX || p.offsetY ? ` · offset ${p.offsetX},${p.offsetY} dots` : '';
  return `${where} · ${LANGUAGE[p.language]} · ${p.dpi} dpi · ${p.labelSize} in${offset}`;
}

/** The id a printer has on the Devices screen: its USB or queue identity when it has one, so it is one row. */
export function printerDeviceId(p: Printer): string {
  if (p.kind === 'usb') return `usb:${p.device}`;
  if (p.kind === 'cups') return `queue:${p.device}`;
  return `printer:${p.id}`;
}

export function printerDevices(ws: Workspace, hub: DeviceHub): Device[] {
  const configured = ws.repos.print.printers();
  const labelPrinterId = ws.print.defaultPrinter().id;
  const found = new Map(hub.list().filter((d) => d.kind === 'printer').map((d) => [d.id, d]));
  const out: Device[] = [];
  for (const p of configured) {
    const id = printerDeviceId(p);
    const plugged = found.get(id);
    found.delete(id);
    const last = ws.repos.printerHealth.lastFinished(p.id);
    const base: Device = {
      id, kind: 'printer', connection: CONNECTION[p.kind], name: p.name, detail: detailOf(p), simulated: plugged?.simulated ?? false,
      state: 'ready', words: 'Ready to print labels.', lastError: '', lastErrorAt: null, changedAt: last?.updatedAt ?? plugged?.changedAt ?? '',
      printer: { printerId: p.id, language: p.language, isLabelPrinter: p.id === labelPrinterId },
    };
    if (last?.status === 'failed') Object.assign(base, { lastError: last.error, lastErrorAt: last.updatedAt });
    if (plugged && plugged.state !== 'ready') {
      Object.assign(base, { state: plugged.state, words: plugged.words, changedAt: plugged.changedAt });
    } else if ((p.kind === 'usb' || p.kind === 'cups') && !plugged) {
      Object.assign(base, { state: 'unplugged', words: p.kind === 'usb' ? 'Not plugged in. Plug it in; Packbench picks it up by itself.' : 'Its print queue is not on this computer any more: set it up again in the system printer settings.' });
    } else if (last?.status === 'failed') {
      Object.assign(base, { state: 'error', words: `Its last label failed: ${last.error}` });
    } else if (last?.status === 'unconfirmed') {
      Object.assign(base, { words: `Its last label was sent but the printer did not confirm it: ${last.error}` });
    } else if (plugged) {
      Object.assign(base, { words: plugged.words });
    }
    out.push(base);
  }
  for (const d of found.values()) {
    out.push({ ...d, state: d.state === 'ready' ? 'not-set-up' : d.state, words: d.state === 'ready' ? `${d.words} Not used yet: make it the label printer, or print a test label first.` : d.words });
  }
  return out;
}

/** The printer row for a device on the Devices screen, created (not as the label printer) when it has none. */
export function printerForDevice(ws: Workspace, hub: DeviceHub, deviceId: string): Printer {
  const existing = ws.repos.print.printers().find((p) => printerDeviceId(p) === deviceId);
  if (existing) return existing;
  const found = hub.entry(deviceId);
  if (!found || found.kind !== 'printer') throw new AppError('not_found', 'That printer is not plugged in any more.', 'Plug it in and reload the Devices screen.');
  const usb = deviceId.startsWith('usb:');
  const dpi = /300\s*dpi/i.test(`${found.name} ${found.detail}`) ? 300 : 203;
  return ws.print.savePrinter({
    name: found.name, kind: usb ? 'usb' : 'cups', host: '', port: 9100, dpi, labelSize: '4x6', folder: '', isDefault: false,
    language: found.printer?.language ?? 'zpl', offsetX: 0, offsetY: 0, device: deviceId.replace(/^(usb|queue):/, ''),
  });
}
