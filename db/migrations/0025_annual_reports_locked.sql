-- Annual reports (issue 13), hand-written: a fastställd report is locked like justerade minutes.
-- The server refuses these changes too; the triggers make sure no other path can make them.
CREATE TRIGGER `annual_reports_approved_locked` BEFORE UPDATE ON `annual_reports`
WHEN OLD.status = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'Årsrapporten är fastställd och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `annual_reports_approved_no_delete` BEFORE DELETE ON `annual_reports`
WHEN OLD.status = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'En fastställd årsrapport tas inte bort');
END;
