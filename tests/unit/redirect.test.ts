import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/utils/redirect.ts";

describe("safeRedirectPath", () => {
  it("keeps a path on this site", () => {
    expect(safeRedirectPath("/diensten?week=12")).toBe("/diensten?week=12");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "",
    null,
    undefined,
    "javascript:x",
  ])("sends %s home", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });
});
