import { describe, expect, it } from "vitest";
import { redirectTo } from "~/modules/auth/schemas.ts";
import { safeRedirectPath, sameSitePath } from "~/utils/redirect.ts";

describe("safeRedirectPath", () => {
  it.each([
    ["/diensten?week=12", "/diensten?week=12"],
    ["/shifts/12#claim", "/shifts/12#claim"],
    ["/people?q=an%20peeters", "/people?q=an%20peeters"],
    ["/https://evil.example", "/https://evil.example"],
    ["/planning/../account", "/account"],
  ])("keeps %s on this site as %s", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  // Every way a browser could be talked into leaving the site after signing in.
  it.each([
    // another site, written out
    "https://evil.example/",
    "http://evil.example",
    "HTTPS://evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
    "evil.example",
    // scheme-relative
    "//evil.example",
    "///evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/x/..//evil.example",
    "/.//evil.example",
    // backslashes, which browsers read as slashes
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/%5Cevil.example",
    "/%5c%5cevil.example",
    // tabs, CR and LF, which browsers drop (and which break a Location header)
    "/\t/evil.example/phish",
    "/%09/evil.example/phish",
    "/\r/evil.example",
    "/%0D/evil.example",
    "/\n/evil.example",
    "/%0a/evil.example",
    "/account\r\nSet-Cookie: a=b",
    "/account%0D%0ASet-Cookie:%20a=b",
    "/\u0000x",
    "/%00x",
    "/\u0085x",
    // double encoding and broken encoding
    "/%2509/evil.example",
    "/%255C/evil.example",
    "/%E0%A4%A",
    // nothing at all
    "",
    null,
    undefined,
  ])("sends %j home", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
    expect(sameSitePath(value)).toBeNull();
  });

  it("never returns a path a browser would read as another host", () => {
    for (const value of ["/%09/x", "/..//evil", "/a/./..//b", "/\t\t//evil"]) {
      const result = safeRedirectPath(value);
      expect(new URL(result, "https://digihelpers.example").origin).toBe(
        "https://digihelpers.example",
      );
    }
  });
});

describe("the sign-in form's redirectTo", () => {
  it("is a safe path, home when empty, and refuses anything else", () => {
    expect(redirectTo.safeParse("/account")).toEqual({ success: true, data: "/account" });
    expect(redirectTo.safeParse(undefined)).toEqual({ success: true, data: "/" });
    expect(redirectTo.safeParse("/\n/evil.example").success).toBe(false);
    expect(redirectTo.safeParse("//evil.example").success).toBe(false);
  });
});
