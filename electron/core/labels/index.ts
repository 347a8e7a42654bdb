export {
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
  type DotLayout,
  type Dpi,
  type LabelElement,
  type LabelLayout,
  type LabelSize,
  type ShippingLabelData,
} from './label-model';
export { escapeZplFieldData, layoutToZpl, renderShippingLabelZpl, renderTestPrintZpl, type TestPrintOptions, type ZplOptions } from './zpl';
export { renderZplToPng, type RenderZplOptions } from './render-zpl';
export { renderPackingSlipHtml, type PackingSlip, type PackingSlipLine, type PackingSlipOptions } from './packing-slip';
