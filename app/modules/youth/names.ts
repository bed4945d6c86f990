/** Keys that make names searchable and sortable in Swedish in plain SQLite (no ICU). */

export function nameSearchKey(firstName: string, lastName: string) {
  return `${firstName} ${lastName}`.normalize("NFC").toLocaleLowerCase("sv");
}

/**
 * SQLite compares bytes, which would put Ä before Å. Mapping å, ä, ö to the three characters
 * after 'z' in ASCII gives the Swedish order (… x y z å ä ö) with the default collation.
 */
export function nameSortKey(firstName: string, lastName: string) {
  return sortKey(`${lastName} ${firstName}`);
}

/** The sort key of any text, as nameSortKey makes it (the register's name order compares these). */
export function sortKey(text: string) {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("sv")
    .replace(/[åäöæøéü]/g, (c) => ({ å: "{", ä: "|", æ: "|", ö: "}", ø: "}", é: "e", ü: "y" })[c] ?? c);
}

/** A LIKE pattern for a name search, with the user's % and _ taken literally. */
export function nameLikePattern(query: string) {
  const key = query
    .trim()
    .normalize("NFC")
    .toLocaleLowerCase("sv")
    .replace(/[\\%_]/g, (c) => `\\${c}`);
  return `%${key}%`;
}

/**
 * A youth-name search: at least three characters are looked up in the trigram index as "contains"
 * (names hold no % or _, so those are dropped rather than escaped: an ESCAPE clause would keep
 * SQLite from using the index); one or two characters find last names that begin with them.
 */
export function youthNameSearch(query: string): { contains: string } | { lastNameFrom: string; lastNameBefore: string } | null {
  const key = query.trim().normalize("NFC").toLocaleLowerCase("sv").replace(/[%_]/g, "").replace(/\s+/g, " ");
  if (key.length === 0) return null;
  if ([...key].length >= 3) return { contains: `%${key}%` };
  const from = sortKey(key);
  const last = from.codePointAt(from.length - 1)!;
  return { lastNameFrom: from, lastNameBefore: from.slice(0, -1) + String.fromCodePoint(last + 1) };
}
