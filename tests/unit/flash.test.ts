import { describe, expect, it } from "vitest";
import { clearOutcome, readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";

// The outcome of an action rides from its redirect to the next page in a signed, HttpOnly cookie.

const context = { secret: "flash-test-secret" };

/** The request the browser makes next, carrying the cookie the redirect set. */
function follow(response: Response, url = "http://127.0.0.1/shifts/list") {
  const cookie = response.headers.getSetCookie()[0]!.split(";")[0]!;
  return new Request(url, { headers: { Cookie: cookie } });
}

describe("the outcome of an action after its redirect", () => {
  it("redirects, to the place the reader acted in, and the next page reads the outcome", async () => {
    const response = await redirectWithOutcome(
      new Request("http://127.0.0.1/shifts/list?week=2026-12-07"),
      context,
      "/shifts/list?week=2026-12-07",
      { tone: "error", message: "shifts:refusals.full", at: "shift-12" },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/shifts/list?week=2026-12-07#shift-12");
    const outcome = await readOutcome(follow(response), context);
    expect(outcome).toMatchObject({
      tone: "error",
      message: "shifts:refusals.full",
      at: "shift-12",
    });
    expect(outcome?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps the cookie rules: HttpOnly, SameSite=Lax, and Secure with __Host- over HTTPS", async () => {
    const outcome = { tone: "success", message: "account:saved.profile" } as const;
    const plain = await redirectWithOutcome(new Request("http://x/"), context, "/account", outcome);
    expect(plain.headers.get("Set-Cookie")).toMatch(
      /^outcome=.*; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const secure = await redirectWithOutcome(
      new Request("https://x/"),
      context,
      "/account",
      outcome,
    );
    expect(secure.headers.get("Set-Cookie")).toMatch(
      /^__Host-outcome=.*; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
  });

  it("keeps the other headers of the redirect, such as a new session cookie", async () => {
    const response = await redirectWithOutcome(
      new Request("http://x/"),
      context,
      "/account",
      { tone: "success", message: "account:saved.password" },
      { headers: { "Set-Cookie": "session=abc; Path=/" } },
    );
    expect(response.headers.getSetCookie()).toHaveLength(2);
  });

  it("ignores a cookie signed with another secret, or none", async () => {
    const response = await redirectWithOutcome(new Request("http://x/"), context, "/", {
      tone: "success",
      message: "shifts:done.claimed",
    });
    await expect(readOutcome(follow(response), { secret: "another" })).resolves.toBeNull();
    await expect(readOutcome(new Request("http://x/"), context)).resolves.toBeNull();
  });

  it("is cleared by the page that shows it, and only when there is one", async () => {
    const response = await redirectWithOutcome(new Request("http://x/"), context, "/", {
      tone: "success",
      message: "shifts:done.claimed",
    });
    await expect(clearOutcome(follow(response), context)).resolves.toMatch(
      /^outcome=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    await expect(clearOutcome(new Request("http://x/"), context)).resolves.toBeNull();
  });
});
