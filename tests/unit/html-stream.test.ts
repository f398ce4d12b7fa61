import { PassThrough, type Readable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutNulBytes } from "~/utils/html-stream.server.ts";

// A page of short texts (React copies them into its 2,048-byte buffer one by one); with three
// letters before them, a two-byte "ç" lands across the buffer's end.
function render(through: () => PassThrough | ReturnType<typeof withoutNulBytes>) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const words = [createElement("b", { key: "pad" }, "aaa")];
    for (let i = 0; i < 200; i++) words.push(createElement("span", { key: i }, "Français"));
    const { pipe } = renderToPipeableStream(createElement("p", null, words), {
      onAllReady() {
        const body = through() as Readable & NodeJS.WritableStream;
        body.on("data", (chunk: Buffer) => chunks.push(chunk));
        body.on("end", () => resolve(Buffer.concat(chunks)));
        pipe(body);
      },
      onShellError: reject,
    });
  });
}

describe("withoutNulBytes", () => {
  it("control: React 18 leaves a NUL byte where a character straddles its buffer", async () => {
    const raw = (await render(() => new PassThrough())).toString("utf8");
    expect(raw).toContain("\u0000");
  });

  it("drops it, leaving the text React meant to write", async () => {
    const html = (await render(withoutNulBytes)).toString("utf8");
    expect(html).not.toContain("\u0000");
    expect(html.match(/<span>Français<\/span>/g)).toHaveLength(200);
  });

  it("passes chunks without NUL bytes through untouched", async () => {
    const stream = withoutNulBytes();
    const out: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => out.push(chunk));
    const chunk = Buffer.from("héllo wörld", "utf8");
    stream.end(chunk);
    await new Promise((resolve) => stream.on("end", resolve));
    expect(Buffer.concat(out).equals(chunk)).toBe(true);
  });
});
