// One label layout, three printer languages: the dot layout of the label model goes out as ZPL II,
// EPL2 or TSPL, after the printer's own calibration (offset in dots) is applied.

import type { LabelLanguage } from '../../../shared/contract/devices';
import { layoutInDots, layoutShippingLabel, type DotElement, type DotLayout, type Dpi, type LabelLayout, type LabelSize, type ShippingLabelData } from './label-model';
import { layoutToEpl } from './epl';
import { layoutToTspl } from './tspl';
import { layoutToZpl } from './zpl';

/** What a printer needs to turn a layout into its bytes. */
export type PrinterProfile = { labelSize: LabelSize; dpi: Dpi; language: LabelLanguage; offsetX: number; offsetY: number };

export const LANGUAGE_NAMES: Record<LabelLanguage, string> = { zpl: 'ZPL II', epl: 'EPL2', tspl: 'TSPL' };

/**
 * Moves every element by the printer's calibration. Elements pushed past the top or left edge are
 * clamped to it (a negative position is an error in all three languages); boxes are cut at the far
 * edge, and elements pushed wholly off the label are left out, as the printer would lose them.
 */
export function shiftLayout(layout: DotLayout, dx: number, dy: number): DotLayout {
  if (dx === 0 && dy === 0) return layout;
  const move = (el: DotElement): DotElement => {
    const x = Math.max(0, el.x + dx);
    const y = Math.max(0, el.y + dy);
    if (el.kind !== 'box') return { ...el, x, y };
    // a box pushed over the far edge is cut there, as the printer would cut it, so the command stays valid
    return { ...el, x, y, width: Math.max(1, Math.min(el.width, layout.width - x)), height: Math.max(1, Math.min(el.height, layout.height - y)) };
  };
  // an element moved wholly off the far edge would not print anyway; some printers refuse the command
  const onPage = (el: DotElement) => el.x < layout.width && el.y < layout.height;
  return { ...layout, elements: layout.elements.map(move).filter(onPage) };
}

export function emitLayout(layout: DotLayout, language: LabelLanguage): string {
  switch (language) {
    case 'zpl': return layoutToZpl(layout);
    case 'epl': return layoutToEpl(layout);
    case 'tspl': return layoutToTspl(layout);
  }
}

export function renderLayoutFor(layout: LabelLayout, profile: PrinterProfile): string {
  return emitLayout(shiftLayout(layoutInDots(layout, profile.dpi), profile.offsetX, profile.offsetY), profile.language);
}

export function renderShippingLabelFor(data: ShippingLabelData, profile: PrinterProfile): string {
  return renderLayoutFor(layoutShippingLabel(data, profile.labelSize), profile);
}
