// The boundary between Packbench and a HID library: what node-hid gives (device list, an open
// device's reports) plus the report descriptor. The real adapter (node-hid) and the fake
// (fake-hid) both implement it, so every driver above it runs the same code in tests.

export type HidDeviceInfo = {
  /** the OS path node-hid opens (/dev/hidrawN on Linux, an IOService path on macOS, \\?\hid#… on Windows) */
  path: string;
  vendorId: number;
  productId: number;
  manufacturer?: string | undefined;
  product?: string | undefined;
  serialNumber?: string | undefined;
  /** top-level collection usage page and usage, as hidapi reports them */
  usagePage?: number | undefined;
  usage?: number | undefined;
  interface: number;
};

export type HidConnection = {
  onReport(listener: (report: Uint8Array) => void): void;
  /** a read error; after an unplug the device errors once and is gone */
  onError(listener: (error: Error) => void): void;
  /** sends an output report (report id first) */
  write(report: Uint8Array): Promise<void>;
  close(): Promise<void>;
};

export type HidBackend = {
  /** a label for the Devices screen: "node-hid (hidraw)", "simulated" */
  readonly name: string;
  list(): Promise<HidDeviceInfo[]>;
  /** the device's report descriptor, or undefined where the OS does not give it out */
  reportDescriptor(device: HidDeviceInfo): Promise<Uint8Array | undefined>;
  open(device: HidDeviceInfo): Promise<HidConnection>;
};

export const HID_PAGE = {
  genericDesktop: 0x01,
  barCodeScanner: 0x8c,
  weighingDevices: 0x8d,
} as const;

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** A key that survives unplug and replug (the OS path does not): vendor, product, serial (or path). */
export function hidDeviceKey(d: HidDeviceInfo): string {
  const serial = d.serialNumber?.trim();
  return `hid:${hex4(d.vendorId)}:${hex4(d.productId)}:${serial ? serial : d.path}`;
}

export function hidIds(d: HidDeviceInfo): string {
  return `${hex4(d.vendorId)}:${hex4(d.productId)}`;
}
