import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { type CsvColumn, csvHeaders, phoneCell, writeCsv } from "~/modules/reports/csv.server.ts";

type Row = { name: string | null; note?: string | number | null; phone?: string | null };
const columns: CsvColumn<Row>[] = [
  { header: "Naam", value: (r) => r.name },
  { header: "Opmerking", value: (r) => r.note },
  { header: "Telefoon", value: (r) => r.phone, phone: true },
];
const LRM = "\u200E";

/** What a spreadsheet (or any CSV reader) gets back: the cells, the BOM taken off. */
function read(csv: string) {
  return parse(csv, { bom: true, delimiter: ";", relax_column_count: false }) as string[][];
}

describe("the CSV writer", () => {
  it("starts with a byte order mark and ends every line with CRLF", () => {
    const csv = writeCsv(columns, [{ name: "Zoë" }, { name: "Émile" }]);
    expect(csv.startsWith("\uFEFFNaam;Opmerking;Telefoon\r\n")).toBe(true);
    expect(csv).toBe("\uFEFFNaam;Opmerking;Telefoon\r\nZoë;;\r\nÉmile;;\r\n");
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  it("quotes fields that hold a separator, a quote or a line break", () => {
    const csv = writeCsv(columns, [
      { name: 'Zoë "Zee" Peeters', note: "a;b" },
      { name: "An, Bert", note: "regel 1\nregel 2" },
      { name: "Cas", note: "regel 1\r\nregel 2" },
    ]);
    expect(csv).toBe(
      "\uFEFFNaam;Opmerking;Telefoon\r\n" +
        '"Zoë ""Zee"" Peeters";"a;b";\r\n' +
        'An, Bert;"regel 1\nregel 2";\r\n' +
        'Cas;"regel 1\r\nregel 2";\r\n',
    );
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    const hostile = [
      '=HYPERLINK("http://x.example","klik")',
      "+1+1",
      "-2+3",
      "@SUM(A1:A2)",
      "\t=1+1",
      "\r=1+1",
      "\uFF1D1+1",
    ];
    const rows = read(
      writeCsv(
        columns,
        hostile.map((note) => ({ name: "X", note })),
      ),
    );
    expect(rows.slice(1).map((r) => r[1])).toEqual(hostile.map((text) => `'${text}`));
    // The header goes through the same writer.
    expect(read(writeCsv([{ header: "=1", value: () => 1 }], []))[0]).toEqual(["'=1"]);
  });

  it("keeps numbers as numbers, negative ones too, with a decimal comma", () => {
    const csv = writeCsv(columns, [
      { name: "a", note: -2 },
      { name: "b", note: 2.5 },
      { name: "c", note: 0 },
    ]);
    expect(
      read(csv)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["-2", "2,5", "0"]);
  });

  it("writes phone numbers so that a spreadsheet keeps them as text, without a visible quote", () => {
    const phones = ["+32 470 12 34 56", "0470123456", "0470/12 34 56", "-470", "+32470123456"];
    const cells = read(
      writeCsv(
        columns,
        phones.map((phone) => ({ name: "X", phone })),
      ),
    ).slice(1);
    // Each starts with the invisible LEFT-TO-RIGHT MARK: not a formula, not a number, no apostrophe.
    expect(cells.map((r) => r[2])).toEqual(phones.map((phone) => LRM + phone));
    for (const [, , cell] of cells) {
      expect(cell).not.toMatch(/^['=+\-@\d]/);
      expect(cell!.replace(LRM, "")).toMatch(/^[+\-\d]/);
    }
    expect(phoneCell(null)).toBe("");
    expect(phoneCell("")).toBe("");
  });

  it("writes anything else in a phone column as text, neutralised like any other", () => {
    const rows = read(writeCsv(columns, [{ name: "X", phone: '=cmd|"/c calc"!A1' }]));
    expect(rows[1]![2]).toBe('\'=cmd|"/c calc"!A1');
  });

  it("gives back every cell as it went in when parsed again", () => {
    const input: Row[] = [
      { name: 'Zoë "Zee" Peeters', note: "a;b,c\nd", phone: "+32 470 12 34 56" },
      { name: null, note: null, phone: null },
      { name: "Ærøskøbing – ‘quotes’ 😀", note: 12, phone: "050 44 80 00" },
    ];
    const parsed = read(writeCsv(columns, input));
    expect(parsed).toEqual([
      ["Naam", "Opmerking", "Telefoon"],
      ['Zoë "Zee" Peeters', "a;b,c\nd", `${LRM}+32 470 12 34 56`],
      ["", "", ""],
      ["Ærøskøbing – ‘quotes’ 😀", "12", `${LRM}050 44 80 00`],
    ]);
  });

  it("names a download that is never cached", () => {
    const headers = new Headers(csvHeaders('diensten "2027".csv'));
    expect(headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(headers.get("Content-Disposition")).toBe('attachment; filename="diensten__2027_.csv"');
    expect(headers.get("Cache-Control")).toBe("private, no-store");
  });
});
