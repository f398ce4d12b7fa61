import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { startDemoServer } from "../support/server.ts";

// The sign-in page loads no zod (issue 15): its fields are checked by the server alone, and the
// answer shows beside each field, with JavaScript on, as it did when the browser checked them.

let app: Awaited<ReturnType<typeof startDemoServer>>;
let base: string;
beforeAll(async () => {
  app = await startDemoServer();
  base = app.server.url;
});
afterAll(() => app?.close());

describe.skipIf(!browserAvailable)("the sign-in page's field checks", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("come from the server, beside each field, and keep the fields' HTML rules", async () => {
    const { context, problems } = await newContext(browser, {
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await visit(page, base + "/login");
    const email = page.getByLabel("E-mailadres");
    const password = page.getByLabel("Wachtwoord");
    // The rules the schema gives, worked out by the loader.
    await expect(email.getAttribute("required")).resolves.not.toBeNull();
    await expect(password.getAttribute("maxlength")).resolves.toBe("200");

    const posted: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posted.push(new URL(request.url()).pathname);
    });
    // Typing checks nothing and sends nothing.
    await email.fill("geen-adres");
    await password.fill("x");
    await password.fill("");
    expect(posted).toEqual([]);

    await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
    await page.getByText("Dit is geen geldig e-mailadres.").waitFor();
    await page.getByText("Vul dit in.").waitFor();
    // One post, when the form is sent (Remix sends it to the route's data address).
    expect(posted).toEqual(["/login.data"]);
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(email.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(password.getAttribute("aria-invalid")).resolves.toBe("true");
    // What was typed is kept (the password never is).
    await expect(email.inputValue()).resolves.toBe("geen-adres");
    await expectAccessible(page);
    expect(problems.filter((text) => !/status of 400/.test(text))).toEqual([]);
    await context.close();
  });
});
