DROP INDEX `youths_register_name`;--> statement-breakpoint
CREATE INDEX `youths_register_name` ON `youths` (`home_municipality_id`,`name_sort`,`id`,`name_search`);