// The boundary between Packbench and a USB library, for printer-class devices (interface class
// 0x07): list them, open one, ask its IEEE 1284 device id and port status, send bytes to its Bulk
// OUT endpoint and read its Bulk IN (bidirectional printers answer ~HS there). The real adapter
// uses `usb`; the fake (fake-usb) has the same surface.

export type UsbPrinterInfo = {
  /** the OS location, different after a replug */
  location: string;
  vendorId: number;
  productId: number;
  serialNumber: string;
  manufacturer: string;
  product: string;
  interfaceNumber: number;
  alternateSetting: number;
  /** protocol 2 or 3: the printer has a Bulk IN endpoint for status */
  bidirectional: boolean;
};

export type UsbPrinterHandle = {
  /** GET_DEVICE_ID control request: the raw reply, length prefix included */
  deviceId(): Promise<Uint8Array>;
  /** GET_PORT_STATUS control request: one byte */
  portStatus(): Promise<number>;
  write(bytes: Uint8Array, timeoutMs: number): Promise<void>;
  /** Bulk IN; resolves with what arrived within the time (possibly nothing) */
  read(maxBytes: number, timeoutMs: number): Promise<Uint8Array>;
  close(): Promise<void>;
};

export type UsbBackend = {
  readonly name: string;
  listPrinters(): Promise<UsbPrinterInfo[]>;
  open(printer: UsbPrinterInfo): Promise<UsbPrinterHandle>;
};

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** Stable across replugs: vendor, product and serial number (or the USB location without one). */
export function usbPrinterKey(p: Pick<UsbPrinterInfo, 'vendorId' | 'productId' | 'serialNumber' | 'location'>): string {
  return `${hex4(p.vendorId)}:${hex4(p.productId)}:${p.serialNumber || p.location}`;
}
