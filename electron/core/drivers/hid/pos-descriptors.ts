// Report descriptors of the HID POS devices the fakes (tests, the browser station's simulated
// devices) present. They are written item by item from the HID Point of Sale Usage Tables 1.02
// (page 0x8C bar code scanner, page 0x8D weighing devices) and give exactly the report bytes
// those devices send:
//  - scanner (Honeywell/Zebra "HID POS" mode): input report 2, 64 bytes as read:
//    [0] id 2, [1] byte count, [2..4] AIM symbology id, [5..60] data, [61..62] vendor bytes,
//    [63] bit 0 "decode data continued" (more reports of the same scan follow);
//  - scale (Dymo M-series, Stamps.com): input report 3, 6 bytes as read:
//    [0] id 3, [1] status (1..8), [2] unit (1..12), [3] scaling exponent (int8), [4..5] weight uint16 LE.

function bytes(...items: number[][]): Uint8Array {
  return Uint8Array.from(items.flat());
}

export const HID_POS_SCANNER_DESCRIPTOR: Uint8Array = bytes(
  [0x06, 0x8c, 0x00], //       Usage Page (Bar Code Scanner)
  [0x09, 0x02], //             Usage (Bar Code Scanner)
  [0xa1, 0x01], //             Collection (Application)
  [0x09, 0x12], //               Usage (Scanned Data Report)
  [0xa1, 0x02], //               Collection (Logical)
  [0x85, 0x02], //                 Report ID (2)
  [0x15, 0x00], //                 Logical Minimum (0)
  [0x26, 0xff, 0x00], //           Logical Maximum (255)
  [0x75, 0x08], //                 Report Size (8)
  [0x06, 0x00, 0xff], //           Usage Page (Vendor defined)
  [0x09, 0x01], //                 Usage (byte count of the decoded data)
  [0x95, 0x01], //                 Report Count (1)
  [0x81, 0x02], //                 Input (Data, Variable, Absolute)
  [0x05, 0x8c], //                 Usage Page (Bar Code Scanner)
  [0x09, 0xfb], //                 Usage (Symbology Identifier 1)
  [0x09, 0xfc], //                 Usage (Symbology Identifier 2)
  [0x09, 0xfd], //                 Usage (Symbology Identifier 3)
  [0x95, 0x03], //                 Report Count (3)
  [0x81, 0x02], //                 Input (Data, Variable, Absolute)
  [0x09, 0xfe], //                 Usage (Decoded Data)
  [0x95, 0x38], //                 Report Count (56)
  [0x82, 0x02, 0x01], //           Input (Data, Variable, Absolute, Buffered Bytes)
  [0x06, 0x00, 0xff], //           Usage Page (Vendor defined)
  [0x09, 0x02], //                 Usage (vendor code id)
  [0x09, 0x03], //                 Usage (reserved)
  [0x95, 0x02], //                 Report Count (2)
  [0x81, 0x02], //                 Input (Data, Variable, Absolute)
  [0x05, 0x8c], //                 Usage Page (Bar Code Scanner)
  [0x09, 0xff], //                 Usage (Decode Data Continued)
  [0x25, 0x01], //                 Logical Maximum (1)
  [0x75, 0x01], //                 Report Size (1)
  [0x95, 0x01], //                 Report Count (1)
  [0x81, 0x02], //                 Input (Data, Variable, Absolute)
  [0x75, 0x07], //                 Report Size (7)
  [0x81, 0x03], //                 Input (Constant) padding
  [0xc0], //                     End Collection
  [0xc0], //                   End Collection
);

export const HID_POS_SCALE_DESCRIPTOR: Uint8Array = bytes(
  [0x05, 0x8d], //             Usage Page (Weighing Devices)
  [0x09, 0x20], //             Usage (Scale Device)
  [0xa1, 0x01], //             Collection (Application)
  [0x09, 0x32], //               Usage (Scale Data Report)
  [0xa1, 0x02], //               Collection (Logical)
  [0x85, 0x03], //                 Report ID (3)
  [0x09, 0x70], //                 Usage (Scale Status)
  [0xa1, 0x02], //                 Collection (Logical)
  [0x19, 0x71], //                   Usage Minimum (Scale Status Fault)
  [0x29, 0x78], //                   Usage Maximum (Requires Rezeroing)
  [0x15, 0x01], //                   Logical Minimum (1)
  [0x25, 0x08], //                   Logical Maximum (8)
  [0x75, 0x08], //                   Report Size (8)
  [0x95, 0x01], //                   Report Count (1)
  [0x81, 0x00], //                   Input (Data, Array, Absolute)
  [0xc0], //                       End Collection
  [0x09, 0x50], //                 Usage (Weight Unit)
  [0xa1, 0x02], //                 Collection (Logical)
  [0x19, 0x51], //                   Usage Minimum (Milligram)
  [0x29, 0x5c], //                   Usage Maximum (Pound)
  [0x15, 0x01], //                   Logical Minimum (1)
  [0x25, 0x0c], //                   Logical Maximum (12)
  [0x81, 0x00], //                   Input (Data, Array, Absolute)
  [0xc0], //                       End Collection
  [0x09, 0x41], //                 Usage (Data Scaling)
  [0x15, 0x80], //                 Logical Minimum (-128)
  [0x25, 0x7f], //                 Logical Maximum (127)
  [0x81, 0x02], //                 Input (Data, Variable, Absolute)
  [0x09, 0x40], //                 Usage (Data Weight)
  [0x15, 0x00], //                 Logical Minimum (0)
  [0x27, 0xff, 0xff, 0x00, 0x00], // Logical Maximum (65535)
  [0x75, 0x10], //                 Report Size (16)
  [0x81, 0x02], //                 Input (Data, Variable, Absolute)
  [0xc0], //                     End Collection
  [0x09, 0x31], //               Usage (Scale Control Report)
  [0xa1, 0x02], //               Collection (Logical)
  [0x85, 0x05], //                 Report ID (5)
  [0x09, 0x80], //                 Usage (Zero Scale)
  [0x15, 0x00], //                 Logical Minimum (0)
  [0x25, 0x01], //                 Logical Maximum (1)
  [0x75, 0x01], //                 Report Size (1)
  [0x95, 0x01], //                 Report Count (1)
  [0x91, 0x02], //                 Output (Data, Variable, Absolute)
  [0x75, 0x07], //                 Report Size (7)
  [0x91, 0x03], //                 Output (Constant) padding
  [0xc0], //                     End Collection
  [0xc0], //                   End Collection
);

/** A keyboard (boot protocol): the one kind of HID device Packbench must never open. */
export const BOOT_KEYBOARD_DESCRIPTOR: Uint8Array = bytes(
  [0x05, 0x01], [0x09, 0x06], [0xa1, 0x01], [0x05, 0x07], [0x19, 0xe0], [0x29, 0xe7], [0x15, 0x00], [0x25, 0x01],
  [0x75, 0x01], [0x95, 0x08], [0x81, 0x02], [0x95, 0x01], [0x75, 0x08], [0x81, 0x01], [0x95, 0x06], [0x75, 0x08],
  [0x15, 0x00], [0x25, 0x65], [0x05, 0x07], [0x19, 0x00], [0x29, 0x65], [0x81, 0x00], [0xc0],
);

/** The 64-byte reports a HID POS scanner sends for one scan: AIM id in each, data split 56 bytes a report. */
export function hidPosScanReports(aim: string, data: Uint8Array | string): Uint8Array[] {
  const payload = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const aimBytes = new TextEncoder().encode(aim.padEnd(3, '\0').slice(0, 3));
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < payload.length; at += 56) {
    const chunk = payload.subarray(at, at + 56);
    const r = new Uint8Array(64);
    r[0] = 0x02;
    r[1] = chunk.length;
    r.set(aimBytes, 2);
    r.set(chunk, 5);
    r[61] = 0x3f; // vendor code id byte as Honeywell scanners send it
    r[63] = at + 56 < payload.length ? 0x01 : 0x00;
    reports.push(r);
  }
  return reports;
}

export type ScaleStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type ScaleUnitCode = 1 | 2 | 3 | 11 | 12;

/** One 6-byte scale data report: weight = value × 10^exponent in the unit. */
export function hidPosScaleReport(status: ScaleStatusCode, unit: ScaleUnitCode, exponent: number, value: number): Uint8Array {
  const v = Math.max(0, Math.min(0xffff, Math.round(value)));
  return Uint8Array.from([0x03, status, unit, exponent & 0xff, v & 0xff, (v >> 8) & 0xff]);
}
