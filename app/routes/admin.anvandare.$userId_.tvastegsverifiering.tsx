import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/lib/http";
import { requireRole } from "~/modules/auth/actor.server";
import { accountMfa, resetMfa } from "~/modules/auth/mfa-account.server";
import { getUser } from "~/modules/organizations/admin.server";

export const meta: MetaFunction = () => [{ title: "Återställ tvåstegsverifiering – Samverkansportalen" }];

function loadUser(params: { userId?: string }) {
  const user = getUser(Number(params.userId));
  if (!user) throw notFound();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const user = loadUser(params);
  const { factors, passkeys } = accountMfa(user.id);
  return {
    user: { id: user.id, displayName: user.displayName, username: user.username },
    factors,
    passkeyCount: passkeys.length,
    isSelf: actor.userId === user.id,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["system_admin"]);
  const user = loadUser(params);
  // Someone who could reset their own factors would need no factor at all.
  if (actor.userId === user.id) return json({ ok: false, message: "Din egen tvåstegsverifiering återställs av en annan systemförvaltare." }, { status: 400 });
  await resetMfa(user.id, actor);
  return json({
    ok: true,
    message: "Tvåstegsverifieringen är återställd och användarens inloggningar är avslutade. Vid nästa inloggning aktiverar användaren den på nytt.",
  });
}

export default function ResetUserMfa() {
  const { user, factors, passkeyCount, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const hasAny = factors.totp || passkeyCount > 0 || factors.recoveryCodes > 0;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/anvandare">Användare</Link> / <Link to={`/admin/anvandare/${user.id}`}>{user.displayName}</Link>
      </p>
      <h1>Tvåstegsverifiering för {user.displayName}</h1>
      {actionData?.message ? (
        <p className={`alert ${actionData.ok ? "alert--success" : "alert--error"}`} role="status">
          {actionData.message}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Autentiseringsapp</dt>
        <dd>{factors.totp ? "Aktiverad" : "Ingen"}</dd>
        <dt>Nycklar (passkeys)</dt>
        <dd>{passkeyCount}</dd>
        <dt>Reservkoder kvar</dt>
        <dd>{factors.recoveryCodes}</dd>
      </dl>
      <section aria-labelledby="aterstall" className="card">
        <h2 id="aterstall">Återställ</h2>
        <p>
          Gör det bara när du har kontrollerat att det verkligen är användaren som har tappat bort telefonen, nycklarna och reservkoderna, till exempel genom
          att ringa upp på ett känt nummer. Appen, nycklarna och reservkoderna tas bort och användaren loggas ut överallt.
        </p>
        {isSelf ? (
          <p className="muted">Din egen tvåstegsverifiering återställs av en annan systemförvaltare.</p>
        ) : hasAny ? (
          <Form method="post">
            <button type="submit" className="button button--danger">
              Återställ tvåstegsverifiering
            </button>
          </Form>
        ) : (
          <p>Användaren har ingen tvåstegsverifiering att återställa.</p>
        )}
      </section>
    </>
  );
}
