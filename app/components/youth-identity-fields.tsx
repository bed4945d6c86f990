import { CheckboxField, SelectField, TextField } from "./form";
import type { Register } from "./form";

type Props = {
  register: Register;
  errorFor: (name: string) => string | undefined;
  municipalities: { id: number; name: string }[];
  addressEditable: boolean;
};

/** The identity fields shared by registering and correcting a youth. */
export function YouthIdentityFields({ register, errorFor, municipalities, addressEditable }: Props) {
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <>
      <fieldset>
        <legend>Namn och hemkommun</legend>
        <TextField {...field("firstName")} label="Förnamn" autoComplete="off" required />
        <TextField {...field("lastName")} label="Efternamn" autoComplete="off" required />
        <SelectField
          {...field("homeMunicipalityId")}
          label="Hemkommun (folkbokföringskommun)"
          required
          options={municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <CheckboxField
          {...field("protectedIdentity")}
          label="Skyddad identitet (sekretessmarkering)"
          hint="Adressen visas då bara för KAA-samordnaren, och varje visning loggas."
        />
      </fieldset>
      <fieldset>
        <legend>Kontaktuppgifter</legend>
        {addressEditable ? (
          <>
            <TextField {...field("streetAddress")} label="Gatuadress" autoComplete="off" />
            <TextField {...field("postalCode")} label="Postnummer" autoComplete="off" inputMode="numeric" />
            <TextField {...field("city")} label="Ort" autoComplete="off" />
          </>
        ) : (
          <p className="alert alert--info">Ungdomen har skyddad identitet. Adressen kan bara ses och ändras av KAA-samordnaren.</p>
        )}
        <TextField {...field("phone")} label="Telefon" type="tel" autoComplete="off" inputMode="tel" />
        <TextField {...field("email")} label="E-post" type="email" autoComplete="off" inputMode="email" />
      </fieldset>
      {[1, 2].map((n) => (
        <fieldset key={n}>
          <legend>Vårdnadshavare {n} (för ungdomar under 18 år)</legend>
          <TextField {...field(`guardian${n}Name`)} label="Namn" autoComplete="off" />
          <TextField {...field(`guardian${n}Phone`)} label="Telefon" type="tel" autoComplete="off" inputMode="tel" />
          <TextField {...field(`guardian${n}Email`)} label="E-post" type="email" autoComplete="off" inputMode="email" />
        </fieldset>
      ))}
    </>
  );
}
