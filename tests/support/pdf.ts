import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// pdf.js reads the 14 standard fonts' metrics from its own folder.
const standardFontDataUrl =
  path.join(
    path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
    "standard_fonts",
  ) + "/";

// A PDF read back for a test: its text (pages joined) and the metadata a reader announces.

export async function readPdf(bytes: Uint8Array) {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    standardFontDataUrl,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
        .join(""),
    );
  }
  const meta = await doc.getMetadata();
  const info = meta.info as { Title?: string; Language?: string };
  const text = pages.join("\n");
  await doc.destroy();
  return { text, title: info.Title ?? null, language: info.Language ?? null };
}
