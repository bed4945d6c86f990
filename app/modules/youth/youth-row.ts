import { nameSearchKey, nameSortKey } from "./names";
import type { YouthUpdateInput } from "./youth-schema";

/** The youth-table columns that come from the identity form (shared by the register and the seed). */
export function identityColumns(input: YouthUpdateInput) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    nameSearch: nameSearchKey(input.firstName, input.lastName),
    nameSort: nameSortKey(input.firstName, input.lastName),
    streetAddress: input.streetAddress ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    protectedIdentity: input.protectedIdentity,
  };
}

/** Guardian rows from the form's two guardian slots; empty slots are left out. */
export function guardianInputs(input: YouthUpdateInput) {
  return [1, 2]
    .map((n) => ({
      position: n,
      name: (n === 1 ? input.guardian1Name : input.guardian2Name) ?? "",
      phone: (n === 1 ? input.guardian1Phone : input.guardian2Phone) ?? null,
      email: (n === 1 ? input.guardian1Email : input.guardian2Email) ?? null,
    }))
    .filter((g) => g.name !== "");
}
