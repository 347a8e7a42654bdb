/** AIM symbology identifiers (ISO/IEC 15424) that scanners can prefix to the data they send. */

export type Gs1Symbology = 'gs1-128' | 'gs1-datamatrix' | 'gs1-qr' | 'gs1-databar';

/** The ids whose data is a GS1 element string (FNC1 in first position). */
export const GS1_AIM_IDS: Readonly<Record<string, Gs1Symbology>> = {
  ']C1': 'gs1-128',
  ']d2': 'gs1-datamatrix',
  ']Q3': 'gs1-qr',
  ']e0': 'gs1-databar',
};

/** Ids the app names in messages; any other well-formed id is still split off. */
export const AIM_NAMES: Readonly<Record<string, string>> = {
  ']C0': 'a plain Code 128 barcode',
  ']E0': 'an EAN-13 or UPC-A barcode',
  ']E4': 'an EAN-8 barcode',
  ']I0': 'an ITF barcode',
  ']I1': 'an ITF barcode',
  ']Q1': 'a plain QR code',
  ']d1': 'a plain Data Matrix code',
  ']A0': 'a Code 39 barcode',
};

export type AimSplit = { aim?: string; data: string };

/** `]` + symbology letter + modifier; scanners send it only at the very start. */
export function splitAimId(raw: string): AimSplit {
  const m = /^\][A-Za-z][0-9A-Za-z]/.exec(raw);
  return m ? { aim: m[0], data: raw.slice(3) } : { data: raw };
}
