CREATE TABLE `youth_evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`enrollment_id` integer NOT NULL,
	`intervention_id` integer,
	`rating` text NOT NULL,
	`text` text,
	`author_user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `youth_evaluations_youth` ON `youth_evaluations` (`youth_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `youth_evaluations_intervention` ON `youth_evaluations` (`intervention_id`);--> statement-breakpoint
CREATE TRIGGER `youth_evaluations_no_update` BEFORE UPDATE ON `youth_evaluations`
BEGIN
  SELECT RAISE(ABORT, 'Ungdomens egen bedömning kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `youth_evaluations_no_delete` BEFORE DELETE ON `youth_evaluations`
BEGIN
  SELECT RAISE(ABORT, 'Ungdomens egen bedömning kan inte tas bort');
END;
