import { Table } from "~/components/table";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form as PlainForm, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, SelectField, TextField, TextAreaField, optionsOf } from "~/components/form";
import { useIntentForm } from "~/components/intent-form";
import { doneFor, invalidFor, parseForm, type FormValues, readFormData } from "~/lib/form.server";
import { fieldErrors } from "~/lib/form-fields";
import { requireRole } from "~/modules/auth/actor.server";
import { forumDetailsSchema, memberAddSchema, memberChangeSchema, organisationAddSchema } from "~/modules/meetings/forum-schemas";
import {
  addForumOrganisation,
  addMember,
  changeMembers,
  forumMembersOf,
  forumOrganisationsOf,
  memberCandidates,
  organisationCandidates,
  requireForum,
  updateForumDetails,
} from "~/modules/meetings/forums.server";
import { FORUM_KIND_LABELS, FORUM_ROLE_LABELS, RHYTHM_LABELS } from "~/modules/meetings/labels";
import { FORUM_PORTAL_ROLES, mayManageForum, mayOpenForum } from "~/modules/meetings/permissions";
import { FORUM_ROLES } from "~/modules/meetings/labels";

export const meta: MetaFunction = () => [{ title: "Forumets medlemmar – Samverkansportalen" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const { forum, standing } = requireForum(actor, Number(params.forumId), "members");
  const manage = mayManageForum(standing);
  return {
    forum: {
      id: forum.id,
      name: forum.name,
      kind: forum.kind,
      purpose: forum.purpose,
      rhythm: forum.rhythm,
      rhythmNote: forum.rhythmNote ?? "",
      defaultPlace: forum.defaultPlace ?? "",
    },
    mayManage: manage,
    isMember: mayOpenForum(standing),
    members: forumMembersOf(forum.id),
    organisations: forumOrganisationsOf(forum.id),
    memberCandidates: manage ? memberCandidates(forum.id) : [],
    organisationCandidates: manage ? organisationCandidates(forum) : [],
  };
}

/** Which of the page's forms posted, so its errors appear beside it and not beside the others. */
type Intent = "details" | "add-member" | "add-organisation" | "change";

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, FORUM_PORTAL_ROLES);
  const forumId = Number(params.forumId);
  const intent = String((await readFormData(request.clone())).get("intent") ?? "") as Intent | string;
  const done = (message: string) => doneFor(intent, message);
  const failed = (errors: Record<string, string>, values: FormValues = {}) => invalidFor(intent, errors, values);
  if (intent === "details") {
    const form = await parseForm(request, forumDetailsSchema);
    if (!form.ok) return failed(form.errors, form.values);
    const result = updateForumDetails(actor, forumId, form.data);
    return result.ok ? done("Forumets uppgifter är sparade.") : failed(result.errors, form.values);
  }
  if (intent === "add-member") {
    const form = await parseForm(request, memberAddSchema);
    if (!form.ok) return failed(form.errors, form.values);
    const result = addMember(actor, forumId, form.data);
    return result.ok ? done("Medlemmen är tillagd.") : failed(result.errors, form.values);
  }
  if (intent === "add-organisation") {
    const form = await parseForm(request, organisationAddSchema);
    if (!form.ok) return failed(form.errors, form.values);
    const result = addForumOrganisation(actor, forumId, form.data.organisationId);
    return result.ok ? done("Organisationen är tillagd.") : failed(result.errors, form.values);
  }
  const parsed = memberChangeSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return failed(fieldErrors(parsed.error));
  const result = changeMembers(actor, forumId, parsed.data);
  return result.ok ? done("Ändringen är sparad.") : failed(result.errors);
}

function useFormFor(intent: Intent, schema: Parameters<typeof useIntentForm>[2], defaults: Record<string, unknown>) {
  return useIntentForm(useActionData<typeof action>(), intent, schema, defaults);
}

function DetailsForm() {
  const { forum } = useLoaderData<typeof loader>();
  const { formProps, field, errors, submitting } = useFormFor("details", forumDetailsSchema, forum);
  return (
    <section aria-labelledby="uppgifter" className="card">
      <h2 id="uppgifter">Forumets uppgifter</h2>
      <ErrorSummary errors={errors} />
      <Form {...formProps}>
        <input type="hidden" name="intent" value="details" />
        <TextField {...field("name")} label="Namn" required />
        <SelectField {...field("kind")} label="Typ av forum" required options={optionsOf(FORUM_KIND_LABELS)} />
        <TextAreaField {...field("purpose")} label="Syfte och uppdrag" required />
        <SelectField {...field("rhythm")} label="Mötesrytm" required options={optionsOf(RHYTHM_LABELS)} />
        <TextField {...field("rhythmNote")} label="Mötestider (frivilligt)" />
        <TextField {...field("defaultPlace")} label="Vanlig mötesplats (frivilligt)" />
        <button type="submit" className="button" disabled={submitting}>
          Spara uppgifterna
        </button>
      </Form>
    </section>
  );
}

function AddMemberForm() {
  const { memberCandidates } = useLoaderData<typeof loader>();
  const { formProps, field, submitting } = useFormFor("add-member", memberAddSchema, { forumRole: "member" });
  return (
    <Form {...formProps} aria-labelledby="lagg-till-medlem">
      <h3 id="lagg-till-medlem">Lägg till medlem</h3>
      <input type="hidden" name="intent" value="add-member" />
      <SelectField
        {...field("membershipId")}
        label="Person"
        required
        options={memberCandidates.map((c) => ({ value: String(c.membershipId), label: `${c.displayName} (${c.organisationName})` }))}
        hint="Personer i forumets medlemsorganisationer."
      />
      <SelectField {...field("forumRole")} label="Roll i forumet" required options={optionsOf(FORUM_ROLE_LABELS)} />
      <button type="submit" className="button button--secondary" disabled={submitting}>
        Lägg till medlemmen
      </button>
    </Form>
  );
}

function AddOrganisationForm() {
  const { organisationCandidates } = useLoaderData<typeof loader>();
  const { formProps, field, submitting } = useFormFor("add-organisation", organisationAddSchema, {});
  return (
    <Form {...formProps} aria-labelledby="lagg-till-organisation">
      <h3 id="lagg-till-organisation">Lägg till organisation</h3>
      <input type="hidden" name="intent" value="add-organisation" />
      <SelectField
        {...field("organisationId")}
        label="Organisation"
        required
        options={organisationCandidates.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <button type="submit" className="button button--secondary" disabled={submitting}>
        Lägg till organisationen
      </button>
    </Form>
  );
}

export default function ForumMembers() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const changeError =
    actionData?.intent !== "details" && actionData?.intent !== "add-member" && actionData?.intent !== "add-organisation" && actionData && !actionData.ok
      ? Object.values(actionData.errors).join(" ")
      : null;
  return (
    <>
      <p className="breadcrumbs">
        {data.isMember ? <Link to={`/samverkan/forum/${data.forum.id}`}>{data.forum.name}</Link> : <Link to="/samverkan">Samverkan</Link>}
      </p>
      <h1>Medlemmar i {data.forum.name}</h1>
      {actionData?.ok ? (
        <p className="alert alert--success" role="status">
          {actionData.message}
        </p>
      ) : null}
      {changeError ? (
        <p className="alert alert--error" role="alert">
          {changeError}
        </p>
      ) : null}
      <section aria-labelledby="medlemslista" className="card">
        <h2 id="medlemslista">Medlemmar</h2>
        <div className="table-wrap">
          <Table>
            <caption className="visually-hidden">Forumets medlemmar</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Organisation</th>
                <th scope="col">Roll</th>
                {data.mayManage ? <th scope="col">Ändra</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.id}>
                  <td>{m.displayName}</td>
                  <td>{m.organisationName}</td>
                  <td>{FORUM_ROLE_LABELS[m.forumRole]}</td>
                  {data.mayManage ? (
                    <td>
                      <div className="button-row">
                        <PlainForm method="post" className="inline-fields">
                          <input type="hidden" name="intent" value="role" />
                          <input type="hidden" name="memberId" value={m.id} />
                          <label htmlFor={`roll-${m.id}`} className="visually-hidden">
                            Roll för {m.displayName}
                          </label>
                          <select id={`roll-${m.id}`} name="forumRole" defaultValue={m.forumRole}>
                            {FORUM_ROLES.map((r) => (
                              <option key={r} value={r}>
                                {FORUM_ROLE_LABELS[r]}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="button button--secondary">
                            Byt roll<span className="visually-hidden"> för {m.displayName}</span>
                          </button>
                        </PlainForm>
                        {m.forumRole !== "chair" ? (
                          <PlainForm method="post">
                            <input type="hidden" name="intent" value="end-member" />
                            <input type="hidden" name="memberId" value={m.id} />
                            <button type="submit" className="button button--link">
                              Avsluta medlemskapet<span className="visually-hidden"> för {m.displayName}</span>
                            </button>
                          </PlainForm>
                        ) : null}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        {data.mayManage ? <AddMemberForm /> : null}
      </section>
      <section aria-labelledby="organisationer" className="card">
        <h2 id="organisationer">Medlemsorganisationer</h2>
        <ul>
          {data.organisations.map((o) => (
            <li key={o.id}>
              {o.name}
              {data.mayManage ? (
                <PlainForm method="post" className="inline-form">
                  {" "}
                  <input type="hidden" name="intent" value="end-organisation" />
                  <input type="hidden" name="forumOrganisationId" value={o.id} />
                  <button type="submit" className="button button--link">
                    Ta bort ur forumet<span className="visually-hidden"> ({o.name})</span>
                  </button>
                </PlainForm>
              ) : null}
            </li>
          ))}
        </ul>
        {data.mayManage ? <AddOrganisationForm /> : null}
      </section>
      {data.mayManage ? <DetailsForm /> : null}
    </>
  );
}
