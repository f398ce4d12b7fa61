import { type Kysely, sql } from "kysely";

// Frozen in time: this file never imports application code, so it keeps meaning the same thing
// after the app around it changes.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("regions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("municipalities")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("postal_code", "text", (c) =>
      c.notNull().check(sql`postal_code ~ '^[1-9][0-9]{3}$'`),
    )
    .execute();
  await db.schema
    .createIndex("municipalities_region_idx")
    .on("municipalities")
    .column("region_id")
    .execute();

  await db.schema
    .createTable("digibanks")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("digibanks_region_idx").on("digibanks").column("region_id").execute();

  await db.schema
    .createTable("digipunten")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("digibank_id", "integer", (c) => c.notNull().references("digibanks.id"))
    .addColumn("municipality_id", "integer", (c) => c.notNull().references("municipalities.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('fixed', 'mobile')`))
    // A mobile digipunt (a van, a pop-up stand) gets its address per shift, so it may have none here.
    .addColumn("address", "text")
    .addColumn("accessibility_notes", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("digipunten_fixed_has_address", sql`kind = 'mobile' or address is not null`)
    .addUniqueConstraint("digipunten_name_per_digibank", ["digibank_id", "name"])
    .execute();
  await db.schema
    .createIndex("digipunten_municipality_idx")
    .on("digipunten")
    .column("municipality_id")
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("email", "text", (c) =>
      c.notNull().check(sql`email = btrim(email) and email like '%_@_%'`),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) =>
      c
        .notNull()
        .defaultTo("nl")
        .check(sql`language in ('nl', 'fr', 'en')`),
    )
    // Since when this person helps as a digihelper; null for staff who never volunteered.
    .addColumn("volunteering_since", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Case-insensitive uniqueness without the citext extension, which PGlite only has as an add-on.
  await sql`create unique index users_email_unique on users (lower(email))`.execute(db);

  await db.schema
    .createTable("role_assignments")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('admin', 'regional_staff', 'coordinator', 'volunteer')`),
    )
    .addColumn("region_id", "integer", (c) => c.references("regions.id"))
    .addColumn("digibank_id", "integer", (c) => c.references("digibanks.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // The scope each role may have: admin none; regional staff a region; a coordinator a digibank
    // or a region; a volunteer a digibank.
    .addCheckConstraint(
      "role_assignments_scope",
      sql`case role
        when 'admin' then region_id is null and digibank_id is null
        when 'regional_staff' then region_id is not null and digibank_id is null
        when 'coordinator' then num_nonnulls(region_id, digibank_id) = 1
        when 'volunteer' then region_id is null and digibank_id is not null
      end`,
    )
    .execute();
  // One row per (user, role, scope); coalesce makes the nulls compare equal on PostgreSQL 15 too.
  await sql`create unique index role_assignments_unique on role_assignments
    (user_id, role, coalesce(region_id, 0), coalesce(digibank_id, 0))`.execute(db);
  await db.schema
    .createIndex("role_assignments_digibank_idx")
    .on("role_assignments")
    .column("digibank_id")
    .execute();
  await db.schema
    .createIndex("role_assignments_region_idx")
    .on("role_assignments")
    .column("region_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "role_assignments",
    "users",
    "digipunten",
    "digibanks",
    "municipalities",
    "regions",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
