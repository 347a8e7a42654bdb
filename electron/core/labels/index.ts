export {
  ADDRESS_LABEL_TEXT,
  DOTS_PER_MM,
  fitAddressLines,
  fitText,
  formatWeight,
  INTERPRETATION_LINE_MM,
  layoutShippingLabel,
  layoutTestPrint,
  measureText,
  pageDots,
  pageMm,
  layoutInDots,
  reprintZone,
  type DotElement,
  type DotGraphic,
  type DotLayout,
  type DotOptions,
  type Dpi,
  type LabelElement,
  type LabelLayout,
  type LabelSize,
  type ShippingLabelData,
} from './label-model';
export { countDots, getDot, type Bitmap } from './bitmap';
export { FONT_0_EXTRA, printerFontCanDraw } from './printer-font';
export { rasterizeLines, rasterizeText, type TextRaster, type TextRasterRequest } from './text-raster';
export { setLabelFontDir } from './label-fonts';
export {
  escapeZplFieldData, layoutToZpl, OWN_LAYOUT_MARK, renderShippingLabel, renderShippingLabelZpl, renderTestPrintZpl,
  type RenderedLabel, type TestPrintOptions, type ZplOptions,
} from './zpl';
export { zplGraphicField } from './zpl-graphic';
export { withReprintMark } from './reprint-mark';
export { renderZplToPng, type RenderZplOptions } from './render-zpl';
export { renderPackingSlipHtml, type PackingSlip, type PackingSlipLine, type PackingSlipOptions } from './packing-slip';
