import type { LoaderFunctionArgs } from "@remix-run/node";
import { spreadsheetField as cell } from "~/lib/csv";
import { formatDateTime } from "~/lib/format";
import { exportAuditEvents } from "~/modules/access/audit.server";
import { ACTION_LABELS, describeRole, describeBasis, SECTION_LABELS } from "~/modules/access/audit-labels";
import { parseAuditFilter } from "~/modules/access/audit-filter.server";
import { requireRole } from "~/modules/auth/actor.server";

const HEADER = ["Tid", "Användare", "Roll", "Organisation", "Ungdom", "Avsnitt", "Händelse", "Utfall", "Grund"];

/**
 * The log review's selection as a file (semicolon-separated, UTF-8 with BOM so Excel reads å, ä, ö),
 * for the samordnare's regular loggkontroll. Youth names only; never a personnummer.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["kaa_coordinator"]);
  const filter = parseAuditFilter(new URL(request.url).searchParams);
  const rows = exportAuditEvents(actor.municipalityId!, actor.organisationId!, filter);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${HEADER.map(cell).join(";")}\r\n`));
    },
    pull(controller) {
      const lines: string[] = [];
      for (let i = 0; i < 500; i++) {
        const next = rows.next();
        if (next.done) {
          if (lines.length) controller.enqueue(encoder.encode(lines.join("")));
          controller.close();
          return;
        }
        const row = next.value;
        lines.push(
          [
            formatDateTime(row.at),
            row.userName,
            describeRole(row.role),
            row.organisationName,
            row.youthFirstName ? `${row.youthLastName}, ${row.youthFirstName}` : "",
            SECTION_LABELS[row.section] ?? row.section,
            ACTION_LABELS[row.action] ?? row.action,
            row.outcome === "allowed" ? "Tillåten" : "Nekad",
            describeBasis(row),
          ]
            .map(cell)
            .join(";") + "\r\n",
        );
      }
      controller.enqueue(encoder.encode(lines.join("")));
    },
  });
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="loggkontroll-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
