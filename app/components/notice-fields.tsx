import { NOTICE_KIND_LABELS, NOTICE_KINDS, NOTICE_REASON_MAX } from "~/modules/notices/notice-schema";
import { SelectField, TextField, type Register } from "./form";

type MunicipalityOption = { id: number; name: string; countyCode?: string | null; countyName?: string | null };

/**
 * The municipalities as select groups, one per län in länskod order (SCB's order), names sorted
 * within; one added by hand without a län is listed first. A native select: works without JavaScript.
 */
export function municipalitiesByCounty(municipalities: readonly MunicipalityOption[]) {
  const option = (m: MunicipalityOption) => ({ value: String(m.id), label: m.name });
  const byName = (a: MunicipalityOption, b: MunicipalityOption) => a.name.localeCompare(b.name, "sv");
  const counties = new Map<string, { label: string; members: MunicipalityOption[] }>();
  for (const m of municipalities) {
    if (!m.countyCode || !m.countyName) continue;
    const county = counties.get(m.countyCode) ?? { label: m.countyName, members: [] };
    county.members.push(m);
    counties.set(m.countyCode, county);
  }
  return {
    ungrouped: municipalities
      .filter((m) => !m.countyCode || !m.countyName)
      .sort(byName)
      .map(option),
    groups: [...counties.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, county]) => ({ label: county.label, options: county.members.sort(byName).map(option) })),
  };
}

/** The fields of a school notice. */
export function NoticeFields({
  register,
  errorFor,
  municipalities,
}: {
  register: Register;
  errorFor: (name: string) => string | undefined;
  municipalities: MunicipalityOption[];
}) {
  const { ungrouped, groups } = municipalitiesByCounty(municipalities);
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <>
      <SelectField {...field("kind")} label="Anmälan gäller" required options={NOTICE_KINDS.map((value) => ({ value, label: NOTICE_KIND_LABELS[value] }))} />
      <fieldset>
        <legend>Eleven</legend>
        <TextField
          {...field("personalNumber")}
          label="Personnummer eller samordningsnummer"
          hint="10 eller 12 siffror, till exempel 20080412-1234."
          autoComplete="off"
          inputMode="numeric"
          required
        />
        <TextField {...field("firstName")} label="Förnamn" autoComplete="off" required />
        <TextField {...field("lastName")} label="Efternamn" autoComplete="off" required />
        <SelectField
          {...field("homeMunicipalityId")}
          label="Elevens hemkommun (folkbokföringskommun)"
          hint="Alla Sveriges kommuner, ordnade efter län. Anmälan går till hemkommunens KAA-enhet, även om den är en annan kommun än skolans. Finns kommunens KAA-enhet inte i portalen får ni en anmälan att skriva ut och skicka."
          required
          options={ungrouped}
          groups={groups}
        />
        <TextField {...field("programme")} label="Program" required />
        <TextField {...field("eventDate")} label="Datum för händelsen" type="date" hint="ÅÅÅÅ-MM-DD. Till exempel dagen studierna avbröts." required />
      </fieldset>
      <div className="alert alert--warning">
        <strong>Skriv inga känsliga uppgifter.</strong> Ange inte hälsa, diagnoser, familjeförhållanden eller liknande. Hemkommunen behöver bara veta vad som
        hänt och vem de kan kontakta på skolan.
      </div>
      <TextField {...field("reason")} label={`Kort orsak (frivilligt, högst ${NOTICE_REASON_MAX} tecken)`} autoComplete="off" />
      <fieldset>
        <legend>Kontaktperson på skolan</legend>
        <TextField {...field("contactName")} label="Namn" autoComplete="name" required />
        <TextField {...field("contactPhone")} label="Telefon" type="tel" autoComplete="tel" />
        <TextField {...field("contactEmail")} label="E-post" type="email" autoComplete="email" />
      </fieldset>
    </>
  );
}
