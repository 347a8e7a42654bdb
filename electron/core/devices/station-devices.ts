// Which device buses a core uses. The desktop app passes the real ones (node-hid, usb, serialport,
// the OS print queues); the browser station passes a simulated HID bus plus the real transports it
// has (serial ports, CUPS); a core created with none (tests, tools) gets an empty simulated bus and
// touches no hardware at all.

import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { Clock } from '../clock';
import { createFakeHid } from '../drivers/hid/fake-hid';
import type { HidBackend } from '../drivers/hid/hid-backend';
import type { SerialBackend } from '../drivers/serial/serial-backend';
import type { UsbBackend } from '../drivers/usb/usb-backend';
import type { OsQueueBackend } from '../drivers/printer/os-queue';
import { createDeviceHub, type SerialScannerConfig } from './device-hub';
import type { SimulatedBench } from './simulated-bench';

export type DeviceBackends = {
  hid: HidBackend;
  serial: SerialBackend | null;
  usb?: UsbBackend | null | undefined;
  osQueues?: OsQueueBackend | null | undefined;
  /** the browser station's simulated bench (its devices are on `hid` and `usb`) */
  bench?: SimulatedBench | undefined;
  pollMs?: number | undefined;
};

type Deps = {
  clock: Clock;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  serialScanners(): SerialScannerConfig[];
};

export function createStationDevices(backends: DeviceBackends | undefined, deps: Deps) {
  const chosen: DeviceBackends = backends ?? { hid: createFakeHid(), serial: null };
  const hub = createDeviceHub({
    hid: chosen.hid, serial: chosen.serial, usb: chosen.usb ?? null, osQueues: chosen.osQueues ?? null, clock: deps.clock, emit: deps.emit, serialScanners: deps.serialScanners,
    simulated: chosen.bench !== undefined, ...(chosen.pollMs ? { pollMs: chosen.pollMs } : {}),
  });
  return {
    hub,
    bench: chosen.bench ?? null,
    async stop(): Promise<void> {
      chosen.bench?.stop();
      await hub.stop();
    },
  };
}
export type StationDevices = ReturnType<typeof createStationDevices>;
