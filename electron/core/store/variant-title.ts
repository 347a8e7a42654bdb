/**
 * What a variant is called where a person reads it (inventory, receiving): "Product — Variant", the product's
 * title alone when the variant has no name of its own, the variant's when it already starts with the product's.
 * The same rule as an order line's title (order-entry lineTitle). Needs `variants v` and `products p` joined.
 */
export const VARIANT_DISPLAY_TITLE = `CASE WHEN v.title = '' THEN p.title WHEN substr(v.title, 1, length(p.title)) = p.title THEN v.title
  ELSE p.title || ' — ' || v.title END`;
