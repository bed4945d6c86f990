/** The "whose cases" choice of the KAA lists: the whole unit, the unassigned, or one caseworker. */
export function CaseworkerSelect({ label, choice, staff }: { label: string; choice: string; staff: { membershipId: number; displayName: string }[] }) {
  return (
    <div className="field">
      <label htmlFor="handlaggare">{label}</label>
      <select id="handlaggare" name="handlaggare" defaultValue={choice}>
        <option value="alla">Hela enheten</option>
        <option value="ingen">Utan handläggare</option>
        {staff.map((s) => (
          <option key={s.membershipId} value={s.membershipId}>
            {s.displayName}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The query value of that choice, as the list readers take it. A caseworker starts with their own cases. */
export function caseworkerChoice(param: string | null, actor: { role: string; membershipId: number }) {
  const choice = param ?? (actor.role === "kaa_caseworker" ? String(actor.membershipId) : "alla");
  const caseworker: "all" | "unassigned" | number = choice === "alla" ? "all" : choice === "ingen" ? "unassigned" : Number(choice) || "all";
  return { choice, caseworker };
}
