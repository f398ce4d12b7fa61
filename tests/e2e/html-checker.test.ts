import { describe, expect, it } from "vitest";
import { checkHtml } from "../support/browser.ts";

// Every browser file's pages go through checkHtml; this shows the check is live: it finds a real
// fault and forgives only the scripts Remix streams after </html>.
describe("the Nu HTML Checker service", () => {
  it("reports a stray end tag with the page's address and position", async () => {
    const errors = await checkHtml([
      {
        url: "http://app.test/kapot",
        html: '<!doctype html><html lang="nl"><head><title>Kapot</title></head><body><p>Tekst</span></p></body></html>',
      },
    ]);
    expect(errors).toEqual([
      expect.stringMatching(/^http:\/\/app\.test\/kapot 1:\d+ Stray end tag “span”\./),
    ]);
  });

  it("forgives the scripts after </html>, and only those", async () => {
    const remixLike =
      '<!doctype html><html lang="nl"><head><title>Goed</title></head><body><p>Tekst</p></body></html><script>window.x=1</script>';
    expect(await checkHtml([{ url: "http://app.test/goed", html: remixLike }])).toEqual([]);
    const scriptInsideBroken = remixLike.replace("<p>Tekst</p>", "<p>Tekst</div>");
    expect(
      await checkHtml([{ url: "http://app.test/fout", html: scriptInsideBroken }]),
    ).toHaveLength(1);
  });
});
