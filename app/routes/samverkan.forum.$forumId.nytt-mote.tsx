import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, useValidatedForm } from "~/components/form";
import { CheckboxList, listValue } from "~/components/meetings/fields";
import { MeetingFields } from "~/components/meetings/meeting-fields";
import { todayIso } from "~/lib/dates";
import { invalid, parseForm } from "~/lib/form.server";
import { forbidden } from "~/lib/http";
import { requireRole } from "~/modules/auth/actor.server";
import { forumMembersOf, requireForum } from "~/modules/meetings/forums.server";
import { FORUM_ROLE_LABELS } from "~/modules/meetings/labels";
import { meetingSchema } from "~/modules/meetings/meeting-schemas";
import { createMeeting, latestMeetingStart } from "~/modules/meetings/meetings.server";
import { bringNewMeetingUpToDate } from "~/modules/meetings/meeting-access.server";
import { FORUM_PORTAL_ROLES, mayPlan } from "~/modules/meetings/permissions";
import { suggestNextMeetingDate } from "~/modules/meetings/rhythm";
import { utcToStockholm } from "~/modules/meetings/time";

export const meta: MetaFunction = () => [{ title: "Planera möte – Samverkansportalen" }];

async function requirePlanner(request: Request, forumId: number) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const { forum, standing } = requireForum(actor, forumId);
  if (!mayPlan(standing)) throw forbidden("Forumets ordförande eller sekreterare planerar mötena.");
  return { actor, forum };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { forum } = await requirePlanner(request, Number(params.forumId));
  const latest = latestMeetingStart(forum.id);
  const members = forumMembersOf(forum.id);
  return {
    forum: { id: forum.id, name: forum.name },
    members,
    defaults: {
      title: forum.name,
      date: suggestNextMeetingDate(forum.rhythm, latest ? utcToStockholm(latest).date : null, todayIso()),
      startTime: latest ? utcToStockholm(latest).time : "13:00",
      endTime: "15:00",
      place: forum.defaultPlace ?? "",
      videoLink: "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, forum } = await requirePlanner(request, Number(params.forumId));
  const form = await parseForm(request, meetingSchema, { lists: ["participantIds"] });
  if (!form.ok) return invalid(form.errors, form.values);
  const result = createMeeting(actor, forum.id, form.data);
  if (!result.ok) return invalid(result.errors, form.values);
  bringNewMeetingUpToDate(result.id);
  return redirect(`/samverkan/moten/${result.id}`);
}

export default function NewMeeting() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errorFor, formProps, submitting } = useValidatedForm(meetingSchema, {
    defaultValues: actionData?.values ?? data.defaults,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/samverkan/forum/${data.forum.id}`}>{data.forum.name}</Link>
      </p>
      <h1>Planera nytt möte</h1>
      <p>Datumet är förslaget utifrån forumets mötesrytm. Tiden anges i svensk tid.</p>
      <ErrorSummary errors={actionData?.errors} />
      <Form {...formProps}>
        <MeetingFields register={register} errorFor={errorFor} />
        <CheckboxList
          name="participantIds"
          legend="Deltagare"
          hint="Forumets medlemmar. Gäster bjuder du in när mötet är skapat."
          options={data.members.map((m) => ({
            value: m.membershipId,
            label: `${m.displayName}, ${m.organisationName} (${FORUM_ROLE_LABELS[m.forumRole].toLowerCase()})`,
          }))}
          checked={listValue(
            actionData?.values,
            "participantIds",
            data.members.map((m) => String(m.membershipId)),
          )}
          error={actionData?.errors.participantIds}
        />
        <button type="submit" className="button" disabled={submitting}>
          Skapa mötet
        </button>
      </Form>
    </div>
  );
}
