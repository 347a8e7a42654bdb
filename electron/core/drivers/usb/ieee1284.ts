// The IEEE 1284 device ID a USB printer answers to GET_DEVICE_ID (USB Printer Class 1.1, §4.2.1):
// two bytes of length (big-endian, the two included), then "KEY:value;KEY:value;…". The model and
// the command languages (CMD) say which label language to send it.

import type { LabelLanguage } from '../../../../shared/contract/devices';

export type DeviceId = {
  manufacturer: string;
  model: string;
  /** command sets, upper case: ["ZPL", "EPL"] */
  commands: string[];
  description: string;
  fields: Record<string, string>;
};

export type DeviceIdResult = { ok: true; id: DeviceId } | { ok: false; reason: string };

const ALIASES: Record<string, string> = {
  MANUFACTURER: 'MFG', MFG: 'MFG', MODEL: 'MDL', MDL: 'MDL', 'COMMAND SET': 'CMD', CMD: 'CMD', DESCRIPTION: 'DES', DES: 'DES', CLASS: 'CLS', CLS: 'CLS',
};

/** Parses the reply of GET_DEVICE_ID, length prefix included. */
export function parseDeviceIdReply(reply: Uint8Array): DeviceIdResult {
  if (reply.length < 2) return { ok: false, reason: 'the printer sent no device id' };
  const declared = (reply[0]! << 8) | reply[1]!;
  if (declared < 2) return { ok: false, reason: `the device id says it is ${declared} bytes long` };
  // some printers count the length little-endian or leave out the prefix bytes; take what arrived
  const body = reply.subarray(2, Math.min(reply.length, Math.max(declared, 2)));
  return parseDeviceIdString(new TextDecoder('latin1').decode(body));
}

export function parseDeviceIdString(text: string): DeviceIdResult {
  const fields: Record<string, string> = {};
  for (const part of text.split(';')) {
    const at = part.indexOf(':');
    if (at <= 0) continue;
    const key = part.slice(0, at).trim().toUpperCase();
    fields[ALIASES[key] ?? key] = part.slice(at + 1).trim();
  }
  if (!fields.MFG && !fields.MDL && !fields.CMD) return { ok: false, reason: `"${text.slice(0, 60)}" is not an IEEE 1284 device id` };
  return {
    ok: true,
    id: {
      manufacturer: fields.MFG ?? '',
      model: fields.MDL ?? '',
      commands: (fields.CMD ?? '').split(',').map((c) => c.trim().toUpperCase()).filter(Boolean),
      description: fields.DES ?? '',
      fields,
    },
  };
}

const VENDOR_LANGUAGE: Record<number, LabelLanguage> = {
  0x0a5f: 'zpl', // Zebra
  0x1203: 'tspl', // TSC
};

/** The label language to speak: from the device id's command sets, else from the maker. */
export function languageOf(id: DeviceId | null, vendorId: number): LabelLanguage | null {
  const cmds = id?.commands ?? [];
  if (cmds.some((c) => c.startsWith('ZPL'))) return 'zpl';
  if (cmds.some((c) => c.startsWith('TSPL') || c === 'TSC')) return 'tspl';
  if (cmds.some((c) => c.startsWith('EPL'))) return 'epl';
  return VENDOR_LANGUAGE[vendorId] ?? null;
}

/** GET_PORT_STATUS (Printer Class 1.1, §4.2.2): one byte; bit 5 paper empty, bit 4 selected, bit 3 not error. */
export type PortStatus = { paperEmpty: boolean; selected: boolean; error: boolean };

export function parsePortStatus(byte: number): PortStatus {
  return { paperEmpty: (byte & 0x20) !== 0, selected: (byte & 0x10) !== 0, error: (byte & 0x08) === 0 };
}
