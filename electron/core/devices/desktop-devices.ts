// The desktop app owns the real devices: node-hid for HID POS scanners and scales, serialport for
// serial scanners. Loaded lazily by the drivers, so a machine without them still starts and the
// Devices screen says what is missing.

import { createNodeHidBackend } from '../drivers/hid/node-hid-backend';
import { createSerialBackend } from '../drivers/serial/serial-backend';
import type { DeviceBackends } from './station-devices';

export function desktopDevices(): DeviceBackends {
  return { hid: createNodeHidBackend(), serial: createSerialBackend() };
}
