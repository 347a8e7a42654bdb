import { useAppStore } from '../stores/app-store';

/**
 * A printable page (packing slip, return slip) saved as an HTML file. Shown inside this app it would
 * inherit the app's Content-Security-Policy (no inline styles); opened from the downloads it prints, or
 * saves as PDF, with its own styles intact.
 */
export function savePageAsFile(page: { html: string; fileName: string }, what: string): void {
  const url = URL.createObjectURL(new Blob([page.html], { type: 'text/html;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = page.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // the download has its own copy once it started
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  useAppStore.getState().showInfo(`${what} saved as ${page.fileName}: open it from your downloads to print it.`);
}
