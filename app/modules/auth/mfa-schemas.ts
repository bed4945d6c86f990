import { z } from "zod";

/** The forms of the second factor: shared by the browser (react-hook-form) and the server. */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Skriv koden från appen.")
    .max(20, "Koden har sex siffror.")
    .refine((v) => /^\d{6}$/.test(v.replace(/[\s-]/g, "")), "Koden har sex siffror."),
});

export const recoveryCodeSchema = z.object({
  recoveryCode: z.string().trim().min(1, "Skriv en av dina reservkoder.").max(40, "En reservkod har 16 tecken, till exempel ABCD-EFGH-IJKL-MNOP."),
});

export const stepUpPasswordSchema = z.object({
  password: z.string().min(1, "Skriv ditt lösenord.").max(256, "Lösenordet är för långt."),
});

/** The browser's WebAuthn answer, posted by the page's script; bounded like any other field. */
export const passkeyAnswerSchema = z.object({
  token: z.string().min(1).max(100),
  response: z.string().min(1).max(20_000),
});

export const passkeyNameSchema = z.object({
  name: z.string().trim().min(1, "Ge nyckeln ett namn, till exempel ”Jobbdatorn”.").max(60, "Namnet får ha högst 60 tecken."),
});

export const passkeyRegistrationSchema = passkeyAnswerSchema.extend(passkeyNameSchema.shape);

export const totpConfirmSchema = totpCodeSchema.extend({ enrolment: z.string().min(1).max(100) });
