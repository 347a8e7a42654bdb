CREATE TABLE `pack_scans` (
	`id` integer PRIMARY KEY NOT NULL,
	`session_id` integer NOT NULL,
	`code` text NOT NULL,
	`outcome` text NOT NULL,
	`order_line_id` integer,
	`variant_id` integer,
	`quantity` integer DEFAULT 0 NOT NULL,
	`undoes_scan_id` integer,
	`lot` text,
	`expiry` text,
	`serial` text,
	`message` text DEFAULT '' NOT NULL,
	`actor` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `pack_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pack_scans_session` ON `pack_scans` (`session_id`,`id`);--> statement-breakpoint
CREATE INDEX `pack_scans_undoes` ON `pack_scans` (`undoes_scan_id`);--> statement-breakpoint
CREATE TABLE `pack_sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`parcel_no` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`actor` text NOT NULL,
	`split_reason` text DEFAULT '' NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pack_sessions_one_active` ON `pack_sessions` (`order_id`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `pack_sessions_order` ON `pack_sessions` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `pack_sessions_status` ON `pack_sessions` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` integer PRIMARY KEY NOT NULL,
	`printer_id` integer NOT NULL,
	`order_id` integer,
	`session_id` integer,
	`parcel_no` integer,
	`kind` text NOT NULL,
	`zpl` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`error` text DEFAULT '' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`printer_id`) REFERENCES `printers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `pack_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `print_jobs_order` ON `print_jobs` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `print_jobs_status` ON `print_jobs` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `printers` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`host` text DEFAULT '' NOT NULL,
	`port` integer DEFAULT 9100 NOT NULL,
	`dpi` integer DEFAULT 203 NOT NULL,
	`label_size` text DEFAULT '4x6' NOT NULL,
	`folder` text DEFAULT '' NOT NULL,
	`is_default` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `movements_reference` ON `inventory_movements` (`reference`);