import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password.server.ts";
import { NEW_PASSWORD_MIN_LENGTH, NewPasswordSchema } from "~/modules/auth/schemas.ts";

describe("the new-password rule", () => {
  it("is the same in the browser's schema and on the server", () => {
    expect(NEW_PASSWORD_MIN_LENGTH).toBe(PASSWORD_MIN_LENGTH);
  });

  it("asks for the minimum length and two equal entries", () => {
    expect(NewPasswordSchema.safeParse({ password: "kort", confirm: "kort" }).success).toBe(false);
    const mismatch = NewPasswordSchema.safeParse({
      password: "lang genoeg wachtwoord",
      confirm: "iets anders",
    });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues[0]?.message).toBe("auth:reset.mismatch");
    expect(
      NewPasswordSchema.safeParse({
        password: "lang genoeg wachtwoord",
        confirm: "lang genoeg wachtwoord",
      }).success,
    ).toBe(true);
  });
});
