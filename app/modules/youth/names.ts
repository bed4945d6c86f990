/** Keys that make names searchable and sortable in Swedish in plain SQLite (no ICU). */

export function nameSearchKey(firstName: string, lastName: string) {
  return `${firstName} ${lastName}`.normalize("NFC").toLocaleLowerCase("sv");
}

/**
 * SQLite compares bytes, which would put Ä before Å. Mapping å, ä, ö to the three characters
 * after 'z' in ASCII gives the Swedish order (… x y z å ä ö) with the default collation.
 */
export function nameSortKey(firstName: string, lastName: string) {
  return `${lastName} ${firstName}`
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
