/** Responses the routes throw; one wording everywhere. */

export function notFound(): Response {
  // The same answer whether the thing does not exist or the actor may not see it.
  return new Response("Sidan finns inte.", { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "Du har inte behörighet till den här sidan."): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}
