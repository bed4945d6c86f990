ALTER TABLE `organisations` ADD `functional_mailbox` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `topic` text;--> statement-breakpoint
CREATE INDEX `notifications_topic` ON `notifications` (`topic`);