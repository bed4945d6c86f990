/**
 * Swedish plural forms, in one place: "1 rad", "2 rader". Intl.PluralRules knows that Swedish
 * takes the singular for exactly one (and the plural for 0, 1,5 and 21), so no page hand-writes
 * `n === 1 ?`. Browser-safe.
 */
const RULES = new Intl.PluralRules("sv");

/** The form the number asks for: a word, or a whole phrase ("den giltiga raden" / "de 3 giltiga raderna"). */
export function pluralForm<T>(n: number, one: T, other: T): T {
  return RULES.select(n) === "one" ? one : other;
}

/** The number, grouped the Swedish way ("10 000"), with its noun: plural(1, "rad", "rader") → "1 rad". */
export function plural(n: number, one: string, other: string): string {
  return `${n.toLocaleString("sv-SE")} ${pluralForm(n, one, other)}`;
}
