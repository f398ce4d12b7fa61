import { type Kysely, sql } from "kysely";

// Train-the-trainer courses: courses with their sessions, trainers, enrolments (with a waiting
// list), attendance per session, and skills that completing a course grants. As for shifts, the
// rules people race for are held here (docs/decisions/018-course-capacity-and-waiting-list.md):
// - capacity: a trigger keeps courses.enrolled_count and a CHECK keeps it <= capacity;
// - one active enrolment per person and course: a partial unique index;
// - sessions of one course never overlap: an exclusion constraint;
// - a skill only a course grants cannot be self-declared: a trigger on volunteer_skills.
// Frozen in time: never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("skills")
    // Only completing a course grants it: nobody declares it themselves.
    .addColumn("course_only", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable("courses")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    // Organised by one digibank of the region (open to its people), or by the region (null).
    .addColumn("digibank_id", "integer", (c) => c.references("digibanks.id"))
    .addColumn("title", "text", (c) => c.notNull().check(sql`char_length(title) between 1 and 200`))
    .addColumn("description", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`char_length(description) <= 5000`),
    )
    .addColumn("theme", "text", (c) =>
      c
        .notNull()
        .check(sql`theme in ('digital_skills', 'teaching_adults', 'target_group', 'service')`),
    )
    // For the theme 'service': the one service (a skill code such as itsme) the course is about.
    .addColumn("service_skill_id", "integer", (c) => c.references("skills.id"))
    .addColumn("audience", "text", (c) =>
      c.notNull().check(sql`audience in ('volunteers', 'coordinators', 'everyone')`),
    )
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity between 1 and 500`))
    // Kept by the course_enrolments trigger, never by app code.
    .addColumn("enrolled_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("enrol_opens_at", "timestamptz", (c) => c.notNull())
    .addColumn("enrol_closes_at", "timestamptz", (c) => c.notNull())
    .addColumn("prerequisite_skill_id", "integer", (c) => c.references("skills.id"))
    .addColumn("prerequisite_course_id", "integer", (c) => c.references("courses.id"))
    // null: every session attended; N: at least N of the course's scheduled sessions.
    .addColumn("completion_min_sessions", "integer", (c) =>
      c.check(sql`completion_min_sessions between 1 and 100`),
    )
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'published', 'cancelled')`),
    )
    .addColumn("published_at", "timestamptz")
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancel_reason", "text")
    // Raised on every change enrolled people should hear about (iCalendar SEQUENCE of the sessions).
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("courses_window", sql`enrol_closes_at > enrol_opens_at`)
    .addCheckConstraint("courses_enrolled_count", sql`enrolled_count >= 0`)
    .addCheckConstraint("courses_capacity", sql`enrolled_count <= capacity`)
    .addCheckConstraint(
      "courses_cancelled",
      sql`(status = 'cancelled') = (cancelled_at is not null)`,
    )
    .addCheckConstraint("courses_published", sql`status = 'draft' or published_at is not null`)
    .execute();
  await db.schema
    .createIndex("courses_region_status_idx")
    .on("courses")
    .columns(["region_id", "status"])
    .execute();
  await db.schema.createIndex("courses_digibank_idx").on("courses").column("digibank_id").execute();

  await db.schema
    .createTable("course_skills")
    .addColumn("course_id", "integer", (c) =>
      c.notNull().references("courses.id").onDelete("cascade"),
    )
    .addColumn("skill_id", "integer", (c) => c.notNull().references("skills.id"))
    .addPrimaryKeyConstraint("course_skills_pk", ["course_id", "skill_id"])
    .execute();

  await db.schema
    .createTable("course_sessions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("course_id", "integer", (c) =>
      c.notNull().references("courses.id").onDelete("cascade"),
    )
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    // Where: exactly one of a digipunt, another address, or an online link.
    .addColumn("digipunt_id", "integer", (c) => c.references("digipunten.id"))
    .addColumn("address", "text", (c) => c.check(sql`char_length(address) between 1 and 300`))
    .addColumn("online_url", "text", (c) =>
      c.check(sql`online_url ~ '^https?://' and char_length(online_url) <= 500`),
    )
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("scheduled")
        .check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("course_sessions_times", sql`ends_at > starts_at`)
    .addCheckConstraint(
      "course_sessions_place",
      sql`num_nonnulls(digipunt_id, address, online_url) = 1`,
    )
    .addCheckConstraint(
      "course_sessions_cancelled",
      sql`(status = 'cancelled') = (cancelled_at is not null)`,
    )
    .execute();
  await sql`alter table course_sessions add constraint course_sessions_no_overlap
    exclude using gist (int4range(course_id, course_id, '[]') with &&,
      tstzrange(starts_at, ends_at) with &&)
    where (status = 'scheduled')`.execute(db);
  await db.schema
    .createIndex("course_sessions_course_starts_idx")
    .on("course_sessions")
    .columns(["course_id", "starts_at"])
    .execute();
  await db.schema
    .createIndex("course_sessions_starts_idx")
    .on("course_sessions")
    .column("starts_at")
    .execute();

  await db.schema
    .createTable("course_trainers")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("course_id", "integer", (c) =>
      c.notNull().references("courses.id").onDelete("cascade"),
    )
    // A person on the platform, or an outside trainer known by name only.
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("outside_name", "text", (c) =>
      c.check(sql`char_length(outside_name) between 1 and 200`),
    )
    .addCheckConstraint("course_trainers_who", sql`num_nonnulls(user_id, outside_name) = 1`)
    .execute();
  await sql`create unique index course_trainers_person_unique on course_trainers (course_id, user_id)
    where user_id is not null`.execute(db);
  await db.schema
    .createIndex("course_trainers_user_idx")
    .on("course_trainers")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("course_enrolments")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("course_id", "integer", (c) =>
      c.notNull().references("courses.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // enrolled: has a place; waiting: on the waiting list; cancelled: let go by the person or
    // ended by the course's cancellation; removed: taken off by a coordinator.
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('enrolled', 'waiting', 'cancelled', 'removed')`),
    )
    // When this enrolment took its current place; the waiting list is served in (queued_at, id) order.
    .addColumn("queued_at", "timestamptz", (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("ended_at", "timestamptz")
    // Set once the completion rule is met (and the course's skills granted).
    .addColumn("completed_at", "timestamptz")
    .addCheckConstraint(
      "course_enrolments_ended",
      sql`(status in ('cancelled', 'removed')) = (ended_at is not null)`,
    )
    .execute();
  await sql`create unique index course_enrolments_active_unique on course_enrolments
    (course_id, user_id) where status in ('enrolled', 'waiting')`.execute(db);
  await sql`create index course_enrolments_course_idx on course_enrolments
    (course_id, status, queued_at, id)`.execute(db);
  await sql`create index course_enrolments_user_idx on course_enrolments (user_id, status)`.execute(
    db,
  );

  // Before an enrolment is written: refuse active enrolments on a course that is not published.
  await sql`create function course_enrolments_before() returns trigger language plpgsql as $$
    declare
      course_status text;
    begin
      if new.status in ('enrolled', 'waiting')
         and (tg_op = 'INSERT' or old.status not in ('enrolled', 'waiting')) then
        select status into course_status from courses where id = new.course_id;
        if course_status <> 'published' then
          raise exception 'course % is not open', new.course_id using errcode = 'check_violation',
            constraint = 'course_enrolments_course_open';
        end if;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger course_enrolments_before before insert or update of status, course_id
    on course_enrolments for each row execute function course_enrolments_before()`.execute(db);

  // After an enrolment changes: move the course's enrolled_count, whose CHECK holds the capacity.
  await sql`create function course_enrolments_count() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.status = 'enrolled' then
        update courses set enrolled_count = enrolled_count - 1 where id = old.course_id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.status = 'enrolled' then
        update courses set enrolled_count = enrolled_count + 1 where id = new.course_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger course_enrolments_count
    after insert or update of status, course_id or delete
    on course_enrolments for each row execute function course_enrolments_count()`.execute(db);

  await db.schema
    .createTable("course_attendance")
    .addColumn("session_id", "integer", (c) =>
      c.notNull().references("course_sessions.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("present", "boolean", (c) => c.notNull())
    .addColumn("recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("course_attendance_pk", ["session_id", "user_id"])
    .execute();

  // Where a volunteer's skill comes from: declared by themselves, or earned in a course (dated,
  // with the course named).
  await db.schema
    .alterTable("volunteer_skills")
    .addColumn("source", "text", (c) =>
      c
        .notNull()
        .defaultTo("declared")
        .check(sql`source in ('declared', 'course')`),
    )
    .addColumn("course_id", "integer", (c) => c.references("courses.id").onDelete("set null"))
    .addColumn("earned_at", "timestamptz")
    .execute();
  await db.schema
    .alterTable("volunteer_skills")
    .addCheckConstraint(
      "volunteer_skills_earned",
      sql`(source = 'course') = (earned_at is not null)`,
    )
    .execute();

  // A skill only a course grants is never declared, whatever request the app received.
  await sql`create function volunteer_skills_course_only() returns trigger language plpgsql as $$
    begin
      if new.source = 'declared' and exists
           (select 1 from skills where id = new.skill_id and course_only) then
        raise exception 'skill % is granted by courses only', new.skill_id
          using errcode = 'check_violation', constraint = 'volunteer_skills_course_only';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger volunteer_skills_course_only before insert or update of source, skill_id
    on volunteer_skills for each row execute function volunteer_skills_course_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger volunteer_skills_course_only on volunteer_skills`.execute(db);
  await sql`drop function volunteer_skills_course_only()`.execute(db);
  await db.schema
    .alterTable("volunteer_skills")
    .dropConstraint("volunteer_skills_earned")
    .execute();
  await db.schema
    .alterTable("volunteer_skills")
    .dropColumn("source")
    .dropColumn("course_id")
    .dropColumn("earned_at")
    .execute();
  await db.schema.dropTable("course_attendance").execute();
  await db.schema.dropTable("course_enrolments").execute();
  await sql`drop function course_enrolments_count()`.execute(db);
  await sql`drop function course_enrolments_before()`.execute(db);
  await db.schema.dropTable("course_trainers").execute();
  await db.schema.dropTable("course_sessions").execute();
  await db.schema.dropTable("course_skills").execute();
  await db.schema.dropTable("courses").execute();
  await db.schema.alterTable("skills").dropColumn("course_only").execute();
}
