import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, useValidatedForm } from "~/components/form";
import { NoticeFields } from "~/components/notice-fields";
import { formatDateTime } from "~/lib/format";
import { invalid, parseForm } from "~/lib/form.server";
import { fileNotices } from "~/modules/notices/notices.server";
import { findOpenDuplicate } from "~/modules/notices/school-notices.server";
import { requireRole } from "~/modules/auth/actor.server";
import { noticeSchema } from "~/modules/notices/notice-schema";
import { listMunicipalities, municipalitiesWithKaaUnit } from "~/modules/organizations/municipalities.server";

export const meta: MetaFunction = () => [{ title: "Ny anmälan – Samverkansportalen" }];

const DUPLICATE_MESSAGE =
  "Skolan har redan en öppen anmälan av samma slag om den här eleven till samma hemkommun. Kontrollera den först; skicka bara en ny om den behövs.";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  return { municipalities: listMunicipalities(), contactName: actor.displayName };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  const form = await parseForm(request, noticeSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  // A duplicate of an open notice is flagged and sent only when the school confirms ("Skicka ändå").
  const duplicate = form.values.skickaAnda === "on" ? null : findOpenDuplicate(actor, form.data);
  if (duplicate) {
    const { skickaAnda: _ignored, ...values } = form.values;
    return json({ ok: false as const, errors: { form: DUPLICATE_MESSAGE } as Record<string, string>, values, duplicate }, { status: 409 });
  }
  const [id] = fileNotices(actor, [form.data]);
  // No KAA unit in the portal: nothing was sent; the school gets the notice to print and send.
  if (!municipalitiesWithKaaUnit([form.data.homeMunicipalityId]).size) return redirect(`/anmalningar/${id}?ny=manuell`);
  return redirect("/anmalningar?skickade=1");
}

export default function NewNotice() {
  const { municipalities, contactName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const duplicate = actionData && "duplicate" in actionData ? (actionData.duplicate as { id: number; createdAt: string }) : null;
  const { register, errorFor, formProps, submitting } = useValidatedForm(noticeSchema, {
    defaultValues: actionData?.values ?? { contactName },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <h1>Ny anmälan</h1>
      <p>
        Anmälan skickas direkt till KAA-enheten i elevens hemkommun. Finns hemkommunens KAA-enhet inte i portalen får ni i stället en utskrift att skicka med
        post eller e-post.
      </p>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        {duplicate ? (
          <div className="alert alert--warning" role="alert">
            <p>
              <strong>Möjlig dubblett.</strong> <Link to={`/anmalningar/${duplicate.id}`}>Anmälan skickad {formatDateTime(duplicate.createdAt)}</Link> gäller
              samma elev, samma slag och samma hemkommun och är inte avslutad.
            </p>
            <div className="field field--checkbox">
              <input id="f-skickaAnda" type="checkbox" name="skickaAnda" />
              <label htmlFor="f-skickaAnda">Skicka ändå, det är en ny händelse</label>
            </div>
          </div>
        ) : null}
        <NoticeFields register={register} errorFor={errorFor} municipalities={municipalities} />
        <button type="submit" className="button" disabled={submitting}>
          Skicka anmälan
        </button>
      </Form>
    </div>
  );
}
