/**
 * An organisation's functional mailbox: where e-mail about what the organisation as a whole must act
 * on goes (a new referral; see MAILBOX_KINDS in app/modules/notifications/labels.ts), beside the
 * members who asked for e-mail. Set by the systemförvaltare; every change is in the admin log.
 */
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { organisations } from "#db/schema";
import { notFound } from "~/lib/http";
import { logAdminEvent, type AdminActor } from "./admin.server";

export function organisationForMailbox(organisationId: number) {
  const row = getDb()
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, functionalMailbox: organisations.functionalMailbox })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  if (!row) throw notFound();
  return row;
}

export function setFunctionalMailbox(organisationId: number, address: string | undefined, by: AdminActor) {
  const organisation = organisationForMailbox(organisationId);
  const next = address?.toLowerCase() ?? null;
  if (next === organisation.functionalMailbox) return;
  getDb().transaction((tx) => {
    tx.update(organisations).set({ functionalMailbox: next }).where(eq(organisations.id, organisationId)).run();
    logAdminEvent(by, "organisation_mailbox_changed", { organisationId, detail: next ?? "borttagen" }, tx);
  });
}
