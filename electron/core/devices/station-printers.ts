// How a printer row becomes a driver on this station: USB printers through the station's USB bus
// (found again wherever they are plugged in), print-queue printers through the OS queues, network
// and folder printers as before.

import type { Printer } from '../../../shared/contract/pack';
import { statusOf, PrinterError, LABEL_KEPT, type RawPrinter } from '../drivers/printer';
import { createOsQueuePrinter } from '../drivers/printer/os-queue-printer';
import { createUsbPrinter } from '../drivers/printer/usb-printer';
import { defaultPrinterFactory, type PrinterFactory } from '../services/print-service';
import type { StationDevices } from './station-devices';

function unavailable(printer: Printer, words: string): RawPrinter {
  const who = `Printer '${printer.name}'`;
  const p = { code: 'offline' as const, words };
  return {
    describe: () => who,
    status: async () => statusOf(who, [p]),
    send: async () => { throw new PrinterError({ code: 'offline', problems: [p], nothingSent: true, message: `${statusOf(who, [p]).message} Nothing was sent; ${LABEL_KEPT}` }); },
  };
}

export function stationPrinterFactory(devices: StationDevices): PrinterFactory {
  const { hub } = devices;
  return (printer) => {
    if (printer.kind === 'usb') {
      const backend = hub.usbBackend;
      if (!backend) return unavailable(printer, 'This station cannot reach USB printers: use the printer through the computer\'s print queue or the network.');
      return createUsbPrinter({ name: printer.name, language: printer.language, backend, locate: () => hub.usbPrinter(printer.device) });
    }
    if (printer.kind === 'cups') {
      const backend = hub.osQueues;
      if (!backend) return unavailable(printer, 'This station does not print through the computer\'s print queues (on Windows, see resources/windows/README.md): use the printer over USB or the network.');
      return createOsQueuePrinter({ name: printer.name, queue: printer.device, backend });
    }
    return defaultPrinterFactory(printer);
  };
}
