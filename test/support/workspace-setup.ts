import type { ApiClient } from '../../shared/rpc/client';

export const ADDRESS_GB = { name: 'Packbench Shop', company: 'Shop Ltd', line1: '4 Mill Yard', city: 'Leeds', postalCode: 'LS1 4AP', countryCode: 'GB' };

/** An empty workspace made usable the way a person would: a location, bins, a product with barcodes. */
export async function setUpWarehouse(client: ApiClient) {
  const location = await client.call('warehouse.saveLocation', { code: 'MAIN', name: 'Main workshop', address: ADDRESS_GB });
  const a1 = await client.call('warehouse.saveBin', { locationId: location.id, zone: 'A', aisle: '1', shelf: '2', level: '' });
  const a10 = await client.call('warehouse.saveBin', { locationId: location.id, zone: 'A', aisle: '10', shelf: '1', level: '' });
  const a2 = await client.call('warehouse.saveBin', { locationId: location.id, zone: 'A', aisle: '2', shelf: '1', level: '' });
  const product = await client.call('catalog.save', {
    title: 'Enamel Mug',
    variants: [{
      sku: 'MUG-BLUE', title: 'Blue', weightGrams: 280, lengthMm: 110, widthMm: 90, heightMm: 90, hsCode: '6912.00', originCountry: 'PT', priceMinor: 1450,
      barcodes: [{ code: '4006381333931', units: 1 }, { code: 'MUG-B', units: 1 }, { code: '14006381333938', units: 6 }],
      defaultBins: [{ locationId: location.id, binId: a1.id }],
    }],
  });
  return { location, bins: { a1, a2, a10 }, product, variant: product.variants[0]! };
}
