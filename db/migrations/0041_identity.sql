CREATE TABLE `identity_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`municipality_id` integer,
	`display_name` text NOT NULL,
	`issuer` text NOT NULL,
	`client_id` text NOT NULL,
	`client_secret_enc` text NOT NULL,
	`match_claim` text DEFAULT 'sub' NOT NULL,
	`personal_number_claim` text DEFAULT 'https://id.oidc.se/claim/personalIdentityNumber' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identity_providers_one_per_municipality` ON `identity_providers` (`municipality_id`) WHERE purpose = 'staff';--> statement-breakpoint
CREATE UNIQUE INDEX `identity_providers_one_citizen_broker` ON `identity_providers` (`purpose`) WHERE purpose = 'citizen';--> statement-breakpoint
CREATE TABLE `oidc_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`state` text NOT NULL,
	`nonce` text NOT NULL,
	`code_verifier` text NOT NULL,
	`return_to` text,
	`session_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `identity_providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `oidc_requests_expires` ON `oidc_requests` (`expires_at`);--> statement-breakpoint
CREATE TABLE `sign_in_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer,
	`provider_id` integer,
	`method` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`detail` text,
	`address` text
);
--> statement-breakpoint
CREATE INDEX `sign_in_events_at` ON `sign_in_events` (`at`);--> statement-breakpoint
CREATE INDEX `sign_in_events_user` ON `sign_in_events` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `user_identities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`provider_id` integer NOT NULL,
	`claim` text NOT NULL,
	`value` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by_membership_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_id`) REFERENCES `identity_providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_identities_claim` ON `user_identities` (`provider_id`,`claim`,`value`);--> statement-breakpoint
CREATE INDEX `user_identities_user` ON `user_identities` (`user_id`);--> statement-breakpoint
CREATE TABLE `youth_maturity_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`decided_on` text NOT NULL,
	`note` text NOT NULL,
	`decided_by_membership_id` integer NOT NULL,
	`ended_at` text,
	`ended_by_membership_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `youths`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `youth_maturity_decisions_youth` ON `youth_maturity_decisions` (`youth_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `kind` text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `personal_number_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_personal_number_key` ON `users` (`personal_number_key`) WHERE personal_number_key IS NOT NULL;--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `factor` text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `authenticated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `auth_method` text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `identity_provider_id` integer REFERENCES identity_providers(id);--> statement-breakpoint
ALTER TABLE `sessions` ADD `citizen_scope` text;--> statement-breakpoint
CREATE INDEX `youths_personal_number` ON `youths` (`personal_number`);--> statement-breakpoint
CREATE TRIGGER `sign_in_events_no_update` BEFORE UPDATE ON `sign_in_events`
BEGIN
  SELECT RAISE(ABORT, 'Inloggningsloggen kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `sign_in_events_no_delete` BEFORE DELETE ON `sign_in_events`
BEGIN
  SELECT RAISE(ABORT, 'Inloggningsloggen kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `youth_maturity_decisions_no_delete` BEFORE DELETE ON `youth_maturity_decisions`
BEGIN
  SELECT RAISE(ABORT, 'Ett mognadsbeslut kan inte tas bort, bara avslutas');
END;
