import { type SelectQueryBuilder, sql } from "kysely";
import type { DB, Event, Language } from "../../../db/schema.ts";
import type { Database } from "~/utils/db.server.ts";
import { type AudienceRules, readAudienceRules } from "./audience.ts";

// Resolves an event's audience to the people it invites: everyone of the rules (audience.ts) with
// an active account, plus the event's guests. Used by the preview (before anything is sent) and by
// the send run, so both count the same people.

export interface AudienceMember {
  /** A person on the platform, or a guest (exactly one is set). */
  userId: number | null;
  guestId: number | null;
  email: string;
  name: string;
  language: Language;
  /** Asked for no invitations (the account's mail setting, or a guest's unsubscribe). */
  optedOut: boolean;
  /** Already has an invitation to this event (sent before, or revoked). */
  invited: boolean;
}

type EventFacts = Pick<Event, "id" | "region_id" | "digibank_id" | "audience">;

/** The digibanken whose people the rules reach. */
function digibanksOf(db: Database, event: EventFacts, rules: AudienceRules) {
  let query = db
    .selectFrom("digibanks as b")
    .select("b.id")
    .where("b.region_id", "=", event.region_id);
  if (event.digibank_id !== null) return query.where("b.id", "=", event.digibank_id);
  if (rules.digibankIds.length || rules.municipalityIds.length) {
    query = query.where((eb) =>
      eb.or([
        ...(rules.digibankIds.length ? [eb("b.id", "in", rules.digibankIds)] : []),
        ...(rules.municipalityIds.length
          ? [
              eb.exists(
                eb
                  .selectFrom("digipunten as p")
                  .select(sql`1`.as("one"))
                  .whereRef("p.digibank_id", "=", "b.id")
                  .where("p.municipality_id", "in", rules.municipalityIds)
                  .where("p.archived_at", "is", null),
              ),
            ]
          : []),
      ]),
    );
  }
  return query;
}

/** Ids of the platform people the rules reach (active accounts only). */
export function audienceUserIds(
  db: Database,
  event: EventFacts,
  rules: AudienceRules = readAudienceRules(event.audience),
): SelectQueryBuilder<DB, "users", { id: number }> {
  const banks = digibanksOf(db, event, rules);
  const wholeRegion =
    event.digibank_id === null && !rules.digibankIds.length && !rules.municipalityIds.length;
  return db
    .selectFrom("users")
    .select("users.id")
    .where("users.status", "=", "active")
    .where((eb) => {
      const byRole = [];
      if (rules.roles.includes("volunteer") || rules.roles.includes("coordinator")) {
        const roles = rules.roles.filter((r) => r !== "trainer");
        byRole.push(
          eb.exists(
            eb
              .selectFrom("role_assignments as ra")
              .select(sql`1`.as("one"))
              .whereRef("ra.user_id", "=", "users.id")
              .where("ra.role", "in", roles as Array<"volunteer" | "coordinator">)
              .where((inner) =>
                inner.or([
                  inner("ra.digibank_id", "in", banks),
                  // A coordinator of the whole region belongs to a region-wide audience.
                  ...(wholeRegion ? [inner("ra.region_id", "=", event.region_id)] : []),
                ]),
              ),
          ),
        );
      }
      if (rules.roles.includes("trainer")) {
        byRole.push(
          eb.exists(
            eb
              .selectFrom("course_trainers as ct")
              .innerJoin("courses as c", "c.id", "ct.course_id")
              .select(sql`1`.as("one"))
              .whereRef("ct.user_id", "=", "users.id")
              .where("c.region_id", "=", event.region_id)
              .where((inner) =>
                event.digibank_id === null && wholeRegion
                  ? inner.lit(true)
                  : inner("c.digibank_id", "in", banks),
              ),
          ),
        );
      }
      return byRole.length ? eb.or(byRole) : eb.lit(false);
    })
    .where((eb) => {
      if (!rules.skillIds.length && !rules.courseIds.length) return eb.lit(true);
      return eb.or([
        ...(rules.skillIds.length
          ? [
              eb.exists(
                eb
                  .selectFrom("volunteer_skills as vs")
                  .select(sql`1`.as("one"))
                  .whereRef("vs.user_id", "=", "users.id")
                  .where("vs.skill_id", "in", rules.skillIds),
              ),
            ]
          : []),
        ...(rules.courseIds.length
          ? [
              eb.exists(
                eb
                  .selectFrom("course_enrolments as ce")
                  .select(sql`1`.as("one"))
                  .whereRef("ce.user_id", "=", "users.id")
                  .where("ce.course_id", "in", rules.courseIds)
                  .where("ce.completed_at", "is not", null),
              ),
            ]
          : []),
      ]);
    });
}

/** Everyone the event reaches now, people and guests, in a stable order (people first, by id). */
export async function resolveAudience(db: Database, event: EventFacts): Promise<AudienceMember[]> {
  const people = await db
    .selectFrom("users as u")
    .leftJoin("event_invitations as i", (join) =>
      join.onRef("i.user_id", "=", "u.id").on("i.event_id", "=", event.id),
    )
    .select([
      "u.id",
      "u.email",
      "u.name",
      "u.language",
      "u.notify_event_invitations",
      "i.id as invitationId",
    ])
    .where("u.id", "in", audienceUserIds(db, event))
    .orderBy("u.id")
    .execute();
  const guests = await db
    .selectFrom("event_guests as g")
    .leftJoin("event_invitations as i", "i.guest_id", "g.id")
    .leftJoin("event_guest_opt_outs as o", (join) =>
      join.on(sql`o.email`, "=", sql`lower(g.email)`),
    )
    .select([
      "g.id",
      "g.email",
      "g.name",
      "g.language",
      "i.id as invitationId",
      "o.email as optOut",
    ])
    .where("g.event_id", "=", event.id)
    .orderBy("g.id")
    .execute();
  return [
    ...people.map((p) => ({
      userId: p.id,
      guestId: null,
      email: p.email,
      name: p.name,
      language: p.language,
      optedOut: !p.notify_event_invitations,
      invited: p.invitationId !== null,
    })),
    ...guests.map((g) => ({
      userId: null,
      guestId: g.id,
      email: g.email,
      name: g.name,
      language: g.language,
      optedOut: g.optOut !== null,
      invited: g.invitationId !== null,
    })),
  ];
}

export interface AudiencePreview {
  /** Will get an invitation at the next send: not invited yet, not opted out. */
  toInvite: number;
  /** Of those: in each language. */
  byLanguage: Record<Language, number>;
  /** Of those: guests from outside the platform. */
  guests: number;
  /** Left out because they asked for no invitations. */
  optedOut: number;
  /** Invited before: a new send leaves them alone. */
  alreadyInvited: number;
}

/** How many people a send would invite now, in which languages, and who is left out. */
export async function previewAudience(db: Database, event: EventFacts): Promise<AudiencePreview> {
  const members = await resolveAudience(db, event);
  const preview: AudiencePreview = {
    toInvite: 0,
    byLanguage: { nl: 0, fr: 0, en: 0 },
    guests: 0,
    optedOut: 0,
    alreadyInvited: 0,
  };
  for (const member of members) {
    if (member.invited) preview.alreadyInvited++;
    else if (member.optedOut) preview.optedOut++;
    else {
      preview.toInvite++;
      preview.byLanguage[member.language]++;
      if (member.guestId !== null) preview.guests++;
    }
  }
  return preview;
}
