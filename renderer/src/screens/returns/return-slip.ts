import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';

/** The return slip as a page (the customer puts it in the parcel): saved as a file, so its own styles print intact. */
export async function downloadReturnSlip(returnId: number): Promise<void> {
  try {
    const slip = await api.call('returns.slip', { returnId });
    const url = URL.createObjectURL(new Blob([slip.html], { type: 'text/html;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = slip.fileName;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    useAppStore.getState().showInfo(`Return slip saved as ${slip.fileName}: open it from your downloads to print it.`);
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
