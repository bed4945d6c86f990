import { LAST_SCHOOL_OCCUPATION_LABELS, REGISTRATION_REASON_LABELS } from "~/modules/outreach/labels";
import { SelectField, optionsOf } from "./form";
import type { Register } from "./form";

type Props = {
  register: Register;
  errorFor: (name: string) => string | undefined;
  hints?: { registrationReason?: string; lastSchoolOccupation?: string };
  /**
   * Registering by hand may leave the answers empty (they become what the way in says, or Uppgift
   * saknas); an enrollment's own form requires a choice, where "Uppgift saknas" is picked on purpose.
   */
  mayLeaveEmpty?: boolean;
};

/** The known values, with an empty choice that means "not known yet" instead of the unknown code. */
function knownOptions(labels: Record<string, string>) {
  return [
    { value: "", label: "Vet inte ännu (Uppgift saknas)" },
    ...Object.entries(labels)
      .filter(([value]) => value !== "unknown")
      .map(([value, label]) => ({ value, label })),
  ];
}

/** SCB's block-1 questions about an enrollment: asked wherever an enrollment is opened or corrected. */
export function ScbRegistrationFields({ register, errorFor, hints = {}, mayLeaveEmpty = false }: Props) {
  const options = (labels: Record<string, string>) => (mayLeaveEmpty ? knownOptions(labels) : optionsOf(labels));
  return (
    <>
      <SelectField
        name="registrationReason"
        label="Orsak till registrering"
        hint={hints.registrationReason}
        register={register}
        error={errorFor("registrationReason")}
        required={!mayLeaveEmpty}
        options={options(REGISTRATION_REASON_LABELS)}
      />
      <SelectField
        name="lastSchoolOccupation"
        label="Senaste skolrelaterade sysselsättning vid registrering"
        hint={hints.lastSchoolOccupation}
        register={register}
        error={errorFor("lastSchoolOccupation")}
        required={!mayLeaveEmpty}
        options={options(LAST_SCHOOL_OCCUPATION_LABELS)}
      />
    </>
  );
}
