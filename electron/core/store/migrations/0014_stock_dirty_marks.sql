-- Inventory sync (#7): every ledger movement marks its SKU dirty for every sales channel, inside the
-- transaction that writes the movement, so no change of an available count can be committed without its
-- push being due. A burst of movements bumps one row per SKU and channel (coalescing); the pusher clears
-- a mark only at the version it sent.
CREATE TRIGGER stock_dirty_on_movement AFTER INSERT ON inventory_movements
BEGIN
  INSERT INTO stock_dirty (channel_id, sku, version, cause, marked_at)
    SELECT c.id, v.sku, 1, NEW.kind || CASE WHEN NEW.reference <> '' THEN ' ' || NEW.reference ELSE '' END, NEW.created_at
    FROM channels c JOIN variants v ON v.id = NEW.variant_id
    WHERE c.kind NOT IN ('manual', 'csv')
  ON CONFLICT (channel_id, sku) DO UPDATE SET version = version + 1, cause = excluded.cause, marked_at = excluded.marked_at;
END;
