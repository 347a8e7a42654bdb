-- Inventory sync (#7): the ledger marks a SKU dirty itself (inventory-repo, the same statement sequence
-- and transaction as the movement), and only for the channels that take stock counts. The trigger cost
-- more than the movement it followed (an order import ran at a third of a bare loop), and marked
-- channels that never push. A channel that starts taking counts marks every SKU when it is connected
-- (markAll), so nothing it needs is missed.
DROP TRIGGER IF EXISTS stock_dirty_on_movement;--> statement-breakpoint
DELETE FROM stock_dirty WHERE channel_id IN (SELECT id FROM channels WHERE json_extract(config, '$.pushStock') IS NOT 1);
