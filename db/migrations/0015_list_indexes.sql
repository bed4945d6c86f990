DROP INDEX `notices_youth`;--> statement-breakpoint
CREATE INDEX `notices_youth` ON `notices` (`youth_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `referrals_municipality_status` ON `referrals` (`municipality_id`,`status`,`sent_at`);