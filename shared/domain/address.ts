import { z } from 'zod';

/** A full international postal address. Text is UTF-8 as typed by the customer; never transliterated. */
export const AddressSchema = z.object({
  name: z.string().min(1).max(200),
  company: z.string().max(200).default(''),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).default(''),
  line3: z.string().max(200).default(''),
  city: z.string().max(120).default(''),
  region: z.string().max(120).default(''),
  postalCode: z.string().max(32).default(''),
  /** ISO 3166-1 alpha-2, upper case */
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as DE or JP'),
  phone: z.string().max(40).default(''),
  email: z.string().max(200).default(''),
});
export type Address = z.infer<typeof AddressSchema>;

/** Lines as they should appear on a label or slip, empty parts dropped. */
export function addressLines(a: Address): string[] {
  const cityLine = [a.postalCode, a.city, a.region].filter(Boolean).join(' ');
  return [a.name, a.company, a.line1, a.line2, a.line3, cityLine, a.countryCode].filter((s) => s.trim() !== '');
}
