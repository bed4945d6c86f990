import { config } from "~/config.server";
// Imported statically so that the server bundle contains it; the file itself loads msw only when
// its handlers are created, so production (no devDependencies) never imports msw.
import { createPopulationRegisterHandlers } from "../../../tests/mocks/population-register";
import { setPopulationRegisterTransport } from "./population-register.server";

/**
 * In demo and test mode without a configured POPULATION_REGISTER_URL, the folkbokföring look-ups
 * are answered by the msw handlers of tests/mocks/population-register.ts. They are called through
 * msw's getResponse rather than setupServer: setupServer patches the process's fetch and Headers,
 * which broke Remix's redirects in the same process.
 */
export async function startDemoMockServices(): Promise<void> {
  const { PORTAL_MODE, POPULATION_REGISTER_URL } = config();
  if ((PORTAL_MODE !== "demo" && PORTAL_MODE !== "test") || POPULATION_REGISTER_URL) return;
  const [{ getResponse }, handlers] = await Promise.all([import("msw"), createPopulationRegisterHandlers()]);
  setPopulationRegisterTransport(async (url, init) => {
    const request = new Request(url, init);
    const aborted = new Promise<never>((_, reject) => {
      init.signal?.addEventListener("abort", () => reject(init.signal?.reason ?? new Error("aborted")), { once: true });
    });
    const response = await Promise.race([getResponse(handlers, request), aborted]);
    if (!response) throw new TypeError("Ingen tjänst svarade på adressen");
    return response;
  });
}
