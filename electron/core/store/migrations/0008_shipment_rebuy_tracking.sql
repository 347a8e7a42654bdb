ALTER TABLE `shipments` ADD `replaces_id` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `tracking_status` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `shipments` ADD `tracking_detail` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `shipments` ADD `tracked_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_one_replacement` ON `shipments` (`replaces_id`);