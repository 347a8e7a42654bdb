import Papa from 'papaparse';
import { minorUnitDigits } from '../../../shared/domain/money';
import type { Repos } from '../store';
import { printedCode } from '../store/product-repo';
import { safeCell } from '../../../shared/domain/csv-fields';

type Kind = 'orders' | 'stock' | 'shipments' | 'catalog';
type Page = { csv: string; nextCursor: number | null; rows: number; fileName: string };

const amount = (minor: number, currency: string) => {
  const d = minorUnitDigits(currency);
  return d ? (minor / 10 ** d).toFixed(d) : String(minor);
};

/**
 * Exports in pages (cursor = the last id written), so a large export never becomes one huge message.
 * Column names are the ones the import recognises, so a file exported here imports back. Text cells
 * that a spreadsheet would run as a formula are made inert.
 */
export function createCsvExport(repos: Repos) {
  const c = repos.db.$client;

  function page(kind: Kind, cursor: number, limit: number): Page {
    const { header, rows, last } = build(kind, cursor, limit);
    const data = rows.map((r) => r.map((v) => (typeof v === 'string' ? safeCell(v) : String(v))));
    const csv = Papa.unparse({ fields: header, data }, { newline: '\r\n' });
    // the header only once, on the first page
    const body = cursor === 0 ? csv : csv.slice(csv.indexOf('\r\n') + 2);
    return { csv: rows.length || cursor === 0 ? `${body}\r\n` : '', nextCursor: rows.length < limit ? null : last, rows: rows.length, fileName: `packbench-${kind}.csv` };
  }

  function build(kind: Kind, cursor: number, limit: number): { header: string[]; rows: Array<Array<string | number>>; last: number } {
    switch (kind) {
      case 'orders': {
        const orders = c.prepare(`SELECT o.id, o.number, o.created_at, o.ship_by, o.status, ch.name AS channel, o.customer_name, o.ship_name, o.ship_company,
            o.ship_line1, o.ship_line2, o.ship_city, o.ship_region, o.ship_postal_code, o.ship_country_code, o.ship_phone, o.ship_email,
            o.currency, o.shipping_minor, o.total_minor, l.code AS location
          FROM orders o JOIN channels ch ON ch.id = o.channel_id JOIN locations l ON l.id = o.location_id WHERE o.id > ? ORDER BY o.id LIMIT ?`).all(cursor, limit) as Array<Record<string, string | number | null>>;
        const lines = c.prepare('SELECT sku, title, quantity, unit_price_minor FROM order_lines WHERE order_id = ? ORDER BY id');
        const out: Array<Array<string | number>> = [];
        for (const o of orders) {
          const cur = String(o.currency);
          for (const l of lines.all(o.id) as Array<{ sku: string; title: string; quantity: number; unit_price_minor: number }>) {
            out.push([String(o.number), String(o.created_at), String(o.ship_by ?? ''), String(o.status), String(o.channel), String(o.customer_name), String(o.ship_name),
              String(o.ship_company), String(o.ship_line1), String(o.ship_line2), String(o.ship_city), String(o.ship_region), String(o.ship_postal_code),
              String(o.ship_country_code), String(o.ship_phone), String(o.ship_email), cur, l.sku, l.title, l.quantity, amount(l.unit_price_minor, cur),
              amount(Number(o.shipping_minor), cur), amount(Number(o.total_minor), cur), String(o.location)]);
          }
        }
        return {
          header: ['Order number', 'Order date', 'Ship by', 'Status', 'Channel', 'Customer', 'Shipping name', 'Shipping company', 'Shipping address1',
            'Shipping address2', 'Shipping city', 'Shipping province', 'Shipping zip', 'Shipping country', 'Shipping phone', 'Email', 'Currency',
            'SKU', 'Item name', 'Quantity', 'Unit price', 'Shipping', 'Order total', 'Location'],
          rows: out, last: Number(orders.at(-1)?.id ?? cursor),
        };
      }
      case 'stock': {
        // one row per SKU per location, then one per bin that holds it: what a stock-take sheet needs
        const rows = c.prepare(`SELECT b.rowid AS id, v.sku, v.title, l.code AS location, b.on_hand, b.committed, hb.code AS home
          FROM inventory_balances b JOIN variants v ON v.id = b.variant_id JOIN locations l ON l.id = b.location_id LEFT JOIN bins hb ON hb.id = b.bin_id
          WHERE b.rowid > ? ORDER BY b.rowid LIMIT ?`).all(cursor, limit) as Array<{ id: number; sku: string; title: string; location: string; on_hand: number; committed: number; home: string | null }>;
        const inBins = c.prepare(`SELECT bn.code, s.on_hand FROM bin_stock s JOIN bins bn ON bn.id = s.bin_id JOIN variants v ON v.id = s.variant_id
          WHERE v.sku = ? AND bn.location_id = (SELECT id FROM locations WHERE code = ?) AND s.on_hand > 0 ORDER BY bn.sort_key`);
        const out: Array<Array<string | number>> = [];
        for (const r of rows) {
          const bins = inBins.all(r.sku, r.location) as Array<{ code: string; on_hand: number }>;
          const binned = bins.reduce((n, b) => n + b.on_hand, 0);
          out.push([r.sku, r.title, r.location, '(all)', r.on_hand, r.committed, r.on_hand - r.committed, r.home ?? '']);
          for (const b of bins) out.push([r.sku, r.title, r.location, b.code, b.on_hand, '', '', r.home ?? '']);
          if (r.on_hand - binned > 0 && bins.length) out.push([r.sku, r.title, r.location, '(no bin)', r.on_hand - binned, '', '', r.home ?? '']);
        }
        return { header: ['SKU', 'Item name', 'Location', 'Bin', 'On hand', 'Committed', 'Available', 'Default bin'], rows: out, last: rows.at(-1)?.id ?? cursor };
      }
      case 'shipments': {
        // each closed parcel; the tracking comes with the fulfilment the carrier work writes (order.fulfilled), when there is one
        const rows = c.prepare(`SELECT ps.id, o.number, ps.parcel_no, ps.ended_at, ps.actor, o.ship_name, o.ship_country_code, ch.name AS channel,
            (SELECT sum(s.quantity) FROM pack_scans s WHERE s.session_id = ps.id AND s.outcome IN ('accepted','override')
              AND NOT EXISTS (SELECT 1 FROM pack_scans u WHERE u.undoes_scan_id = s.id)) AS items,
            (SELECT ob.payload FROM outbox ob WHERE ob.topic = 'order.fulfilled' AND json_extract(ob.payload, '$.orderId') = o.id
              AND json_extract(ob.payload, '$.parcelNo') = ps.parcel_no ORDER BY ob.id DESC LIMIT 1) AS fulfilled,
            (SELECT j.status FROM print_jobs j WHERE j.session_id = ps.id AND j.kind = 'label' ORDER BY j.id DESC LIMIT 1) AS label,
            (SELECT json_object('company', sh.carrier_name, 'number', sh.tracking_number, 'url', sh.tracking_url, 'service', sh.service, 'status', sh.status)
              FROM shipments sh WHERE sh.order_id = o.id AND sh.parcel_no = ps.parcel_no AND sh.status <> 'voided' ORDER BY sh.id DESC LIMIT 1) AS bought
          FROM pack_sessions ps JOIN orders o ON o.id = ps.order_id JOIN channels ch ON ch.id = o.channel_id
          WHERE ps.status = 'completed' AND ps.id > ? ORDER BY ps.id LIMIT ?`).all(cursor, limit) as Array<{
            id: number; number: string; parcel_no: number; ended_at: string; actor: string; ship_name: string; ship_country_code: string; channel: string;
            items: number | null; fulfilled: string | null; label: string | null; bought: string | null }>;
        const out = rows.map((r) => {
          type Tracking = { company?: string; number?: string; url?: string } | null;
          let tracking: Tracking = null;
          try { tracking = r.fulfilled ? ((JSON.parse(r.fulfilled) as { tracking?: Tracking }).tracking ?? null) : null; } catch { tracking = null; }
          // a label bought from a carrier knows its tracking first (the fulfilment follows it)
          const bought = r.bought ? JSON.parse(r.bought) as { company: string; number: string; url: string; service: string; status: string } : null;
          if (bought?.number) tracking = { company: bought.company, number: bought.number, url: bought.url };
          return [r.number, r.parcel_no, r.ended_at, r.actor, r.channel, r.ship_name, r.ship_country_code, r.items ?? 0, r.label ?? '',
            tracking?.company ?? '', bought?.service ?? '', tracking?.number ?? '', tracking?.url ?? ''];
        });
        return { header: ['Order number', 'Parcel', 'Packed at', 'Packed by', 'Channel', 'Shipping name', 'Shipping country', 'Items', 'Label', 'Carrier', 'Service', 'Tracking number', 'Tracking URL'], rows: out, last: rows.at(-1)?.id ?? cursor };
      }
      case 'catalog': {
        const rows = c.prepare(`SELECT v.id, p.title AS product, v.sku, v.title, v.weight_grams, v.length_mm, v.width_mm, v.height_mm, v.hs_code, v.origin_country, v.price_minor
          FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id > ? AND v.archived_at IS NULL ORDER BY v.id LIMIT ?`).all(cursor, limit) as Array<Record<string, string | number>>;
        const codes = c.prepare('SELECT code, symbology, units FROM barcodes WHERE variant_id = ? ORDER BY units, code');
        const home = c.prepare(`SELECT l.code || ':' || bn.code AS bin FROM inventory_balances b JOIN bins bn ON bn.id = b.bin_id JOIN locations l ON l.id = b.location_id
          WHERE b.variant_id = ? ORDER BY b.location_id LIMIT 1`);
        const out = rows.map((r) => {
          const all = codes.all(r.id) as Array<{ code: string; symbology: string; units: number }>;
          const singles = all.filter((b) => b.units === 1).map((b) => printedCode(b.code, b.symbology)).join('|');
          const kase = all.find((b) => b.units > 1);
          return [String(r.product), String(r.sku), String(r.title), singles, kase ? printedCode(kase.code, kase.symbology) : '', kase ? kase.units : '',
            Number(r.weight_grams), Number(r.length_mm), Number(r.width_mm), Number(r.height_mm), String(r.hs_code), String(r.origin_country),
            amount(Number(r.price_minor), 'EUR'), (home.get(r.id) as { bin: string } | undefined)?.bin ?? ''];
        });
        return {
          header: ['Product', 'SKU', 'Variant', 'Barcodes', 'Case barcode', 'Units per case', 'Weight (g)', 'Length (mm)', 'Width (mm)', 'Height (mm)', 'HS code', 'Country of origin', 'Price', 'Default bin'],
          rows: out, last: Number(rows.at(-1)?.id ?? cursor),
        };
      }
    }
  }

  return { page };
}
