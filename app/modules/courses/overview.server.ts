import type { Actor } from "~/modules/auth/access.server.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { type CsvColumn, writeCsv } from "~/modules/reports/csv.server.ts";
import { localParts } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import { findPlannedCourse } from "./planning.server.ts";

// What a course's planner sees of it: its sessions, who is enrolled, the waiting list in its
// order, attendance per session (as the trainers recorded it) and who completed; and the same as
// CSV for a spreadsheet.

/** The course's overview, or null when it is not in the actor's scope. */
export async function loadCourseOverview(db: Database, actor: Actor, courseId: number) {
  const course = await findPlannedCourse(db, actor, courseId);
  if (!course) return null;
  const [organiser, sessions, trainers, enrolments, attendance] = await Promise.all([
    db
      .selectFrom("regions as r")
      .leftJoin("digibanks as b", (j) => j.on("b.id", "=", course.digibank_id))
      .select(["r.name as region", "b.name as digibank"])
      .where("r.id", "=", course.region_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("course_sessions as s")
      .leftJoin("digipunten as p", "p.id", "s.digipunt_id")
      .select([
        "s.id",
        "s.starts_at",
        "s.ends_at",
        "s.status",
        "s.address",
        "s.online_url",
        "p.name as digipunt",
      ])
      .where("s.course_id", "=", courseId)
      .orderBy("s.starts_at")
      .orderBy("s.id")
      .execute(),
    db
      .selectFrom("course_trainers as t")
      .leftJoin("users as u", "u.id", "t.user_id")
      .select(["t.id", "u.name", "t.outside_name"])
      .where("t.course_id", "=", courseId)
      .orderBy("t.id")
      .execute(),
    db
      .selectFrom("course_enrolments as e")
      .innerJoin("users as u", "u.id", "e.user_id")
      .select([
        "e.id",
        "e.user_id",
        "e.status",
        "e.queued_at",
        "e.completed_at",
        "u.name",
        "u.email",
        "u.phone",
      ])
      .where("e.course_id", "=", courseId)
      .where("e.status", "in", ["enrolled", "waiting"])
      // The waiting list is served in this order (docs/decisions/018).
      .orderBy("e.queued_at")
      .orderBy("e.id")
      .execute(),
    db
      .selectFrom("course_attendance as a")
      .innerJoin("course_sessions as s", "s.id", "a.session_id")
      .select(["a.session_id", "a.user_id", "a.present"])
      .where("s.course_id", "=", courseId)
      .execute(),
  ]);
  const present = new Map(attendance.map((a) => [`${a.session_id}:${a.user_id}`, a.present]));
  const enrolled = enrolments
    .filter((e) => e.status === "enrolled")
    .map((e) => ({
      id: e.id,
      name: e.name,
      email: e.email,
      phone: e.phone,
      completedAt: e.completed_at,
      attendance: sessions.map((s) => present.get(`${s.id}:${e.user_id}`) ?? null),
    }));
  return {
    course,
    organiser: organiser.digibank ?? organiser.region,
    sessions: sessions.map((s, index) => ({
      id: s.id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      cancelled: s.status === "cancelled",
      place: s.digipunt ?? s.address ?? s.online_url ?? "",
      present: enrolled.filter((e) => e.attendance[index] === true).length,
    })),
    trainers: trainers.map((t) => t.name ?? t.outside_name ?? ""),
    enrolled,
    waiting: enrolments
      .filter((e) => e.status === "waiting")
      .map((e) => ({ id: e.id, name: e.name, email: e.email, queuedAt: e.queued_at })),
  };
}

type Translate = (key: string) => string;

/**
 * The course's people as CSV: one row per person enrolled or waiting, with attendance per
 * session and completion. It holds contact details: who took it, and when, is kept.
 */
export async function exportCourseCsv(
  db: Database,
  actor: Actor,
  courseId: number,
  t: Translate,
  options: { ip?: string | null } = {},
): Promise<{ csv: string; title: string } | null> {
  const overview = await loadCourseOverview(db, actor, courseId);
  if (!overview) return null;
  await recordAuditEvent(db, {
    action: "course_exported",
    actorId: actor.id,
    ip: options.ip,
    details: { courseId },
  });
  type Row = {
    status: "enrolled" | "waiting";
    name: string;
    email: string;
    phone: string | null;
    attendance: Array<boolean | null>;
    completedAt: Date | null;
  };
  const rows: Row[] = [
    ...overview.enrolled.map((e) => ({ ...e, status: "enrolled" as const })),
    ...overview.waiting.map((w) => ({
      ...w,
      status: "waiting" as const,
      phone: null,
      attendance: [],
      completedAt: null,
    })),
  ];
  const columns: Array<CsvColumn<Row>> = [
    { header: t("export.name"), value: (r) => r.name },
    { header: t("export.email"), value: (r) => r.email },
    { header: t("export.phone"), value: (r) => r.phone, phone: true },
    { header: t("export.status"), value: (r) => t(`export.statusValue.${r.status}`) },
    ...overview.sessions.map((s, i) => ({
      header: `${localParts(s.startsAt).date} ${localParts(s.startsAt).time}`,
      value: (r: Row) =>
        r.attendance[i] === undefined || r.attendance[i] === null
          ? null
          : t(r.attendance[i] ? "export.present" : "export.absent"),
    })),
    {
      header: t("export.completed"),
      value: (r) => (r.completedAt ? localParts(r.completedAt).date : null),
    },
  ];
  return { csv: writeCsv(columns, rows), title: overview.course.title };
}
