import { Table } from "~/components/table";
import { Form, Link } from "@remix-run/react";
import type { AgendaItemView } from "~/modules/meetings/meeting-view.server";
import { formatDuration } from "~/modules/meetings/agenda-order";
import { AGENDA_KIND_LABELS } from "~/modules/meetings/labels";
import { AgendaItemBody } from "./agenda-parts";

type Controls = {
  meetingId: number;
  /** Move, edit and remove (withdraw) items (chair and secretary, before the meeting is held). */
  edit: boolean;
  /** Mark carried-over action items done (chair, secretary, or the item's owner). */
  completeFollowUps: boolean | "own";
};

function IntentButton({
  intent,
  itemId,
  label,
  hidden,
  extra,
}: {
  intent: string;
  itemId: number;
  label: string;
  hidden: string;
  extra?: Record<string, string>;
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={itemId} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button button--secondary button--small">
        {label}
        <span className="visually-hidden"> {hidden}</span>
      </button>
    </Form>
  );
}

/**
 * The agenda: numbered items with kind, presenter and minutes, and the total time. Without
 * `controls` it is the plain agenda (print and minutes); with them, each row has buttons that post
 * (moving works without JavaScript).
 */
export function AgendaTable({
  items,
  totalMinutes,
  controls,
  caption = "Dagordning",
}: {
  items: AgendaItemView[];
  totalMinutes: number;
  controls?: Controls;
  caption?: string;
}) {
  if (items.length === 0) return <p>Dagordningen har inga punkter ännu.</p>;
  return (
    <div className="table-wrap">
      <Table className="agenda">
        <caption>
          {caption}, total tid {formatDuration(totalMinutes)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Nr</th>
            <th scope="col">Punkt</th>
            <th scope="col">Föredragande</th>
            <th scope="col">Tid</th>
            {controls ? <th scope="col">Ändra</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={item.id} id={`punkt-${item.id}`}>
              <td>{item.number}</td>
              <td>
                <strong className="block">{item.title}</strong>
                <span className="tag">{AGENDA_KIND_LABELS[item.kind]}</span>
                <AgendaItemBody item={item} />
              </td>
              <td>{item.presenterName ?? "–"}</td>
              <td>{item.minutesAllotted} min</td>
              {controls ? (
                <td>
                  <div className="row-actions">
                    {controls.edit && index > 0 ? (
                      <IntentButton intent="move" itemId={item.id} label="Flytta upp" hidden={item.title} extra={{ direction: "up" }} />
                    ) : null}
                    {controls.edit && index < items.length - 1 ? (
                      <IntentButton intent="move" itemId={item.id} label="Flytta ner" hidden={item.title} extra={{ direction: "down" }} />
                    ) : null}
                    {controls.edit ? (
                      <Link to={`/samverkan/moten/${controls.meetingId}/punkt?id=${item.id}`} className="button button--secondary button--small">
                        Ändra<span className="visually-hidden"> {item.title}</span>
                      </Link>
                    ) : null}
                    {controls.edit ? <IntentButton intent="withdraw" itemId={item.id} label="Ta bort punkten" hidden={item.title} /> : null}
                    {item.followUp &&
                    item.followUp.status === "open" &&
                    (controls.completeFollowUps === true || (controls.completeFollowUps === "own" && item.followUp.ownedByMe)) ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="complete-action" />
                        <input type="hidden" name="actionItemId" value={item.followUp.actionItemId} />
                        <button type="submit" className="button button--secondary button--small">
                          Markera som klar<span className="visually-hidden"> {item.followUp.title}</span>
                        </button>
                      </Form>
                    ) : null}
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total tid
            </th>
            <td colSpan={controls ? 2 : 1}>{formatDuration(totalMinutes)}</td>
          </tr>
        </tfoot>
      </Table>
    </div>
  );
}
