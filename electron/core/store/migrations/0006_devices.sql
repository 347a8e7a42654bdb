CREATE TABLE `parcel_weights` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`contents` text NOT NULL,
	`grams` integer NOT NULL,
	`expected_grams` integer,
	`accepted_by` text DEFAULT '' NOT NULL,
	`accept_reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `pack_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parcel_weights_contents` ON `parcel_weights` (`contents`,`id`);--> statement-breakpoint
ALTER TABLE `printers` ADD `language` text DEFAULT 'zpl' NOT NULL;--> statement-breakpoint
ALTER TABLE `printers` ADD `offset_x` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `printers` ADD `offset_y` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `printers` ADD `device` text DEFAULT '' NOT NULL;