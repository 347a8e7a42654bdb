// The test and calibration label: a frame 1 mm inside the label edge, a ruler every 10 mm along
// the top and left, a cross at the centre, a Code 128 and a QR, and the printer's settings in
// words. Whatever is cut off or off-centre says which offset to change, and by how much.

import type { LabelElement, LabelLayout } from './label-model';
import { fitText, pageMm } from './label-model';
import { LANGUAGE_NAMES, renderLayoutFor, type PrinterProfile } from './printer-language';

export const CALIBRATION_BARCODE = 'PACKBENCH-TEST';
export const CALIBRATION_QR = 'packbench:calibration';

export function layoutCalibrationLabel(printerName: string, profile: PrinterProfile, printedAt: Date): LabelLayout {
  const page = pageMm(profile.labelSize);
  const els: LabelElement[] = [];
  const edge = 1;
  els.push({ kind: 'box', x: edge, y: edge, width: page.width - 2 * edge, height: page.height - 2 * edge, thickness: 0.5 });
  // rulers: a tick every 10 mm, longer every 50 mm
  for (let x = 10; x < page.width - edge; x += 10) {
    els.push({ kind: 'box', x: x - 0.15, y: edge, width: 0.3, height: x % 50 === 0 ? 6 : 3, thickness: 0.3 });
  }
  for (let y = 10; y < page.height - edge; y += 10) {
    els.push({ kind: 'box', x: edge, y: y - 0.15, width: y % 50 === 0 ? 6 : 3, height: 0.3, thickness: 0.3 });
  }
  const cx = page.width / 2;
  const cy = page.height / 2;
  els.push({ kind: 'box', x: cx - 5, y: cy - 0.2, width: 10, height: 0.4, thickness: 0.4 });
  els.push({ kind: 'box', x: cx - 0.2, y: cy - 5, width: 0.4, height: 10, thickness: 0.4 });

  const left = 9;
  const inner = page.width - 2 * left;
  const small = profile.labelSize === '4x4' ? 2.6 : 3.2;
  let y = 9;
  const line = (text: string, size: number, align: 'L' | 'C' = 'L') => {
    for (const t of fitText(text, inner, size, 2)) {
      els.push({ kind: 'text', x: left, y, width: inner, fontHeight: size, text: t, align });
      y += size * 1.25;
    }
  };
  line('PACKBENCH CALIBRATION', small * 1.6, 'C');
  y += 1;
  line(`Printer: ${printerName}`, small);
  line(`${LANGUAGE_NAMES[profile.language]}, ${profile.dpi} dpi, ${profile.labelSize} in`, small);
  line(`Offset: ${profile.offsetX} dots right, ${profile.offsetY} dots down`, small);
  line(`${printedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`, small);
  y += 1;
  line('The frame must show on all four sides, 1 mm in.', small * 0.8);
  line('Frame cut on the left: raise the X offset; on the top: raise Y.', small * 0.8);
  line('Ticks every 10 mm: if they are not 10 mm apart, the dpi is wrong.', small * 0.8);
  const qr = profile.labelSize === '4x4' ? 16 : 22;
  const codeY = Math.max(y + 2, cy + 8);
  els.push({ kind: 'qr', x: left, y: codeY, size: qr, data: CALIBRATION_QR });
  els.push({ kind: 'code128', x: left + qr + 4, y: codeY, width: inner - qr - 4, height: qr - 6, data: CALIBRATION_BARCODE });
  return { size: profile.labelSize, ...page, elements: els };
}

export function renderCalibrationLabel(printerName: string, profile: PrinterProfile, printedAt: Date): string {
  return renderLayoutFor(layoutCalibrationLabel(printerName, profile, printedAt), profile).zpl;
}
