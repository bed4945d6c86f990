/**
 * /ungdomar/:youthId/mognad: the caseworker or samordnare records that a youth of 16 or 17 is mature
 * enough to decide alone about their file, with the reason, or ends that decision. While it is in force
 * the guardians see nothing of the youth on Mina sidor (from their next page). Each step is a logged
 * write of the enrollment section.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextAreaField } from "~/components/form";
import { useIntentForm, type IntentResult } from "~/components/intent-form";
import { doneFor, invalidFor, parseForm } from "~/lib/form.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { requireActor } from "~/modules/auth/actor.server";
import { endMaturityDecision, mayDecideAlone, maturityDecisionsOf, recordMaturityDecision } from "~/modules/youth/maturity.server";
import { maturitySchema } from "~/modules/youth/maturity-schema";
import { z } from "zod";

export const meta: MetaFunction = () => [{ title: "Ungdomen bestämmer själv – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity", "enrollment"], registerKeeperOnly: true });
  const decisions = maturityDecisionsOf(file);
  return {
    youthId: file.id,
    name: `${file.youth.firstName} ${file.youth.lastName}`,
    mayDecide: mayDecideAlone(file.youth.birthDate),
    inForce: decisions.find((d) => d.endedAt === null) ?? null,
    decisions,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const file = openYouthFile(actor, params.youthId ?? "", { read: ["identity"], write: ["enrollment"], registerKeeperOnly: true });
  const intent = new URL(request.url).searchParams.get("atgard");
  if (intent === "avsluta") {
    await parseForm(request, z.object({}));
    const result = endMaturityDecision(file);
    return result.ok
      ? doneFor("avsluta", "Beslutet är avslutat. Vårdnadshavarna kan åter se uppgifterna på Mina sidor.")
      : invalidFor("avsluta", result.errors);
  }
  const form = await parseForm(request, maturitySchema);
  if (!form.ok) return invalidFor("besluta", form.errors, form.values);
  const result = recordMaturityDecision(file, form.data);
  if (!result.ok) return invalidFor("besluta", result.errors, form.values);
  return doneFor("besluta", "Beslutet är sparat. Vårdnadshavarna ser inte längre ungdomens uppgifter på Mina sidor.");
}

export default function MaturityPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult | undefined;
  const form = useIntentForm(result, "besluta", maturitySchema, { note: "" });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/ungdomar/${data.youthId}`}>Tillbaka till {data.name}</Link>
      </p>
      <h1>Ungdomen bestämmer själv</h1>
      <p>
        En ungdom som är 16 eller 17 år och mogen nog kan själv bestämma över sina uppgifter. När du har gjort den bedömningen ser vårdnadshavarna inte längre
        ungdomens uppgifter på Mina sidor. Skriv varför du bedömer att ungdomen är mogen nog. Beslutet kan avslutas.
      </p>
      {result?.ok ? (
        <p className="alert alert--success" role="status">
          {result.message}
        </p>
      ) : null}
      {result && !result.ok && result.intent === "avsluta" ? <ErrorSummary errors={result.errors} /> : null}
      {data.inForce ? (
        <section aria-labelledby="gallande-rubrik" className="card">
          <h2 id="gallande-rubrik">Gällande beslut</h2>
          <p>
            Beslutat {data.inForce.decidedOn} av {data.inForce.decidedBy}: {data.inForce.note}
          </p>
          <Form method="post" action="?atgard=avsluta">
            <button type="submit" className="button button--secondary">
              Avsluta beslutet
            </button>
          </Form>
        </section>
      ) : data.mayDecide ? (
        <Form {...form.formProps} action="?atgard=besluta" aria-labelledby="besluta-rubrik">
          <h2 id="besluta-rubrik">Nytt beslut</h2>
          <ErrorSummary errors={form.errors} />
          <TextAreaField {...form.field("note")} label="Varför kan ungdomen bestämma själv?" required maxLength={500} />
          <button type="submit" className="button" disabled={form.submitting}>
            Spara beslutet
          </button>
        </Form>
      ) : (
        <p className="alert alert--info">Ungdomen är inte 16 eller 17 år. Bedömningen görs bara för ungdomar i den åldern.</p>
      )}
      {data.decisions.length > 0 ? (
        <section aria-labelledby="historik-rubrik">
          <h2 id="historik-rubrik">Tidigare beslut</h2>
          <ul>
            {data.decisions.map((d) => (
              <li key={d.id}>
                {d.decidedOn}, {d.decidedBy}: {d.note}
                {d.endedAt ? ` Avslutat ${d.endedAt.slice(0, 10)} av ${d.endedBy ?? "okänd"}.` : " Gäller."}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
