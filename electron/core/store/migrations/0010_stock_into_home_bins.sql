-- Stock per bin begins. Until now a SKU's stock at a location had one bin (its home bin); from here
-- units are counted per bin. What a SKU had on hand at a location with a home bin of that location is
-- taken to be in that bin. It is written to the ledger as a put-away (a transfer out of "no bin" and
-- into the bin), so bin stock is derived from movements like every other count and the location's
-- on hand does not change. Stock with no home bin stays "not in a bin" until someone puts it away.
INSERT INTO `inventory_movements` (`variant_id`, `location_id`, `kind`, `on_hand_delta`, `committed_delta`, `reason`, `actor`, `reference`, `created_at`, `bin_id`)
SELECT b.`variant_id`, b.`location_id`, 'transfer', -b.`on_hand`, 0, 'put in its home bin when stock per bin began', 'Packbench', 'migration:stock-per-bin',
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL
FROM `inventory_balances` b JOIN `bins` bn ON bn.`id` = b.`bin_id` AND bn.`location_id` = b.`location_id`
WHERE b.`on_hand` > 0;
--> statement-breakpoint
INSERT INTO `inventory_movements` (`variant_id`, `location_id`, `kind`, `on_hand_delta`, `committed_delta`, `reason`, `actor`, `reference`, `created_at`, `bin_id`)
SELECT b.`variant_id`, b.`location_id`, 'transfer', b.`on_hand`, 0, 'put in its home bin when stock per bin began', 'Packbench', 'migration:stock-per-bin',
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), b.`bin_id`
FROM `inventory_balances` b JOIN `bins` bn ON bn.`id` = b.`bin_id` AND bn.`location_id` = b.`location_id`
WHERE b.`on_hand` > 0;
--> statement-breakpoint
INSERT INTO `bin_stock` (`variant_id`, `bin_id`, `on_hand`)
SELECT b.`variant_id`, b.`bin_id`, b.`on_hand`
FROM `inventory_balances` b JOIN `bins` bn ON bn.`id` = b.`bin_id` AND bn.`location_id` = b.`location_id`
WHERE b.`on_hand` > 0;
--> statement-breakpoint
-- Existing bins had only a code ("A-01", "R1-F2"): its first part becomes the zone, so walk order starts
-- sensible; the app splits the rest and pads the numbers (sort_key) at start-up.
UPDATE `bins` SET `zone` = `code` WHERE `zone` = '';
