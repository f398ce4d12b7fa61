import { sql } from "kysely";
import { z } from "zod";
import type { Language } from "../../../db/schema.ts";
import type { Actor } from "~/modules/auth/access.server.ts";
import { may } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";

// Outside guests of an event (partners, the municipality): pasted or uploaded as CSV (email, name,
// language), checked row by row, then added in one transaction. The check is pure apart from two
// look-ups (the event's guests, the platform's accounts), and runs again on confirm over the same
// text, so what is added is what the report showed, and nothing is half-imported.

/** At most this many rows and this much text per import. */
export const MAX_GUEST_ROWS = 5_000;
export const MAX_GUEST_BYTES = 1024 * 1024;

const LANGUAGES = new Set<Language>(["nl", "fr", "en"]);
const HEADER_WORDS = new Set(["email", "e-mail", "mail", "adres", "e-mailadres", "courriel"]);
/* eslint-disable-next-line no-control-regex -- control characters in a name are refused */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const emailSchema = z.string().max(254).email();

export type GuestRefusal =
  | "email"
  | "duplicate_in_list"
  | "already_guest"
  | "platform_account"
  | "name_control"
  | "name_long";

export interface GuestRow {
  line: number;
  email: string;
  name: string;
  language: Language;
  /** The language given was not one of nl, fr, en: nl was taken. */
  languageDefaulted: boolean;
}

export interface GuestReport {
  toAdd: GuestRow[];
  refused: Array<{ line: number; email: string; reason: GuestRefusal }>;
  blankLines: number;
}

export type GuestCheck =
  | { ok: true; report: GuestReport }
  | { ok: false; reason: "too_large" | "too_many_rows" | "empty" | "control" };

/* eslint-disable-next-line no-control-regex -- a NUL or other control has no place in a list */
const CONTROL_OUTSIDE_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * An uploaded file as text: UTF-8 (with or without a byte order mark), or, when it is not valid
 * UTF-8, Windows-1252 (what Excel on Windows saves as "CSV").
 */
export function decodeGuestFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * CSV records with their first line number: `,` or `;` between fields (whichever the first line
 * has more of), fields in double quotes may hold separators, quotes ("") and line breaks.
 */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const count = (c: string) => firstLine.split(c).length - 1;
  const separator = count(";") > count(",") ? ";" : ",";
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n" || (c === "\r" && body[i + 1] !== "\n")) line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (c === separator) {
      cells.push(cell);
      cell = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = "";
      line++;
      recordLine = line;
    } else cell += c;
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records;
}

/**
 * Checks the guests of a pasted text or a decoded file against the event: each row is to add, or
 * refused with its line and reason; blank lines are skipped. Too much text or too many rows
 * refuses the whole list.
 */
export async function checkGuests(
  db: Database,
  eventId: number,
  text: string,
): Promise<GuestCheck> {
  if (text.length > MAX_GUEST_BYTES) return { ok: false, reason: "too_large" };
  // Not a text list at all (a binary file, or a NUL typed in): refused as a whole. Line breaks
  // and tabs are text; a line break inside a quoted name is refused for that row below.
  if (CONTROL_OUTSIDE_LINES.test(text)) return { ok: false, reason: "control" };
  const records = parseCsv(text);
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (rows.length > MAX_GUEST_ROWS + 1) return { ok: false, reason: "too_many_rows" };
  const blankLines = records.length - rows.length;
  // A header row: its first cell names the column rather than holding an address.
  if (rows[0] && HEADER_WORDS.has(rows[0].cells[0]!.trim().toLowerCase())) rows.shift();
  if (rows.length > MAX_GUEST_ROWS) return { ok: false, reason: "too_many_rows" };
  if (rows.length === 0) return { ok: false, reason: "empty" };

  const emails = rows.map((r) => r.cells[0]!.trim().toLowerCase());
  const candidates = [...new Set(emails.filter((e) => e.length <= 254))];
  const [guests, accounts] = candidates.length
    ? await Promise.all([
        db
          .selectFrom("event_guests")
          .select(sql<string>`lower(email)`.as("email"))
          .where("event_id", "=", eventId)
          .where(sql`lower(email)`, "in", candidates)
          .execute(),
        db
          .selectFrom("users")
          .select(sql<string>`lower(email)`.as("email"))
          .where(sql`lower(email)`, "in", candidates)
          .execute(),
      ])
    : [[], []];
  const isGuest = new Set(guests.map((g) => g.email));
  const hasAccount = new Set(accounts.map((a) => a.email));

  const report: GuestReport = { toAdd: [], refused: [], blankLines };
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const email = emails[index]!;
    const shown = email.slice(0, 254);
    const refuse = (reason: GuestRefusal) =>
      report.refused.push({ line: row.line, email: shown, reason });
    if (CONTROL.test(email) || !emailSchema.safeParse(email).success) {
      refuse("email");
      continue;
    }
    if (seen.has(email)) {
      refuse("duplicate_in_list");
      continue;
    }
    seen.add(email);
    if (isGuest.has(email)) {
      refuse("already_guest");
      continue;
    }
    if (hasAccount.has(email)) {
      refuse("platform_account");
      continue;
    }
    // A name keeps its characters (a leading = is a name like any other: the CSV export
    // neutralises it, and mail headers never carry it), but not a line break or control.
    const rawName = row.cells[1] ?? "";
    if (CONTROL.test(rawName)) {
      refuse("name_control");
      continue;
    }
    const name = rawName.trim() || email;
    if (name.length > 200) {
      refuse("name_long");
      continue;
    }
    const given = (row.cells[2] ?? "").trim().toLowerCase();
    const known = LANGUAGES.has(given as Language);
    report.toAdd.push({
      line: row.line,
      email,
      name,
      language: known ? (given as Language) : "nl",
      languageDefaulted: given !== "" && !known,
    });
  }
  return { ok: true, report };
}

export type AddGuestsOutcome =
  | { ok: true; added: number }
  | {
      ok: false;
      reason:
        "not_found" | "cancelled" | "too_large" | "too_many_rows" | "empty" | "control" | "changed";
    };

/**
 * Adds the rows the check accepts, all in one transaction: the text is checked again here, so a
 * list changed in between (someone else added one of these guests) adds nothing and says so.
 */
export async function addGuests(
  db: Database,
  actor: Actor,
  eventId: number,
  text: string,
  expected: number,
): Promise<AddGuestsOutcome> {
  return db.transaction().execute(async (trx) => {
    const event = await trx
      .selectFrom("events")
      .select(["id", "region_id", "digibank_id", "status"])
      .where("id", "=", eventId)
      .forUpdate()
      .executeTakeFirst();
    if (
      !event ||
      !may(actor, {
        action: "plan_events",
        scope: { regionId: event.region_id, digibankId: event.digibank_id },
      })
    )
      return { ok: false, reason: "not_found" };
    if (event.status === "cancelled") return { ok: false, reason: "cancelled" };
    const checked = await checkGuests(trx, eventId, text);
    if (!checked.ok) return checked;
    const rows = checked.report.toAdd;
    if (rows.length === 0) return { ok: false, reason: "empty" };
    if (rows.length !== expected) return { ok: false, reason: "changed" };
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto("event_guests")
        .values(
          rows.slice(i, i + 500).map((r) => ({
            event_id: eventId,
            email: r.email,
            name: r.name,
            language: r.language,
          })),
        )
        .execute();
    return { ok: true, added: rows.length };
  });
}

/** The event's guests, for its audience page, with whether each was invited already. */
export async function listGuests(db: Database, eventId: number) {
  return db
    .selectFrom("event_guests as g")
    .leftJoin("event_invitations as i", "i.guest_id", "g.id")
    .select(["g.id", "g.email", "g.name", "g.language", "i.id as invitationId"])
    .where("g.event_id", "=", eventId)
    .orderBy("g.id")
    .execute();
}

/** Removes a guest who was not invited yet (once invited, the organiser's page withdraws them). */
export async function removeGuest(
  db: Database,
  actor: Actor,
  eventId: number,
  guestId: number,
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "invited" }> {
  return db.transaction().execute(async (trx) => {
    const guest = await trx
      .selectFrom("event_guests as g")
      .innerJoin("events as e", "e.id", "g.event_id")
      .leftJoin("event_invitations as i", "i.guest_id", "g.id")
      .select(["g.id", "e.region_id", "e.digibank_id", "i.id as invitationId"])
      .where("g.id", "=", guestId)
      .where("g.event_id", "=", eventId)
      .executeTakeFirst();
    if (
      !guest ||
      !may(actor, {
        action: "plan_events",
        scope: { regionId: guest.region_id, digibankId: guest.digibank_id },
      })
    )
      return { ok: false, reason: "not_found" };
    if (guest.invitationId !== null) return { ok: false, reason: "invited" };
    await trx.deleteFrom("event_guests").where("id", "=", guestId).execute();
    return { ok: true };
  });
}
