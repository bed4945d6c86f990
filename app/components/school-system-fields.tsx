import { CheckboxField, SelectField, TextField, type Register } from "~/components/form";
import { formatDateTime } from "~/lib/format";

type SchoolOption = { id: number; name: string; organiser: string | null; municipalityName: string };

/** The fields of an SS 12000 connection; the secret is write-only (never filled in from the server). */
export function SchoolSystemFields({
  register,
  errorFor,
  schools,
  hasSecret,
}: {
  register: Register;
  errorFor: (name: string) => string | undefined;
  schools: SchoolOption[];
  hasSecret: boolean;
}) {
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <>
      <SelectField
        {...field("organisationId")}
        label="Skola"
        hint="Skolan vars listor hämtas. Skolans kommun avgör vems listorna är."
        required
        options={schools.map((s) => ({ value: String(s.id), label: `${s.name} – ${s.organiser ?? "okänd huvudman"} (${s.municipalityName})` }))}
      />
      <TextField {...field("name")} label="Namn på kopplingen" hint="Till exempel skolsystemets namn." required />
      <TextField
        {...field("baseUrl")}
        label="API-adress (SS 12000)"
        hint="Adressen som /persons och /organisations läggs till, till exempel https://skolsystem.kommun.se/v2.0."
        type="url"
        required
      />
      <TextField
        {...field("tokenUrl")}
        label="Tokenadress (OAuth2)"
        hint="Där portalen hämtar en åtkomsttoken med klient-id och klienthemlighet."
        type="url"
        required
      />
      <TextField {...field("clientId")} label="Klient-id" autoComplete="off" required />
      <TextField
        {...field("clientSecret")}
        label="Klienthemlighet"
        type="password"
        autoComplete="new-password"
        hint={hasSecret ? "En hemlighet är sparad och visas inte. Lämna fältet tomt för att behålla den." : "Visas aldrig igen efter att den sparats."}
        required={!hasSecret}
      />
      <TextField {...field("scope")} label="Scope" hint="Frivilligt. Bara om skolsystemets leverantör kräver det." autoComplete="off" />
      <CheckboxField {...field("enabled")} label="Kopplingen är aktiv" />
    </>
  );
}

/** The posted values to give back with a 400: never the secret. */
export function withoutSecret<T extends Record<string, unknown>>(values: T) {
  const { clientSecret: _secret, ...rest } = values;
  return rest;
}

/** The last fetch, as the systemförvaltare reads it. */
export function RunStatus({ c }: { c: { lastRunAt: string | null; lastStatus: string | null; lastMessage: string | null } }) {
  if (!c.lastRunAt) return <>Aldrig hämtat</>;
  return (
    <>
      <strong>{c.lastStatus === "ok" ? "Lyckades" : "Misslyckades"}</strong> {formatDateTime(c.lastRunAt)}
      {c.lastMessage ? <span className="muted">. {c.lastMessage}</span> : null}
    </>
  );
}
