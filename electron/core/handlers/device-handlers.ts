import { AppError } from '../../../shared/contract/errors';
import type { DeviceList } from '../../../shared/contract/devices';
import type { SerialScannerConfig } from '../devices/device-hub';
import type { StationDevices } from '../devices/station-devices';
import { printerDevices, printerForDevice } from '../devices/printer-devices';
import type { Workspace } from '../workspace';
import type { HandlerContext, HandlerMap } from './types';

const SERIAL_SETTING = 'devices.serialScanners';

export function serialScannersOf(ws: Workspace): SerialScannerConfig[] {
  const v = ws.repos.settings.get<SerialScannerConfig[]>(SERIAL_SETTING);
  return Array.isArray(v) ? v.filter((s) => typeof s?.path === 'string' && typeof s.baudRate === 'number') : [];
}

function deviceList(devices: StationDevices, ws: Workspace): DeviceList {
  const others = devices.hub.list().filter((d) => d.kind !== 'printer');
  return { devices: [...others, ...printerDevices(ws, devices.hub)], serialPorts: devices.hub.serialPorts(), notes: devices.hub.notes(), simulated: devices.bench !== null };
}

function simulatedPath(devices: StationDevices, deviceId: string): string {
  const path = devices.hub.pathOf(deviceId);
  if (!devices.bench) throw new AppError('conflict', 'This station has no simulated devices: plug in real ones.', 'The simulated bench exists in the browser demo station only.');
  if (!path || !devices.hub.entry(deviceId)?.simulated) throw new AppError('not_found', 'That simulated device is not plugged in.', 'Reload the Devices screen.');
  return path;
}

/** Devices live with the station, not the workspace: resetting the demo does not unplug anything. */
export function deviceHandlers(devices: StationDevices): HandlerMap {
  const { hub } = devices;
  return {
    'devices.list': (_input, { ws }) => {
      hub.watch();
      return deviceList(devices, ws);
    },
    'devices.addSerialScanner': async (input, { ws }: HandlerContext) => {
      const list = serialScannersOf(ws).filter((s) => s.path !== input.path);
      ws.repos.settings.set(SERIAL_SETTING, [...list, { path: input.path, baudRate: input.baudRate }]);
      await hub.poll();
      return deviceList(devices, ws);
    },
    'devices.removeSerialScanner': async (input, { ws }) => {
      ws.repos.settings.set(SERIAL_SETTING, serialScannersOf(ws).filter((s) => s.path !== input.path));
      await hub.poll();
      return deviceList(devices, ws);
    },
    'devices.claimScan': (input) => ({ claimed: hub.claimScan(input.scanId) }),
    'devices.makeLabelPrinter': (input, { ws }) => {
      const p = printerForDevice(ws, hub, input.deviceId);
      return ws.print.savePrinter({ ...p, isDefault: true });
    },
    'devices.testPrint': (input, { ws }) => ws.print.testPrint(printerForDevice(ws, hub, input.deviceId).id),
    'devices.simulate': async (input, { ws }) => {
      const bench = devices.bench;
      if (!bench) throw new AppError('conflict', 'This station has no simulated devices: plug in real ones.', 'The simulated bench exists in the browser demo station only.');
      switch (input.action) {
        case 'plug':
          bench.plug(input.device);
          break;
        case 'unplug':
          bench.unplug(simulatedPath(devices, input.deviceId));
          break;
        case 'scan':
          bench.scan(simulatedPath(devices, input.deviceId), input.code, input.aim);
          break;
        case 'weigh':
          if (!bench.weigh(simulatedPath(devices, input.deviceId), input.grams, input.steady)) {
            throw new AppError('conflict', 'That simulated device is not a scale.');
          }
          break;
      }
      await hub.poll();
      return deviceList(devices, ws);
    },
    'printers.calibrate': (input, { ws }) => {
      const p = ws.repos.print.printer(input.printerId);
      if (!p) throw new AppError('not_found', `Printer ${input.printerId} does not exist.`, 'Reload the Devices screen.');
      return ws.print.savePrinter({ ...p, language: input.language, dpi: input.dpi, offsetX: input.offsetX, offsetY: input.offsetY });
    },
    'weight.expected': (input, { ws }) => ws.weights.expected(input.sessionId),
    'weight.accept': (input, { ws }) => ws.weights.accept(input.sessionId, input.supervisor, input.reason),
    'weight.settings': (_input, { ws }) => ws.weights.settings(),
    'weight.saveSettings': (input, { ws }) => ws.weights.saveSettings(input),
    'scale.current': () => hub.scaleReading(),
    'scale.tare': () => {
      const before = hub.scaleReading();
      if (!before.stable) throw new AppError('conflict', 'The box can be taken off only when the scale is steady.', before.words);
      return hub.tare();
    },
    'scale.clearTare': () => hub.clearTare(),
    'scale.zero': async () => {
      const before = hub.scaleReading();
      if (before.state === 'none') throw new AppError('conflict', before.words);
      return hub.zero();
    },
  };
}
