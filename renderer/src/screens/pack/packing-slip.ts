import { api } from '../../api/client';
import { savePageAsFile } from '../../lib/save-page';
import { useAppStore } from '../../stores/app-store';

/** The packing slip is a standalone HTML page with its own <style>, saved as a file to print. */
export async function downloadPackingSlip(orderId: number): Promise<void> {
  try {
    savePageAsFile(await api.call('pack.slip', { orderId }), 'Packing slip');
  } catch (e) {
    useAppStore.getState().showError(e);
  }
}
