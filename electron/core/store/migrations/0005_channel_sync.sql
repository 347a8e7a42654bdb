CREATE TABLE `channel_credentials` (
	`channel_id` integer PRIMARY KEY NOT NULL,
	`scheme` text NOT NULL,
	`ciphertext` blob NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `channel_skus` (
	`channel_id` integer NOT NULL,
	`sku` text NOT NULL,
	`ref` text NOT NULL,
	`tracks_stock` integer NOT NULL,
	`remote_available` integer,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`channel_id`, `sku`),
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `channel_sync` (
	`channel_id` integer PRIMARY KEY NOT NULL,
	`cursor` text,
	`continuation` text,
	`last_pull_at` text,
	`last_push_at` text,
	`offline_since` text,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_error` text DEFAULT '' NOT NULL,
	`last_error_at` text,
	`paused_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `order_conflicts` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`kinds` text NOT NULL,
	`ours` text NOT NULL,
	`theirs` text NOT NULL,
	`held_from` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_conflicts_one_open` ON `order_conflicts` (`order_id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `order_conflicts_status` ON `order_conflicts` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `order_versions` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`channel_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`remote_updated_at` text NOT NULL,
	`content_hash` text NOT NULL,
	`remote` text NOT NULL,
	`held_by_channel` integer DEFAULT false NOT NULL,
	`applied_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_versions_channel_external` ON `order_versions` (`channel_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `outbox_delivery` (
	`outbox_id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`next_attempt_at` text,
	`remote_ref` text DEFAULT '' NOT NULL,
	`words` text DEFAULT '' NOT NULL,
	`done_at` text,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sync_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`channel_id` integer NOT NULL,
	`level` text NOT NULL,
	`words` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`external_id` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sync_log_channel` ON `sync_log` (`channel_id`,`id`);