import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { LetterSheet } from "~/components/letter-page";
import { todayIso } from "~/lib/dates";
import { fieldErrors } from "~/lib/form-fields";
import { invalid, parseForm } from "~/lib/form.server";
import { notFound } from "~/lib/http";
import { openYouthFile } from "~/modules/access/gate.server";
import { requireActor } from "~/modules/auth/actor.server";
import { recordContactAttempt } from "~/modules/outreach/contacts.server";
import { buildLetter, letterOptionsSchema } from "~/modules/outreach/letter.server";
import { LETTER_LANGUAGE_LABELS, LETTER_LANGUAGES, letterBySlug } from "~/modules/outreach/letters";

export const meta: MetaFunction = () => [{ title: "Brev – Samverkansportalen" }];

function requireLetter(slug: string | undefined) {
  const letter = letterBySlug(slug);
  if (!letter) throw notFound();
  return letter;
}

/**
 * The letter as it will print. Language and (for a visit) date and time come from the GET form;
 * until a visit's time is entered, only the form shows.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const letter = requireLetter(params.mall);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "enrollment"], registerKeeperOnly: true });
  const query = new URL(request.url).searchParams;
  const raw = { sprak: query.get("sprak") ?? undefined, datum: query.get("datum") ?? undefined, tid: query.get("tid") ?? undefined };
  const parsed = letterOptionsSchema(letter).safeParse(raw);
  // Before the form is sent the visit's time is simply not entered yet: no error, no letter.
  const waiting = letter.visit !== null && raw.tid === undefined;
  const errors = parsed.success || waiting ? {} : fieldErrors(parsed.error);
  const options = parsed.success ? parsed.data : { language: raw.sprak === "en" ? ("en" as const) : ("sv" as const), visit: null };
  const built = buildLetter(file, letter, options);
  const values = { sprak: options.language, datum: raw.datum ?? (letter.visit === "made" ? todayIso() : ""), tid: raw.tid ?? "" };
  const body = {
    youthId: file.id,
    letter: { label: letter.label, slug: letter.slug, visit: letter.visit },
    values,
    errors,
    ready: parsed.success && built.ok,
    built,
    isCoordinator: actor.role === "kaa_coordinator",
  };
  return json(body, { status: Object.keys(errors).length > 0 ? 400 : 200 });
}

/** Sending the letter is a contact attempt through its channel (to the guardians too, if marked). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const letter = requireLetter(params.mall);
  const youthId = params.youthId ?? "";
  const form = await parseForm(request, letterOptionsSchema(letter));
  if (!form.ok) return invalid(form.errors, form.values);
  const file = openYouthFile(actor, youthId, { read: ["identity", "enrollment"], write: ["contacts", "enrollment"], registerKeeperOnly: true });
  const built = buildLetter(file, letter, form.data);
  if (!built.ok) return invalid({ form: `Brevet kan inte skickas: enhetens kontaktuppgifter saknas (${built.missing.join(", ").toLowerCase()}).` });
  const { visit, language } = form.data;
  const details = [visit ? `besök ${visit.date} kl. ${visit.time}` : null, language === "en" ? "på engelska" : null].filter(Boolean).join(", ");
  const base = {
    channel: letter.channel,
    // A knock card is left at the visit it tells of.
    date: letter.visit === "made" && visit ? visit.date : todayIso(),
    outcome: "message_left" as const,
    letterTemplate: letter.key,
    note: details ? `${letter.sentNote} (${details})` : letter.sentNote,
    occupation: undefined,
    occupationNote: undefined,
    secondStaff: undefined,
  };
  const guardianPages = built.pages.filter((p) => p.to === "guardian").length;
  const result = recordContactAttempt(file, { ...base, target: "youth" });
  if (!result.ok) return invalid(result.errors);
  if (guardianPages > 0 && form.values.guardianToo === "on") {
    const guardian = recordContactAttempt(file, { ...base, target: "guardian", note: `${base.note}, ${guardianPages} brev till vårdnadshavare` });
    if (!guardian.ok) return invalid(guardian.errors);
  }
  return redirect(`/ungdomar/${youthId}#kontakter`);
}

export default function Letter() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = { ...data.errors, ...(actionData?.errors ?? {}) };
  const built = data.built;
  const guardianPages = built.ok ? built.pages.filter((p) => p.to === "guardian") : [];
  return (
    <>
      <div className="no-print">
        <p className="breadcrumbs">
          <Link to={`/ungdomar/${data.youthId}`}>Tillbaka till ungdomen</Link>
        </p>
        <h1>{data.letter.label}</h1>
        {!built.ok ? (
          <div className="alert alert--warning" role="alert">
            <p>
              Brevet kan inte skrivas ut: KAA-enhetens kontaktuppgifter är inte ifyllda, så ungdomen skulle inte kunna svara. Det som saknas:{" "}
              {built.missing.join(", ").toLowerCase()}.
            </p>
            <p>
              {data.isCoordinator ? <Link to="/kontaktuppgifter">Fyll i enhetens kontaktuppgifter</Link> : "Be KAA-samordnaren fylla i dem under "}
              {data.isCoordinator ? null : <Link to="/kontaktuppgifter">Enhetens kontaktuppgifter</Link>}.
            </p>
          </div>
        ) : null}
        {errors.form ? (
          <p className="alert alert--error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <Form method="get" className="card">
          <h2>{data.letter.visit ? "Språk och besök" : "Språk"}</h2>
          <div className="field">
            <label htmlFor="sprak">Brevets språk</label>
            <select id="sprak" name="sprak" defaultValue={data.values.sprak}>
              {LETTER_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LETTER_LANGUAGE_LABELS[l]}
                </option>
              ))}
            </select>
          </div>
          {data.letter.visit ? <VisitFields values={data.values} errors={errors} made={data.letter.visit === "made"} /> : null}
          <button type="submit" className="button button--secondary">
            Visa brevet
          </button>
        </Form>
        {data.ready && built.ok ? (
          <Form method="post" className="card">
            <p>Skriv ut brevet (Ctrl+P) och registrera sedan att det är skickat. Då flyttas kontaktrutinen till nästa steg.</p>
            <input type="hidden" name="sprak" value={data.values.sprak} />
            {data.letter.visit ? (
              <>
                <input type="hidden" name="datum" value={data.values.datum} />
                <input type="hidden" name="tid" value={data.values.tid} />
              </>
            ) : null}
            {guardianPages.length > 0 ? (
              <div className="field field--checkbox">
                <input id="guardianToo" name="guardianToo" type="checkbox" defaultChecked />
                <label htmlFor="guardianToo">
                  Breven till vårdnadshavarna skickas också ({guardianPages.map((p) => p.recipient).join(", ")}), ett brev till var och en eftersom ungdomen är
                  under 18 år
                </label>
              </div>
            ) : null}
            <button type="submit" className="button">
              Registrera som skickat
            </button>
          </Form>
        ) : null}
      </div>
      {data.ready && built.ok
        ? built.pages.map((page) => (
            <LetterSheet key={`${page.to}-${page.recipient}`} page={page} protectedAddress={built.protectedAddress} lang={data.values.sprak} />
          ))
        : null}
    </>
  );
}

function VisitFields({ values, errors, made }: { values: { datum: string; tid: string }; errors: Record<string, string>; made: boolean }) {
  return (
    <>
      {[
        { name: "datum" as const, label: made ? "Besökets datum (ÅÅÅÅ-MM-DD)" : "Datum för hembesöket (ÅÅÅÅ-MM-DD)", type: "date" },
        { name: "tid" as const, label: made ? "Tid då ni knackade på (TT:MM)" : "Tid för hembesöket (TT:MM)", type: "time" },
      ].map((f) => (
        <div key={f.name} className={`field${errors[f.name] ? " field--error" : ""}`}>
          <label htmlFor={f.name}>{f.label}</label>
          <input
            id={f.name}
            name={f.name}
            type={f.type}
            defaultValue={values[f.name]}
            required
            aria-invalid={errors[f.name] ? true : undefined}
            aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
          />
          {errors[f.name] ? (
            <p className="field__error" id={`${f.name}-error`}>
              {errors[f.name]}
            </p>
          ) : null}
        </div>
      ))}
    </>
  );
}
