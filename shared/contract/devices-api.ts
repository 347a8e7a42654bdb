import { z } from 'zod';
import { command, query } from './define';
import { CalibrationInput, DeviceListSchema, ScaleReadingSchema, SerialScannerInput, SimulateInput, WeightAcceptInput, WeightExpectationSchema, WeightSettingsSchema } from './devices';
import { Id } from './orders';
import { PrinterSchema, PrintJobSchema } from './pack';

const Empty = z.object({}).default({});
const DeviceId = z.string().min(1).max(300);

/** Scanners, scales and printers plugged into this station, the scale reading and the weight check. */
export const deviceMethods = {
  'devices.list': query(Empty, DeviceListSchema),
  'devices.addSerialScanner': command(SerialScannerInput, DeviceListSchema),
  'devices.removeSerialScanner': command(z.object({ path: z.string().min(1).max(300) }), DeviceListSchema),
  /** a screen takes a scan from a HID POS or serial scanner; only the first screen that asks gets it */
  'devices.claimScan': command(z.object({ scanId: z.string().min(1).max(100) }), z.object({ claimed: z.boolean() })),
  'devices.testPrint': command(z.object({ deviceId: DeviceId }), PrintJobSchema),
  'devices.makeLabelPrinter': command(z.object({ deviceId: DeviceId }), PrinterSchema),
  'devices.simulate': command(SimulateInput, DeviceListSchema),
  'printers.calibrate': command(CalibrationInput, PrinterSchema),

  'scale.current': query(Empty, ScaleReadingSchema),
  'scale.tare': command(Empty, ScaleReadingSchema),
  'scale.clearTare': command(Empty, ScaleReadingSchema),
  'scale.zero': command(Empty, ScaleReadingSchema),

  'weight.expected': query(z.object({ sessionId: Id }), WeightExpectationSchema),
  'weight.accept': command(WeightAcceptInput, z.object({ accepted: z.boolean(), message: z.string() })),
  'weight.settings': query(Empty, WeightSettingsSchema),
  'weight.saveSettings': command(WeightSettingsSchema, WeightSettingsSchema),
} as const;
