import { z } from 'zod';
import { Id } from './orders';

/** A phone or counter order typed in at the station. The address is checked per country by the core too. */
export const ManualOrderInput = z.object({
  locationId: Id,
  customerName: z.string().trim().max(200, 'At most 200 characters.').default(''),
  shipTo: z.object({
    name: z.string().trim().max(200, 'At most 200 characters.'),
    company: z.string().trim().max(200, 'At most 200 characters.').default(''),
    line1: z.string().trim().max(200, 'At most 200 characters.'),
    line2: z.string().trim().max(200, 'At most 200 characters.').default(''),
    line3: z.string().trim().max(200).default(''),
    city: z.string().trim().max(120, 'At most 120 characters.').default(''),
    region: z.string().trim().max(120, 'At most 120 characters.').default(''),
    postalCode: z.string().trim().max(32, 'At most 32 characters.').default(''),
    countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Choose the country from the list.'),
    phone: z.string().trim().max(40, 'At most 40 characters.').default(''),
    email: z.string().trim().max(200, 'At most 200 characters.').default(''),
  }),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'Choose the currency.'),
  shippingMinor: z.number().int().min(0, 'Shipping cannot be below 0.').max(100_000_000).default(0),
  /** YYYY-MM-DD; the order is late after the end of that day (UTC) */
  shipBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose the ship-by date.').nullable().default(null),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.').default(''),
  source: z.enum(['phone', 'counter']).default('phone'),
  lines: z.array(z.object({
    sku: z.string().trim().min(1, 'Choose a product for this line.').max(100),
    quantity: z.number({ error: 'Type the quantity as a whole number.' }).int('Type the quantity as a whole number.').min(1, 'Order at least 1.').max(9999, 'At most 9,999 per line.'),
    unitPriceMinor: z.number().int().min(0, 'A price cannot be below 0.').max(100_000_000),
  })).min(1, 'Add at least one item to the order.').max(200, 'At most 200 lines.'),
});
export type ManualOrderInput = z.input<typeof ManualOrderInput>;
export const ManualOrderOutput = z.object({ id: Id, number: z.string() });
