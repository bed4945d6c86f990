CREATE INDEX `enrollments_contacted_start` ON `enrollments` (`municipality_id`,`start_date`) WHERE end_date IS NULL AND status != 'not_contacted';--> statement-breakpoint
CREATE INDEX `enrollments_caseworker_contacted_start` ON `enrollments` (`caseworker_membership_id`,`start_date`) WHERE end_date IS NULL AND status != 'not_contacted';--> statement-breakpoint
CREATE INDEX `enrollments_caseworker` ON `enrollments` (`caseworker_membership_id`,`end_date`);--> statement-breakpoint
CREATE INDEX `enrollments_caseworker_next_step` ON `enrollments` (`caseworker_membership_id`,`next_step_due`) WHERE end_date IS NULL AND next_step_due IS NOT NULL;--> statement-breakpoint
CREATE INDEX `enrollments_caseworker_open` ON `enrollments` (`caseworker_membership_id`,`status`,`start_date`) WHERE end_date IS NULL;--> statement-breakpoint
CREATE INDEX `enrollments_caseworker_watch` ON `enrollments` (`caseworker_membership_id`,`watch_until`) WHERE end_date IS NULL AND status = 'watch';