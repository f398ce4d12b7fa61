import type { JobQueue } from "~/utils/jobs.server.ts";
import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { auditPersonalData } from "~/modules/audit/personal-data.server.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { authPersonalData } from "~/modules/auth/personal-data.server.ts";
import { communityPersonalData } from "~/modules/community/personal-data.server.ts";
import { eventsPersonalData } from "~/modules/events/personal-data.server.ts";
import { coursesPersonalData } from "~/modules/courses/personal-data.server.ts";
import { mailPersonalData } from "~/modules/mail/personal-data.server.ts";
import { shiftReportsPersonalData } from "~/modules/shift-reports/personal-data.server.ts";
import { shiftsPersonalData } from "~/modules/shifts/personal-data.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { DELETED_NAME, deletedAddress, peoplePersonalData } from "./profile-data.server.ts";

// The one place that knows what personal data Digihelpers holds. Every capability that keeps
// something about a person adds a part to PERSONAL_DATA_PARTS: what the download shows, what
// erasure does, and which columns name the person. tests/integration/personal-data.test.ts fails
// when a table with a person column is declared by no part (docs/decisions/016-personal-data-registry.md).

/** One value in the download: JSON-ready, and shown in the reader's language by the readable view. */
export type PersonalDataValue =
  string | number | boolean | null | Date | readonly string[] | { readonly [key: string]: unknown };
export type PersonalDataRecord = Record<string, PersonalDataValue>;
/** A section of the download: one record (the profile) or a list of them (the shifts). */
export type PersonalDataSection = PersonalDataRecord | PersonalDataRecord[] | null;

/**
 * What erasure does with a column that names a person:
 * - "erased": the row is deleted or the value blanked;
 * - kept: the value stays, with why (it points at the person's row, which erasure anonymises);
 * - notPersonal: it does not name anyone, with why.
 */
export type ColumnHandling = "erased" | { kept: string } | { notPersonal: string };

export interface PersonalDataTable {
  table: keyof DB;
  /** Every column of this table that names or points to a person, and what erasure does with it. */
  userColumns: Readonly<Record<string, ColumnHandling>>;
}

/** The person as they were before erasure began: the parts look up rows by address too. */
export interface DataSubject {
  id: number;
  email: string;
  name: string;
  phone: string | null;
  /** What their address becomes (`deleted-<id>@deleted.invalid`). */
  placeholderEmail: string;
}

export interface PersonalDataPart {
  /** The capability, for messages and tests. */
  name: string;
  tables: readonly PersonalDataTable[];
  /** The sections this part adds to the download, keyed by section name. */
  download(db: Database, subject: DataSubject): Promise<Record<string, PersonalDataSection>>;
  /**
   * Removes or blanks what names the person, inside the erasure's transaction. `jobs` lets a part
   * tell others what the erasure changed for them (a waiting list moving up).
   */
  erase(trx: Database, subject: DataSubject, options?: { jobs?: JobQueue | null }): Promise<void>;
}

export const PERSONAL_DATA_PARTS: readonly PersonalDataPart[] = [
  peoplePersonalData,
  shiftsPersonalData,
  shiftReportsPersonalData,
  communityPersonalData,
  coursesPersonalData,
  eventsPersonalData,
  authPersonalData,
  mailPersonalData,
  auditPersonalData,
];

export { DELETED_NAME, deletedAddress };

async function findSubject(db: Database, userId: number, lock: boolean) {
  let query = db
    .selectFrom("users")
    .select(["id", "email", "name", "phone"])
    .where("id", "=", userId)
    .where("status", "!=", "deleted");
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { ...row, placeholderEmail: deletedAddress(row.id) } : null;
}

/** Every section of every part about one person, in the parts' order. Not audited. */
export async function collectPersonalData(
  db: Database,
  userId: number,
): Promise<Record<string, PersonalDataSection>> {
  const subject = await findSubject(db, userId, false);
  if (!subject) throw new Error(`No person ${userId} to collect data about`);
  const sections: Record<string, PersonalDataSection> = {};
  for (const part of PERSONAL_DATA_PARTS) Object.assign(sections, await part.download(db, subject));
  return sections;
}

/** The download file: everything Digihelpers holds about one person. Audited. */
export async function downloadPersonalData(
  db: Database,
  userId: number,
  input: { ip: string; now?: Date },
): Promise<{ exportedAt: string } & Record<string, PersonalDataSection | string>> {
  const sections = await collectPersonalData(db, userId);
  await recordAuditEvent(db, {
    action: "data_exported",
    actorId: userId,
    subjectId: userId,
    ip: input.ip,
  });
  return { exportedAt: (input.now ?? new Date()).toISOString(), ...sections };
}

/**
 * Erases an account in one transaction: every part removes or blanks what names the person. The
 * person's row stays, anonymised, so that the counts built on it (volunteers per digibank, fill
 * rates, hours per digipunt) stay right.
 */
export async function erasePersonalData(
  db: Database,
  userId: number,
  { jobs = null }: { jobs?: JobQueue | null } = {},
) {
  await db.transaction().execute((trx) => erasePersonalDataIn(trx, userId, { jobs }));
}

/**
 * The erasure inside the caller's transaction, for callers that check something under the same
 * locks first (retention anonymising an unused account). `reason` says why when the person did not
 * ask for it themselves: the audit event then has no actor.
 */
export async function erasePersonalDataIn(
  trx: Transaction<DB>,
  userId: number,
  { jobs = null, reason = null }: { jobs?: JobQueue | null; reason?: "inactive" | null } = {},
): Promise<boolean> {
  const subject = await findSubject(trx, userId, true);
  if (!subject) return false;
  for (const part of PERSONAL_DATA_PARTS) await part.erase(trx, subject, { jobs });
  await recordAuditEvent(trx, {
    action: "account_deleted",
    actorId: reason ? null : userId,
    subjectId: userId,
    ip: null,
    ...(reason ? { details: { reason } } : {}),
  });
  return true;
}
