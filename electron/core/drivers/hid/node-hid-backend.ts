// The real HID boundary: node-hid for listing and reading, sysfs for the report descriptor on
// Linux (node-hid 3.4 does not expose hid_get_report_descriptor). Devices are opened
// non-exclusively and only ever in HID POS mode: a keyboard is never opened, so a wedge scanner
// and the packer's keyboard keep typing as before.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HidBackend, HidConnection, HidDeviceInfo } from './hid-backend';

type NodeHid = typeof import('node-hid');

let loaded: Promise<NodeHid> | undefined;

// Loaded on first use so a machine without libusb/hidraw still starts; the Devices screen says why.
function nodeHid(): Promise<NodeHid> {
  loaded ??= import('node-hid').then((m) => ((m as { default?: NodeHid }).default ?? m) as NodeHid).catch((e: unknown) => {
    loaded = undefined;
    throw new Error(`The HID library could not be loaded (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  });
  return loaded;
}

export function createNodeHidBackend(): HidBackend {
  return {
    name: process.platform === 'linux' ? 'node-hid (hidraw)' : 'node-hid',
    async list() {
      const hid = await nodeHid();
      const found = await hid.devicesAsync();
      return found
        .filter((d): d is typeof d & { path: string } => typeof d.path === 'string' && d.path !== '')
        .map((d) => ({
          path: d.path, vendorId: d.vendorId, productId: d.productId, manufacturer: d.manufacturer, product: d.product,
          serialNumber: d.serialNumber, usagePage: d.usagePage, usage: d.usage, interface: d.interface,
        }));
    },
    async reportDescriptor(device) {
      if (process.platform !== 'linux' || !device.path.startsWith('/dev/hidraw')) return undefined;
      try {
        return new Uint8Array(await readFile(`/sys/class/hidraw/${basename(device.path)}/device/report_descriptor`));
      } catch {
        return undefined;
      }
    },
    async open(device: HidDeviceInfo): Promise<HidConnection> {
      const hid = await nodeHid();
      const handle = await hid.HIDAsync.open(device.path, { nonExclusive: true });
      const reports = new Set<(r: Uint8Array) => void>();
      const errors = new Set<(e: Error) => void>();
      handle.on('data', (data: Buffer) => {
        for (const l of reports) l(new Uint8Array(data));
      });
      handle.on('error', (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        for (const l of errors) l(err);
      });
      return {
        onReport: (l) => void reports.add(l),
        onError: (l) => void errors.add(l),
        async write(report) {
          await handle.write(Buffer.from(report));
        },
        async close() {
          try {
            await handle.close();
          } catch {
            // already gone with the device
          }
        },
      };
    },
  };
}
