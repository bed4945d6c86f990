/** Ordering of agenda items: pure, so that moving and totals are the same everywhere. */

export type Positioned = { id: number; position: number };

/** The items in agenda order (position, then id for items added in the same instant). */
export function inAgendaOrder<T extends Positioned>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position || a.id - b.id);
}

/**
 * Moves one item a step up or down. Returns the new positions (1, 2, 3 …) of every item whose
 * position changes, or an empty list if the item is already first or last.
 */
export function moveItem(items: readonly Positioned[], id: number, direction: "up" | "down"): Positioned[] {
  const ordered = inAgendaOrder(items);
  const index = ordered.findIndex((item) => item.id === id);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ordered.length) return [];
  const next = [...ordered];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next.map((item, i) => ({ id: item.id, position: i + 1 })).filter((item) => ordered.find((o) => o.id === item.id)!.position !== item.position);
}

export function nextPosition(items: readonly Positioned[]): number {
  return items.reduce((max, item) => Math.max(max, item.position), 0) + 1;
}

export function totalMinutes(items: readonly { minutesAllotted: number }[]): number {
  return items.reduce((sum, item) => sum + item.minutesAllotted, 0);
}

/** "1 tim 5 min", "45 min". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} tim` : `${hours} tim ${rest} min`;
}
