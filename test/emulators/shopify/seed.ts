// Shops to start from: a small demo shop a newcomer can sync with no account, and many orders for
// benches and load tests. Names and addresses are international on purpose (UTF-8 end to end).

import type { NewOrderInput, ShopState } from './shop-state';

export const DEMO_PRODUCTS = [
  { title: 'Enamel mug', variants: [{ sku: 'MUG-ENAMEL-WHT', price: '14.90', barcode: '4006381333931', available: 40 }] },
  { title: 'Linen tea towel', variants: [{ sku: 'TOWEL-LINEN-NAT', price: '12.50', barcode: '4006381333948', available: 25 }] },
  { title: 'Beeswax candle', variants: [{ sku: 'CANDLE-BEES-S', price: '9.00', title: 'Small', available: 60 }, { sku: 'CANDLE-BEES-L', price: '16.00', title: 'Large', available: 30 }] },
  { title: 'Notebook A5 dotted', variants: [{ sku: 'NB-A5-DOT', price: '7.95', barcode: '4006381333955', available: 100 }] },
];

// with phone numbers: carriers need one for parcels that leave the country (the demo ships from GB)
const CUSTOMERS: Array<NonNullable<NewOrderInput['shippingAddress']> & { email: string }> = [
  { firstName: 'Zoë', lastName: 'Müller', address1: 'Königstraße 12', city: 'Stuttgart', zip: '70173', countryCode: 'DE', country: 'Germany', phone: '+49 711 1234567', email: 'zoe@example.de' },
  { firstName: 'Łukasz', lastName: 'Wiśniewski', address1: 'ul. Piotrkowska 104', city: 'Łódź', zip: '90-926', countryCode: 'PL', country: 'Poland', phone: '+48 42 123 45 67', email: 'lukasz@example.pl' },
  { firstName: 'Chloé', lastName: 'Dubois', address1: '18 rue de la République', city: 'Lyon', zip: '69002', countryCode: 'FR', country: 'France', phone: '+33 4 72 00 00 00', email: 'chloe@example.fr' },
  { firstName: 'Sam', lastName: 'Taylor', company: 'Taylor & Sons', address1: '221 King St', address2: 'Unit 4', city: 'Portland', provinceCode: 'OR', province: 'Oregon', zip: '97205', countryCode: 'US', country: 'United States', phone: '+1 503 555 0100', email: 'sam@example.com' },
];

export function seedDemoShop(state: ShopState, orders = 6): void {
  for (const p of DEMO_PRODUCTS) state.addProduct(p);
  seedOrders(state, orders);
}

/** `count` paid orders of one to three lines over the shop's SKUs, customers in turn. */
export function seedOrders(state: ShopState, count: number, opts: { skus?: string[] } = {}): void {
  const skus = opts.skus ?? [...state.variants.values()].map((v) => v.sku);
  if (!skus.length) throw new Error('Add products before orders.');
  for (let i = 0; i < count; i++) {
    const c = CUSTOMERS[i % CUSTOMERS.length]!;
    const lines = Array.from({ length: 1 + (i % 3) }, (_, k) => ({ sku: skus[(i + k * 7) % skus.length]!, quantity: 1 + ((i + k) % 2) }));
    const { email, ...address } = c;
    state.createOrder({ lines, email, shippingAddress: address, shippingPrice: '4.90', tax: '1.20' });
  }
}
