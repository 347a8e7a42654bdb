// An in-memory HID bus of equal standing with node-hid: devices are plugged in and out, each has
// a real report descriptor, and reports are delivered as the bytes node-hid would hand over
// (report id first). Unplugging errors the open connection the way hidapi does, so the drivers
// above see exactly what they would see on a bench.

import type { HidBackend, HidConnection, HidDeviceInfo } from './hid-backend';
import { BOOT_KEYBOARD_DESCRIPTOR, HID_POS_SCALE_DESCRIPTOR, HID_POS_SCANNER_DESCRIPTOR } from './pos-descriptors';

export type FakeHidDevice = HidDeviceInfo & {
  /** undefined: the OS does not give it out (as on Windows and macOS through hidapi) */
  descriptor?: Uint8Array | undefined;
};

type Open = { device: FakeHidDevice; reports: Set<(r: Uint8Array) => void>; errors: Set<(e: Error) => void>; written: Uint8Array[]; closed: boolean };

export type FakeHid = HidBackend & {
  plug(device: FakeHidDevice): void;
  unplug(path: string): void;
  /** hands a report to every open connection of the device, as a read would return it */
  report(path: string, bytes: Uint8Array): void;
  /** output reports the app wrote to a device */
  written(path: string): Uint8Array[];
  /** how many connections to this path are open now */
  openCount(path: string): number;
  /** the next open of this path fails with this error (permissions, a busy device) */
  failNextOpen(path: string, error: Error): void;
};

export function createFakeHid(initial: FakeHidDevice[] = []): FakeHid {
  const devices = new Map<string, FakeHidDevice>();
  const opens = new Set<Open>();
  const failures = new Map<string, Error>();
  const writtenBy = new Map<string, Uint8Array[]>();
  for (const d of initial) devices.set(d.path, d);

  const info = (d: FakeHidDevice): HidDeviceInfo => {
    const { descriptor: _descriptor, ...rest } = d;
    return { ...rest };
  };

  return {
    name: 'simulated HID bus',
    async list() {
      return [...devices.values()].map(info);
    },
    async reportDescriptor(device) {
      const d = devices.get(device.path);
      return d?.descriptor ? Uint8Array.from(d.descriptor) : undefined;
    },
    async open(device) {
      const d = devices.get(device.path);
      if (!d) throw Object.assign(new Error(`could not open HID device with path ${device.path}`), { code: 'ENOENT' });
      const failure = failures.get(device.path);
      if (failure) {
        failures.delete(device.path);
        throw failure;
      }
      const o: Open = { device: d, reports: new Set(), errors: new Set(), written: writtenBy.get(d.path) ?? [], closed: false };
      writtenBy.set(d.path, o.written);
      opens.add(o);
      const conn: HidConnection = {
        onReport: (l) => void o.reports.add(l),
        onError: (l) => void o.errors.add(l),
        async write(report) {
          if (o.closed || !devices.has(d.path)) throw new Error('could not write to HID device');
          o.written.push(Uint8Array.from(report));
        },
        async close() {
          o.closed = true;
          opens.delete(o);
        },
      };
      return conn;
    },
    plug(device) {
      devices.set(device.path, device);
    },
    unplug(path) {
      devices.delete(path);
      for (const o of [...opens]) {
        if (o.device.path !== path) continue;
        opens.delete(o);
        o.closed = true;
        // hidapi's read fails once the device node disappears
        for (const l of o.errors) l(new Error('could not read from HID device'));
      }
    },
    report(path, bytes) {
      for (const o of opens) {
        if (o.device.path !== path || o.closed) continue;
        for (const l of o.reports) l(Uint8Array.from(bytes));
      }
    },
    written: (path) => writtenBy.get(path) ?? [],
    openCount: (path) => [...opens].filter((o) => o.device.path === path).length,
    failNextOpen(path, error) {
      failures.set(path, error);
    },
  };
}

/** Devices as hidapi lists them on Linux (hidraw paths, usage page of the top-level collection). */
export const FAKE_DEVICES = {
  honeywellScanner: (n = 1): FakeHidDevice => ({
    path: `/dev/hidraw${10 + n}`, vendorId: 0x0c2e, productId: 0x0b87, manufacturer: 'Honeywell Imaging & Mobility', product: 'Voyager 1450g HID POS',
    serialNumber: `19097B4F${n}`, usagePage: 0x8c, usage: 0x02, interface: 0, descriptor: HID_POS_SCANNER_DESCRIPTOR,
  }),
  dymoM10: (n = 1): FakeHidDevice => ({
    path: `/dev/hidraw${20 + n}`, vendorId: 0x0922, productId: 0x8003, manufacturer: 'DYMO', product: 'M10 10 lb Digital Postal Scale',
    serialNumber: `007143104493${n}`, usagePage: 0x8d, usage: 0x20, interface: 0, descriptor: HID_POS_SCALE_DESCRIPTOR,
  }),
  stampsScale: (n = 1): FakeHidDevice => ({
    path: `/dev/hidraw${30 + n}`, vendorId: 0x1446, productId: 0x6a73, manufacturer: 'Stamps.com', product: 'Stamps.com Model 510 5LB Scale',
    serialNumber: '', usagePage: 0x8d, usage: 0x20, interface: 0, descriptor: HID_POS_SCALE_DESCRIPTOR,
  }),
  keyboard: (n = 1): FakeHidDevice => ({
    path: `/dev/hidraw${n}`, vendorId: 0x046d, productId: 0xc31c, manufacturer: 'Logitech', product: 'USB Keyboard',
    serialNumber: '', usagePage: 0x01, usage: 0x06, interface: 0, descriptor: BOOT_KEYBOARD_DESCRIPTOR,
  }),
} as const;
