CREATE TABLE `return_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`return_id` integer NOT NULL,
	`order_line_id` integer NOT NULL,
	`variant_id` integer,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`reason_code` text NOT NULL,
	`reason_label` text NOT NULL,
	`refunds_shipping` integer DEFAULT false NOT NULL,
	`charges_fee` integer DEFAULT false NOT NULL,
	`exchange_sku` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_lines_return` ON `return_lines` (`return_id`);--> statement-breakpoint
CREATE INDEX `return_lines_order_line` ON `return_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `return_scans` (
	`id` integer PRIMARY KEY NOT NULL,
	`return_id` integer NOT NULL,
	`code` text NOT NULL,
	`outcome` text NOT NULL,
	`return_line_id` integer,
	`variant_id` integer,
	`unit_scan_id` integer,
	`grade` text,
	`disposition` text,
	`undoes_scan_id` integer,
	`message` text DEFAULT '' NOT NULL,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_line_id`) REFERENCES `return_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_scans_return` ON `return_scans` (`return_id`,`id`);--> statement-breakpoint
CREATE INDEX `return_scans_undoes` ON `return_scans` (`undoes_scan_id`);--> statement-breakpoint
CREATE TABLE `returns` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`order_id` integer NOT NULL,
	`status` text NOT NULL,
	`shipping` text NOT NULL,
	`unannounced` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`outside_window_reason` text DEFAULT '' NOT NULL,
	`tracking_number` text DEFAULT '' NOT NULL,
	`tracking_carrier` text DEFAULT '' NOT NULL,
	`inbound_status` text DEFAULT '' NOT NULL,
	`inbound_detail` text DEFAULT '' NOT NULL,
	`inbound_checked_at` text,
	`refund` text,
	`refund_minor` integer,
	`refund_outbox_id` integer,
	`exchange_order_id` integer,
	`close_reason` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`received_at` text,
	`inspected_at` text,
	`finished_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refund_outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exchange_order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `returns_number_unique` ON `returns` (`number`);--> statement-breakpoint
CREATE INDEX `returns_status` ON `returns` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `returns_order` ON `returns` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `returns_tracking` ON `returns` (`tracking_number`);--> statement-breakpoint
DROP INDEX `shipments_one_live_per_parcel`;--> statement-breakpoint
ALTER TABLE `shipments` ADD `return_id` integer REFERENCES returns(id);--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_one_live_per_return` ON `shipments` (`return_id`) WHERE status <> 'voided' AND return_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_one_live_per_parcel` ON `shipments` (`order_id`,`parcel_no`) WHERE status <> 'voided' AND return_id IS NULL;--> statement-breakpoint
ALTER TABLE `locations` ADD `sellable` integer DEFAULT true NOT NULL;