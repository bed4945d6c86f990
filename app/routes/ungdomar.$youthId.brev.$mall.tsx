import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { todayIso } from "~/lib/dates";
import { invalid, readFormData } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { recordContactAttempt } from "~/modules/outreach/contacts.server";
import { readYouthFile } from "~/modules/youth/youth-file.server";
import { requireActor } from "~/modules/auth/actor.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { letterBySlug } from "~/modules/outreach/letters";

export const meta: MetaFunction = () => [{ title: "Brev – Samverkansportalen" }];

function requireLetter(slug: string | undefined) {
  const letter = letterBySlug(slug);
  if (!letter) throw notFound();
  return letter;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const letter = requireLetter(params.mall);
  // The letter needs the address: a protected one is opened only to whoever may see it, and logged.
  const youth = readYouthFile(openYouthFile(actor, params.youthId ?? "", { read: ["identity", "protected_address"], registerKeeperOnly: true }));
  const date = todayIso();
  const address = youth.address.kind === "protected" ? null : youth.address;
  return {
    youthId: youth.id,
    letter: { label: letter.label, heading: letter.heading, slug: letter.slug },
    paragraphs: letter.paragraphs({
      firstName: youth.firstName,
      unitName: actor.organisationName ?? "KAA-enheten",
      municipalityName: actor.municipalityName ?? "kommunen",
      caseworkerName: actor.displayName,
      date,
    }),
    recipient: `${youth.firstName} ${youth.lastName}`,
    address,
    protectedIdentity: youth.protectedIdentity,
    guardians: youth.age < 18 ? youth.guardians.map((g) => g.name) : [],
    date,
  };
}

/** Sending the letter is a contact attempt through its channel (to the guardian too, if marked). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const letter = requireLetter(params.mall);
  const youthId = params.youthId ?? "";
  const form = await readFormData(request);
  const base = {
    channel: letter.channel,
    date: todayIso(),
    outcome: "message_left" as const,
    letterTemplate: letter.key,
    note: `${letter.label} skickat`,
    occupation: undefined,
    occupationNote: undefined,
    secondStaff: undefined,
  };
  const file = openYouthFile(actor, youthId, { write: ["contacts", "enrollment"] });
  const result = recordContactAttempt(file, { ...base, target: "youth" });
  if (!result.ok) return invalid(result.errors);
  if (form.get("guardianToo") === "on") {
    const guardian = recordContactAttempt(file, { ...base, target: "guardian" });
    if (!guardian.ok) return invalid(guardian.errors);
  }
  return redirect(`/ungdomar/${youthId}#kontakter`);
}

export default function Letter() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <div className="no-print">
        <p className="breadcrumbs">
          <Link to={`/ungdomar/${data.youthId}`}>Tillbaka till ungdomen</Link>
        </p>
        <h1>{data.letter.label}</h1>
        <p>Skriv ut brevet (Ctrl+P) och registrera sedan att det är skickat. Då flyttas kontaktrutinen till nästa steg.</p>
        {actionData?.errors?.form ? (
          <p className="alert alert--error" role="alert">
            {actionData.errors.form}
          </p>
        ) : null}
        <Form method="post" className="card">
          {data.guardians.length > 0 ? (
            <div className="field field--checkbox">
              <input id="guardianToo" name="guardianToo" type="checkbox" defaultChecked />
              <label htmlFor="guardianToo">Ett brev skickas även till vårdnadshavare ({data.guardians.join(", ")}), eftersom ungdomen är under 18 år</label>
            </div>
          ) : null}
          <button type="submit" className="button">
            Registrera som skickat
          </button>
        </Form>
      </div>
      <article className="letter" aria-label="Brevet">
        <div className="letter__address">
          <span className="block">{data.recipient}</span>
          {data.address ? (
            <>
              {data.address.streetAddress ? <span className="block">{data.address.streetAddress}</span> : null}
              <span className="block">{[data.address.postalCode, data.address.city].filter(Boolean).join(" ")}</span>
            </>
          ) : (
            <span className="block">[Skyddad adress – kuvertet adresseras av KAA-samordnaren]</span>
          )}
        </div>
        <p className="letter__date">{data.date}</p>
        <h2>{data.letter.heading}</h2>
        {data.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </article>
    </>
  );
}
