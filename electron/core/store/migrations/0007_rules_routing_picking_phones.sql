CREATE TABLE `automation_rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`match` text DEFAULT 'all' NOT NULL,
	`conditions` text NOT NULL,
	`actions` text NOT NULL,
	`stop` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `automation_rules_position` ON `automation_rules` (`position`,`id`);--> statement-breakpoint
CREATE TABLE `order_handling` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`risk` text DEFAULT 'unknown' NOT NULL,
	`rule_tags` text DEFAULT '[]' NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`carrier` text DEFAULT '' NOT NULL,
	`service` text DEFAULT '' NOT NULL,
	`package_preset` text DEFAULT '' NOT NULL,
	`ship_from_location_id` integer,
	`fired` text DEFAULT '{}' NOT NULL,
	`evaluated_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ship_from_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_handling_priority` ON `order_handling` (`priority`);--> statement-breakpoint
CREATE TABLE `order_shipments` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`status` text NOT NULL,
	`lines` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_shipments_order_seq` ON `order_shipments` (`order_id`,`seq`);--> statement-breakpoint
CREATE INDEX `order_shipments_location` ON `order_shipments` (`location_id`);--> statement-breakpoint
CREATE TABLE `paired_devices` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`paired_by` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text,
	`revoked_at` text,
	`revoked_by` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paired_devices_token_hash_unique` ON `paired_devices` (`token_hash`);--> statement-breakpoint
CREATE TABLE `pick_allocations` (
	`task_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`order_line_id` integer NOT NULL,
	`tote` text NOT NULL,
	`quantity` integer NOT NULL,
	`picked` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`task_id`, `order_line_id`),
	FOREIGN KEY (`task_id`) REFERENCES `pick_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pick_allocations_order` ON `pick_allocations` (`order_id`);--> statement-breakpoint
CREATE TABLE `pick_list_orders` (
	`pick_list_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`tote` text NOT NULL,
	`status` text DEFAULT 'picking' NOT NULL,
	PRIMARY KEY(`pick_list_id`, `order_id`),
	FOREIGN KEY (`pick_list_id`) REFERENCES `pick_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pick_list_orders_one_active` ON `pick_list_orders` (`order_id`) WHERE status = 'picking';--> statement-breakpoint
CREATE INDEX `pick_list_orders_order` ON `pick_list_orders` (`order_id`,`status`);--> statement-breakpoint
CREATE TABLE `pick_lists` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`wave_id` integer,
	`name` text NOT NULL,
	`location_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`picker` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pick_lists_status` ON `pick_lists` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `pick_lists_wave` ON `pick_lists` (`wave_id`);--> statement-breakpoint
CREATE TABLE `pick_scans` (
	`id` integer PRIMARY KEY NOT NULL,
	`pick_list_id` integer NOT NULL,
	`task_id` integer,
	`code` text NOT NULL,
	`outcome` text NOT NULL,
	`quantity` integer DEFAULT 0 NOT NULL,
	`message` text NOT NULL,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pick_list_id`) REFERENCES `pick_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `pick_tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pick_scans_list` ON `pick_scans` (`pick_list_id`,`id`);--> statement-breakpoint
CREATE TABLE `pick_tasks` (
	`id` integer PRIMARY KEY NOT NULL,
	`pick_list_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`bin_id` integer,
	`bin_code` text NOT NULL,
	`sort_key` text NOT NULL,
	`variant_id` integer NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`quantity` integer NOT NULL,
	`picked` integer DEFAULT 0 NOT NULL,
	`short` integer DEFAULT 0 NOT NULL,
	`short_reason` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`bin_scanned_at` text,
	FOREIGN KEY (`pick_list_id`) REFERENCES `pick_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bin_id`) REFERENCES `bins`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pick_tasks_list` ON `pick_tasks` (`pick_list_id`,`seq`);--> statement-breakpoint
CREATE INDEX `pick_tasks_open_bin` ON `pick_tasks` (`bin_id`,`variant_id`,`status`);--> statement-breakpoint
CREATE TABLE `stock_transfer_lines` (
	`transfer_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`transfer_id`, `variant_id`),
	FOREIGN KEY (`transfer_id`) REFERENCES `stock_transfers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_transfer_lines_variant` ON `stock_transfer_lines` (`variant_id`);--> statement-breakpoint
CREATE TABLE `stock_transfers` (
	`id` integer PRIMARY KEY NOT NULL,
	`from_location_id` integer NOT NULL,
	`to_location_id` integer NOT NULL,
	`status` text DEFAULT 'in_transit' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`order_id` integer,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`closed_by` text DEFAULT '' NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`from_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_transfers_status` ON `stock_transfers` (`status`,`id`);