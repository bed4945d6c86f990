import { describe, expect, it } from "vitest";
import { checkPassword, PASSWORD_ERRORS } from "~/modules/auth/password-policy.server";

describe("password policy", () => {
  it("requires at least 12 characters, counting letters like å as one", () => {
    expect(checkPassword("kort-lösen1")).toBe(PASSWORD_ERRORS.tooShort); // 11
    expect(checkPassword("grön-älg-hus")).toBeNull(); // 12
    expect(checkPassword("ååååååäääöö")).toBe(PASSWORD_ERRORS.tooShort);
  });

  it("allows long passphrases of 64 characters and more", () => {
    const phrase = "när vi cyklade till badsjön i juli regnade det hela eftermiddagen och lite till";
    expect([...phrase].length).toBeGreaterThan(64);
    expect(checkPassword(phrase)).toBeNull();
    expect(checkPassword("x".repeat(10) + "abcdefghijklmnopqrstuvw".repeat(10))).toBeNull();
  });

  it("rejects absurdly long input", () => {
    expect(checkPassword("abcdefghijk".repeat(30))).toBe(PASSWORD_ERRORS.tooLong);
  });

  it("has no composition rules: lower-case words only are fine", () => {
    expect(checkPassword("hästen springer över ängen")).toBeNull();
  });

  it.each([
    "123456789012",
    "password1234",
    "Password123456",
    "Sommar2024!!",
    "qwertyuiop123",
    "lösenord2026",
    "aaaaaaaaaaaaaa",
    "1qaz2wsx3edc",
    "abcdefghijklm",
  ])("rejects the common or guessable %s", (password) => {
    expect(checkPassword(password)).toBe(PASSWORD_ERRORS.common);
  });

  it("rejects a password built from the user's own name", () => {
    expect(checkPassword("karin.lindqvist-2026", { username: "karin.lindqvist@nassjo.se", displayName: "Karin Lindqvist" })).toBe(PASSWORD_ERRORS.personal);
  });
});
