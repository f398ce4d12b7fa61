import type { Kysely } from "kysely";
import type { DB, DigipuntKind, Language, Role, UserStatus } from "../../db/schema.ts";

// Test-data factories, shared by the tests and the demo seed (db/seed.ts). Each takes the database
// (or an open transaction) first and fills in what the caller leaves out.

type Db = Kysely<DB>;

let sequence = 0;
const next = () => ++sequence;

export async function createRegion(db: Db, values: { name?: string } = {}) {
  return db
    .insertInto("regions")
    .values({ name: values.name ?? `Regio ${next()}` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createMunicipality(
  db: Db,
  values: { regionId: number; name?: string; postalCode?: string },
) {
  const n = next();
  return db
    .insertInto("municipalities")
    .values({
      region_id: values.regionId,
      name: values.name ?? `Gemeente ${n}`,
      postal_code: values.postalCode ?? String(1000 + (n % 9000)),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createDigibank(db: Db, values: { regionId: number; name?: string }) {
  return db
    .insertInto("digibanks")
    .values({ region_id: values.regionId, name: values.name ?? `Digibank ${next()}` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createDigipunt(
  db: Db,
  values: {
    digibankId: number;
    municipalityId: number;
    name?: string;
    kind?: DigipuntKind;
    address?: string | null;
    accessibilityNotes?: string | null;
  },
) {
  const kind = values.kind ?? "fixed";
  return db
    .insertInto("digipunten")
    .values({
      digibank_id: values.digibankId,
      municipality_id: values.municipalityId,
      name: values.name ?? `Digipunt ${next()}`,
      kind,
      address:
        values.address !== undefined ? values.address : kind === "fixed" ? "Marktplein 1" : null,
      accessibility_notes: values.accessibilityNotes ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createUser(
  db: Db,
  values: {
    email?: string;
    name?: string;
    language?: Language;
    volunteeringSince?: string | null;
    passwordHash?: string | null;
    status?: UserStatus;
  } = {},
) {
  const n = next();
  return db
    .insertInto("users")
    .values({
      email: values.email ?? `person${n}@test.digihelpers.example`,
      name: values.name ?? `Persoon ${n}`,
      language: values.language ?? "nl",
      volunteering_since: values.volunteeringSince ?? null,
      password_hash: values.passwordHash ?? null,
      status: values.status ?? "active",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function assignRole(
  db: Db,
  values: { userId: number; role: Role; regionId?: number | null; digibankId?: number | null },
) {
  return db
    .insertInto("role_assignments")
    .values({
      user_id: values.userId,
      role: values.role,
      region_id: values.regionId ?? null,
      digibank_id: values.digibankId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
