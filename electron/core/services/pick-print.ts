import type { PrintJob } from '../../../shared/contract/pack';
import { isoNow, type Clock } from '../clock';
import { renderPickListHtml, renderPickListZpl } from '../labels/pick-list-print';
import type { Repos } from '../store';
import type { PickService } from './pick-service';
import type { PrintService } from './print-service';

/** Pick lists on paper (a page to print or save) or on the bench's thermal printer, for pickers without a device. */
export function createPickPrint(repos: Repos, clock: Clock, print: PrintService, picking: PickService) {
  return {
    sheet(listId: number) {
      const list = picking.view(listId);
      return { html: renderPickListHtml(list, isoNow(clock)), fileName: `pick-list-${list.id}.html` };
    },
    printLabel(listId: number): PrintJob {
      const list = picking.view(listId);
      const printer = print.defaultPrinter();
      const id = repos.print.createJob({ printerId: printer.id, orderId: null, sessionId: null, parcelNo: null, kind: 'pick_list', zpl: renderPickListZpl(list, printer.dpi), at: isoNow(clock) });
      void print.dispatch(id);
      return print.publicJob(id);
    },
  };
}
