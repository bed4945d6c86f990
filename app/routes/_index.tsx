import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { MY_PAGES, optionalActor } from "~/modules/auth/actor.server";
import { optionalCitizen } from "~/modules/auth/citizen.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await optionalActor(request);
  if (actor) return redirect("/start");
  // A youth or guardian signed in on Mina sidor starts there.
  return redirect((await optionalCitizen(request)) ? MY_PAGES : "/logga-in");
}
