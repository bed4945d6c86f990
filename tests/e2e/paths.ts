export const E2E_DATABASE = "tmp/e2e/portal.db";
