import { ROLES } from "#db/schema/organizations-values";
import { ROLE_LABELS } from "~/modules/organizations/labels";
import { SelectField } from "./form";
import type { Register } from "./form";

/** Organisation and role of a membership, used when creating a user and when adding a role. */
export function MembershipFields({
  register,
  errorFor,
  organisations,
}: {
  register: Register;
  errorFor: (name: string) => string | undefined;
  organisations: { value: string; label: string }[];
}) {
  return (
    <>
      <SelectField
        name="organisationId"
        label="Organisation"
        register={register}
        error={errorFor("organisationId")}
        hint="Lämnas tom för systemförvaltare."
        options={organisations}
      />
      <SelectField
        name="role"
        label="Roll"
        register={register}
        error={errorFor("role")}
        required
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
      />
    </>
  );
}
