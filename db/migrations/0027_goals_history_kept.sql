-- Goals and the handlingsplan (issue 13), hand-written: nothing is deleted, and the history of goals
-- and plan revisions and the agenda's frozen snapshots cannot be rewritten. The server never tries.
CREATE TRIGGER `steering_goals_no_delete` BEFORE DELETE ON `steering_goals`
BEGIN
  SELECT RAISE(ABORT, 'Mål tas inte bort; arkivera målet i stället');
END;
--> statement-breakpoint
CREATE TRIGGER `steering_goal_revisions_no_update` BEFORE UPDATE ON `steering_goal_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Målens historik kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `steering_goal_revisions_no_delete` BEFORE DELETE ON `steering_goal_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Målens historik kan inte tas bort');
END;
--> statement-breakpoint
CREATE TRIGGER `steering_activities_no_delete` BEFORE DELETE ON `steering_activities`
BEGIN
  SELECT RAISE(ABORT, 'Aktiviteter tas inte bort; ställ in aktiviteten i stället');
END;
--> statement-breakpoint
CREATE TRIGGER `steering_plan_revisions_no_update` BEFORE UPDATE ON `steering_plan_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Handlingsplanens revisioner kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `steering_plan_revisions_no_delete` BEFORE DELETE ON `steering_plan_revisions`
BEGIN
  SELECT RAISE(ABORT, 'Handlingsplanens revisioner kan inte tas bort');
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_goal_snapshots_no_update` BEFORE UPDATE ON `agenda_goal_snapshots`
BEGIN
  SELECT RAISE(ABORT, 'Ögonblicksbilden är fryst och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_goal_snapshots_no_delete` BEFORE DELETE ON `agenda_goal_snapshots`
BEGIN
  SELECT RAISE(ABORT, 'Ögonblicksbilden är fryst och kan inte tas bort');
END;
