/**
 * /mina-sidor: the files the signed-in youth or guardian may open. With one, straight to it; with
 * several (a parent of two, a youth who is also a parent), a choice.
 */
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCitizen } from "~/modules/auth/citizen.server";
import { ownFilesOf } from "~/modules/youth/own-files.server";

export const meta: MetaFunction = () => [{ title: "Mina sidor – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request);
  const choices = ownFilesOf(citizen);
  if (choices.length === 1) throw redirect(`/mina-sidor/${choices[0]!.youthId}`);
  return { name: citizen.displayName, choices };
}

export default function MyPagesIndex() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="my-pages">
      <h1>Mina sidor</h1>
      {data.choices.length === 0 ? (
        <>
          <p>Du kan inte se några uppgifter här just nu.</p>
          <p>
            Om du är vårdnadshavare: när ditt barn fyller 18 år, eller när KAA har bedömt att ditt barn kan bestämma själv, kan du inte längre se ditt barns
            uppgifter här. Har du frågor kan du kontakta KAA i din kommun.
          </p>
        </>
      ) : (
        <>
          <p>Välj vems sidor du vill se.</p>
          <ul className="my-pages__choices">
            {data.choices.map((c) => (
              <li key={c.youthId}>
                <Link to={`/mina-sidor/${c.youthId}`} className="button button--secondary">
                  {c.relation === "self" ? "Dina sidor" : c.firstName}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
