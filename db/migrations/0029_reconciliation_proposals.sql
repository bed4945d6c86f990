CREATE TABLE `reconciliation_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`kind` text NOT NULL,
	`personal_number` text NOT NULL,
	`youth_id` text,
	`enrollment_id` integer,
	`effective_date` text NOT NULL,
	`evidence` text NOT NULL,
	`evidence_hash` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`run_id` integer NOT NULL,
	`snapshot_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`decided_at` text,
	`decided_by_membership_id` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `reconciliation_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`snapshot_id`) REFERENCES `population_snapshots`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reconciliation_proposals_evidence` ON `reconciliation_proposals` (`municipality_id`,`personal_number`,`kind`,`evidence_hash`);--> statement-breakpoint
CREATE INDEX `reconciliation_proposals_list` ON `reconciliation_proposals` (`municipality_id`,`state`,`kind`,`id`);--> statement-breakpoint
CREATE INDEX `reconciliation_proposals_run` ON `reconciliation_proposals` (`run_id`);--> statement-breakpoint
CREATE INDEX `reconciliation_proposals_snapshot` ON `reconciliation_proposals` (`snapshot_id`);--> statement-breakpoint
CREATE TABLE `reconciliation_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`snapshot_id` integer,
	`ran_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ran_by_membership_id` integer,
	`people_read` integer NOT NULL,
	`new_proposals` integer NOT NULL,
	`open_proposals` integer NOT NULL,
	`held_back` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`snapshot_id`) REFERENCES `population_snapshots`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`ran_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reconciliation_runs_municipality` ON `reconciliation_runs` (`municipality_id`,`id`);--> statement-breakpoint
CREATE INDEX `reconciliation_runs_snapshot` ON `reconciliation_runs` (`snapshot_id`);--> statement-breakpoint
CREATE TABLE `reconciliation_settings` (
	`municipality_id` integer PRIMARY KEY NOT NULL,
	`hold_from` text DEFAULT '06-01' NOT NULL,
	`hold_until` text DEFAULT '09-01' NOT NULL,
	`absence_threshold_percent` integer DEFAULT 15 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
