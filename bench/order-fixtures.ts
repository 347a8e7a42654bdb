import type { IncomingOrder } from '../electron/core/services/orders-service';

const FIRST = ['Zoë', 'Łukasz', 'Ana', 'James', 'Søren', 'Chloé', 'Priya', 'Noah', 'Emma', 'José', 'Ólafur', 'Çağla', 'Mary', 'Jürgen', 'Liam', '花子'];
const LAST = ['Müller', 'Żółkiewski', 'Conceição', 'Carter', 'Kierkegård', 'Dubois', 'Nair', 'Thompson', 'Lindqvist', 'Núñez', 'Þórsson', 'Öztürk', 'O’Brien', 'Weiß', 'Wilson', '山田'];
const CITIES = [['Łódź', 'PL'], ['東京', 'JP'], ['München', 'DE'], ['Paris', 'FR'], ['Leeds', 'GB'], ['Austin', 'US'], ['København', 'DK'], ['São Paulo', 'BR']] as const;

/** Deterministic synthetic orders of `lines` lines each, over the given SKUs. */
export function syntheticOrders(count: number, skus: string[], channelId: number, locationId: number, lines = 3, startAt = 0): IncomingOrder[] {
  const out: IncomingOrder[] = [];
  const base = Date.parse('2025-01-01T00:00:00.000Z');
  for (let i = startAt; i < startAt + count; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
    const [city, country] = CITIES[i % CITIES.length]!;
    const orderLines = Array.from({ length: lines }, (_, k) => ({
      sku: skus[(i * 3 + k * 11) % skus.length]!, title: `Item ${k}`, quantity: 1 + ((i + k) % 3), unitPriceMinor: 500 + ((i * 13 + k) % 5000),
    }));
    const subtotal = orderLines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
    out.push({
      channelId, externalId: `bench-${i}`, number: `#${100000 + i}`, locationId, customerName: name,
      shipTo: { name, company: '', line1: `${i} Bench Street`, line2: '', line3: '', city, region: '', postalCode: String(10000 + (i % 90000)), countryCode: country, phone: '', email: `c${i}@example.com` },
      currency: 'EUR', subtotalMinor: subtotal, shippingMinor: 495, taxMinor: 0, totalMinor: subtotal + 495,
      createdAt: new Date(base + i * 60_000).toISOString(), lines: orderLines,
    });
  }
  return out;
}
