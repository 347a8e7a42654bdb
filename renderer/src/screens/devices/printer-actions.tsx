import type { Device, DeviceList } from '../../../../shared/contract/devices';

/** Test print, make label printer and calibration: filled in with the USB and OS-queue printers. */
export function PrinterActions(_props: { device: Device; onList(list: DeviceList): void }) {
  return null;
}
