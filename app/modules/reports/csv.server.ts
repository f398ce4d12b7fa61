import { stringify } from "csv-stringify/sync";

// The one CSV writer for every export (shifts now; courses, gatherings and reports later), made
// for Excel as our coordinators have it: Belgian regional settings. Why each choice:
// docs/decisions/013-csv-exports.md.

export type CsvValue = string | number | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
  /** A phone number: written so that a spreadsheet keeps it as text, as it was typed. */
  phone?: boolean;
}

/**
 * Excel reads a value as a formula when it starts with = + - or @, and as a number when it is only
 * digits: "+32 470 12 34 56" would become an error and "0470123456" would lose its 0. A leading
 * LEFT-TO-RIGHT MARK (invisible, zero width, and meant for numbers like these) makes it neither.
 */
const LEFT_TO_RIGHT_MARK = "\u200E";
/** What a phone number may hold; anything else is written as ordinary text (and neutralised). */
const PHONE = /^[0-9 +/().-]+$/;

export function phoneCell(value: string | null | undefined): string {
  if (!value) return "";
  return PHONE.test(value) ? LEFT_TO_RIGHT_MARK + value : value;
}

/**
 * A CSV document: UTF-8 with a byte order mark (so Excel reads accents right), semicolons between
 * fields (the list separator of Belgian Excel), CRLF line ends, fields quoted when they hold a
 * separator, a quote or a line break (RFC 4180), and any text that a spreadsheet would run as a
 * formula prefixed with an apostrophe (OWASP's advice on CSV injection).
 */
export function writeCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: Iterable<Row>) {
  const records: CsvValue[][] = [columns.map((column) => column.header)];
  for (const row of rows) {
    records.push(
      columns.map((column) => {
        const value = column.value(row);
        return column.phone && typeof value === "string" ? phoneCell(value) : value;
      }),
    );
  }
  return stringify(records, {
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
    // With its own record delimiter set, csv-stringify would leave a lone \n or \r unquoted.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      // A decimal comma, as the semicolon separator implies: 2.5 hours reads as 2,5 in Belgium.
      number: (value) =>
        Number.isInteger(value) ? String(value) : String(value).replace(".", ","),
    },
  });
}

/** The headers of a CSV download: a file to save, never cached (exports hold personal data). */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    "Cache-Control": "private, no-store",
  };
}
