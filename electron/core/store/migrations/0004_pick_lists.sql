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
CREATE INDEX `pick_tasks_open_bin` ON `pick_tasks` (`bin_id`,`variant_id`,`status`);