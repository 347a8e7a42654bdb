// One label layout, three printer languages: the dot layout of the label model goes out as ZPL II,
// EPL2 or TSPL, after the printer's own calibration (offset in dots) is applied. Text a printer's
// font cannot draw is laid out as a picture by the model (DotGraphic): ^GF in ZPL, GW in EPL2,
// BITMAP in TSPL. EPL2 and TSPL fonts draw Windows-1252 only, so more of a label becomes pictures there.

import type { LabelLanguage } from '../../../shared/contract/devices';
import { canEncodeCp1252 } from './byte-text';
import { layoutInDots, layoutShippingLabel, type DotElement, type DotLayout, type DotOptions, type Dpi, type LabelLayout, type LabelSize, type ShippingLabelData } from './label-model';
import { layoutToEpl } from './epl';
import { layoutToTspl } from './tspl';
import { layoutToZpl, OWN_LAYOUT_MARK, type RenderedLabel } from './zpl';

/** What a printer needs to turn a layout into its bytes. */
export type PrinterProfile = { labelSize: LabelSize; dpi: Dpi; language: LabelLanguage; offsetX: number; offsetY: number };

export const LANGUAGE_NAMES: Record<LabelLanguage, string> = { zpl: 'ZPL II', epl: 'EPL2', tspl: 'TSPL' };

/** Which text the printer draws itself; the rest the model turns into pictures. ZPL: the model's own default. */
export function dotOptionsFor(language: LabelLanguage): DotOptions {
  return language === 'zpl' ? {} : { printerFont: canEncodeCp1252 };
}

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

export function dotsFor(layout: LabelLayout, profile: PrinterProfile): DotLayout {
  return shiftLayout(layoutInDots(layout, profile.dpi, dotOptionsFor(profile.language)), profile.offsetX, profile.offsetY);
}

export function renderLayoutFor(layout: LabelLayout, profile: PrinterProfile): RenderedLabel {
  const dots = dotsFor(layout, profile);
  return { zpl: emitLayout(dots, profile.language), undrawable: dots.undrawable };
}

/** The shipping label as the printer's job text; ZPL labels carry the own-layout mark reprints look for. */
export function renderShippingLabelFor(data: ShippingLabelData, profile: PrinterProfile): RenderedLabel {
  const label = renderLayoutFor(layoutShippingLabel(data, profile.labelSize), profile);
  if (profile.language !== 'zpl') return label;
  return { ...label, zpl: label.zpl.replace('\n^LH0,0\n', `\n^LH0,0\n${OWN_LAYOUT_MARK}\n`) };
}
