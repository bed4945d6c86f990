/**
 * Password policy, OWASP ASVS 2.1 (NIST 800-63B): at least 12 characters, long passphrases
 * allowed, no composition rules, and common or easily guessed passwords rejected.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_ERRORS = {
  tooShort: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`,
  tooLong: `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`,
  common: "Lösenordet är för vanligt eller lätt att gissa. Välj ett annat, gärna en fras av flera ord.",
  personal: "Lösenordet får inte innehålla ditt användarnamn eller namn.",
} as const;

// Words a Swedish municipality's staff are likely to build a password from.
const LOCAL_COMMON = [
  "lösenord",
  "losenord",
  "password",
  "sommar",
  "vinter",
  "hösten",
  "hosten",
  "våren",
  "varen",
  "välkommen",
  "valkommen",
  "sverige",
  "stockholm",
  "göteborg",
  "goteborg",
  "malmö",
  "malmo",
  "kommun",
  "kommunen",
  "samverkan",
  "samverkansportalen",
  "portalen",
  "hejhej",
  "qwerty",
  "qwertyuiop",
  "asdfghjkl",
  "abcdefgh",
  "abc123",
  "admin",
  "skola",
  "skolan",
  "aktivitetsansvar",
  "nässjö",
  "nassjo",
  "jönköping",
  "jonkoping",
  "hemligt",
  "hemlig",
];

let commonSet: Set<string> | undefined;
function common(): Set<string> {
  commonSet ??= new Set([...(dictionary["passwords-common"] as string[]), ...LOCAL_COMMON]);
  return commonSet;
}

/** Returns a Swedish message for a password that breaks the policy, or null if it is acceptable. */
export function checkPassword(password: string, context: { username?: string; displayName?: string } = {}) {
  const length = [...password.normalize("NFC")].length;
  if (length < PASSWORD_MIN_LENGTH) return PASSWORD_ERRORS.tooShort;
  if (length > PASSWORD_MAX_LENGTH) return PASSWORD_ERRORS.tooLong;

  const lower = password.normalize("NFC").toLocaleLowerCase("sv");
  // "Sommar2024!!" and "password123456" are a common word with digits and signs around it.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (common().has(lower) || (core.length >= 3 && common().has(core))) return PASSWORD_ERRORS.common;
  if (new Set(lower).size < 5) return PASSWORD_ERRORS.common; // "aaaaaaaaaaaa", "121212121212"
  if (isSequence(lower)) return PASSWORD_ERRORS.common;

  const personal = [context.username?.split("@")[0], ...(context.displayName?.split(/\s+/) ?? [])]
    .map((part) => part?.toLocaleLowerCase("sv") ?? "")
    .filter((part) => part.length >= 4);
  if (personal.some((part) => lower.includes(part))) return PASSWORD_ERRORS.personal;
  return null;
}

/** "123456789012", "abcdefghijkl": every character one step from the last. */
function isSequence(value: string) {
  const codes = [...value].map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if (Math.abs(step) !== 1) return false;
  return codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step || (step === 1 && code === 48 && codes[i - 1] === 57));
}
