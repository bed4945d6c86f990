import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, useValidatedForm } from "~/components/form";
import { NoticeFields } from "~/components/notice-fields";
import { invalid, parseForm } from "~/lib/form.server";
import { fileNotices } from "~/modules/notices/notices.server";
import { requireRole } from "~/modules/auth/actor.server";
import { noticeSchema } from "~/modules/notices/notice-schema";
import { listMunicipalities } from "~/modules/organizations/municipalities.server";

export const meta: MetaFunction = () => [{ title: "Ny anmälan – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  return { municipalities: listMunicipalities(), contactName: actor.displayName };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["school_staff"]);
  const form = await parseForm(request, noticeSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  fileNotices(actor, [form.data]);
  return redirect("/anmalningar?skickade=1");
}

export default function NewNotice() {
  const { municipalities, contactName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(noticeSchema, {
    defaultValues: actionData?.values ?? { contactName },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <h1>Ny anmälan</h1>
      <p>Anmälan skickas direkt till KAA-enheten i elevens hemkommun.</p>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <NoticeFields register={register} errorFor={errorFor} municipalities={municipalities} />
        <button type="submit" className="button" disabled={submitting}>
          Skicka anmälan
        </button>
      </Form>
    </div>
  );
}
