ALTER TABLE `enrollments` ADD `next_step_due` text;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `next_step_index` integer;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `next_step_missing_guardian` integer;--> statement-breakpoint
CREATE INDEX `enrollments_next_step` ON `enrollments` (`municipality_id`,`next_step_due`) WHERE end_date IS NULL AND next_step_due IS NOT NULL;--> statement-breakpoint
CREATE INDEX `enrollments_open_status_start` ON `enrollments` (`municipality_id`,`status`,`start_date`) WHERE end_date IS NULL;--> statement-breakpoint
CREATE INDEX `enrollments_open_watch` ON `enrollments` (`municipality_id`,`watch_until`) WHERE end_date IS NULL AND status = 'watch';