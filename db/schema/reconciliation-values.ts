/**
 * The value lists of the target-group reconciliation (population extracts, school lists and the
 * proposals made from them), in a file without drizzle so that forms in the browser can import them.
 */

/** What a school list tells: gymnasium enrolments (GY/GYS) or the grundskolor's year-9 leavers. */
export const SCHOOL_LIST_KINDS = ["gymnasium", "year9"] as const;
export type SchoolListKind = (typeof SCHOOL_LIST_KINDS)[number];

/** Where a school list came from: a CSV file uploaded in the portal, or a school system over SS 12000. */
export const SCHOOL_LIST_SOURCES = ["csv", "ss12000"] as const;
export type SchoolListSource = (typeof SCHOOL_LIST_SOURCES)[number];

/** How a school placement ended: avbrott, or completed with studiebevis or examensbevis. */
export const SCHOOL_OUTCOMES = ["avbrott", "studiebevis", "examen"] as const;
export type SchoolOutcome = (typeof SCHOOL_OUTCOMES)[number];

/** SS 12000 SchoolTypesEnum values a list row may carry. GY and GYS take a youth out of the target group. */
export const SCHOOL_TYPES = [
  "GY",
  "GYS",
  "GR",
  "GRS",
  "SP",
  "SAM",
  "FKLASS",
  "FTH",
  "OPPFTH",
  "FS",
  "FHS",
  "KOMVUX",
  "SFI",
  "YH",
  "AU",
  "VUX",
  "VUXSFI",
  "VUXGR",
  "VUXGY",
  "VUXSARGR",
  "VUXSARTR",
  "VUXSARGY",
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const SNAPSHOT_STATUSES = ["running", "complete", "failed"] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

/**
 * What a reconciliation proposes for one person. `register`: in the target group but not in the
 * register. `end_*`: in the register but no longer in the target group, by reason. `absence`: a
 * school system reports significant unexcused absence (registered as a notice of absence would be).
 * `not_resident`: enrolled at a school in the municipality but folkbokförd elsewhere (for the school
 * to notify the home municipality; nothing changes in the register).
 */
export const PROPOSAL_KINDS = [
  "register",
  "absence",
  "end_national_programme",
  "end_introduction_programme",
  "end_completed",
  "end_moved",
  "end_died",
  "end_turned_20",
  "not_resident",
] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_STATES = ["open", "accepted", "rejected"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
