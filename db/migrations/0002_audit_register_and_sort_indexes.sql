DROP INDEX `youths_register_created`;--> statement-breakpoint
DROP INDEX `youths_register_birth`;--> statement-breakpoint
CREATE INDEX `youths_register_created` ON `youths` (`home_municipality_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `youths_register_birth` ON `youths` (`home_municipality_id`,`birth_date`,`id`);--> statement-breakpoint
ALTER TABLE `audit_events` ADD `youth_municipality_id` integer;--> statement-breakpoint
CREATE INDEX `audit_youth_municipality` ON `audit_events` (`youth_municipality_id`,`at`);