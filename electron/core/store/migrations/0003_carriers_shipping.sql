CREATE TABLE `carrier_accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`config` text DEFAULT '{}' NOT NULL,
	`secret_name` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `manifests` (
	`id` integer PRIMARY KEY NOT NULL,
	`carrier_id` integer NOT NULL,
	`remote_id` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`words` text DEFAULT '' NOT NULL,
	`shipment_count` integer NOT NULL,
	`document_url` text DEFAULT '' NOT NULL,
	`print_job_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`carrier_id`) REFERENCES `carrier_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`print_job_id`) REFERENCES `print_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `package_presets` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`length_mm` integer NOT NULL,
	`width_mm` integer NOT NULL,
	`height_mm` integer NOT NULL,
	`empty_grams` integer DEFAULT 0 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`removed` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `parcel_choices` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`package_id` integer,
	`weight_grams` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `pack_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`package_id`) REFERENCES `package_presets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`session_id` integer,
	`parcel_no` integer NOT NULL,
	`final` integer NOT NULL,
	`carrier_id` integer,
	`status` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`request` text NOT NULL,
	`lines` text NOT NULL,
	`weight_grams` integer NOT NULL,
	`weight_source` text NOT NULL,
	`package_name` text DEFAULT '' NOT NULL,
	`remote_shipment_id` text DEFAULT '' NOT NULL,
	`rate` text DEFAULT 'null' NOT NULL,
	`carrier_name` text DEFAULT '' NOT NULL,
	`service` text DEFAULT '' NOT NULL,
	`tracking_number` text DEFAULT '' NOT NULL,
	`tracking_url` text DEFAULT '' NOT NULL,
	`price_minor` integer,
	`currency` text DEFAULT '' NOT NULL,
	`remote_label_id` text DEFAULT '' NOT NULL,
	`print_job_id` integer,
	`manifest_id` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`words` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`bought_at` text,
	`voided_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `pack_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`carrier_id`) REFERENCES `carrier_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`print_job_id`) REFERENCES `print_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_idempotency_key_unique` ON `shipments` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_one_live_per_parcel` ON `shipments` (`order_id`,`parcel_no`) WHERE status <> 'voided';--> statement-breakpoint
CREATE INDEX `shipments_status` ON `shipments` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `shipments_order` ON `shipments` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `shipments_created` ON `shipments` (`created_at`);--> statement-breakpoint
CREATE INDEX `shipments_carrier_manifest` ON `shipments` (`carrier_id`,`manifest_id`);--> statement-breakpoint
CREATE TABLE `sku_packages` (
	`variant_id` integer PRIMARY KEY NOT NULL,
	`package_id` integer NOT NULL,
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`package_id`) REFERENCES `package_presets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `variants` ADD `hs_code` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `variants` ADD `origin_country` text DEFAULT '' NOT NULL;