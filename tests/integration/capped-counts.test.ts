/**
 * Lists whose totals grow for ever count only up to a cap (issue 12): below it the exact count, past
 * it `moreThanCap` and the cap itself, and never more pages than the cap fills. The domain functions
 * take a small cap here so a handful of rows shows both sides; the routes use the default, 10 000.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addMonths, addYears, todayIso } from "~/lib/dates";
import { countFigure, countText } from "~/lib/counting";
import { fileNamedConcernReport, listConcernReports } from "~/modules/concern-reports/concern-reports.server";
import { recordConsent } from "~/modules/consent/consents.server";
import { fileNotices, listInbox, listSchoolNotices, NOTICE_PAGE_SIZE } from "~/modules/notices/notices.server";
import { markNoticeHandled } from "~/modules/notices/receive-notice.server";
import type { NoticeInput } from "~/modules/notices/notice-schema";
import { sendReferral } from "~/modules/referrals/referrals.server";
import { listReceivedReferrals, listSentReferrals } from "~/modules/referrals/referral-lists.server";
import { openYouthFile } from "~/modules/access/gate.server";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import { loader as inboxLoader } from "~/routes/inkorg._index";
import { loader as schoolNoticesLoader } from "~/routes/anmalningar._index";
import { enrolledYouth } from "../factories/enrollment";
import { registerOf } from "../factories/gate";
import { signedIn } from "../factories/requests";
import { createWorld } from "../factories/world";
import { swedishFaker, youthInput } from "../factories/youth";

let world: Awaited<ReturnType<typeof createWorld>>;
const today = todayIso();
const faker = swedishFaker(12);
/** More notices than two pages hold, so a cap between them shows the page count stop at the cap. */
const NOTICES = 2 * NOTICE_PAGE_SIZE + 10;
const HANDLED = 2;

function notice(homeMunicipalityId: number): NoticeInput {
  const y = youthInput(faker, { homeMunicipalityId, city: "Nässjö", postalPrefix: "571" });
  return {
    kind: "dropout",
    personalNumber: y.personalNumber,
    firstName: y.firstName,
    lastName: y.lastName,
    homeMunicipalityId,
    programme: "Ekonomiprogrammet",
    eventDate: today,
    reason: undefined,
    contactName: "Rektor Rut",
    contactPhone: undefined,
    contactEmail: undefined,
  };
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

beforeAll(async () => {
  world = await createWorld();
  const ids = fileNotices(
    world.actors.school,
    Array.from({ length: NOTICES }, () => notice(world.municipality.id)),
  );
  for (const id of ids.slice(0, HANDLED)) markNoticeHandled(world.actors.caseworker, id);
});

describe("school notices", () => {
  it("count exactly up to the cap, and say 'more' past it without paging beyond it", () => {
    const school = world.actors.school;
    expect(listSchoolNotices(school, 1, 100)).toMatchObject({ total: NOTICES, moreThanCap: false, pageCount: 3 });
    // Exactly the cap is not more than the cap.
    expect(listSchoolNotices(school, 1, NOTICES)).toMatchObject({ total: NOTICES, moreThanCap: false });
    const capped = listSchoolNotices(school, 99, NOTICE_PAGE_SIZE + 5);
    expect(capped).toMatchObject({ total: NOTICE_PAGE_SIZE + 5, moreThanCap: true, pageCount: 2, page: 2 });
    expect(capped.rows).toHaveLength(NOTICE_PAGE_SIZE);
  });
});

describe("the KAA inbox", () => {
  it("counts each status tab on its own, each stopping at the cap", () => {
    const register = registerOf(world.actors.caseworker);
    const exact = listInbox(register, "sent", 1, 100);
    expect(exact).toMatchObject({ total: NOTICES - HANDLED, moreThanCap: false, pageCount: 3 });
    expect(exact.counts).toEqual({
      sent: { total: NOTICES - HANDLED, moreThanCap: false },
      received: { total: 0, moreThanCap: false },
      handled: { total: HANDLED, moreThanCap: false },
    });
    const capped = listInbox(register, "sent", 5, 30);
    expect(capped).toMatchObject({ total: 30, moreThanCap: true, page: 2, pageCount: 2 });
    expect(capped.counts).toEqual({
      sent: { total: 30, moreThanCap: true },
      received: { total: 0, moreThanCap: false },
      handled: { total: HANDLED, moreThanCap: false },
    });
    // The tab shown below the cap is exact even when another tab is past it.
    expect(listInbox(register, "handled", 1, 30)).toMatchObject({ total: HANDLED, moreThanCap: false, pageCount: 1 });
  });

  it("the page keeps the page asked for within the pages counted", async () => {
    const client = await signedIn(world.actors.caseworker);
    const data = await inboxLoader({ request: client.get("/inkorg?sida=99"), params: {}, context: {} });
    expect(data).toMatchObject({ status: "sent", page: 3, pageCount: 3, moreThanCap: false, counts: { sent: { total: NOTICES - HANDLED } } });
    const school = await signedIn(world.actors.school);
    expect(await schoolNoticesLoader({ request: school.get("/anmalningar?sida=7"), params: {}, context: {} })).toMatchObject({ page: 3, total: NOTICES });
  });
});

describe("referrals and reports of concern", () => {
  beforeAll(() => {
    const { youthId } = enrolledYouth(world.actors.caseworker);
    const writer = <W extends "consents" | "referrals">(section: W) => openYouthFile(world.actors.caseworker, youthId, { write: [section] });
    ok(
      recordConsent(writer("consents"), {
        givenBy: "youth",
        guardianName: undefined,
        maturityNote: "Ungdomen förstår vad samtycket innebär.",
        method: "oral",
        documentRef: undefined,
        recipientOrganisationIds: [world.orgs.social.id],
        sections: ["plan"],
        purpose: "Samordna stöd.",
        validFrom: today,
        validUntil: addMonths(today, 12),
      }),
    );
    for (let i = 0; i < 3; i++) {
      ok(
        sendReferral(writer("referrals"), {
          recipientOrganisationId: world.orgs.social.id,
          question: `Fråga ${i}`,
          requestedIntervention: "Insats",
          sections: ["plan"],
        }),
      );
    }
    for (const serial of [101, 102, 103]) {
      ok(
        fileNamedConcernReport(
          world.actors.school,
          {
            personalNumber: makePersonalNumber(addYears(today, -16), serial),
            firstName: "Elev",
            lastName: `Nummer ${serial}`,
            homeMunicipalityId: world.municipality.id,
          },
          { observed: "Eleven berättar om oro hemma.", observedWhen: today, reporterPhone: undefined },
        ),
      );
    }
  });

  it("the sent and the received referrals count up to the cap", () => {
    const register = registerOf(world.actors.caseworker);
    expect(listSentReferrals(register, "nya", 1, 3)).toMatchObject({ total: 3, moreThanCap: false, pageCount: 1 });
    expect(listSentReferrals(register, "nya", 4, 2)).toMatchObject({ total: 2, moreThanCap: true, page: 1, pageCount: 1 });
    expect(listReceivedReferrals(world.actors.social, "nya", 1, 10)).toMatchObject({ total: 3, moreThanCap: false });
    expect(listReceivedReferrals(world.actors.social, "nya", 1, 2)).toMatchObject({ total: 2, moreThanCap: true, pageCount: 1 });
    expect(listReceivedReferrals(world.actors.social, "avslutade", 1, 2)).toMatchObject({ total: 0, moreThanCap: false, pageCount: 1 });
  });

  it("the reports of concern count up to the cap, for socialtjänsten and for the school", () => {
    expect(listConcernReports(world.actors.social, 1, 3)).toMatchObject({ received: true, total: 3, moreThanCap: false });
    expect(listConcernReports(world.actors.social, 2, 2)).toMatchObject({ received: true, total: 2, moreThanCap: true, page: 1, pageCount: 1 });
    expect(listConcernReports(world.actors.school, 1, 1)).toMatchObject({ received: false, total: 1, moreThanCap: true });
  });
});

describe("the Swedish text of a capped count", () => {
  it("says 'fler än' past the cap and groups thousands", () => {
    // toLocaleString("sv-SE") groups with a no-break space.
    expect(countText(10_000, true, "remiss", "remisser")).toBe("Fler än 10\u00a0000 remisser");
    expect(countText(12, false, "remiss", "remisser")).toBe("12 remisser");
    expect(countText(1, false, "ungdom", "ungdomar")).toBe("1 ungdom");
    expect(countFigure(10_000, true)).toBe("fler än 10\u00a0000");
    expect(countFigure(0, false)).toBe("0");
  });
});
