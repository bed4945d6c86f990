/** `/statistik`, where people look for figures first: the follow-up is at `/uppfoljning`. */
import { redirect } from "@remix-run/node";

export function loader() {
  return redirect("/uppfoljning", 301);
}
