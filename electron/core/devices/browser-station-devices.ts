// The browser station runs where Electron cannot (no binary here, no USB): its HID bus is the
// simulated bench, its serial ports are real (a scanner on a serial port or a PTY works as on
// the desktop).

import { createFakeHid } from '../drivers/hid/fake-hid';
import { createSerialBackend } from '../drivers/serial/serial-backend';
import { createFakeUsb } from '../drivers/usb/fake-usb';
import { createSimulatedBench } from './simulated-bench';
import { createCupsBackend } from '../drivers/printer/os-queue';
import type { DeviceBackends } from './station-devices';

export function browserStationDevices(): DeviceBackends {
  const hid = createFakeHid();
  const usb = createFakeUsb();
  return { hid, serial: createSerialBackend(), usb, osQueues: process.platform === 'win32' ? null : createCupsBackend(), bench: createSimulatedBench(hid, usb) };
}
