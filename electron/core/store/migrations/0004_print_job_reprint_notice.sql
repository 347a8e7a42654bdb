ALTER TABLE `print_jobs` ADD `reprint_of` integer;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `notice` text DEFAULT '' NOT NULL;