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
CREATE INDEX `order_shortages_status` ON `order_shortages` (`status`);