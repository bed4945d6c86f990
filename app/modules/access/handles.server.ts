/**
 * The capabilities the sekretess kernel hands out. Each is a class whose constructor only this
 * file can call (the `mint*` functions are set in static blocks and not exported beyond the
 * kernel's gate), and whose private `#kernel` field makes it impossible to fake with an object
 * literal. A domain function that takes one of these can only be called after the gate decided
 * and logged the access: code that skipped the gate does not type-check.
 */
import type { Tx } from "#db/client";
import type { youths } from "#db/schema";
import type { Actor } from "~/modules/auth/actor.server";
import { decide, type AccessAction, type Decision, type PolicyConsent, type PolicyReviewGrant, type YouthSection } from "./policy";
import type { AuditEntry } from "./audit.server";
import { decideOwn, type OwnRelation } from "./own-policy";

/** A youth or guardian signed in on Mina sidor, as the kernel needs them (auth/citizen.server.ts makes it). */
export type CitizenPrincipal = { userId: number; sessionId: string; displayName: string; authenticatedAt: number };

export type YouthRow = typeof youths.$inferSelect;

export type Key = `${YouthSection}:${AccessAction}`;
const keyOf = (section: YouthSection, action: AccessAction): Key => `${section}:${action}`;

export let mintYouthFile: <R extends YouthSection, W extends YouthSection>(
  actor: Actor,
  youth: YouthRow,
  consents: PolicyConsent[],
  decisions: Map<Key, Decision>,
  reviewGrants: PolicyReviewGrant[],
) => YouthFile<R, W>;
export let mintOwnFile: <R extends YouthSection, W extends YouthSection>(
  citizen: CitizenPrincipal,
  relation: OwnRelation,
  youth: YouthRow,
  decisions: Map<Key, Decision>,
  decidesAlone: boolean,
) => OwnFile<R, W>;
export let mintNewYouthFile: (actor: Actor, youthId: string, homeMunicipalityId: number) => NewYouthFile;
export let mintRegisterAccess: (
  actor: Actor & { municipalityId: number },
  log: (entries: AuditEntry[]) => void,
  logInside: (entries: AuditEntry[], tx: Tx) => void,
) => RegisterAccess;

/**
 * What every opened file has, whoever opened it: the youth, the sections opened, and the decisions. A
 * reader that shows a section the same way to staff and to the youth on Mina sidor takes this.
 * `R` are the sections it may read and `W` those it may write; a file opened for more sections is
 * accepted where fewer are asked for (the phantom members below make R and W contravariant).
 */
export abstract class OpenedFile<R extends YouthSection = never, W extends YouthSection = never> {
  declare readonly mayRead: (section: R) => void;
  declare readonly mayWrite: (section: W) => void;
  readonly #kernel = true;
  readonly #decisions: Map<Key, Decision>;

  protected constructor(
    /** The youth row: only the sections opened may be shown from it (identity for the name). */
    readonly youth: YouthRow,
    decisions: Map<Key, Decision>,
  ) {
    this.#decisions = decisions;
  }

  get id(): string {
    return this.youth.id;
  }

  get municipalityId(): number {
    return this.youth.homeMunicipalityId;
  }

  /** Was the section opened (and allowed) for this action in this request? */
  has(section: YouthSection, action: AccessAction = "read"): boolean {
    return this.#kernel && this.#decisions.get(keyOf(section, action))?.allowed === true;
  }

  /** The decision the gate made and logged for a section, if it was asked. */
  decision(section: YouthSection, action: AccessAction = "read"): Decision | undefined {
    return this.#decisions.get(keyOf(section, action));
  }

  /**
   * What the policy would answer for a section that was not opened. Nothing is shown on it, so it is not
   * logged: it is for offering an action (a button that reveals a protected address), not for reading.
   */
  abstract wouldAllow(section: YouthSection, action: AccessAction): boolean;
}

/** One youth's file, opened by the gate for a member of staff in this request. */
export class YouthFile<R extends YouthSection = never, W extends YouthSection = never> extends OpenedFile<R, W> {
  readonly #reviewGrants: readonly PolicyReviewGrant[];

  static {
    mintYouthFile = (actor, youth, consents, decisions, reviewGrants) => new YouthFile(actor, youth, consents, decisions, reviewGrants);
  }

  private constructor(
    readonly actor: Actor,
    youth: YouthRow,
    readonly consents: readonly PolicyConsent[],
    decisions: Map<Key, Decision>,
    reviewGrants: readonly PolicyReviewGrant[],
  ) {
    super(youth, decisions);
    this.#reviewGrants = reviewGrants;
  }

  wouldAllow(section: YouthSection, action: AccessAction): boolean {
    return decide(this.actor, { ...this.youth, consents: this.consents, reviewGrants: this.#reviewGrants }, section, action).allowed;
  }
}

/**
 * The youth's own file, or their child's for a guardian, opened on Mina sidor (own-file.server.ts). It
 * carries the citizen instead of a membership: writers for the youth take this, never a YouthFile.
 */
export class OwnFile<R extends YouthSection = never, W extends YouthSection = never> extends OpenedFile<R, W> {
  static {
    mintOwnFile = (citizen, relation, youth, decisions, decidesAlone) => new OwnFile(citizen, relation, youth, decisions, decidesAlone);
  }

  readonly #decidesAlone: boolean;

  private constructor(
    readonly citizen: CitizenPrincipal,
    readonly relation: OwnRelation,
    youth: YouthRow,
    decisions: Map<Key, Decision>,
    decidesAlone: boolean,
  ) {
    super(youth, decisions);
    this.#decidesAlone = decidesAlone;
  }

  wouldAllow(section: YouthSection, action: AccessAction): boolean {
    return decideOwn(this.relation, { ...this.youth, decidesAlone: this.#decidesAlone }, section, action).allowed;
  }
}

/**
 * The register of the actor's own municipality, for lists and searches by the KAA unit that keeps
 * it. Lists log every youth they show in one batch (`logListed`).
 */
export class RegisterAccess {
  readonly #kernel = true;
  readonly #log: (entries: AuditEntry[]) => void;
  readonly #logInside: (entries: AuditEntry[], tx: Tx) => void;

  static {
    mintRegisterAccess = (actor, log, logInside) => new RegisterAccess(actor, log, logInside);
  }

  private constructor(
    readonly actor: Actor & { municipalityId: number },
    log: (entries: AuditEntry[]) => void,
    logInside: (entries: AuditEntry[], tx: Tx) => void,
  ) {
    this.#log = log;
    this.#logInside = logInside;
  }

  get municipalityId(): number {
    return this.actor.municipalityId;
  }

  /**
   * Logs that people of the population extract who are not in the register were shown by name and
   * personnummer in the reconciliation's proposals (no youth id yet: the proposal is the reference).
   */
  logExtractListed(proposalIds: Iterable<number>) {
    if (!this.#kernel) return;
    this.#log(
      [...new Set(proposalIds)].map((id) => ({
        actor: this.actor,
        youthId: null,
        youthMunicipalityId: this.municipalityId,
        section: "identity" as const,
        action: "list" as const,
        decision: { allowed: true as const, basis: "register_keeper" as const, basisRef: `avstämningsförslag ${id}` },
      })),
    );
  }

  /**
   * Logs, inside the caller's transaction, that these youths went out in a file to an outside authority: one row
   * per youth, section enrollment, action export, the file's reference (the SCB export's id) in basisRef. The
   * caller's transaction also stores the file, so there is never a file without its log rows or the reverse.
   */
  logExported(youthIds: Iterable<string>, reference: string, tx: Tx) {
    if (!this.#kernel) return;
    const decision: Decision = { allowed: true, basis: "register_keeper", basisRef: reference };
    this.#logInside(
      [...new Set(youthIds)].map((youthId) => ({
        actor: this.actor,
        youthId,
        youthMunicipalityId: this.municipalityId,
        section: "enrollment" as const,
        action: "export" as const,
        decision,
      })),
      tx,
    );
  }

  /** Logs, in one transaction, that these youths of the register were shown in a list or found in a search. */
  logListed(youthIds: Iterable<string>, section: YouthSection, action: "list" | "search" = "list") {
    if (!this.#kernel) return;
    const decision: Decision = { allowed: true, basis: "register_keeper" };
    this.#log([...new Set(youthIds)].map((youthId) => ({ actor: this.actor, youthId, youthMunicipalityId: this.municipalityId, section, action, decision })));
  }
}

/**
 * A youth being registered, inside the transaction that registers it (createYouthFile): what
 * belongs with the registration (an enrollment, the received notice) is written on it.
 */
export class NewYouthFile {
  readonly #kernel = true;

  static {
    mintNewYouthFile = (actor, youthId, homeMunicipalityId) => new NewYouthFile(actor, youthId, homeMunicipalityId);
  }

  private constructor(
    readonly actor: Actor,
    readonly id: string,
    readonly municipalityId: number,
  ) {}

  get isNew(): boolean {
    return this.#kernel;
  }
}
