import { z } from "zod";

/** Client checks only what is obvious; the policy (common passwords etc.) is checked on the server. */
export const loginSchema = z.object({
  username: z.string().trim().min(1, "Ange ditt användarnamn."),
  password: z.string().min(1, "Ange ditt lösenord."),
  redirectTo: z.string().optional(),
});

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "Ange ditt nuvarande lösenord."),
    newPassword: z.string().min(12, "Lösenordet måste ha minst 12 tecken.").max(256, "Lösenordet får ha högst 256 tecken."),
    repeatPassword: z.string().min(1, "Upprepa det nya lösenordet."),
  })
  .refine((v) => v.newPassword === v.repeatPassword, { path: ["repeatPassword"], message: "Lösenorden är inte lika." });
