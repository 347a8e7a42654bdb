import { api } from '../../api/client';
import { savePageAsFile } from '../../lib/save-page';
import { useAppStore } from '../../stores/app-store';

/** The return slip as a page (the customer puts it in the parcel): saved as a file, so its own styles print intact. */
export async function downloadReturnSlip(returnId: number): Promise<void> {
  try {
    savePageAsFile(await api.call('returns.slip', { returnId }), 'Return slip');
  } catch (e) {
    useAppStore.getState().showError(e);
  }
}

/** The return slip on the label printer, with its RMA barcode. */
export async function printReturnSlip(returnId: number): Promise<void> {
  try {
    const job = await api.call('returns.printSlip', { returnId });
    useAppStore.getState().showInfo(`Return slip sent to ${job.printerName}.`);
  } catch (e) {
    useAppStore.getState().showError(e);
  }
}
