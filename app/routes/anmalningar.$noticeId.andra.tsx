import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, useValidatedForm } from "~/components/form";
import { NoticeFields } from "~/components/notice-fields";
import { invalid, parseForm } from "~/lib/form.server";
import { requireRole } from "~/modules/auth/actor.server";
import { noticeSchema } from "~/modules/notices/notice-schema";
import { correctNotice, readSchoolNotice } from "~/modules/notices/school-notices.server";
import { listMunicipalities } from "~/modules/organizations/municipalities.server";

export const meta: MetaFunction = () => [{ title: "Rätta anmälan – Samverkansportalen" }];

/** The school corrects its notice until the home municipality has received it; the earlier values are kept. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  const { notice: n, editable, notEditableReason } = readSchoolNotice(actor, Number(params.noticeId));
  return {
    id: n.id,
    editable,
    notEditableReason,
    values: {
      kind: n.kind,
      personalNumber: n.personalNumberFormatted,
      firstName: n.firstName,
      lastName: n.lastName,
      homeMunicipalityId: String(n.homeMunicipalityId),
      programme: n.programme,
      eventDate: n.eventDate,
      reason: n.reason ?? "",
      contactName: n.contactName,
      contactPhone: n.contactPhone ?? "",
      contactEmail: n.contactEmail ?? "",
    },
    municipalities: editable ? listMunicipalities() : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  const noticeId = Number(params.noticeId);
  const form = await parseForm(request, noticeSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const result = correctNotice(actor, noticeId, form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  return redirect(`/anmalningar/${noticeId}?klart=rattad`);
}

export default function CorrectNotice() {
  const { id, editable, notEditableReason, values, municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(noticeSchema, {
    defaultValues: actionData?.values ?? values,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/anmalningar/${id}`}>Tillbaka till anmälan</Link>
      </p>
      <h1>Rätta anmälan</h1>
      {editable ? (
        <>
          <p>Ändra det som blev fel och spara. Hemkommunen ser den rättade anmälan; de tidigare uppgifterna sparas i anmälans historik.</p>
          <ErrorSummary errors={actionData?.errors} />
          <Form {...formProps}>
            <NoticeFields register={register} errorFor={errorFor} municipalities={municipalities} />
            <button type="submit" className="button" disabled={submitting}>
              Spara rättelsen
            </button>
          </Form>
        </>
      ) : (
        <p className="alert alert--warning">{notEditableReason}</p>
      )}
    </div>
  );
}
