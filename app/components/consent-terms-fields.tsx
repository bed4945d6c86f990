import { CheckboxGroup, TextAreaField, TextField, optionsOf, type Register } from "~/components/form";
import { CONSENT_SECTION_LABELS } from "~/modules/consent/labels";

type Props = {
  register: Register;
  errorFor: (name: string) => string | undefined;
  /** The values sent back after a refused submit, for the checkboxes to stay checked. */
  values: Record<string, unknown>;
  organisations: { id: number; name: string; municipalityName: string }[];
};

/** The terms of a consent (to whom, which parts, why, for how long): the same in a recorded consent and one prepared for the youth. */
export function ConsentTermsFields({ register, errorFor, values, organisations }: Props) {
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  const selected = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : [];
  };
  return (
    <>
      <CheckboxGroup
        name="recipientOrganisationIds"
        legend="Mottagare som får ta del av uppgifterna"
        options={organisations.map((o) => ({ value: String(o.id), label: `${o.name} (${o.municipalityName})` }))}
        register={register}
        error={errorFor("recipientOrganisationIds")}
        selected={selected("recipientOrganisationIds")}
      />
      <CheckboxGroup
        name="sections"
        legend="Delar av akten som får lämnas ut"
        hint="Namn och personnummer följer alltid med det som delas, så att mottagaren vet vem uppgifterna gäller. En skyddad adress lämnas aldrig ut."
        options={optionsOf(CONSENT_SECTION_LABELS)}
        register={register}
        error={errorFor("sections")}
        selected={selected("sections")}
      />
      <TextAreaField {...field("purpose")} label="Syfte" maxLength={300} required hint="Till exempel ”Samordna stöd från socialtjänsten inför studiestart”." />
      <div className="inline-fields">
        <TextField {...field("validFrom")} label="Gäller från" type="date" required />
        <TextField {...field("validUntil")} label="Gäller till" type="date" required hint="Normalt tolv månader." />
      </div>
    </>
  );
}
