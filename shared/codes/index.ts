export { splitAimId, GS1_AIM_IDS, type AimSplit, type Gs1Symbology } from './aim';
export { gs1CheckDigit, hasValidCheckDigit } from './check-digit';
export { GS, parseGs1, type Gs1Data, type Gs1ErrorReason, type Gs1ParseOptions, type Gs1Result } from './gs1';
export { expandUpcE, isValidGtin, normaliseGtin, type GtinResult, type GtinSymbology, type NormaliseGtinOptions } from './gtin';
export { parseScan, type ParsedScan, type ParseScanOptions, type ScanInvalidReason } from './parse-scan';
export { assignableCodeProblem, isQuantityCommand, MAX_CASE_QUANTITY, MAX_ITEM_CODE_LENGTH, parseQuantityCommand, type QuantityCommand } from './quantity';
