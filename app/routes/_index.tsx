import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { optionalActor } from "~/modules/auth/actor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await optionalActor(request);
  return redirect(actor ? "/start" : "/logga-in");
}
