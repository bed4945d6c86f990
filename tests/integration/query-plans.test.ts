import { describe, expect, it } from "vitest";
import { getDb } from "#db/client";

/** The hot queries must use an index, so the lists stay fast with tens of thousands of youths (see npm run bench). */
function plan(sql: string) {
  return getDb()
    .$client.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...Array.from(sql.matchAll(/\?/g), () => 1))
    .map((row) => (row as { detail: string }).detail)
    .join("\n");
}

describe("query plans", () => {
  it.each([
    // The same orders as listYouthRegister (the id breaks ties so pages never overlap).
    ["name", "name_sort, id", "youths_register_name"],
    ["newest", "created_at DESC, id DESC", "youths_register_created"],
    ["oldest", "birth_date, id", "youths_register_birth"],
  ])("the register list sorted by %s reads an index in order", (_label, order, index) => {
    const detail = plan(`SELECT id FROM youths WHERE home_municipality_id = ? ORDER BY ${order} LIMIT 25 OFFSET 500`);
    expect(detail).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
    expect(detail).not.toContain("TEMP B-TREE");
  });

  it("looking up a personnummer uses the unique index", () => {
    expect(plan("SELECT id FROM youths WHERE home_municipality_id = ? AND personal_number = ?")).toContain("youths_register_personal_number");
  });

  it("the log review uses the register and organisation indexes", () => {
    const detail = plan("SELECT id FROM audit_events WHERE youth_municipality_id = ? OR organisation_id = ? ORDER BY at DESC LIMIT 50");
    expect(detail).toContain("audit_youth_municipality");
    expect(detail).toContain("audit_organisation");
  });

  it("each half of the log review's page reads its index newest first, without sorting the whole log", () => {
    for (const [column, index] of [
      ["youth_municipality_id", "audit_youth_municipality"],
      ["organisation_id", "audit_organisation"],
    ]) {
      const detail = plan(`SELECT id, at FROM audit_events WHERE ${column} = ? AND 1 ORDER BY at DESC, id DESC LIMIT 50`);
      expect(detail).toContain(index);
      expect(detail).not.toContain("TEMP B-TREE");
    }
  });

  it("a youth's access history uses its index", () => {
    expect(plan("SELECT id FROM audit_events WHERE youth_id = ? ORDER BY at DESC")).toContain("audit_youth");
  });

  it("the stickprov's sampling frame reads the municipality's enrollments by index, not the whole register", () => {
    const detail = plan("SELECT id, youth_id FROM enrollments WHERE municipality_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)");
    expect(detail).toMatch(/USING (COVERING )?INDEX enrollments_/);
    expect(detail).not.toMatch(/SCAN enrollments\b(?! USING)/);
  });

  it.each([
    ["my forums", "SELECT forum_id FROM forum_members WHERE membership_id = ? AND ended_at IS NULL", "forum_members_membership"],
    [
      "meetings I am invited to",
      "SELECT meeting_id FROM meeting_participants WHERE membership_id = ? AND removed_at IS NULL",
      "meeting_participants_membership",
    ],
    ["a forum's calendar", "SELECT id FROM meetings WHERE forum_id = ? ORDER BY starts_at", "meetings_forum"],
    ["a meeting's agenda", "SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position", "agenda_items_meeting"],
    ["case items naming a youth (after a withdrawal)", "SELECT id FROM agenda_items WHERE youth_id = ?", "agenda_items_youth"],
    ["my open action items", "SELECT id FROM action_items WHERE owner_membership_id = ? AND status = 'open' ORDER BY due_date", "action_items_owner"],
    ["a forum's open action items", "SELECT id FROM action_items WHERE forum_id = ? AND status = 'open'", "action_items_forum"],
    ["unread notices", "SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", "notifications_unread"],
    ["my notices", "SELECT id FROM notifications WHERE user_id = ? ORDER BY created_at DESC LIMIT 50", "notifications_user"],
  ])("samverkan: %s uses its index", (_label, sql, index) => {
    const detail = plan(sql);
    expect(detail).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
    expect(detail).not.toContain("TEMP B-TREE");
  });
});

describe("query plans of the documentation", () => {
  it("the samordnare's list reads the unit's contacted open enrollments in start order by index and joins the stored summary by key", () => {
    const detail = plan(
      "SELECT e.id FROM enrollments e LEFT JOIN enrollment_documentation d ON d.enrollment_id = e.id WHERE e.municipality_id = ? AND e.end_date IS NULL AND e.status != 'not_contacted' AND (coalesce(d.missing, 127) != 0 OR d.overdue_from < ?) ORDER BY e.start_date LIMIT 50",
    );
    expect(detail).toMatch(/enrollments_contacted_start/);
    expect(detail).not.toContain("TEMP B-TREE");
    expect(detail).toMatch(/SEARCH d USING INTEGER PRIMARY KEY|SEARCH d USING INDEX/);
  });

  it("the worklist's due follow-ups and late interventions use their partial indexes", () => {
    expect(plan("SELECT id FROM intervention_follow_ups WHERE municipality_id = ? AND done_date IS NULL AND due_date <= ?")).toContain("follow_ups_due");
    expect(plan("SELECT id FROM interventions WHERE municipality_id = ? AND end_date IS NULL AND declined_date IS NULL AND planned_end_date < ?")).toContain(
      "interventions_open_by_end",
    );
  });

  it("an enrollment's interventions and revision history use their indexes", () => {
    expect(plan("SELECT id FROM interventions WHERE enrollment_id = ? ORDER BY start_date")).toContain("interventions_enrollment");
    expect(plan("SELECT id FROM documentation_revisions WHERE enrollment_id = ? ORDER BY at DESC")).toContain("documentation_revisions_enrollment");
  });
});

describe("query plans of the worklist", () => {
  it.each([
    [
      "the routine's next steps due",
      "SELECT id FROM enrollments WHERE municipality_id = ? AND end_date IS NULL AND next_step_due IS NOT NULL AND next_step_due <= ?",
      "enrollments_next_step",
    ],
    [
      "not contacted within four weeks",
      "SELECT id FROM enrollments WHERE municipality_id = ? AND end_date IS NULL AND status = 'not_contacted' AND start_date <= ?",
      "enrollments_open_status_start",
    ],
    [
      "watch dates passed",
      "SELECT id FROM enrollments WHERE municipality_id = ? AND end_date IS NULL AND status = 'watch' AND watch_until <= ?",
      "enrollments_open_watch",
    ],
    [
      "turning 20 within the window",
      "SELECT e.id FROM enrollments e JOIN youths y ON y.id = e.youth_id WHERE y.home_municipality_id = ? AND y.birth_date > ? AND y.birth_date <= ? AND e.end_date IS NULL AND e.municipality_id = ?",
      "youths_register_birth",
    ],
  ])("%s is read by index, not by walking every open enrollment", (_label, sql, index) => {
    const detail = plan(sql);
    expect(detail).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
  });
});

describe("query plans of the log review's filters", () => {
  it.each([
    ["youth_municipality_id", "audit_denied_youth_municipality"],
    ["organisation_id", "audit_denied_organisation"],
  ])("denials by %s are read newest first from a partial index of refusals, not the whole log", (column, index) => {
    const detail = plan(`SELECT id, at FROM audit_events WHERE ${column} = ? AND audit_events.outcome = 'denied' ORDER BY at DESC, id DESC LIMIT 50`);
    expect(detail).toContain(index);
    expect(detail).not.toContain("TEMP B-TREE");
  });
});

describe("query plans of the SCB export", () => {
  it.each([
    [
      "open enrollments in the register during the half-year",
      "SELECT e.id FROM enrollments e JOIN youths y ON y.id = e.youth_id AND y.home_municipality_id = ? WHERE e.municipality_id = ? AND e.end_date IS NULL AND e.start_date <= ?",
      "enrollments_worklist",
    ],
    [
      "enrollments ended since the half-year began",
      "SELECT e.id FROM enrollments e JOIN youths y ON y.id = e.youth_id AND y.home_municipality_id = ? WHERE e.municipality_id = ? AND e.end_date >= ? AND e.start_date <= ?",
      "enrollments_worklist",
    ],
    [
      "the contacts of the half-year per enrollment",
      "SELECT id FROM contact_attempts WHERE enrollment_id IN (?, ?) AND date BETWEEN ? AND ? ORDER BY date, id",
      "contact_attempts_enrollment",
    ],
    [
      "the åtgärder of the enrollments and their catalogue types",
      "SELECT i.id FROM interventions i JOIN intervention_types t ON t.id = i.type_id WHERE i.enrollment_id IN (?, ?) ORDER BY i.start_date, i.id",
      "interventions_enrollment",
    ],
    [
      "an åtgärd's number among the youth's åtgärder",
      `SELECT (SELECT count(*) FROM interventions AS earlier JOIN enrollments AS earlier_enrollment ON earlier_enrollment.id = earlier.enrollment_id
          WHERE earlier_enrollment.youth_id = e.youth_id AND +earlier_enrollment.municipality_id = e.municipality_id AND earlier.id <= i.id)
       FROM interventions i JOIN enrollments e ON e.id = i.enrollment_id WHERE i.enrollment_id IN (?, ?)`,
      "enrollments_youth",
    ],
    ["the export history", "SELECT id FROM scb_exports WHERE municipality_id = ? ORDER BY created_at DESC, id DESC", "scb_exports_municipality"],
  ])("%s is read by index", (_label, sql, index) => {
    const detail = plan(sql);
    expect(detail).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
    expect(detail).not.toMatch(/SCAN (e|y|i|earlier|earlier_enrollment|enrollments|youths|contact_attempts|interventions)\b/);
  });
});
