import { z } from 'zod';
import { Id, IsoTime } from './orders';

export const DEVICE_KINDS = ['scanner', 'scale', 'printer'] as const;
export const DEVICE_CONNECTIONS = ['hid-pos', 'serial', 'usb', 'os-queue', 'network', 'folder'] as const;
export const DEVICE_STATES = ['ready', 'unplugged', 'error', 'not-set-up'] as const;
export const LABEL_LANGUAGES = ['zpl', 'epl', 'tspl'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

export const DeviceSchema = z.object({
  /** stable across unplug/replug: vendor, product and serial number, or the port / queue / printer id */
  id: z.string(),
  kind: z.enum(DEVICE_KINDS),
  connection: z.enum(DEVICE_CONNECTIONS),
  name: z.string(),
  /** model, ids, port, language: what a technician needs to tell two devices apart */
  detail: z.string(),
  state: z.enum(DEVICE_STATES),
  /** the state in words, with what to do */
  words: z.string(),
  lastError: z.string(),
  lastErrorAt: IsoTime.nullable(),
  changedAt: IsoTime,
  /** a device of the browser station's simulated bench, not real hardware */
  simulated: z.boolean(),
  /** printers only */
  printer: z.object({
    printerId: Id.nullable(),
    language: z.enum(LABEL_LANGUAGES).nullable(),
    isLabelPrinter: z.boolean(),
  }).nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const SerialPortSchema = z.object({ path: z.string(), description: z.string(), inUse: z.boolean() });

export const DeviceListSchema = z.object({
  devices: z.array(DeviceSchema),
  /** serial ports the OS lists, to pick a serial scanner from */
  serialPorts: z.array(SerialPortSchema),
  /** things the station cannot do here, in words (no HID library, no CUPS …) */
  notes: z.array(z.string()),
  /** this station has a simulated bench (browser demo): the simulate buttons work */
  simulated: z.boolean(),
});
export type DeviceList = z.infer<typeof DeviceListSchema>;

export const SCALE_STATES = ['none', 'waiting', 'stable', 'settling', 'over-capacity', 'under-zero', 'fault', 'needs-zero', 'needs-calibration', 'unknown-unit'] as const;

export const ScaleReadingSchema = z.object({
  deviceId: z.string().nullable(),
  deviceName: z.string(),
  state: z.enum(SCALE_STATES),
  stable: z.boolean(),
  /** net of tare, whole grams; null when nothing usable is on the scale */
  grams: z.number().int().nullable(),
  tareGrams: z.number().int(),
  /** what the scale itself shows, in its own unit */
  display: z.string(),
  words: z.string(),
  at: IsoTime,
});
export type ScaleReading = z.infer<typeof ScaleReadingSchema>;

export const SerialScannerInput = z.object({
  path: z.string().trim().min(1, 'Name the serial port (for example /dev/ttyACM0 or COM3)').max(300),
  baudRate: z.number().int().min(300).max(921600).default(9600),
});

export const CalibrationInput = z.object({
  printerId: Id,
  language: z.enum(LABEL_LANGUAGES),
  dpi: z.union([z.literal(203), z.literal(300)]),
  /** dots; moves everything right (x) and down (y); negative moves left and up */
  offsetX: z.number().int().min(-200, 'Move by 200 dots at most').max(200, 'Move by 200 dots at most'),
  offsetY: z.number().int().min(-200, 'Move by 200 dots at most').max(200, 'Move by 200 dots at most'),
});

export const SimulateInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('plug'), device: z.enum(['hid-scanner', 'scale', 'usb-printer']) }),
  z.object({ action: z.literal('unplug'), deviceId: z.string() }),
  z.object({ action: z.literal('scan'), deviceId: z.string(), code: z.string().min(1).max(4000), aim: z.string().max(3).default('') }),
  z.object({ action: z.literal('weigh'), deviceId: z.string(), grams: z.number().int().min(0).max(1_000_000), steady: z.boolean().default(true) }),
]);

export const WeightSettingsSchema = z.object({
  /** checking parcel weights at all */
  enabled: z.boolean().default(true),
  /** the empty box and filler, when the carriers' package presets do not say */
  boxGrams: z.number().int().min(0).max(50_000).default(150),
  /** how far a parcel may be from what it should weigh */
  tolerancePercent: z.number().min(1).max(50).default(10),
  /** never stricter than this, for very light parcels */
  minToleranceGrams: z.number().int().min(0).max(5000).default(30),
});
export type WeightSettings = z.infer<typeof WeightSettingsSchema>;

export const WeightExpectationSchema = z.object({
  basis: z.enum(['history', 'products', 'none']),
  expectedGrams: z.number().int().nullable(),
  toleranceGrams: z.number().int(),
  productsGrams: z.number().int(),
  boxGrams: z.number().int(),
  /** earlier shipments of exactly these items that the learned weight comes from */
  shipments: z.number().int(),
  /** products without a catalog weight */
  unweighed: z.array(z.string()),
  words: z.string(),
});
export type WeightExpectation = z.infer<typeof WeightExpectationSchema>;

export const WeightAcceptInput = z.object({
  sessionId: Id,
  supervisor: z.string().trim().min(2, 'Name the supervisor').max(100),
  reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(500),
});
