-- The access log is evidence for loggkontroll: once written, a row can be neither changed nor removed.
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'Loggposter kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'Loggposter kan inte tas bort');
END;
