CREATE TABLE `bench_sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`packer_id` integer NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`packer_id`) REFERENCES `packers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bench_sessions_token_hash_unique` ON `bench_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `bench_sessions_packer` ON `bench_sessions` (`packer_id`,`id`);--> statement-breakpoint
CREATE TABLE `bin_stock` (
	`variant_id` integer NOT NULL,
	`bin_id` integer NOT NULL,
	`on_hand` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`variant_id`, `bin_id`),
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bin_id`) REFERENCES `bins`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bin_stock_on_hand_not_negative" CHECK("bin_stock"."on_hand" >= 0)
);
--> statement-breakpoint
CREATE INDEX `bin_stock_bin` ON `bin_stock` (`bin_id`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY NOT NULL,
	`location_id` integer NOT NULL,
	`reference` text NOT NULL,
	`supplier` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deliveries_status` ON `deliveries` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `delivery_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`delivery_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`expected` integer NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delivery_lines_variant` ON `delivery_lines` (`delivery_id`,`variant_id`);--> statement-breakpoint
CREATE TABLE `images` (
	`id` integer PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `packers` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`role` text DEFAULT 'packer' NOT NULL,
	`pin_hash` text,
	`failed_pins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`archived_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `packers_name_key` ON `packers` (`name_key`);--> statement-breakpoint
ALTER TABLE `barcodes` ADD `units` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `bins` ADD `zone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `bins` ADD `aisle` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `bins` ADD `shelf` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `bins` ADD `level` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `bins` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `bins` ADD `archived_at` text;--> statement-breakpoint
CREATE INDEX `bins_walk` ON `bins` (`location_id`,`sort_key`);--> statement-breakpoint
ALTER TABLE `locations` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `inventory_movements` ADD `bin_id` integer REFERENCES bins(id);--> statement-breakpoint
CREATE INDEX `movements_bin` ON `inventory_movements` (`bin_id`,`id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_by` text;--> statement-breakpoint
ALTER TABLE `products` ADD `image_id` integer REFERENCES images(id);--> statement-breakpoint
ALTER TABLE `products` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `variants` ADD `price_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `variants` ADD `image_id` integer REFERENCES images(id);--> statement-breakpoint
ALTER TABLE `variants` ADD `archived_at` text;