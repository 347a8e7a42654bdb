// The state of an emulated WooCommerce shop, shaped as the REST API v3 returns it
// (https://woocommerce.github.io/woocommerce-rest-api-docs/): orders with line items, notes, refunds,
// products and variations with managed stock. Every change is recorded as an effect so tests can
// assert that something happened exactly once.

export type WooMeta = { id: number; key: string; value: unknown };
export type WooAddress = {
  first_name: string; last_name: string; company: string; address_1: string; address_2: string;
  city: string; state: string; postcode: string; country: string; email?: string; phone: string;
};
export type WooLineItem = {
  id: number; name: string; product_id: number; variation_id: number; quantity: number; tax_class: string;
  subtotal: string; subtotal_tax: string; total: string; total_tax: string; taxes: unknown[]; meta_data: WooMeta[];
  sku: string; price: number;
};
export type WooOrder = {
  id: number; parent_id: number; number: string; order_key: string; created_via: string; version: string;
  status: string; currency: string; date_created: string; date_created_gmt: string; date_modified: string;
  date_modified_gmt: string; discount_total: string; discount_tax: string; shipping_total: string; shipping_tax: string;
  cart_tax: string; total: string; total_tax: string; prices_include_tax: boolean; customer_id: number;
  customer_note: string; billing: WooAddress; shipping: WooAddress; payment_method: string; payment_method_title: string;
  transaction_id: string; date_paid: string | null; date_paid_gmt: string | null; date_completed: string | null;
  date_completed_gmt: string | null; line_items: WooLineItem[];
  shipping_lines: Array<{ id: number; method_title: string; method_id: string; total: string; total_tax: string; taxes: unknown[]; meta_data: WooMeta[] }>;
  fee_lines: unknown[]; coupon_lines: unknown[]; tax_lines: unknown[]; refunds: Array<{ id: number; reason: string; total: string }>;
  meta_data: WooMeta[];
};
export type WooNote = { id: number; author: string; date_created: string; date_created_gmt: string; note: string; customer_note: boolean };
/** the titles WooCommerce's core gateways (and the Stripe plugin) show on an order */
const GATEWAY_TITLES: Record<string, string> = { stripe: 'Credit card (Stripe)', bacs: 'Direct bank transfer', cheque: 'Check payments', cod: 'Cash on delivery' };

export type WooRefund = {
  id: number; date_created: string; date_created_gmt: string; amount: string; reason: string; refunded_by: number;
  refunded_payment: boolean; meta_data: WooMeta[]; line_items: Array<{ id: number; product_id: number; quantity: number; total: string; sku: string }>;
};
export type WooProduct = {
  id: number; name: string; slug: string; type: 'simple' | 'variable'; status: string; sku: string; price: string;
  regular_price: string; manage_stock: boolean; stock_quantity: number | null; stock_status: string; variations: number[];
  date_modified_gmt: string;
};
export type WooVariation = {
  id: number; parent_id: number; sku: string; price: string; regular_price: string; manage_stock: boolean;
  stock_quantity: number | null; stock_status: string; attributes: Array<{ id: number; name: string; option: string }>;
};

export type Effect =
  | { kind: 'order.created'; orderId: number }
  | { kind: 'order.status'; orderId: number; from: string; to: string }
  | { kind: 'order.updated'; orderId: number; fields: string[] }
  | { kind: 'note.created'; orderId: number; noteId: number; customerNote: boolean; note: string }
  | { kind: 'refund.created'; orderId: number; refundId: number; amount: string }
  | { kind: 'stock.set'; productId: number; variationId: number; from: number | null; to: number };

export class WooError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

/** Woo dates: "2026-11-27T10:15:02" without offset; the _gmt ones are UTC, the others site-local. */
export function wooDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
}

export type NewWooOrder = {
  status?: string; currency?: string; customer_note?: string; payment_method?: string;
  billing?: Partial<WooAddress>; shipping?: Partial<WooAddress>;
  line_items: Array<{ sku: string; quantity: number; name?: string; price?: number; product_id?: number; variation_id?: number }>;
  shipping_total?: string;
};

const money = (n: number) => n.toFixed(2);

export function createWooStore(options: { now?: () => number; timezoneOffsetMinutes?: number; firstId?: number } = {}) {
  const now = options.now ?? Date.now;
  const tz = (options.timezoneOffsetMinutes ?? 60) * 60_000;
  const orders = new Map<number, WooOrder>();
  const notes = new Map<number, WooNote[]>();
  const refunds = new Map<number, WooRefund[]>();
  const products = new Map<number, WooProduct>();
  const variations = new Map<number, WooVariation>();
  /** raw JSON overrides: the next reads of these orders return exactly this (for garbage tests) */
  const rawOverrides = new Map<number, unknown>();
  const effects: Array<Effect & { seq: number; at: number }> = [];
  let nextId = options.firstId ?? 1000;
  let seq = 0;
  const id = () => ++nextId;
  const record = (e: Effect) => { effects.push({ ...e, seq: ++seq, at: now() }); };
  const stamp = (o: WooOrder) => {
    // a real shop's modified time moves on every save, at one-second resolution
    const t = now();
    o.date_modified_gmt = wooDate(t);
    o.date_modified = wooDate(t + tz);
  };

  function findBySku(sku: string): { product: WooProduct; variation: WooVariation | null } | null {
    for (const v of variations.values()) if (v.sku === sku) return { product: products.get(v.parent_id)!, variation: v };
    for (const p of products.values()) if (p.sku === sku) return { product: p, variation: null };
    return null;
  }

  function setStock(target: { product: WooProduct; variation: WooVariation | null }, to: number) {
    const item = target.variation ?? target.product;
    const from = item.stock_quantity;
    item.manage_stock = true;
    item.stock_quantity = to;
    item.stock_status = to > 0 ? 'instock' : 'outofstock';
    target.product.date_modified_gmt = wooDate(now());
    if (from !== to) record({ kind: 'stock.set', productId: target.product.id, variationId: target.variation?.id ?? 0, from, to });
  }

  /** Woo reduces managed stock when an order is paid or held, and gives it back on cancel. */
  function moveStock(o: WooOrder, sign: 1 | -1) {
    for (const l of o.line_items) {
      const t = l.variation_id ? { product: products.get(l.product_id)!, variation: variations.get(l.variation_id) ?? null } : products.get(l.product_id) ? { product: products.get(l.product_id)!, variation: null } : null;
      const item = t ? (t.variation ?? t.product) : null;
      if (t && item?.manage_stock && item.stock_quantity !== null) setStock(t, item.stock_quantity + sign * l.quantity);
    }
  }
  const holdsStock = (status: string) => ['processing', 'on-hold', 'completed'].includes(status);

  function address(a: Partial<WooAddress> | undefined): WooAddress {
    return { first_name: '', last_name: '', company: '', address_1: '', address_2: '', city: '', state: '', postcode: '', country: '', phone: '', ...a };
  }

  function addOrder(input: NewWooOrder): WooOrder {
    const oid = id();
    const t = now();
    const currency = input.currency ?? 'EUR';
    const lines: WooLineItem[] = input.line_items.map((l) => {
      const found = l.product_id ? null : findBySku(l.sku);
      const price = l.price ?? Number(found?.variation?.price ?? found?.product.price ?? '10');
      const total = money(price * l.quantity);
      return {
        id: id(), name: l.name ?? found?.product.name ?? l.sku, product_id: l.product_id ?? found?.product.id ?? 0,
        variation_id: l.variation_id ?? found?.variation?.id ?? 0, quantity: l.quantity, tax_class: '', subtotal: total,
        subtotal_tax: '0.00', total, total_tax: '0.00', taxes: [], meta_data: [], sku: l.sku, price,
      };
    });
    const shippingTotal = input.shipping_total ?? '4.95';
    const itemsTotal = lines.reduce((s, l) => s + Number(l.total), 0);
    const status = input.status ?? 'processing';
    const paid = status === 'processing' || status === 'completed';
    const o: WooOrder = {
      id: oid, parent_id: 0, number: String(oid), order_key: `wc_order_${oid.toString(36)}`, created_via: 'checkout', version: '9.4.2',
      status, currency, date_created: wooDate(t + tz), date_created_gmt: wooDate(t), date_modified: wooDate(t + tz), date_modified_gmt: wooDate(t),
      discount_total: '0.00', discount_tax: '0.00', shipping_total: shippingTotal, shipping_tax: '0.00', cart_tax: '0.00',
      total: money(itemsTotal + Number(shippingTotal)), total_tax: '0.00', prices_include_tax: false, customer_id: 0,
      customer_note: input.customer_note ?? '', billing: address(input.billing), shipping: address(input.shipping),
      payment_method: input.payment_method ?? 'stripe', payment_method_title: GATEWAY_TITLES[input.payment_method ?? 'stripe'] ?? input.payment_method ?? '',
      transaction_id: paid ? `ch_${oid}` : '', date_paid: paid ? wooDate(t + tz) : null, date_paid_gmt: paid ? wooDate(t) : null,
      date_completed: null, date_completed_gmt: null, line_items: lines,
      shipping_lines: [{ id: id(), method_title: 'Flat rate', method_id: 'flat_rate', total: shippingTotal, total_tax: '0.00', taxes: [], meta_data: [] }],
      fee_lines: [], coupon_lines: [], tax_lines: [], refunds: [], meta_data: [],
    };
    orders.set(oid, o);
    notes.set(oid, []);
    refunds.set(oid, []);
    if (holdsStock(status)) moveStock(o, -1);
    record({ kind: 'order.created', orderId: oid });
    return o;
  }

  /** the stock_quantity of a SKU (null when the shop does not manage its stock) */
  function stockOf(sku: string): number | null {
    const t = findBySku(sku);
    const item = t ? (t.variation ?? t.product) : null;
    return item?.manage_stock ? item.stock_quantity : null;
  }

  /** A customer checks out: WooCommerce refuses a cart with more of a managed item than its stock (no backorders). */
  function checkout(input: NewWooOrder): WooOrder | null {
    if (input.line_items.some((l) => { const n = stockOf(l.sku); return n !== null && n < l.quantity; })) return null;
    return addOrder(input);
  }

  function order(oid: number): WooOrder {
    const o = orders.get(oid);
    if (!o) throw new WooError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
    return o;
  }

  function addNote(oid: number, note: string, customerNote: boolean, author = 'system'): WooNote {
    order(oid);
    const t = now();
    const n: WooNote = { id: id(), author, date_created: wooDate(t + tz), date_created_gmt: wooDate(t), note, customer_note: customerNote };
    notes.get(oid)!.unshift(n);
    record({ kind: 'note.created', orderId: oid, noteId: n.id, customerNote, note });
    return n;
  }

  const STATUS_WORDS: Record<string, string> = {
    pending: 'Pending payment', processing: 'Processing', 'on-hold': 'On hold', completed: 'Completed', cancelled: 'Cancelled',
    refunded: 'Refunded', failed: 'Failed', trash: 'Trash',
  };

  function setStatus(o: WooOrder, to: string) {
    const from = o.status;
    if (from === to) return;
    o.status = to;
    if (to === 'completed') { o.date_completed_gmt = wooDate(now()); o.date_completed = wooDate(now() + tz); }
    if (holdsStock(from) && (to === 'cancelled' || to === 'failed')) moveStock(o, 1);
    if (!holdsStock(from) && holdsStock(to)) moveStock(o, -1);
    record({ kind: 'order.status', orderId: o.id, from, to });
    // WooCommerce writes this system note on every status change; adapters must not mistake it for theirs
    addNote(o.id, `Order status changed from ${STATUS_WORDS[from] ?? from} to ${STATUS_WORDS[to] ?? to}.`, false);
  }

  function upsertMeta(o: { meta_data: WooMeta[] }, entries: Array<{ id?: number; key: string; value: unknown }>) {
    for (const m of entries) {
      const existing = m.id ? o.meta_data.find((x) => x.id === m.id) : o.meta_data.find((x) => x.key === m.key);
      if (existing) existing.value = m.value;
      else o.meta_data.push({ id: id(), key: m.key, value: m.value });
    }
  }

  /** PUT /orders/<id>: the fields a REST client may change. */
  function updateOrder(oid: number, patch: Record<string, unknown>): WooOrder {
    const o = order(oid);
    const changed: string[] = [];
    if (typeof patch.customer_note === 'string' && patch.customer_note !== o.customer_note) { o.customer_note = patch.customer_note; changed.push('customer_note'); }
    for (const k of ['shipping', 'billing'] as const) {
      if (patch[k] && typeof patch[k] === 'object') { o[k] = { ...o[k], ...(patch[k] as Partial<WooAddress>) }; changed.push(k); }
    }
    if (Array.isArray(patch.meta_data)) { upsertMeta(o, patch.meta_data as WooMeta[]); changed.push('meta_data'); }
    if (Array.isArray(patch.line_items)) {
      for (const l of patch.line_items as Array<{ id?: number; quantity?: number; sku?: string }>) {
        const line = l.id ? o.line_items.find((x) => x.id === l.id) : undefined;
        if (line && typeof l.quantity === 'number') {
          if (l.quantity === 0) o.line_items = o.line_items.filter((x) => x !== line);
          else { line.quantity = l.quantity; line.total = money(line.price * l.quantity); line.subtotal = line.total; }
        } else if (!line && l.sku && typeof l.quantity === 'number') {
          const found = findBySku(l.sku);
          const price = Number(found?.variation?.price ?? found?.product.price ?? '10');
          o.line_items.push({ id: id(), name: found?.product.name ?? l.sku, product_id: found?.product.id ?? 0, variation_id: found?.variation?.id ?? 0,
            quantity: l.quantity, tax_class: '', subtotal: money(price * l.quantity), subtotal_tax: '0.00', total: money(price * l.quantity),
            total_tax: '0.00', taxes: [], meta_data: [], sku: l.sku, price });
        }
      }
      o.total = money(o.line_items.reduce((s, l) => s + Number(l.total), 0) + Number(o.shipping_total));
      changed.push('line_items');
    }
    if (typeof patch.status === 'string' && patch.status !== o.status) {
      if (!STATUS_WORDS[patch.status]) throw new WooError(400, 'rest_invalid_param', 'Invalid parameter(s): status');
      setStatus(o, patch.status);
      changed.push('status');
    }
    if (changed.length) {
      stamp(o);
      record({ kind: 'order.updated', orderId: oid, fields: changed });
    }
    return o;
  }

  function addRefund(oid: number, body: { amount?: string; reason?: string; line_items?: Array<{ id: number; quantity: number; refund_total?: number }>; meta_data?: WooMeta[]; api_refund?: boolean }): WooRefund {
    const o = order(oid);
    const refunded = refunds.get(oid)!.reduce((s, r) => s + Number(r.amount), 0);
    const lineAmount = (body.line_items ?? []).reduce((s, l) => s + (l.refund_total ?? 0), 0);
    const amount = body.amount !== undefined ? Number(body.amount) : lineAmount;
    if (!Number.isFinite(amount) || amount <= 0) throw new WooError(400, 'woocommerce_rest_invalid_order_refund', 'Refund amount must be greater than zero.');
    if (amount > Number(o.total) - refunded + 1e-9) throw new WooError(500, 'woocommerce_rest_cannot_create_order_refund', 'Invalid refund amount.');
    if (body.api_refund !== false && ['bacs', 'cheque', 'cod', ''].includes(o.payment_method)) {
      throw new WooError(500, 'woocommerce_rest_cannot_create_order_refund', 'The payment gateway for this order does not support automatic refunds.');
    }
    const t = now();
    const r: WooRefund = {
      id: id(), date_created: wooDate(t + tz), date_created_gmt: wooDate(t), amount: money(amount), reason: body.reason ?? '', refunded_by: 1,
      refunded_payment: body.api_refund !== false, meta_data: [],
      line_items: (body.line_items ?? []).map((l) => {
        const line = o.line_items.find((x) => x.id === l.id);
        return { id: id(), product_id: line?.product_id ?? 0, quantity: -Math.abs(l.quantity), total: money(-(l.refund_total ?? 0)), sku: line?.sku ?? '' };
      }),
    };
    upsertMeta(r, body.meta_data ?? []);
    refunds.get(oid)!.unshift(r);
    o.refunds.unshift({ id: r.id, reason: r.reason, total: money(-amount) });
    record({ kind: 'refund.created', orderId: oid, refundId: r.id, amount: r.amount });
    if (Math.abs(refunded + amount - Number(o.total)) < 0.005) setStatus(o, 'refunded');
    stamp(o);
    return r;
  }

  function addProduct(p: { name: string; sku: string; price?: string; stock?: number | null; variations?: Array<{ sku: string; option: string; price?: string; stock?: number | null }> }): WooProduct {
    const pid = id();
    const product: WooProduct = {
      id: pid, name: p.name, slug: p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), type: p.variations ? 'variable' : 'simple', status: 'publish',
      sku: p.variations ? '' : p.sku, price: p.price ?? '10.00', regular_price: p.price ?? '10.00', manage_stock: p.stock !== undefined && p.stock !== null && !p.variations,
      stock_quantity: p.variations ? null : (p.stock ?? null), stock_status: 'instock', variations: [], date_modified_gmt: wooDate(now()),
    };
    products.set(pid, product);
    for (const v of p.variations ?? []) {
      const vid = id();
      variations.set(vid, {
        id: vid, parent_id: pid, sku: v.sku, price: v.price ?? product.price, regular_price: v.price ?? product.price,
        manage_stock: v.stock !== undefined && v.stock !== null, stock_quantity: v.stock ?? null, stock_status: 'instock',
        attributes: [{ id: 1, name: 'Option', option: v.option }],
      });
      product.variations.push(vid);
    }
    return product;
  }

  return {
    orders, notes, refunds, products, variations, rawOverrides, effects,
    addOrder, checkout, stockOf, order, updateOrder, addNote, addRefund, addProduct, findBySku, setStock, upsertMeta,
    /** the shop owner cancels in the WooCommerce admin */
    cancelOrder: (oid: number) => updateOrder(oid, { status: 'cancelled' }),
    effectsFor: (kind: Effect['kind'], orderId?: number) => effects.filter((e) => e.kind === kind && (orderId === undefined || (e as { orderId?: number }).orderId === orderId)),
    siteOffsetMs: tz,
  };
}
export type WooStore = ReturnType<typeof createWooStore>;
