// The desktop app owns the real devices: node-hid for HID POS scanners and scales, serialport for
// serial scanners, usb for label printers. Loaded lazily by the drivers, so a machine without them still starts and the
// Devices screen says what is missing.

import { createNodeHidBackend } from '../drivers/hid/node-hid-backend';
import { createSerialBackend } from '../drivers/serial/serial-backend';
import { createNodeUsbBackend } from '../drivers/usb/node-usb-backend';
import { createCupsBackend } from '../drivers/printer/os-queue';
import type { DeviceBackends } from './station-devices';

export function desktopDevices(): DeviceBackends {
  // Windows keeps its own spooler (see resources/windows/README.md): its queues are not driven from here
  return { hid: createNodeHidBackend(), serial: createSerialBackend(), usb: createNodeUsbBackend(), osQueues: process.platform === 'win32' ? null : createCupsBackend() };
}
