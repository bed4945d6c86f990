/**
 * Who must use a second factor with a password (pure; the settings and memberships are read elsewhere).
 * Every role that reads youth data must, i.e. every membership role but the systemförvaltare's; the
 * systemförvaltare may require it of everyone. An SSO sign-in never asks: the municipality's own
 * sign-in carries its MFA (issue 17).
 */
import { ROLES, type AuthMethod, type Role } from "#db/schema/organizations-values";

export const YOUTH_DATA_ROLES: readonly Role[] = ROLES.filter((role) => role !== "system_admin");

export function roleNeedsMfa(role: Role, settings: { mfaForEveryone: boolean }): boolean {
  return settings.mfaForEveryone || YOUTH_DATA_ROLES.includes(role);
}

/** Whether a person with these active roles must use a second factor after the password. */
export function mfaRequired(roles: readonly Role[], settings: { mfaForEveryone: boolean }): boolean {
  return settings.mfaForEveryone || roles.some((role) => roleNeedsMfa(role, settings));
}

/** A session proved by the password alone (the second factor skipped or not yet enrolled). */
export function isPasswordOnly(authMethod: AuthMethod): boolean {
  return authMethod === "password";
}

/** Recovery codes: how many, and when the account page warns that few are left. */
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODES_LOW = 2;
