-- Substring search over order number and customer, accent-insensitive (trigram, SQLite >= 3.45).
-- External-content FTS: the text lives once in orders; triggers keep the index in step in the same transaction.
CREATE VIRTUAL TABLE `orders_fts` USING fts5(
  `number`, `customer_name`, `ship_name`, `ship_email`, `ship_city`,
  content='orders', content_rowid='id', tokenize='trigram remove_diacritics 1'
);
--> statement-breakpoint
CREATE TRIGGER `orders_fts_insert` AFTER INSERT ON `orders` BEGIN
  INSERT INTO `orders_fts`(rowid, `number`, `customer_name`, `ship_name`, `ship_email`, `ship_city`)
  VALUES (new.id, new.number, new.customer_name, new.ship_name, new.ship_email, new.ship_city);
END;
--> statement-breakpoint
CREATE TRIGGER `orders_fts_delete` AFTER DELETE ON `orders` BEGIN
  INSERT INTO `orders_fts`(`orders_fts`, rowid, `number`, `customer_name`, `ship_name`, `ship_email`, `ship_city`)
  VALUES ('delete', old.id, old.number, old.customer_name, old.ship_name, old.ship_email, old.ship_city);
END;
--> statement-breakpoint
CREATE TRIGGER `orders_fts_update` AFTER UPDATE OF `number`, `customer_name`, `ship_name`, `ship_email`, `ship_city` ON `orders` BEGIN
  INSERT INTO `orders_fts`(`orders_fts`, rowid, `number`, `customer_name`, `ship_name`, `ship_email`, `ship_city`)
  VALUES ('delete', old.id, old.number, old.customer_name, old.ship_name, old.ship_email, old.ship_city);
  INSERT INTO `orders_fts`(rowid, `number`, `customer_name`, `ship_name`, `ship_email`, `ship_city`)
  VALUES (new.id, new.number, new.customer_name, new.ship_name, new.ship_email, new.ship_city);
END;
--> statement-breakpoint
-- The ledger is append-only: the database itself refuses to rewrite history.
CREATE TRIGGER `inventory_movements_no_update` BEFORE UPDATE ON `inventory_movements` BEGIN
  SELECT RAISE(ABORT, 'inventory movements are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `inventory_movements_no_delete` BEFORE DELETE ON `inventory_movements` BEGIN
  SELECT RAISE(ABORT, 'inventory movements are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `order_events_no_update` BEFORE UPDATE ON `order_events` BEGIN
  SELECT RAISE(ABORT, 'order events are append-only');
END;
--> statement-breakpoint
-- orders written before this migration get indexed too
INSERT INTO `orders_fts`(`orders_fts`) VALUES ('rebuild');
