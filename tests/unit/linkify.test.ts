import { describe, expect, it } from "vitest";
import { linkify } from "~/modules/community/linkify.ts";

describe("linkify: web addresses in a board post become links, nothing else", () => {
  it("cuts text into plain pieces and http(s) links", () => {
    expect(linkify("Zie https://www.safeonweb.be voor meer.")).toEqual([
      { text: "Zie " },
      { text: "https://www.safeonweb.be", href: "https://www.safeonweb.be" },
      { text: " voor meer." },
    ]);
  });

  it("leaves sentence punctuation out of the address, keeps a bracket that belongs to it", () => {
    expect(linkify("Kijk op http://example.be/a.")).toEqual([
      { text: "Kijk op " },
      { text: "http://example.be/a", href: "http://example.be/a" },
      { text: "." },
    ]);
    expect(linkify("(zie https://nl.wikipedia.org/wiki/Phishing_(fraude))")[1]).toEqual({
      text: "https://nl.wikipedia.org/wiki/Phishing_(fraude)",
      href: "https://nl.wikipedia.org/wiki/Phishing_(fraude)",
    });
  });

  it("links www. addresses over https", () => {
    expect(linkify("www.mypension.be")).toEqual([
      { text: "www.mypension.be", href: "https://www.mypension.be" },
    ]);
  });

  it("never links other schemes, and HTML stays text", () => {
    for (const text of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "mailto:jan@example.be",
      "ftp://example.be/file",
      '<a href="https://evil.example">klik</a>',
    ]) {
      const pieces = linkify(text);
      for (const piece of pieces)
        if ("href" in piece) expect(piece.href).toMatch(/^https:\/\/evil\.example/);
      expect(pieces.map((p) => p.text).join("")).toBe(text);
    }
    expect(linkify("javascript:alert(1)")).toEqual([{ text: "javascript:alert(1)" }]);
  });

  it("keeps every character of the text, in order", () => {
    const text = "a https://x.be b\nhttp://y.be/c?d=1&e=2, www.z.be!";
    expect(
      linkify(text)
        .map((p) => p.text)
        .join(""),
    ).toBe(text);
  });
});
