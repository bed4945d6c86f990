/**
 * Creates and migrates the database (migrations run when it is opened) and, in demo mode, seeds
 * demo data if the database is empty. In production it can create the first systemförvaltare:
 *   npm run db:setup -- --create-admin namn@kommun.se "För- och efternamn"
 * and run the daily status job by hand: npm run job:status
 * `npm run build` bundles this file to build/setup/ (scripts/build-setup.js), which is what
 * `npm run db:setup` runs, so production needs no dev dependencies. The demo seed (and
 * @faker-js/faker, a dev dependency) is imported dynamically, only in demo and test mode.
 */
import { count } from "drizzle-orm";
import { config } from "../app/config.server";
import { createUser } from "../app/modules/organizations/admin.server";
import { runStatusJob } from "../app/modules/jobs/status-job.server";
import { getDb, closeDb } from "./client";
import { users } from "./schema";
import { DEMO_ACCOUNTS, DEMO_MULTI_ROLE, DEMO_PASSWORD } from "./demo-accounts";

async function main() {
  const { PORTAL_MODE, databasePath } = config();
  const db = getDb();
  console.log(`Databasen ${databasePath} är skapad och migrerad.`);
  const args = process.argv.slice(2);
  if (args.includes("--status-job")) {
    // The status job the server runs at start and every hour, run once by hand (or by cron).
    for (const result of runStatusJob())
      console.log(
        `Kommun ${result.municipalityId}: ${result.endedAtTwenty} inskrivningar avslutade vid 20 år, ${result.caseItemsUnlinked} ärendepunkter avidentifierade.`,
      );
    return;
  }
  const adminIndex = args.indexOf("--create-admin");
  if (adminIndex >= 0) {
    const username = args[adminIndex + 1];
    const displayName = args[adminIndex + 2];
    if (!username || !displayName) throw new Error('Ange e-postadress och namn: --create-admin namn@kommun.se "Namn"');
    const result = await createUser({ username: username.toLowerCase(), displayName, role: "system_admin", organisationId: undefined }, null);
    if (!result.ok) throw new Error(Object.values(result.errors).join(" "));
    console.log(`Systemförvaltaren ${username} är skapad. Tillfälligt lösenord (byts vid första inloggningen): ${result.temporaryPassword}`);
    return;
  }
  const userCount = db.select({ n: count() }).from(users).get()?.n ?? 0;
  if (userCount > 0) {
    console.log("Databasen innehåller redan data; inget demodata läggs in.");
    return;
  }
  if (PORTAL_MODE === "production") {
    console.log('Databasen är tom. Skapa den första systemförvaltaren med: npm run db:setup -- --create-admin namn@kommun.se "Namn"');
    return;
  }
  const youthCount = Number(process.env.SEED_YOUTHS ?? 300);
  // Not a static import: the seed uses @faker-js/faker, a dev dependency that production lacks.
  const { seedDemo } = await import("./seed").catch((error: unknown) => {
    throw new Error(`Demodata kräver utvecklingsberoendena (npm ci utan --omit=dev): ${error instanceof Error ? error.message : String(error)}`);
  });
  await seedDemo(db, { youths: youthCount });
  console.log(`Demodata inlagt: ${youthCount} ungdomar. Demokonton (lösenord ${DEMO_PASSWORD}):`);
  for (const account of [...DEMO_ACCOUNTS, DEMO_MULTI_ROLE]) console.log(`  ${account.username}`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
