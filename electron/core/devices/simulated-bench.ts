// The browser station's simulated bench: a HID POS scanner and a Dymo-style scale on the fake HID
// bus and a Zebra label printer on the fake USB bus, driven from the Devices screen, so a newcomer sees scans and live weights with no hardware.
// They travel the same road as real devices (report bytes → drivers → hub → screen); only the bus
// is in memory. A simulated scale sends a report every 200 ms, as a Dymo M10 does.

import { FAKE_DEVICES, type FakeHid } from '../drivers/hid/fake-hid';
import { hidPosScaleReport, hidPosScanReports } from '../drivers/hid/pos-descriptors';
import { FAKE_USB_PRINTERS, type FakeUsb } from '../drivers/usb/fake-usb';

const SCALE_REPORT_MS = 200;

type SimScale = { grams: number; steady: boolean; timer: NodeJS.Timeout };

export function createSimulatedBench(bus: FakeHid, usb: FakeUsb | null = null) {
  const scales = new Map<string, SimScale>();
  let scanners = 0;
  let scaleCount = 0;
  let printers = 0;

  function startScale(path: string): void {
    const s: SimScale = {
      grams: 0,
      steady: true,
      timer: setInterval(() => {
        // status 2 "stable at zero", 3 "in motion", 4 "stable"; weight in grams, exponent 0
        const status = !s.steady ? 3 : s.grams === 0 ? 2 : 4;
        bus.report(path, hidPosScaleReport(status, 2, 0, s.grams));
      }, SCALE_REPORT_MS),
    };
    s.timer.unref?.();
    scales.set(path, s);
  }

  return {
    bus,
    plug(device: 'hid-scanner' | 'scale' | 'usb-printer'): string {
      if (device === 'usb-printer') {
        if (!usb) throw new Error('no simulated USB bus');
        const p = FAKE_USB_PRINTERS.zebraZd421(++printers);
        usb.plug(p);
        return p.location;
      }
      if (device === 'hid-scanner') {
        const d = FAKE_DEVICES.honeywellScanner(++scanners);
        bus.plug(d);
        return d.path;
      }
      const d = FAKE_DEVICES.dymoM10(++scaleCount);
      bus.plug(d);
      startScale(d.path);
      return d.path;
    },
    unplug(path: string): void {
      usb?.unplug(path);
      const s = scales.get(path);
      if (s) clearInterval(s.timer);
      scales.delete(path);
      bus.unplug(path);
    },
    scan(path: string, code: string, aim = ''): void {
      for (const report of hidPosScanReports(aim, code)) bus.report(path, report);
    },
    weigh(path: string, grams: number, steady = true): boolean {
      const s = scales.get(path);
      if (!s) return false;
      s.grams = grams;
      s.steady = steady;
      return true;
    },
    stop(): void {
      for (const s of scales.values()) clearInterval(s.timer);
      scales.clear();
    },
  };
}
export type SimulatedBench = ReturnType<typeof createSimulatedBench>;
