import { SelectField, TextField, type Register } from "./form";
import { RESPONSIBLE_PARTY_LABELS } from "~/modules/documentation/labels";

type Props = {
  register: Register;
  errorFor: (name: string) => string | undefined;
  types: { id: number; name: string }[];
  organisations: { id: number; name: string; municipalityName: string }[];
  /** The first follow-up date is asked when the insats is added; later ones on its page. Null: none (a closed insats). */
  followUpLabel: string | null;
};

/** The fields of an intervention, shared by adding one and changing it. */
export function InterventionFields({ register, errorFor, types, organisations, followUpLabel }: Props) {
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <>
      <fieldset>
        <legend>Insatsen</legend>
        <SelectField
          {...field("typeId")}
          label="Typ av insats"
          required
          options={types.map((t) => ({ value: String(t.id), label: t.name }))}
          hint="Ur kommunens insatskatalog, som KAA-samordnaren för."
        />
        <TextField {...field("description")} label="Kort beskrivning (frivilligt)" hint="Till exempel ”praktik 4 veckor, 20 tim/vecka”." />
        <TextField {...field("provider")} label="Anordnare (frivilligt)" hint="Vem som genomför insatsen, till exempel ”Komvux Nässjö”." />
      </fieldset>
      <fieldset>
        <legend>Vem ansvarar</legend>
        <SelectField
          {...field("responsibleParty")}
          label="Ansvarig"
          required
          options={Object.entries(RESPONSIBLE_PARTY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField {...field("responsibleUnit")} label="Enhet i kommunen (om kommunen ansvarar)" hint="Till exempel KAA-enheten eller Vuxenutbildningen." />
        <SelectField
          {...field("responsibleOrganisationId")}
          label="Organisation (om en annan aktör ansvarar)"
          options={organisations.map((o) => ({ value: String(o.id), label: `${o.name} (${o.municipalityName})` }))}
        />
        <TextField {...field("responsibleOrganisationName")} label="Annan organisation, om den inte finns i listan" hint="Till exempel BUP Höglandet." />
      </fieldset>
      <fieldset>
        <legend>Tid och uppföljning</legend>
        <TextField {...field("startDate")} label="Startdatum" type="date" required />
        <TextField {...field("plannedEndDate")} label="Planerat slutdatum" type="date" required />
        {followUpLabel ? (
          <TextField {...field("followUpDate")} label={followUpLabel} type="date" hint="Uppföljningen hamnar på handläggarens att göra-lista." />
        ) : null}
      </fieldset>
    </>
  );
}
