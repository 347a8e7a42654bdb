// An in-memory USB bus of printer-class devices, of equal standing with the `usb` adapter: each
// printer answers GET_DEVICE_ID with its IEEE 1284 id and GET_PORT_STATUS with a status byte, keeps
// what arrives on Bulk OUT, and (when bidirectional) answers ~HS on Bulk IN like a Zebra.

import type { UsbBackend, UsbPrinterHandle, UsbPrinterInfo } from './usb-backend';

export type FakeUsbPrinter = UsbPrinterInfo & {
  /** the IEEE 1284 id string the printer reports */
  deviceIdString: string;
  /** GET_PORT_STATUS byte: 0x18 = selected, no error, paper present */
  portStatus: number;
  /** the ~HS reply (three STX…ETX strings) a bidirectional ZPL printer sends on Bulk IN */
  hostStatus?: string | undefined;
  /** the byte a bidirectional TSPL printer answers to <ESC>!? (0 = ready) */
  tsplStatus?: number | undefined;
};

type State = { printer: FakeUsbPrinter; received: Uint8Array[]; pendingIn: number[] };

export type FakeUsb = UsbBackend & {
  plug(printer: FakeUsbPrinter): void;
  unplug(location: string): void;
  received(location: string): Buffer;
  set(location: string, patch: Partial<FakeUsbPrinter>): void;
  failNextOpen(location: string, error: Error): void;
};

function idReply(text: string): Uint8Array {
  const body = Buffer.from(text, 'latin1');
  const out = new Uint8Array(body.length + 2);
  out[0] = (out.length >> 8) & 0xff;
  out[1] = out.length & 0xff;
  out.set(body, 2);
  return out;
}

export function createFakeUsb(initial: FakeUsbPrinter[] = []): FakeUsb {
  const printers = new Map<string, State>();
  const failures = new Map<string, Error>();
  for (const p of initial) printers.set(p.location, { printer: p, received: [], pendingIn: [] });

  const gone = (location: string) => Object.assign(new Error(`LIBUSB_ERROR_NO_DEVICE: the device at ${location} is gone`), { code: 'ENODEV' });

  return {
    name: 'simulated USB bus',
    async listPrinters() {
      return [...printers.values()].map(({ printer: { deviceIdString: _d, portStatus: _p, hostStatus: _h, tsplStatus: _t, ...info } }) => ({ ...info }));
    },
    async open(info) {
      const failure = failures.get(info.location);
      if (failure) {
        failures.delete(info.location);
        throw failure;
      }
      if (!printers.has(info.location)) throw gone(info.location);
      const live = (): State => {
        const s = printers.get(info.location);
        if (!s) throw gone(info.location);
        return s;
      };
      const handle: UsbPrinterHandle = {
        async deviceId() { return idReply(live().printer.deviceIdString); },
        async portStatus() { return live().printer.portStatus; },
        async write(bytes) {
          const s = live();
          s.received.push(Uint8Array.from(bytes));
          // a ZPL printer answers ~HS at once, on its Bulk IN endpoint
          const text = Buffer.from(bytes).toString('latin1');
          if (s.printer.bidirectional && s.printer.hostStatus && text.includes('~HS')) {
            s.pendingIn.push(...Buffer.from(s.printer.hostStatus, 'latin1'));
          }
          // a TSPL printer answers <ESC>!? with its status byte
          if (s.printer.bidirectional && s.printer.tsplStatus !== undefined && text.includes('\x1b!?')) s.pendingIn.push(s.printer.tsplStatus);
        },
        async read(max, timeoutMs) {
          const s = live();
          if (!s.printer.bidirectional) throw new Error('this printer has no Bulk IN endpoint');
          if (s.pendingIn.length === 0) await new Promise((r) => setTimeout(r, Math.min(timeoutMs, 20)));
          return Uint8Array.from(s.pendingIn.splice(0, max));
        },
        async close() {},
      };
      return handle;
    },
    plug(printer) {
      printers.set(printer.location, { printer, received: [], pendingIn: [] });
    },
    unplug(location) {
      printers.delete(location);
    },
    received(location) {
      return Buffer.concat((printers.get(location)?.received ?? []).map((b) => Buffer.from(b)));
    },
    set(location, patch) {
      const s = printers.get(location);
      if (s) Object.assign(s.printer, patch);
    },
    failNextOpen(location, error) {
      failures.set(location, error);
    },
  };
}

/** Printers as they enumerate, with the device id strings these models report. */
export const FAKE_USB_PRINTERS = {
  zebraZd421: (n = 1): FakeUsbPrinter => ({
    location: `1-${n}`, vendorId: 0x0a5f, productId: 0x0164, serialNumber: `D4J21150${n}`, manufacturer: 'Zebra Technologies', product: 'ZTC ZD421-203dpi ZPL',
    interfaceNumber: 0, alternateSetting: 0, bidirectional: true, portStatus: 0x18,
    deviceIdString: 'MFG:Zebra Technologies;CMD:ZPL;MDL:ZD421;CLS:PRINTER;DES:Zebra ZD421-203dpi ZPL;',
    hostStatus: '\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
  }),
  zebraLp2844: (n = 1): FakeUsbPrinter => ({
    location: `2-${n}`, vendorId: 0x0a5f, productId: 0x000a, serialNumber: `42A0600${n}`, manufacturer: 'Zebra', product: 'LP2844',
    interfaceNumber: 0, alternateSetting: 0, bidirectional: false, portStatus: 0x18,
    deviceIdString: 'MANUFACTURER:Zebra Technologies;COMMAND SET:EPL2;MODEL:LP 2844;CLASS:PRINTER;',
  }),
  tscTe210: (n = 1): FakeUsbPrinter => ({
    location: `3-${n}`, vendorId: 0x1203, productId: 0x0230, serialNumber: `T21E0${n}`, manufacturer: 'TSC', product: 'TE210',
    interfaceNumber: 0, alternateSetting: 0, bidirectional: true, portStatus: 0x18,
    deviceIdString: 'MFG:TSC;CMD:TSPL2;MDL:TE210;CLS:PRINTER;', tsplStatus: 0x00,
  }),
} as const;
