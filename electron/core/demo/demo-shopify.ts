import { startShopifyEmulator, type ShopifyEmulator } from '../../../test/emulators/shopify/server';
import { DEMO_CUSTOMERS } from './demo-data';

/**
 * The demo Shopify store: the Shopify emulator (real Admin schema, rate limit, fulfillment orders)
 * filled with the workspace's own SKUs and a few paid orders. demo-channels starts it beside the
 * WooCommerce one and connects it as kind 'shopify' with { baseUrl: url, credentials: { accessToken } }.
 */

export const DEMO_SHOPIFY_NAME = 'Shopify demo store (emulated)';

export async function launchDemoShopify(skus: Array<{ sku: string; title: string }>, orders = 6): Promise<{ emu: ShopifyEmulator; addOrder: () => void }> {
  const emu = await startShopifyEmulator({ shopDomain: 'packbench-demo.myshopify.com', currency: 'GBP' });
  for (const v of skus) emu.state.addProduct({ title: v.title, variants: [{ sku: v.sku, price: '12.00', available: 25 }] });
  let n = 0;
  const addOrder = () => {
    if (!skus.length) return;
    const c = DEMO_CUSTOMERS[(n + 3) % DEMO_CUSTOMERS.length]!;
    const [firstName, ...rest] = c.name.split(' ');
    const a = skus[(n * 5 + 1) % skus.length]!;
    const b = skus[(n * 13 + 2) % skus.length]!;
    emu.state.createOrder({
      email: c.email || null, phone: c.phone || null, shippingPrice: '3.95',
      shippingAddress: { firstName: firstName ?? c.name, lastName: rest.join(' '), company: c.company || null, address1: c.line1, address2: c.line2 || null, city: c.city, provinceCode: c.region || null, zip: c.postalCode, countryCode: c.countryCode },
      lines: a.sku === b.sku || n % 2 ? [{ sku: a.sku, quantity: 1 }] : [{ sku: a.sku, quantity: 1 }, { sku: b.sku, quantity: 2 }],
    });
    n++;
  };
  for (let i = 0; i < orders; i++) addOrder();
  return { emu, addOrder };
}
