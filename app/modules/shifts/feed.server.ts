import crypto from "node:crypto";
import type { Language } from "../../../db/schema.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { type CalendarEntry, renderCalendar } from "~/modules/calendar/ical.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import { courseFeedSource } from "~/modules/courses/feed.server.ts";
import { eventFeedSource } from "~/modules/events/feed.server.ts";
import { selectShiftSnapshot, shiftCalendarEntry, toShiftSnapshot } from "./calendar.server.ts";
import { volunteerShiftUrl } from "./notices.server.ts";

// The personal calendar feed: a secret address per person (/feed/<token>.ics) that calendar apps
// subscribe to. It is made of sources; shifts are the first, courses and events add theirs to
// FEED_SOURCES. See docs/decisions/006-calendar-feed-token.md for the token.

export interface FeedPerson {
  id: number;
  language: Language;
}

export interface FeedSource {
  /** Every event of this kind the person is on (or was on, now cancelled) since `from`. */
  entries(
    db: Database,
    person: FeedPerson,
    options: { from: Date; appUrl: string },
  ): Promise<CalendarEntry[]>;
}

/** Shifts the person is on, and those they were on until the shift itself was cancelled. */
export const shiftFeedSource: FeedSource = {
  async entries(db, person, { from, appUrl }) {
    const rows = await selectShiftSnapshot(db)
      .innerJoin("shift_claims as c", "c.shift_id", "s.id")
      .distinctOn("s.id")
      .where("c.user_id", "=", person.id)
      .where("c.status", "in", ["confirmed", "cancelled"])
      .where("s.ends_at", ">=", from)
      .orderBy("s.id")
      .execute();
    return rows.map((row) =>
      shiftCalendarEntry(
        toShiftSnapshot(row),
        person.language,
        volunteerShiftUrl(appUrl, row.shiftId),
      ),
    );
  },
};

export const FEED_SOURCES: readonly FeedSource[] = [
  shiftFeedSource,
  courseFeedSource,
  eventFeedSource,
];

/** How far back the feed reaches: about three months, so last season's shifts stay visible. */
export const FEED_HISTORY_DAYS = 92;

/** Calendar apps are asked to fetch the feed again after an hour. */
export const FEED_REFRESH_SECONDS = 60 * 60;

/** 32 random bytes, base64url: 43 characters, no padding, safe in a path. */
export function newFeedToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const calendarFeedUrl = (appUrl: string, token: string) => `${appUrl}/feed/${token}.ics`;

export async function getCalendarFeedToken(db: Database, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom("calendar_feeds")
    .select("token")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.token ?? null;
}

/** Makes the person's feed address, or keeps the one they have (a double submit changes nothing). */
export async function createCalendarFeed(db: Database, userId: number): Promise<string> {
  await db
    .insertInto("calendar_feeds")
    .values({ user_id: userId, token: newFeedToken() })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
  return (await getCalendarFeedToken(db, userId))!;
}

/** A new feed address; the old one answers 404 from now on. */
export async function regenerateCalendarFeed(
  db: Database,
  userId: number,
  input: { ip?: string | null } = {},
): Promise<string> {
  const token = newFeedToken();
  await db.transaction().execute(async (trx) => {
    // Replaced, not updated: created_at tells when the current address was made.
    await trx.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
    await trx.insertInto("calendar_feeds").values({ user_id: userId, token }).execute();
    await recordAuditEvent(trx, {
      action: "calendar_feed_regenerated",
      actorId: userId,
      subjectId: userId,
      ip: input.ip ?? null,
    });
  });
  return token;
}

/**
 * The feed behind a token, as iCalendar text in its owner's language; null for a token that is
 * unknown, revoked, or whose owner can no longer sign in.
 */
export async function renderPersonalFeed(
  db: Database,
  token: string,
  options: { appUrl: string; now?: Date },
): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const owner = await db
    .selectFrom("calendar_feeds as f")
    .innerJoin("users as u", "u.id", "f.user_id")
    .select(["u.id", "u.language"])
    .where("f.token", "=", token)
    .where("u.status", "=", "active")
    .executeTakeFirst();
  if (!owner) return null;
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 60 * 60 * 1000);
  const entries = (
    await Promise.all(
      FEED_SOURCES.map((source) => source.entries(db, owner, { from, appUrl: options.appUrl })),
    )
  ).flat();
  entries.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  const t = getFixedT(owner.language, "mail");
  return renderCalendar(entries, {
    method: "PUBLISH",
    name: t("calendar.feedName"),
    now,
    // Apple and Outlook honour this; Google fetches on its own schedule.
    refreshSeconds: FEED_REFRESH_SECONDS,
  });
}
