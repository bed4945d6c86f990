/**
 * Swedish words of the reconciliation, and the evidence of a proposal in sentences the samordnare
 * can check against the sources. No database here: the page renders them.
 */
import { PROPOSAL_KINDS, type ProposalKind } from "#db/schema/reconciliation-values";

// The pages take the value list from here, not from db/.
export { PROPOSAL_KINDS, type ProposalKind };
import type { Evidence } from "./target-group";

export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  register: "I målgruppen men inte i registret",
  absence: "Betydande ogiltig frånvaro",
  end_national_programme: "Började nationellt program",
  end_introduction_programme: "Började introduktionsprogram",
  end_completed: "Fullföljd utbildning",
  end_moved: "Flyttade",
  end_died: "Avliden",
  end_turned_20: "Fyllde 20 år",
  not_resident: "Inskriven här men folkbokförd i annan kommun",
};

/** What accepting does, per kind. */
export const PROPOSAL_EFFECT: Record<ProposalKind, string> = {
  register: "Registreras med startorsak ”Registerkontroll”.",
  absence: "Registreras som vid en anmälan om frånvaro.",
  end_national_programme: "Inskrivningen avslutas: ”Började nationellt program”.",
  end_introduction_programme: "Inskrivningen avslutas: ”Började introduktionsprogram”.",
  end_completed: "Inskrivningen avslutas: ”Fullföljd utbildning”.",
  end_moved: "Inskrivningen avslutas: ”Flyttade från kommunen”.",
  end_died: "Inskrivningen avslutas: ”Avliden”. Inga brev skickas.",
  end_turned_20: "Inskrivningen avslutas: ”Fyllde 20 år”.",
  not_resident: "Kvitteras. Skolan ska anmäla till elevens hemkommun; registret ändras inte.",
};

const OUTCOME_LABELS = { avbrott: "avbrott", studiebevis: "studiebevis", examen: "examensbevis" } as const;

export type MunicipalityNames = ReadonlyMap<string, { name: string; inPortal: boolean }>;

/** The evidence as sentences: what the extract says, what the schools' lists say, and the register. */
export function evidenceLines(kind: ProposalKind, e: Evidence, municipalities: MunicipalityNames, schoolNames: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  const pop = e.population;
  if (!pop) lines.push("Finns inte i folkbokföringsuttaget.");
  else {
    if (pop.deceasedOn) lines.push(`Avliden ${pop.deceasedOn} enligt folkbokföringen.`);
    if (pop.residentHere) lines.push(pop.movedInOn ? `Folkbokförd i kommunen, inflyttad ${pop.movedInOn}.` : "Folkbokförd i kommunen.");
    else if (pop.movedOutOn) {
      const to = pop.movedToCode ? municipalities.get(pop.movedToCode) : undefined;
      const where = pop.movedToCode ? (to ? `${to.name} kommun` : `kommun ${pop.movedToCode}`) : "utlandet eller okänd ort";
      // Where a youth with skyddad identitet moved is not shown, not even the municipality.
      if (pop.protectedIdentity) lines.push(`Utflyttad ${pop.movedOutOn}.`);
      else lines.push(`Utflyttad ${pop.movedOutOn} till ${where}.${to?.inPortal ? ` ${to.name} kommuns KAA-enhet finns i portalen.` : ""}`);
    } else if (!pop.deceasedOn) lines.push("Inte folkbokförd i kommunen.");
    if (pop.protectedIdentity) lines.push("Skyddad identitet: adressen hämtas inte.");
  }
  for (const p of e.placements) {
    const school = schoolNames.get(p.schoolUnitCode) ?? `skolenhet ${p.schoolUnitCode}`;
    const what = p.kind === "year9" ? "Årskurs 9" : `${p.schoolType}${p.programmeCode ? ` ${p.programmeCode}` : ""}`;
    const period = [p.startDate ? `från ${p.startDate}` : null, p.endDate ? `till ${p.endDate}` : null].filter(Boolean).join(" ");
    const outcome = p.outcome ? `, ${OUTCOME_LABELS[p.outcome]}` : "";
    lines.push(`${what} vid ${school}${period ? ` ${period}` : ""}${outcome}.`);
  }
  if (e.placements.length === 0) lines.push("Finns inte på någon skollista.");
  if (e.absencePercent !== undefined) lines.push(`Ogiltig frånvaro ${String(e.absencePercent).replace(".", ",")} % av erbjuden tid.`);
  if (e.register === "open") lines.push("Inskriven i registret.");
  if (e.register === "ended") lines.push("Finns i registret med avslutad inskrivning.");
  if (kind === "not_resident" && e.listRows) lines.push(`Rad ${e.listRows.map((r) => r.rowNumber).join(", ")} i skolans lista.`);
  return lines;
}
