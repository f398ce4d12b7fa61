import { type Kysely, sql } from "kysely";

// The volunteer's profile and the community board of a region.
// - volunteer_profiles: what a person tells about themselves (languages, when they can help, a
//   short introduction) and which of those parts the board shows beside their first name;
// - volunteer_municipalities: where they help or can help;
// - board_posts: tips and stories shared on a region's board; a coordinator or regional staff
//   member may hide one, with a reason (all three hidden_* columns set, or none);
// - board_thanks: one thanks per person per post, held by the primary key.
// Frozen in time: never imports application code.

export const PROFILE_LANGUAGES = [
  "nl",
  "fr",
  "en",
  "de",
  "ar",
  "tr",
  "es",
  "it",
  "pl",
  "ro",
  "ru",
  "uk",
];
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const PARTS_OF_DAY = ["morning", "afternoon", "evening"];
export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap((d) => PARTS_OF_DAY.map((p) => `${d}_${p}`));
export const BOARD_SHOWS = [
  "since",
  "digibanks",
  "municipalities",
  "languages",
  "skills",
  "availability",
  "introduction",
];

const textArray = (values: string[]) =>
  sql.raw(`array[${values.map((v) => `'${v}'`).join(",")}]::text[]`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("volunteer_profiles")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id"))
    .addColumn("introduction", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`char_length(introduction) <= 1000`),
    )
    .addColumn("languages", sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::text[]`)
        .check(
          sql`languages <@ ${textArray(PROFILE_LANGUAGES)} and cardinality(languages) <= ${sql.lit(PROFILE_LANGUAGES.length)}`,
        ),
    )
    .addColumn("availability", sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::text[]`)
        .check(
          sql`availability <@ ${textArray(AVAILABILITY_SLOTS)} and cardinality(availability) <= ${sql.lit(AVAILABILITY_SLOTS.length)}`,
        ),
    )
    .addColumn("board_shows", sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::text[]`)
        .check(
          sql`board_shows <@ ${textArray(BOARD_SHOWS)} and cardinality(board_shows) <= ${sql.lit(BOARD_SHOWS.length)}`,
        ),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("volunteer_municipalities")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("municipality_id", "integer", (c) => c.notNull().references("municipalities.id"))
    .addPrimaryKeyConstraint("volunteer_municipalities_pk", ["user_id", "municipality_id"])
    .execute();

  await db.schema
    .createTable("board_posts")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull().check(sql`char_length(body) between 1 and 2000`))
    .addColumn("from_shift_report_id", "integer", (c) =>
      c.references("shift_reports.id").onDelete("set null"),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_by", "integer", (c) => c.references("users.id"))
    .addColumn("hidden_reason", "text", (c) =>
      c.check(sql`char_length(hidden_reason) between 1 and 500`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "board_posts_hidden_all_or_none",
      sql`(hidden_at is null and hidden_by is null and hidden_reason is null)
       or (hidden_at is not null and hidden_by is not null and hidden_reason is not null)`,
    )
    .execute();
  // The board's pages: a region's posts, newest first.
  await sql`create index board_posts_region_newest on board_posts (region_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index board_posts_author on board_posts (author_id)`.execute(db);

  await db.schema
    .createTable("board_thanks")
    .addColumn("post_id", "integer", (c) =>
      c.notNull().references("board_posts.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("board_thanks_pk", ["post_id", "user_id"])
    .execute();
  await sql`create index board_thanks_user on board_thanks (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("board_thanks").execute();
  await db.schema.dropTable("board_posts").execute();
  await db.schema.dropTable("volunteer_municipalities").execute();
  await db.schema.dropTable("volunteer_profiles").execute();
}
