/** How a follow-up value reads on the page (Swedish). Pure, for the browser. */
import type { Shown } from "./follow-up-types";
import { SECONDARY_LABEL, SMALL_LABEL } from "./suppression";
import { pluralForm } from "~/lib/plural";

const number = new Intl.NumberFormat("sv-SE");
const percent = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

export function formatShown(s: Shown): string {
  if ("hidden" in s) return s.hidden === "secondary" ? SECONDARY_LABEL : SMALL_LABEL;
  if ("share" in s) return `${percent.format(s.share * 100)} %`;
  if ("median" in s) return `${percent.format(s.median)} ${pluralForm(s.median, "dag", "dagar")}`;
  if ("none" in s) return "–";
  return number.format(s.value);
}
