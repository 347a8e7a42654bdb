import { describe, expect, it } from 'vitest';
import { AddressSchema, type Address } from '../../shared/domain/address';
import { formatLocalTime } from '../../shared/domain/local-time';
import { renderPackingSlipHtml, type PackingSlip } from '../../electron/core/labels';

const address = (fields: Partial<Address>): Address =>
  AddressSchema.parse({ name: 'Test', line1: 'Street 1', countryCode: 'DE', ...fields });

const slip: PackingSlip = {
  orderNumber: '#1001',
  orderId: 'ord_01HXYZ',
  createdAt: '2025-03-01T14:05:09.000Z',
  orderQrPayload: 'packbench:order:ord_01HXYZ',
  shopName: 'Demo & Co',
  shipFrom: address({ name: 'Demo & Co', line1: '1 Warehouse Way', city: 'Leeds', countryCode: 'GB' }),
  shipTo: address({ name: 'Zoë Müller <script>alert(1)</script>', line1: 'Hauptstraße 5', city: 'Łódź', line2: '東京都千代田区', countryCode: 'PL' }),
  lines: [
    { sku: 'MUG-BLUE', title: 'Blue mug "large"', quantity: 2, bin: 'A-01-03' },
    { sku: 'TEA-1', title: 'Tea <b>bold</b> & biscuits', quantity: 11, bin: 'B-12-01' },
  ],
  notes: 'Gift wrap, please.\n<img src=x onerror=alert(1)>',
};

describe('packing slip HTML', () => {
  const html = renderPackingSlipHtml(slip);

  it('is a standalone UTF-8 document for print, with no scripts or external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(renderPackingSlipHtml(slip, { paper: 'Letter' })).toMatch(/@page \{ size: Letter;/);
    // Real markup only: escaped customer text cannot form a tag.
    const tags = html.match(/<[^>]+>/g) ?? [];
    expect(tags.filter((t) => /^<\/?(script|link|img|iframe|object|embed|base|foreignObject)\b|\s(on\w+|src|href|xlink:href)=/i.test(t))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html.match(/https?:\/\/[^\s"']+/g)?.every((u) => u === 'http://www.w3.org/2000/svg') ?? true).toBe(true);
  });

  it('escapes every piece of customer and catalogue text', () => {
    expect(html).toContain('Zoë Müller &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Tea &lt;b&gt;bold&lt;/b&gt; &amp; biscuits');
    expect(html).toContain('Blue mug &quot;large&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<h1>Demo &amp; Co</h1>');
  });

  it('carries the order barcode and QR as inline SVG', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(2);
    expect(html).toContain('aria-label="Order number #1001"');
    expect(html).toMatch(/class="code code128"[^>]*><svg /);
    expect(html).toMatch(/class="code qrcode"[^>]*><svg /);
    for (const svg of svgs) expect(svg).toMatch(/<path /);
  });

  it('lists every line with its bin and quantity, and the totals', () => {
    const rows = html.match(/<tbody>[\s\S]*<\/tbody>/)?.[0] ?? '';
    expect(rows).toMatch(/A-01-03<\/td>\s*<td class="sku">MUG-BLUE<\/td>[\s\S]*?<td class="qty">2<\/td>/);
    expect(rows).toMatch(/B-12-01<\/td>\s*<td class="sku">TEA-1<\/td>[\s\S]*?<td class="qty">11<\/td>/);
    expect(html).toContain('2 lines');
    expect(html).toMatch(/<td class="qty">13<\/td>/);
  });

  it('keeps UTF-8 names intact and writes the address as the destination\'s post office does, country by name', () => {
    expect(html).toContain('Łódź');
    expect(html).toContain('東京都千代田区');
    expect(html).toContain('ord_01HXYZ');
    const shipTo = /<h2>Ship to<\/h2><address>(.*?)<\/address>/.exec(html)?.[1]?.split('<br>');
    expect(shipTo?.at(-1)).toBe('POLAND');
    expect(shipTo).not.toContain('PL');
    const from = /<h2>From<\/h2><address>(.*?)<\/address>/.exec(html)?.[1]?.split('<br>');
    expect(from).toEqual(['Demo &amp; Co', '1 Warehouse Way', 'LEEDS', 'UNITED KINGDOM']);
  });

  it('shows when the order was placed in the station\'s local time, with the zone named', () => {
    const berlin = renderPackingSlipHtml(slip, { timeZone: 'Europe/Berlin' });
    expect(berlin).toContain(`<dt>Placed</dt><dd>${formatLocalTime('2025-03-01T14:05:09.000Z', 'Europe/Berlin')}</dd>`);
    expect(berlin).toMatch(/<dt>Placed<\/dt><dd>[^<]*15:05 (GMT\+1|CET)<\/dd>/);
    const tokyo = renderPackingSlipHtml(slip, { timeZone: 'Asia/Tokyo' });
    expect(tokyo).toMatch(/<dt>Placed<\/dt><dd>[^<]*23:05 (GMT\+9|JST)<\/dd>/);
    expect(tokyo).not.toContain('UTC');
  });

  it('still renders, with a readable note, when the order number cannot be a Code 128', () => {
    const odd = renderPackingSlipHtml({ ...slip, orderNumber: 'Bestellung Nº 東京' });
    expect(odd).toContain('Order number Bestellung Nº 東京 could not be drawn');
    expect(odd.match(/<svg/g)).toHaveLength(1);
  });
});
