import { config } from "~/config.server";
// Imported statically so that the server bundle contains it; the file itself loads msw only
// when startMockServices() runs, so production (no devDependencies) never imports msw.
import { startMockServices } from "../../../tests/mocks/population-register";

/**
 * In demo and test mode without a configured POPULATION_REGISTER_URL, answers the
 * folkbokföring look-ups in this process with msw (tests/mocks/population-register.ts).
 * Does nothing in production or when a real service is configured.
 */
export async function startDemoMockServices(): Promise<void> {
  const { PORTAL_MODE, POPULATION_REGISTER_URL } = config();
  if ((PORTAL_MODE !== "demo" && PORTAL_MODE !== "test") || POPULATION_REGISTER_URL) return;
  await startMockServices();
}
