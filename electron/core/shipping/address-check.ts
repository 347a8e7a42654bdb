import type { Address } from '../../../shared/domain/address';

// "PO Box 12", "P.O. Box", "Post Office Box", "Postfach 1234", "Boîte postale", "BP 12", "Apartado 45", "Box 9" alone on a line
const PO_BOX = /\b(p\.?\s*o\.?\s*box|post\s+office\s+box|postfach|bo[iî]te\s+postale|apartado(\s+de\s+correos)?|casilla(\s+de\s+correo)?|locked\s+bag|pmb)\b|^\s*(box|bp|cp)\s*\d+/i;

export type AddressProblem = { field: string; words: string };

/**
 * What a carrier would refuse, found before paying for anything and said in words the packer or owner
 * can act on: the order is named, the missing part is named, and what to do next.
 */
export function addressProblems(args: { from: Address; to: Address; orderNumber: string; carrierName: string; refusesPoBox: boolean }): AddressProblem[] {
  const { to, from, orderNumber, carrierName } = args;
  const problems: AddressProblem[] = [];
  const international = to.countryCode !== from.countryCode;
  if (!to.line1.trim()) problems.push({ field: 'line1', words: `Order ${orderNumber} has no street address. Add it to the order, then press Buy again.` });
  if (!to.city.trim()) problems.push({ field: 'city', words: `Order ${orderNumber} has no town or city in its address. Add it, then press Buy again.` });
  if (!to.postalCode.trim() && !['IE', 'HK', 'AE', 'QA'].includes(to.countryCode)) {
    problems.push({ field: 'postalCode', words: `Order ${orderNumber} has no postal code, and carriers need one for ${to.countryCode}. Add it, then press Buy again.` });
  }
  if (international && to.phone.replace(/\D/g, '').length < 6) {
    problems.push({ field: 'phone', words: `Order ${orderNumber} goes abroad (${from.countryCode} to ${to.countryCode}) and has no phone number; carriers need one for customs and delivery. Add the customer's phone number, then press Buy again.` });
  }
  if (args.refusesPoBox && [to.line1, to.line2, to.line3].some((l) => PO_BOX.test(l))) {
    problems.push({ field: 'line1', words: `Order ${orderNumber} is addressed to a PO box, which ${carrierName} does not deliver to. Ask the customer for a street address, or ship it with a carrier that delivers to PO boxes.` });
  }
  return problems;
}
