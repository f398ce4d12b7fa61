import { describe, expect, it } from "vitest";
import { splitLinks } from "~/modules/mail/mailbox.server.ts";
import { EMAIL_TEMPLATES, type EmailPayloads } from "~/modules/mail/messages.ts";
import { renderEmail } from "~/modules/mail/render.server.ts";
import { supportedLanguages } from "~/utils/i18n.ts";

const URL = "http://localhost:3000/link/tok?a=1&b=2";
const samples: EmailPayloads = {
  sign_in_link: { name: "Jan", url: URL },
  password_reset: { name: "Jan", url: URL },
  invitation: {
    name: "Jan",
    url: URL,
    inviterName: "Lotte",
    scopeName: "Gent",
    role: "digihelper",
  },
  email_change: { name: "Jan", url: URL },
  join_request: { requesterName: "Jan", digibankName: "Digibank Gent", url: URL },
  join_declined: { name: "Jan", digibankName: "Digibank Gent" },
};

describe("renderEmail", () => {
  const cases = EMAIL_TEMPLATES.flatMap((template) =>
    supportedLanguages.map((language) => [template, language] as const),
  );

  it.each(cases)(
    "%s in %s: a subject, HTML in that language, plain text with the address",
    async (template, language) => {
      const payload = samples[template];
      const email = await renderEmail(template, language, payload);
      expect(email.subject).not.toMatch(/\{\{|\.subject$/);
      expect(email.html).toContain(`lang="${language}"`);
      expect(email.text).not.toMatch(/\{\{|undefined/);
      if ("url" in payload) {
        // Once on the button, once as the raw address under it.
        expect(email.text.split(payload.url).length - 1).toBeGreaterThanOrEqual(2);
        expect(email.html).toContain(`href="${payload.url.replace("&", "&amp;")}"`);
      }
    },
  );

  it("escapes what the payload holds instead of injecting it as HTML", async () => {
    const email = await renderEmail("sign_in_link", "nl", { name: "<b>Jan</b>", url: URL });
    expect(email.html).not.toContain("<b>Jan</b>");
    expect(email.text).toContain("Dag <b>Jan</b>,");
  });
});

describe("splitLinks", () => {
  it("cuts text into text and http(s) links, leaving a sentence's full stop outside", () => {
    expect(splitLinks("Ga naar https://a.example/x?y=1. Of mailto:x@y.")).toEqual([
      { kind: "text", text: "Ga naar " },
      { kind: "link", href: "https://a.example/x?y=1" },
      { kind: "text", text: ". Of mailto:x@y." },
    ]);
  });

  it("never makes a link of a javascript: address", () => {
    expect(splitLinks("javascript:alert(1)")).toEqual([
      { kind: "text", text: "javascript:alert(1)" },
    ]);
  });
});
