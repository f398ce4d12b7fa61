import PDFDocument from "pdfkit";
import type { AttestationText } from "./view.server.ts";

// The attestation as a PDF, made here with pdfkit (pure JavaScript, no headless browser). The
// standard Helvetica fonts use WinAnsi encoding, which holds é, ë, ç and ’; the document's title
// and language are in its metadata, so a screen reader announces it rightly.

const MARGIN = 56; // about 2 cm

export function renderAttestationPdf(text: AttestationText): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: text.language,
    displayTitle: true,
    info: {
      Title: text.title,
      Subject: text.subject,
      Author: "Digihelpers",
      Creator: "Digihelpers",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const heading = (label: string) => {
    doc.moveDown(1).font("Helvetica-Bold").fontSize(13).text(label).moveDown(0.3);
    doc.font("Helvetica").fontSize(11);
  };

  doc.font("Helvetica-Bold").fontSize(20).text(text.title);
  doc.moveDown(0.5).font("Helvetica-Bold").fontSize(14).text(text.name);
  doc.font("Helvetica").fontSize(11).text(`${text.from} – ${text.to}`);
  doc.moveDown(1).fontSize(11).text(text.statement);

  heading(text.labels.work);
  for (const { label, value } of text.work) doc.text(`${label}: ${value}`);

  heading(text.labels.digibanks);
  for (const d of text.digibanks) {
    doc.font("Helvetica-Bold").text(d.name);
    doc.font("Helvetica");
    doc.text(`${text.labels.coordinator}: ${d.coordinator}`);
    doc.text(`${text.labels.hours}: ${d.hours} · ${text.labels.shifts}: ${d.shifts}`);
    doc.moveDown(0.4);
  }

  heading(text.labels.courses);
  for (const line of text.courses) doc.text(`• ${line}`);

  heading(text.labels.skills);
  for (const line of text.skills) doc.text(`• ${line}`);

  doc.moveDown(2).text(text.issued);
  doc.fontSize(9).fillColor("#444444").text(text.platform);
  doc.end();
  return done;
}
