-- Samverkan meetings (issue 6), hand-written: justerade protokoll are locked, and nothing is deleted.
-- The server refuses these changes too; the triggers make sure no other path can make them.
-- A meeting whose minutes are approved can no longer change at all.
CREATE TRIGGER `meetings_approved_locked` BEFORE UPDATE ON `meetings`
WHEN OLD.status = 'minutes_approved'
BEGIN
  SELECT RAISE(ABORT, 'Protokollet är justerat och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_no_delete` BEFORE DELETE ON `meetings`
BEGIN
  SELECT RAISE(ABORT, 'Möten tas inte bort; ställ in mötet i stället');
END;
--> statement-breakpoint
-- The agenda and the minutes per item of an approved meeting.
CREATE TRIGGER `agenda_items_approved_no_insert` BEFORE INSERT ON `agenda_items`
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
  SELECT RAISE(ABORT, 'Protokollet är justerat och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_approved_no_update` BEFORE UPDATE ON `agenda_items`
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'minutes_approved'
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
  SELECT RAISE(ABORT, 'Protokollet är justerat och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_no_delete` BEFORE DELETE ON `agenda_items`
BEGIN
  SELECT RAISE(ABORT, 'Dagordningspunkter tas inte bort; återkalla punkten i stället');
END;
--> statement-breakpoint
-- Who took part (and attendance) is part of the minutes.
CREATE TRIGGER `meeting_participants_approved_no_insert` BEFORE INSERT ON `meeting_participants`
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
  SELECT RAISE(ABORT, 'Protokollet är justerat och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_participants_approved_no_update` BEFORE UPDATE ON `meeting_participants`
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'minutes_approved'
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
  SELECT RAISE(ABORT, 'Protokollet är justerat och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_participants_no_delete` BEFORE DELETE ON `meeting_participants`
BEGIN
  SELECT RAISE(ABORT, 'Deltagare tas inte bort; markera dem som borttagna i stället');
END;
--> statement-breakpoint
-- An action item decided in approved minutes keeps what was decided (what, who, when); only its
-- status moves on (open → done), and it cannot be struck out afterwards.
CREATE TRIGGER `action_items_approved_no_insert` BEFORE INSERT ON `action_items`
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
  SELECT RAISE(ABORT, 'Protokollet är justerat och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `action_items_approved_decision_locked` BEFORE UPDATE OF `forum_id`, `meeting_id`, `agenda_item_id`, `title`, `owner_membership_id`, `due_date`, `created_at`, `created_by_membership_id` ON `action_items`
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN
  SELECT RAISE(ABORT, 'Protokollet är justerat och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `action_items_approved_not_cancelled` BEFORE UPDATE OF `status` ON `action_items`
WHEN NEW.status = 'cancelled' AND OLD.status <> 'cancelled'
  AND (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN
  SELECT RAISE(ABORT, 'Protokollet är justerat och kan inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER `action_items_no_delete` BEFORE DELETE ON `action_items`
BEGIN
  SELECT RAISE(ABORT, 'Åtgärdspunkter tas inte bort');
END;
--> statement-breakpoint
CREATE TRIGGER `forum_members_no_delete` BEFORE DELETE ON `forum_members`
BEGIN
  SELECT RAISE(ABORT, 'Medlemskap tas inte bort; avsluta det i stället');
END;
--> statement-breakpoint
CREATE TRIGGER `forum_organisations_no_delete` BEFORE DELETE ON `forum_organisations`
BEGIN
  SELECT RAISE(ABORT, 'Medlemsorganisationer tas inte bort; avsluta medlemskapet i stället');
END;
