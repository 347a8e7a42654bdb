// The real USB boundary for label printers: `usb` (node-usb 3, WebUSB API). A printer is any
// device with an interface of class 0x07; its job bytes go to that interface's Bulk OUT endpoint,
// and a bidirectional one (protocol 2/3) answers on Bulk IN. The class requests are those of the
// USB Printer Class 1.1: GET_DEVICE_ID (0) and GET_PORT_STATUS (1), to the interface.
//
// On Linux the kernel's usblp driver owns printer interfaces (as CUPS's usb backend expects); the
// interface is detached from it while Packbench prints and given back after. Where the OS print
// system owns the printer (Windows spooler, macOS), print through its queue instead (kind 'cups').

import type { UsbBackend, UsbPrinterHandle, UsbPrinterInfo } from './usb-backend';

type UsbModule = typeof import('usb');

/** The part of a WebUSB USBDevice (plus node-usb's extras) this adapter uses, typed here so no DOM types are needed. */
type Endpoint = { endpointNumber: number; direction: 'in' | 'out'; type: 'bulk' | 'interrupt' | 'isochronous' };
type Alternate = { alternateSetting: number; interfaceClass: number; interfaceProtocol: number; endpoints: Endpoint[] };
type ControlSetup = { requestType: 'class'; recipient: 'interface'; request: number; value: number; index: number };
type Device = {
  vendorId: number; productId: number; serialNumber?: string | null; manufacturerName?: string | null; productName?: string | null;
  bus: string; ports: number[];
  configuration?: { interfaces: Array<{ interfaceNumber: number; alternates: Alternate[] }> } | null;
  open(): Promise<void>; close(): Promise<void>;
  claimInterface(n: number): Promise<void>; releaseInterface(n: number): Promise<void>;
  detachKernelDriver(n: number): Promise<void>; attachKernelDriver(n: number): Promise<void>;
  controlTransferIn(setup: ControlSetup, length: number): Promise<{ data?: DataView | undefined; status: string }>;
  transferOut(endpoint: number, data: Uint8Array): Promise<{ bytesWritten: number; status: string }>;
  transferIn(endpoint: number, length: number): Promise<{ data?: DataView | undefined; status: string }>;
};

async function devices(): Promise<Device[]> {
  const { usb } = await usbModule();
  return (await usb.getDevices()) as unknown as Device[];
}

let loaded: Promise<UsbModule> | undefined;

function usbModule(): Promise<UsbModule> {
  loaded ??= import('usb').catch((e: unknown) => {
    loaded = undefined;
    throw new Error(`The USB library could not be loaded (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  });
  return loaded;
}

const PRINTER_CLASS = 0x07;

function printerInterface(d: Device): { interfaceNumber: number; alternateSetting: number; protocol: number; out: number; in: number | null } | null {
  for (const iface of d.configuration?.interfaces ?? []) {
    for (const alt of iface.alternates) {
      if (alt.interfaceClass !== PRINTER_CLASS) continue;
      const out = alt.endpoints.find((e) => e.type === 'bulk' && e.direction === 'out');
      if (!out) continue;
      const inEp = alt.endpoints.find((e) => e.type === 'bulk' && e.direction === 'in');
      return { interfaceNumber: iface.interfaceNumber, alternateSetting: alt.alternateSetting, protocol: alt.interfaceProtocol, out: out.endpointNumber, in: inEp?.endpointNumber ?? null };
    }
  }
  return null;
}

const locationOf = (d: Device): string => `${d.bus}-${d.ports.join('.')}`;

export function createNodeUsbBackend(): UsbBackend {
  async function find(info: UsbPrinterInfo): Promise<Device | undefined> {
    return (await devices()).find((d) => locationOf(d) === info.location && d.vendorId === info.vendorId && d.productId === info.productId);
  }

  return {
    name: 'usb (printer class)',
    async listPrinters() {
      const out: UsbPrinterInfo[] = [];
      for (const d of await devices()) {
        const iface = printerInterface(d);
        if (!iface) continue;
        out.push({
          location: locationOf(d), vendorId: d.vendorId, productId: d.productId, serialNumber: d.serialNumber ?? '',
          manufacturer: d.manufacturerName ?? '', product: d.productName ?? '', interfaceNumber: iface.interfaceNumber,
          alternateSetting: iface.alternateSetting, bidirectional: iface.protocol === 2 || iface.protocol === 3,
        });
      }
      return out;
    },
    async open(info): Promise<UsbPrinterHandle> {
      const d = await find(info);
      if (!d) throw Object.assign(new Error(`the printer at USB ${info.location} is gone`), { code: 'ENODEV' });
      const iface = printerInterface(d);
      if (!iface) throw new Error('the device has no printer interface any more');
      await d.open();
      let detached = false;
      if (process.platform === 'linux') {
        try {
          await d.detachKernelDriver(iface.interfaceNumber);
          detached = true;
        } catch {
          // no kernel driver bound: nothing to detach
        }
      }
      await d.claimInterface(iface.interfaceNumber);
      const classRequest = (request: number, value: number) => ({
        requestType: 'class' as const, recipient: 'interface' as const, request, value,
        index: (iface.interfaceNumber << 8) | iface.alternateSetting,
      });
      return {
        async deviceId() {
          const r = await d.controlTransferIn(classRequest(0, 0), 1023);
          return r.data ? new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength) : new Uint8Array();
        },
        async portStatus() {
          // GET_PORT_STATUS carries the interface number alone in wIndex
          const r = await d.controlTransferIn({ ...classRequest(1, 0), index: iface.interfaceNumber }, 1);
          return r.data?.getUint8(0) ?? 0;
        },
        async write(bytes, timeoutMs) {
          const sent = d.transferOut(iface.out, bytes);
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(Object.assign(new Error('the printer did not take the data in time'), { code: 'ETIMEDOUT' })), timeoutMs);
          });
          try {
            const r = await Promise.race([sent, late]);
            if (r.status !== 'ok' || r.bytesWritten !== bytes.length) throw new Error(`only ${r.bytesWritten} of ${bytes.length} bytes were taken (${r.status})`);
          } finally {
            clearTimeout(timer);
          }
        },
        async read(maxBytes, timeoutMs) {
          if (iface.in === null) throw new Error('this printer has no Bulk IN endpoint');
          let timer: NodeJS.Timeout | undefined;
          const none = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); });
          try {
            const r = await Promise.race([d.transferIn(iface.in, maxBytes), none]);
            return r?.data ? new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength) : new Uint8Array();
          } finally {
            clearTimeout(timer);
          }
        },
        async close() {
          try {
            await d.releaseInterface(iface.interfaceNumber);
            if (detached) await d.attachKernelDriver(iface.interfaceNumber);
            await d.close();
          } catch {
            // unplugged meanwhile: nothing to give back
          }
        },
      };
    },
  };
}
