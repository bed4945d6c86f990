/** The form of an SS 12000 connection, shared by the browser (react-hook-form) and the action. */
import { z } from "zod";
import { checkbox, idField, optionalText, requiredText, serviceAddress } from "~/lib/form-fields";

/**
 * https only: the client secret and the students' personnummer travel over these addresses. The
 * demo's fake school system (*.invalid) and a local test server are the exceptions.
 */
const serviceUrl = (label: string) => serviceAddress(label, "https://skolsystem.kommun.se/v2.0");

const fields = {
  organisationId: idField("Välj skolan kopplingen hämtar för."),
  name: requiredText("ett namn på kopplingen", 200),
  baseUrl: serviceUrl("API-adressen"),
  tokenUrl: serviceUrl("tokenadressen"),
  clientId: requiredText("klient-id", 200),
  scope: optionalText(500),
  enabled: checkbox(),
};

/** A new connection needs its secret. */
export const newConnectionSchema = z.object({ ...fields, clientSecret: requiredText("klienthemligheten", 500) });

/** Editing: an empty secret keeps the stored one (which is never shown). */
export const editConnectionSchema = z.object({ ...fields, clientSecret: optionalText(500) });

export type ConnectionInput = z.output<typeof editConnectionSchema>;
