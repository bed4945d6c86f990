/**
 * What of an error may reach the server log. Database errors carry the query's bound values in
 * their message (drizzle's DrizzleQueryError), which can hold personnummer or case text; those are
 * reduced to the error's name, the SQLite code and the stack without the message.
 */
export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === "string" ? "fel (text utelämnad)" : String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const code = cause && typeof cause === "object" && "code" in cause ? String((cause as { code: unknown }).code) : undefined;
  const isDatabase = error.name.startsWith("Drizzle") || error.name === "SqliteError" || Boolean(code?.startsWith("SQLITE_")) || "params" in error;
  if (isDatabase) {
    const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
    return [`${error.name}${code ? ` (${code})` : ""}: databasfel, värden utelämnade`, ...frames.slice(0, 8)].join("\n");
  }
  return error.stack ?? `${error.name}: ${error.message}`;
}
