-- Word-prefix search over order number, customer, email and city. The text is folded by the app
-- (accents, ł, ß, case: shared/domain/search-text.ts) and written by the orders repository in the
-- same transaction as the order; contentless, so the text is stored once, in orders.
CREATE VIRTUAL TABLE `order_search` USING fts5(
  `body`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
);
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
CREATE TRIGGER `order_events_no_delete` BEFORE DELETE ON `order_events` BEGIN
  SELECT RAISE(ABORT, 'order events are append-only');
END;
