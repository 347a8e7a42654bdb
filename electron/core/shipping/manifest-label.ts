import type { Address } from '../../../shared/domain/address';
import { DOTS_PER_MM, escapeZplFieldData, pageDots } from '../labels';
import type { LabelPrinter } from './label-bytes';

const PER_PAGE = 22;

/**
 * The end-of-day manifest on the bench printer: the carrier, the form id as a barcode the driver scans,
 * and every tracking number on it, page after page. The carrier's own form (PDF) stays at its URL.
 */
export function renderManifestZpl(m: {
  carrierName: string; createdAt: string; remoteId: string; barcode: string; from: Address;
  labels: Array<{ trackingNumber: string; orderNumber: string }>;
}, printer: LabelPrinter): string {
  const page = pageDots(printer.labelSize, printer.dpi);
  const d = (mm: number) => Math.round(mm * DOTS_PER_MM[printer.dpi]);
  const text = (x: number, y: number, h: number, s: string) => `^FO${d(x)},${d(y)}^A0N,${d(h)},${d(h)}^FB${page.width - d(x) - d(3)},1,0,L,0^FH_^FD${escapeZplFieldData(s)}^FS`;
  const pages: string[] = [];
  const count = Math.max(1, Math.ceil(m.labels.length / PER_PAGE));
  for (let p = 0; p < count; p++) {
    const rows = m.labels.slice(p * PER_PAGE, (p + 1) * PER_PAGE);
    const parts = ['^XA', '^CI28', `^PW${page.width}`, `^LL${page.height}`, '^LH0,0',
      text(3, 3, 5, `MANIFEST ${m.carrierName}`.slice(0, 40)),
      text(3, 10, 3, `${m.createdAt.slice(0, 10)} · ${m.labels.length} parcel(s) · page ${p + 1} of ${count}`),
      text(3, 15, 3, `${m.from.company || m.from.name}, ${m.from.city}`),
    ];
    const code = (m.barcode || m.remoteId).replace(/[^\x20-\x7e]/g, '');
    if (code && p === 0) parts.push(`^FO${d(3)},${d(21)}^BY2^BCN,${d(14)},Y,N,N,A^FH_^FD${escapeZplFieldData(code.slice(0, 40))}^FS`);
    const top = p === 0 ? 42 : 22;
    rows.forEach((l, i) => parts.push(text(3, top + i * 4.6, 3.2, `${p * PER_PAGE + i + 1}. ${l.trackingNumber}  ${l.orderNumber}`)));
    parts.push('^XZ');
    pages.push(parts.join('\n'));
  }
  return `${pages.join('\n')}\n`;
}
