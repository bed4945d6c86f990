/**
 * The name a municipality is addressed by ("Nässjö kommun", "Jönköpings kommun") from SCB's short
 * name ("Nässjö", "Jönköping"). Swedish adds a genitive s after a consonant, not after a vowel or
 * an s/x/z; Falun and Kalmar are the two that break the rule. Pure: the seed migration, the demo
 * seed and the tests share it.
 */
const IRREGULAR: Record<string, string> = { Falun: "Falu kommun", Kalmar: "Kalmar kommun" };

export function municipalityDisplayName(scbName: string): string {
  const irregular = IRREGULAR[scbName];
  if (irregular) return irregular;
  return /[aeiouyåäösxz]$/i.test(scbName) ? `${scbName} kommun` : `${scbName}s kommun`;
}
