CREATE TABLE `population_figures` (
	`municipality_id` integer NOT NULL,
	`year` integer NOT NULL,
	`aged_16_to_19` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer NOT NULL,
	PRIMARY KEY(`municipality_id`, `year`),
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "population_figures_positive" CHECK(aged_16_to_19 > 0)
);
--> statement-breakpoint
CREATE INDEX `notices_home_created` ON `notices` (`home_municipality_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `interventions_municipality_start` ON `interventions` (`municipality_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `interventions_municipality_end` ON `interventions` (`municipality_id`,`end_date`,`start_date`,`declined_date`,`youth_id`,`type_id`,`responsible_party`,`evaluation_outcome`) WHERE end_date IS NOT NULL;--> statement-breakpoint
CREATE INDEX `interventions_running` ON `interventions` (`municipality_id`,`start_date`,`youth_id`,`type_id`,`responsible_party`) WHERE end_date IS NULL AND declined_date IS NULL;