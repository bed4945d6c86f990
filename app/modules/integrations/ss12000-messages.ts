/**
 * What the systemförvaltare is told when a school system could not be read. No personal data and
 * no secrets: statuses, endpoint names and field paths only.
 */
export const SS12000_MESSAGES = {
  timeout: "Skolsystemet svarade inte i tid. Försök igen senare.",
  unreachable: "Skolsystemet gick inte att nå. Kontrollera adresserna i kopplingen.",
  invalidJson: "Skolsystemet skickade ett svar som inte var JSON.",
  tokenRejected: "Tokentjänsten godkände inte klient-id eller klienthemlighet. Kontrollera dem med skolsystemets leverantör.",
  tokenUnavailable: "Tokentjänsten svarade med ett fel. Försök igen senare.",
  tokenInvalid: "Tokentjänsten skickade ingen giltig bearer-token.",
  unauthorised: "Skolsystemet godtog inte vår token, inte heller en nyhämtad. Kontrollera kopplingens behörigheter hos skolsystemets leverantör.",
  forbidden: "Skolsystemet nekade åtkomst (403). Kopplingen saknar behörighet till uppgifterna.",
  badRequest: "Skolsystemet förstod inte frågan (400).",
  notFound: "Skolsystemet har inte den efterfrågade tjänsten (404). Kontrollera API-adressen.",
  overloaded: "Skolsystemet är överbelastat (503). Försök igen senare.",
  pagingLoop: "Skolsystemet slutade inte skicka sidor. Hämtningen avbröts.",
  alreadyRunning: "En hämtning från skolsystemet pågår redan. Vänta tills den är klar.",
  disabled: "Kopplingen är avstängd. Aktivera den för att hämta.",
  serverError: (status: number) => `Skolsystemet svarade med ett serverfel (${status}). Försök igen senare.`,
  unexpectedStatus: (status: number) => `Skolsystemet svarade oväntat (HTTP ${status}).`,
  schemaMismatch: (endpoint: string, fields: string[]) =>
    `Skolsystemets svar från ${endpoint} följer inte SS 12000 (fält: ${fields.join(", ")}). Inget har sparats.`,
  unexpected: "Hämtningen misslyckades av ett oväntat skäl. Inget har sparats.",
} as const;
