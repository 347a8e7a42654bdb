import { formatLocalTime } from '../../../shared/domain/local-time';
import { DOTS_PER_MM, reprintZone, type Dpi, type LabelSize } from './label-model';
import { OWN_LAYOUT_MARK } from './zpl';

export type ReprintMark = { size: LabelSize; dpi: Dpi; copy: number; at: string; timeZone?: string };

/**
 * Adds "REPRINT" (white on black, with the copy number and time) to a label's stored ZPL, in the zone
 * every original leaves blank beside "FROM". The rest of the bytes stay exactly as first printed, so a
 * reprint shows the same address, weight and barcodes as the original. Our own text only: plain ASCII.
 * Bytes we did not lay out (a carrier's label) come back unchanged: we know of no blank room on them.
 */
export function withReprintMark(zpl: string, mark: ReprintMark): string {
  const end = zpl.lastIndexOf('^XZ');
  if (end < 0 || !zpl.includes(OWN_LAYOUT_MARK)) return zpl;
  const dpmm = DOTS_PER_MM[mark.dpi];
  const zone = reprintZone(mark.size);
  const d = (mm: number): number => Math.round(mm * dpmm);
  const x = d(zone.x);
  const y = d(zone.y);
  const width = d(zone.width);
  const height = d(zone.height);
  const font = Math.round(height * 0.72);
  const when = formatLocalTime(mark.at, { ...(mark.timeZone ? { timeZone: mark.timeZone } : {}), locale: 'en-GB' })
    .replace(/[^\x20-\x7e]/g, ' ');
  const words = `REPRINT ${mark.copy} - ${when}`.replace(/[\^~\\_]/g, ' ');
  const overlay = [
    `^FO${x},${y}^GB${width},${height},${height}^FS`,
    `^FO${x},${y + Math.round((height - font) / 2)}^A0N,${font},${Math.round(font * 0.8)}^FR^FB${width},1,0,C,0^FD${words}^FS`,
  ].join('\n');
  return `${zpl.slice(0, end)}${overlay}\n${zpl.slice(end)}`;
}
