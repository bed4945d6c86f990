CREATE TABLE `unit_contact_details` (
	`organisation_id` integer PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`sms` text NOT NULL,
	`email` text NOT NULL,
	`street_address` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`opening_hours` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by_membership_id` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action
);
