import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { loadActor } from "~/modules/auth/access.server.ts";
import { issueToken } from "~/modules/auth/tokens.server.ts";
import { EMAIL_TEMPLATES } from "~/modules/mail/messages.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { createMailTransport } from "~/modules/mail/transport.server.ts";
import {
  PERSONAL_DATA_PARTS,
  type PersonalDataPart,
  collectPersonalData,
  downloadPersonalData,
  erasePersonalData,
} from "~/modules/people/personal-data.server.ts";
import { readablePersonalData } from "~/modules/people/personal-data-view.server.ts";
import { flatten } from "~/locales/check.ts";
import en from "~/locales/en/index.ts";
import fr from "~/locales/fr/index.ts";
import nl from "~/locales/nl/index.ts";
import { createCalendarFeed } from "~/modules/shifts/feed.server.ts";
import { fillRates } from "~/modules/shifts/roster.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createClaim,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
  giveSkill,
} from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import {
  columnsNaming,
  personColumns,
  recordsOf,
  registryProblems,
} from "../support/personal-data.ts";

let database: TestDatabase;
let jobs: JobQueue;
beforeAll(async () => {
  database = await createTestDatabase();
  // The job queue's own tables are searched for the person's name too.
  jobs = await startTestJobQueue(database);
});
afterAll(async () => {
  await jobs?.stop({ graceful: false });
  await database?.destroy();
});

const part = (name: string) => PERSONAL_DATA_PARTS.find((p) => p.name === name)!;

/**
 * A volunteer who also coordinates, with data in every table any part declares: shifts past
 * and to come, a reserve place, a release request, attendance, skills, a calendar feed, a series
 * they planned, join requests (their own and one they decided), sessions, emailed links, a
 * rate-limit window, emails (through the real outbox and job queue) and audit events.
 */
async function personWithEverything() {
  const db = database.db;
  const tag = crypto.randomBytes(4).toString("hex");
  const region = await createRegion(db);
  const municipality = await createMunicipality(db, { regionId: region.id });
  const bank = await createDigibank(db, { regionId: region.id });
  const digipunt = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: municipality.id,
    name: `Bibliotheek ${tag}`,
    address: "Kerkstraat 5",
  });
  const person = await createUser(db, {
    name: `Griet Verstraete ${tag}`,
    email: `griet.${tag}@voorbeeld.be`,
    volunteeringSince: "2019-03-01",
  });
  const phone = `+32 470 ${parseInt(tag, 16) % 1_000_000}`;
  await db.updateTable("users").set({ phone }).where("id", "=", person.id).execute();
  const other = await createUser(db);
  const admin = await createUser(db);
  await assignRole(db, { userId: admin.id, role: "admin" });
  await assignRole(db, { userId: person.id, role: "volunteer", digibankId: bank.id });
  await assignRole(db, { userId: person.id, role: "coordinator", digibankId: bank.id });
  await assignRole(db, { userId: other.id, role: "volunteer", digibankId: bank.id });

  // people
  await giveSkill(db, { userId: person.id, code: "itsme" });
  await db
    .insertInto("join_requests")
    .values({
      digibank_id: bank.id,
      name: person.name,
      email: person.email,
      message: `Bel me op ${phone}`,
    })
    .execute();
  await db
    .insertInto("join_requests")
    .values({
      digibank_id: bank.id,
      name: "Iemand Anders",
      email: `iemand.${tag}@voorbeeld.be`,
      status: "approved",
      decided_by: person.id,
      decided_at: new Date("2026-10-02T08:00:00Z"),
    })
    .execute();

  // shifts: one done (present), one taken off, a reserve place, a release request
  const past = await createShift(db, {
    digipuntId: digipunt.id,
    startsAt: "2026-10-06T07:00:00Z",
  });
  await createClaim(db, { shiftId: past.id, userId: person.id, attendance: "present" });
  const removedFrom = await createShift(db, {
    digipuntId: digipunt.id,
    startsAt: "2026-10-13T07:00:00Z",
  });
  await createClaim(db, { shiftId: removedFrom.id, userId: person.id, status: "removed" });
  const full = await createShift(db, {
    digipuntId: digipunt.id,
    startsAt: "2027-01-12T08:00:00Z",
    capacity: 1,
  });
  await createClaim(db, { shiftId: full.id, userId: other.id });
  await createClaim(db, { shiftId: full.id, userId: person.id, status: "reserve" });
  const toRelease = await createShift(db, {
    digipuntId: digipunt.id,
    startsAt: "2027-01-19T08:00:00Z",
  });
  const releasing = await createClaim(db, { shiftId: toRelease.id, userId: person.id });
  await db
    .updateTable("shift_claims")
    .set({ release_requested_at: new Date("2027-01-18T20:00:00Z") })
    .where("id", "=", releasing.id)
    .execute();
  await createCalendarFeed(db, person.id);
  await db
    .insertInto("shift_series")
    .values({
      digipunt_id: digipunt.id,
      rrule: "FREQ=WEEKLY;BYDAY=TU",
      first_date: "2027-02-02",
      last_date: "2027-06-29",
      start_time: "09:00",
      end_time: "12:00",
      capacity: 2,
      created_by: person.id,
    })
    .execute();

  // auth
  await db
    .insertInto("sessions")
    .values({ id: `s-${tag}`, user_id: person.id, expires_at: new Date(Date.now() + 86_400_000) })
    .execute();
  await issueToken(db, {
    userId: person.id,
    purpose: "email_change",
    newEmail: `nieuw.${tag}@x.be`,
  });
  // The keys the app writes: link requests per address, wrong passwords per address and per
  // address and client.
  await db
    .insertInto("rate_limits")
    .values(
      [
        `sign_in:account:${person.email}`,
        `sign_in_failed:account:${person.email}`,
        `sign_in_failed:account_client:${person.email}:198.51.100.0`,
        `join:email:${person.email}`,
        `delete_account:user:${person.id}`,
      ].map((key) => ({ key, window_start: new Date(), hits: 1 })),
    )
    .execute();

  // mail, through the real outbox: a row and a job
  await enqueueEmail(db, jobs, {
    template: "sign_in_link",
    to: person.email,
    recipientId: person.id,
    language: "nl",
    idempotencyKey: `sign_in_link:${person.email}`,
    payload: { name: person.name, url: "https://digihelpers.example/login/link/x" },
  });
  // and the embedded demo's copy of it in the local mailbox
  await createMailTransport({ db }).send({
    from: "Digihelpers <noreply@digihelpers.example>",
    to: person.email,
    subject: `Voor ${person.name}`,
    html: `<p>Dag ${person.name}</p>`,
    text: `Dag ${person.name}`,
  });

  // audit
  await recordAuditEvent(db, {
    action: "sign_in",
    actorId: person.id,
    subjectId: person.id,
    ip: "198.51.100.23",
  });
  await recordAuditEvent(db, {
    action: "email_changed",
    actorId: person.id,
    subjectId: person.id,
    details: { from: `oud.${tag}@voorbeeld.be`, to: person.email },
  });
  await recordAuditEvent(db, {
    action: "role_granted",
    actorId: admin.id,
    subjectId: person.id,
    details: { role: "coordinator" },
  });

  const actor = (await loadActor(db, admin.id))!;
  const figures = () => fillRates(db, actor, { from: "2026-09-01", until: "2027-03-31" });
  return {
    db,
    tag,
    person: { ...person, phone },
    bank,
    digipunt,
    shifts: { past, removedFrom, full, toRelease },
    needles: [person.email, person.name, phone],
    figures,
  };
}

type World = Awaited<ReturnType<typeof personWithEverything>>;

/** Rows of a declared table that name the person through one of the part's columns. */
async function rowsNaming(w: World, table: string, column: string): Promise<number> {
  const { rows: types } = await sql<{ data_type: string }>`
    select data_type from information_schema.columns
    where table_schema = 'public' and table_name = ${table} and column_name = ${column}`.execute(
    w.db,
  );
  const numeric = ["integer", "bigint"].includes(types[0]!.data_type);
  const { rows } = numeric
    ? await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
        where ${sql.ref(column)} = ${w.person.id}`.execute(w.db)
    : await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
        where ${sql.join(
          w.needles.map(
            (needle) => sql`strpos(lower(${sql.ref(column)}::text), ${needle.toLowerCase()}) > 0`,
          ),
          sql` or `,
        )}`.execute(w.db);
  return rows[0]!.n;
}

/**
 * The part's contract, checked on a full person: every table it declares holds something of
 * theirs before; after erasure, no "erased" column still names them, no text anywhere in the
 * database does, and the fill rates of the planning reports are unchanged.
 */
async function expectErasedByPart(w: World, p: PersonalDataPart) {
  for (const { table, userColumns } of p.tables) {
    const counts = await Promise.all(
      Object.keys(userColumns).map((column) => rowsNaming(w, table, column)),
    );
    expect(
      counts.some((n) => n > 0),
      `${table} holds nothing of the person`,
    ).toBe(true);
  }
  const before = await w.figures();
  expect(before.byWeek.length).toBeGreaterThan(0);

  await erasePersonalData(w.db, w.person.id);

  for (const { table, userColumns } of p.tables)
    for (const [column, handling] of Object.entries(userColumns))
      if (handling === "erased")
        expect(await rowsNaming(w, table, column), `${table}.${column}`).toBe(0);
  expect(await columnsNaming(w.db, w.needles)).toEqual([]);
  expect(await w.figures()).toEqual(before);
}

describe("the personal data registry", () => {
  it("declares every column that names a person exactly once", async () => {
    const columns = await personColumns(database.db);
    // The search sees the tables we know of.
    expect(columns).toEqual(
      expect.arrayContaining([
        "shift_claims.user_id",
        "calendar_feeds.user_id",
        "users.email",
        "join_requests.email",
        "auth_tokens.new_email",
        "audit_events.actor_id",
      ]),
    );
    expect(await registryProblems(database.db, PERSONAL_DATA_PARTS)).toEqual([]);
  });

  it("fails for a new table with a person column that no part declares, or one declared twice", async () => {
    const rollback = new Error("rollback");
    const problems = await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`create table course_signups (
          id integer primary key, learner integer not null references users(id), trainer_email text)`.execute(
          trx,
        );
        await sql`create table gatherings (id integer primary key, person_id integer)`.execute(trx);
        const twice: PersonalDataPart = {
          ...part("auth"),
          name: "workshops",
          tables: [{ table: "sessions", userColumns: { user_id: "erased" } }],
        };
        const found = await registryProblems(trx, [...PERSONAL_DATA_PARTS, twice]);
        throw Object.assign(rollback, { found });
      })
      .catch((error: Error & { found?: string[] }) => {
        if (error !== rollback) throw error;
        return error.found!;
      });
    expect(problems).toEqual([
      "course_signups.learner: declared by no part",
      "course_signups.trainer_email: declared by no part",
      "gatherings.person_id: declared by no part",
      "sessions.user_id: declared by auth and workshops",
    ]);
  });
});

describe("the people part", () => {
  it("downloads the profile, roles, skills and join requests, and erases them", async () => {
    const w = await personWithEverything();
    const data = await downloadPersonalData(w.db, w.person.id, { ip: "198.51.100.23" });
    expect(data.profile).toMatchObject({
      email: w.person.email,
      name: w.person.name,
      phone: w.person.phone,
      volunteering_since: "2019-03-01",
    });
    expect(recordsOf(data, "roles").map((r) => r.role)).toEqual(["volunteer", "coordinator"]);
    expect(recordsOf(data, "skills")).toEqual([{ skill: "itsme" }]);
    expect(recordsOf(data, "joinRequests")).toEqual([
      expect.objectContaining({ digibank: w.bank.name, message: `Bel me op ${w.person.phone}` }),
    ]);
    // Decided by them: when and how, not who asked.
    expect(recordsOf(data, "joinRequestsDecided")).toEqual([
      { digibank: w.bank.name, status: "approved", decided_at: new Date("2026-10-02T08:00:00Z") },
    ]);
    expect(JSON.stringify(data)).not.toContain(`iemand.${w.tag}`);
    await expectErasedByPart(w, part("people"));
  });
});

describe("the shifts part", () => {
  it("downloads the shifts with date, times and digipunt, reserve places, release requests, attendance, planned series and the feed, and keeps the figures after erasure", async () => {
    const w = await personWithEverything();
    const data = await collectPersonalData(w.db, w.person.id);
    const at = (iso: string) => new Date(iso);
    expect(recordsOf(data, "shiftClaims")).toEqual([
      expect.objectContaining({
        digipunt: w.digipunt.name,
        digibank: w.bank.name,
        address: "Kerkstraat 5",
        starts_at: at("2026-10-06T07:00:00Z"),
        ends_at: at("2026-10-06T10:00:00Z"),
        status: "confirmed",
        attendance: "present",
      }),
      expect.objectContaining({ starts_at: at("2026-10-13T07:00:00Z"), status: "removed" }),
      expect.objectContaining({ starts_at: at("2027-01-12T08:00:00Z"), status: "reserve" }),
      expect.objectContaining({
        starts_at: at("2027-01-19T08:00:00Z"),
        status: "confirmed",
        release_requested_at: at("2027-01-18T20:00:00Z"),
      }),
    ]);
    expect(recordsOf(data, "reserveList")).toEqual([
      expect.objectContaining({
        digipunt: w.digipunt.name,
        starts_at: at("2027-01-12T08:00:00Z"),
        place: 1,
      }),
    ]);
    expect(recordsOf(data, "releaseRequests")).toEqual([
      expect.objectContaining({
        starts_at: at("2027-01-19T08:00:00Z"),
        release_requested_at: at("2027-01-18T20:00:00Z"),
      }),
    ]);
    expect(recordsOf(data, "plannedSeries")).toEqual([
      expect.objectContaining({
        digipunt: w.digipunt.name,
        first_date: "2027-02-02",
        start_time: "09:00",
      }),
    ]);
    // That a feed exists and since when; never the secret address.
    const feed = await w.db
      .selectFrom("calendar_feeds")
      .select(["token", "created_at"])
      .where("user_id", "=", w.person.id)
      .executeTakeFirstOrThrow();
    expect(data.calendarFeed).toEqual({ exists: true, created_at: feed.created_at });
    expect(JSON.stringify(data)).not.toContain(feed.token);

    await expectErasedByPart(w, part("shifts"));
    // The claims stay, with the anonymised person: the shift still counts them.
    const confirmed = await w.db
      .selectFrom("shifts")
      .select("confirmed_count")
      .where("id", "=", w.shifts.past.id)
      .executeTakeFirstOrThrow();
    expect(confirmed.confirmed_count).toBe(1);
  });
});

describe("the auth part", () => {
  it("downloads sessions and emailed links without ids or hashes, and erases them", async () => {
    const w = await personWithEverything();
    const data = await collectPersonalData(w.db, w.person.id);
    expect(recordsOf(data, "sessions")).toEqual([
      { created_at: expect.any(Date), expires_at: expect.any(Date) },
    ]);
    expect(recordsOf(data, "emailedLinks")).toEqual([
      expect.objectContaining({ purpose: "email_change", new_email: `nieuw.${w.tag}@x.be` }),
    ]);
    const json = JSON.stringify(data);
    expect(json).not.toContain(`s-${w.tag}`);
    expect(json).not.toContain("token_hash");
    await expectErasedByPart(w, part("auth"));
    // The windows counted by the person's id go too.
    const windows = await w.db
      .selectFrom("rate_limits")
      .select("key")
      .where("key", "like", `%:user:${w.person.id}`)
      .execute();
    expect(windows).toEqual([]);
  });
});

describe("the mail part", () => {
  it("downloads the emails sent to the person, and erases their address from them and from the queue", async () => {
    const w = await personWithEverything();
    const data = await collectPersonalData(w.db, w.person.id);
    expect(recordsOf(data, "emails")).toEqual([
      expect.objectContaining({ template: "sign_in_link", status: "queued", language: "nl" }),
    ]);
    await expectErasedByPart(w, part("mail"));
  });
});

describe("the audit part", () => {
  it("downloads what was done by or about the person, and erases addresses and details that name them", async () => {
    const w = await personWithEverything();
    const data = await collectPersonalData(w.db, w.person.id);
    expect(recordsOf(data, "auditEvents")).toEqual([
      expect.objectContaining({ action: "sign_in", byYou: true, ip: "198.51.100.23" }),
      expect.objectContaining({ action: "email_changed", byYou: true }),
      expect.objectContaining({ action: "role_granted", byYou: false, aboutYou: true, ip: null }),
    ]);
    await expectErasedByPart(w, part("audit"));
  });
});

describe("the readable view", () => {
  it("names every section, field and email kind of a full download in Dutch, French and English", async () => {
    const w = await personWithEverything();
    const data = await collectPersonalData(w.db, w.person.id);
    const fields = new Set<string>();
    for (const key of Object.keys(data))
      for (const r of recordsOf(data, key)) for (const f of Object.keys(r)) fields.add(f);
    const wanted = [
      ...Object.keys(data).map((key) => `data.section.${key}`),
      ...[...fields].map((field) => `data.field.${field}`),
    ];
    wanted.push(...EMAIL_TEMPLATES.map((template) => `data.value.template.${template}`));
    for (const catalog of [nl, fr, en]) {
      const keys = flatten(catalog.account);
      expect(wanted.filter((key) => !keys.has(key))).toEqual([]);
    }
  });

  it("shows labels, codes and Brussels times in the reader's language", async () => {
    const w = await personWithEverything();
    const data = await collectPersonalData(w.db, w.person.id);
    const fr = readablePersonalData(data, "fr");
    const shifts = fr.find((s) => s.key === "shiftClaims")!;
    expect(shifts.title).toBe("Mes permanences");
    expect(shifts.items[0]).toEqual(
      expect.arrayContaining([
        { label: "Début", value: "6 octobre 2026 à 09:00" },
        { label: "Présence", value: "présent" },
        { label: "État", value: "inscrit" },
      ]),
    );
    const nlView = readablePersonalData(data, "nl");
    const profile = nlView.find((s) => s.key === "profile")!;
    expect(profile.items[0]).toEqual(
      expect.arrayContaining([
        { label: "Digihelper sinds", value: "1 maart 2019" },
        { label: "Herinneringen", value: "ja" },
        { label: "Taal", value: "Nederlands" },
      ]),
    );
    expect(nlView.find((s) => s.key === "auditEvents")!.items[0]).toEqual(
      expect.arrayContaining([{ label: "Wat", value: "aangemeld" }]),
    );
    expect(nlView.find((s) => s.key === "emails")!.items[0]).toEqual(
      expect.arrayContaining([{ label: "Soort e-mail", value: "aanmeldlink" }]),
    );
    expect(nlView.find((s) => s.key === "skills")!.items).toEqual([
      [{ label: "Vaardigheid", value: "itsme" }],
    ]);
  });
});
