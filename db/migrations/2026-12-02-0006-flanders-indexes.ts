import { type Kysely, sql } from "kysely";

// Indexes for a Flanders-sized database (bench/flanders, docs/decisions/028-flanders-sized-world.md):
// each lets a query read only the rows its page shows instead of a share of the whole table.
// - digipunten_digibank_idx: the reader's digibanken to their digipunten, the first step of the
//   calendar, the shift list, the filter choices and the planning pages (before: a scan of every
//   digipunt of Flanders on each request);
// - shift_claims_release_requested_idx: the release requests still open on a coordinator's
//   upcoming shifts (home page, planning); only those few claims are in it, so the count no
//   longer reads the claims of every listed shift.
// Frozen in time: never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index digipunten_digibank_idx on digipunten (digibank_id)`.execute(db);
  await sql`create index shift_claims_release_requested_idx on shift_claims (shift_id)
    where status = 'confirmed' and release_requested_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index shift_claims_release_requested_idx`.execute(db);
  await sql`drop index digipunten_digibank_idx`.execute(db);
}
