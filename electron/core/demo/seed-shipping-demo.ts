import type { Repos } from '../store';
import type { ShippingService } from '../shipping/shipping-service';

/** HS codes and origins a real shop would have for the demo catalog (by SKU prefix). */
const CUSTOMS: Record<string, [string, string]> = {
  'MUG-': ['732393', 'CN'], 'WRAP-': ['392690', 'GB'], 'TOWEL-': ['630260', 'LT'], 'POUR-': ['691200', 'PT'], 'COF-': ['090121', 'ET'],
  'TOTE-': ['420292', 'IN'], 'SOCK-': ['611595', 'GB'], 'CRM-': ['330499', 'FR'], 'NB-': ['482010', 'DE'], 'PEN-': ['960810', 'JP'],
  'CNDL-': ['340600', 'GB'], 'BRSH-': ['960321', 'CN'], 'SPN-': ['441990', 'TN'], 'MTCH-': ['090210', 'JP'], 'BOWL-': ['691200', 'PT'],
  'BTL-': ['701337', 'CZ'], 'BEAN-': ['650500', 'GB'], 'SHRP-': ['820590', 'DE'], 'PNCL-': ['960910', 'DE'], 'DBRS-': ['960390', 'DE'], 'TWN-': ['560721', 'IN'],
};

/** Boxes and customs data for the demo workspace, so a parcel can be weighed and declared without setup. */
export function seedShippingDemo(repos: Repos): void {
  repos.shipping.savePreset({ name: 'Mailer bag', lengthMm: 300, widthMm: 220, heightMm: 20, emptyGrams: 20, isDefault: false });
  repos.shipping.savePreset({ name: 'Small box', lengthMm: 250, widthMm: 180, heightMm: 100, emptyGrams: 150, isDefault: false });
  repos.shipping.savePreset({ name: 'Medium box', lengthMm: 350, widthMm: 250, heightMm: 150, emptyGrams: 300, isDefault: true });
  for (const v of repos.catalog.findVariants('')) {
    const entry = Object.entries(CUSTOMS).find(([prefix]) => v.sku.startsWith(prefix));
    if (entry) repos.shipping.setSkuDefaults(v.variantId, entry[1][0], entry[1][1], null);
  }
}

export type DemoCarrierUrls = { easypost: string; shippo: string };

/**
 * `--demo-carriers`: the demo workspace buys labels from the EasyPost and Shippo emulators (no account
 * anywhere) and delivers GB parcels with the local courier. The emulators' addresses change per launch.
 */
export function useDemoCarriers(shipping: ShippingService, repos: Repos, urls: DemoCarrierUrls): void {
  const existing = shipping.carriers();
  const find = (name: string) => existing.find((c) => c.name === name);
  const ep = shipping.saveCarrier({ id: find('Demo EasyPost (emulator)')?.id, kind: 'easypost', name: 'Demo EasyPost (emulator)', enabled: true, apiKey: 'EZTKdemo', baseUrl: urls.easypost, refusesPoBox: true, voidWindowDays: 30, localPriceMinor: 0, localDays: 1 });
  shipping.saveCarrier({ id: find('Demo Shippo (emulator)')?.id, kind: 'shippo', name: 'Demo Shippo (emulator)', enabled: true, apiKey: 'shippo_test_demo', baseUrl: urls.shippo, refusesPoBox: false, voidWindowDays: 30, localPriceMinor: 0, localDays: 1 });
  const local = find('Leeds courier') ?? shipping.saveCarrier({ kind: 'local', name: 'Leeds courier', enabled: true, baseUrl: '', refusesPoBox: false, voidWindowDays: 1, localPriceMinor: 450, localDays: 1 });
  if (repos.settings.get('shipping.rules') === undefined) {
    shipping.saveRules({
      buyLabels: true, printerPeel: false, customsSigner: 'Demo Shop',
      fallback: { strategy: 'cheapest', maxDays: 3, carrierIds: [] },
      byDestination: [{ destination: 'GB', strategy: 'cheapest', maxDays: 3, carrierIds: [local.id] }, { destination: 'US', strategy: 'cheapest', maxDays: 3, carrierIds: [ep.id] }],
    });
  }
}
