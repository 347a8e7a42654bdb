import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';

/**
 * The packing slip is a standalone HTML page with its own <style>. Shown inside this app it would
 * inherit the app's Content-Security-Policy (no inline styles), so it is saved as a file instead:
 * opened from the downloads it prints, or saves as PDF, with its styles intact.
 */
export async function downloadPackingSlip(orderId: number): Promise<void> {
  try {
    const slip = await api.call('pack.slip', { orderId });
    const url = URL.createObjectURL(new Blob([slip.html], { type: 'text/html;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = slip.fileName;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    // the download has its own copy once it started
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    useAppStore.getState().showInfo(`Packing slip saved as ${slip.fileName}: open it from your downloads to print it.`);
  } catch (e) {
    useAppStore.getState().showError(e);
  }
}
