CREATE TABLE `order_shortages` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`lines` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`choice` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_shortages_status` ON `order_shortages` (`status`);--> statement-breakpoint
CREATE TABLE `safety_stock` (
	`sku` text PRIMARY KEY NOT NULL,
	`quantity` integer NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "safety_stock_not_negative" CHECK("safety_stock"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE `stock_dirty` (
	`channel_id` integer NOT NULL,
	`sku` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`cause` text DEFAULT '' NOT NULL,
	`marked_at` text NOT NULL,
	PRIMARY KEY(`channel_id`, `sku`),
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_publish_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`channel_id` integer NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	`previous` integer,
	`cause` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_publish_history_sku` ON `stock_publish_history` (`sku`,`id`);--> statement-breakpoint
CREATE TABLE `stock_published` (
	`channel_id` integer NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	`remote_seen` integer,
	`published_at` text NOT NULL,
	PRIMARY KEY(`channel_id`, `sku`),
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_reconciliation_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`reconciliation_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`sku` text NOT NULL,
	`ours` integer NOT NULL,
	`theirs` integer,
	`available` integer NOT NULL,
	`fix` text DEFAULT '' NOT NULL,
	`fix_words` text DEFAULT '' NOT NULL,
	`fixed_at` text,
	FOREIGN KEY (`reconciliation_id`) REFERENCES `stock_reconciliations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_reconciliation_lines_run` ON `stock_reconciliation_lines` (`reconciliation_id`,`id`);--> statement-breakpoint
CREATE TABLE `stock_reconciliations` (
	`id` integer PRIMARY KEY NOT NULL,
	`trigger` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`summary` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock_rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`channel_id` integer DEFAULT 0 NOT NULL,
	`sku` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "stock_rules_value_not_negative" CHECK("stock_rules"."value" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_rules_scope` ON `stock_rules` (`channel_id`,`sku`);