import { type Actor, isAdmin, may } from "~/modules/auth/access.server.ts";
import { loadExperienceSummary } from "~/modules/experience/figures.server.ts";
import { describeNext, formatHours } from "~/modules/experience/view.server.ts";
import { listBoardRegions, newestPosts } from "~/modules/community/board.server.ts";
import { listTrainedCourses } from "~/modules/courses/attendance.server.ts";
import { listInvitationsOfUser } from "~/modules/events/invited.server.ts";
import { listMyCourseSessions } from "~/modules/courses/my-sessions.server.ts";
import { failedForGoodAs } from "~/modules/mail/outbox.server.ts";
import { listPendingRequests } from "~/modules/people/join-requests.server.ts";
import { type NetworkOverview, getNetworkOverview } from "~/modules/places/overview.server.ts";
import { listShiftsAwaitingReport } from "~/modules/shift-reports/reports.server.ts";
import { shiftStateParts } from "~/modules/shifts/labels.ts";
import { listShiftsWithActions } from "~/modules/shifts/queries.server.ts";
import { addDays, localToday } from "~/modules/shifts/recurrence.ts";
import { fillRates, listPlannedShifts } from "~/modules/shifts/roster.server.ts";
import { listReportDigibanks, reportTotals } from "~/modules/reports/figures.server.ts";
import { lastDayOfMonth } from "~/modules/reports/filter.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { formatDateTime, formatDayRange, formatNumber, formatPercent } from "~/utils/format.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";

// The home page is made of cards: what this reader can do next. Each capability adds its provider
// to CARD_PROVIDERS (as the calendar feed reads FEED_SOURCES), so the page only ever offers what is
// built: courses, gatherings and reports add theirs when they exist.

/** A shift as a card shows it: where, when (in the reader's words) and what stands out. */
export interface CardShift {
  id: number;
  href: string;
  digipunt: string;
  when: string;
  /** What stands out: a shift's state (its icon hidden from screen readers), or a plain text. */
  note: string | { icon: string; text: string };
  /** A session of a course the reader is enrolled in, shown among their shifts (word and icon). */
  course?: true;
}

export type HomeCard =
  | { kind: "welcome"; totals: NetworkOverview["totals"] }
  | {
      kind: "community";
      /** The newest posts on the reader's boards: who, and the first line. */
      posts: Array<{ id: number; href: string; author: string; firstLine: string }>;
    }
  | { kind: "next_shifts"; shifts: CardShift[] }
  | { kind: "open_shifts"; shifts: CardShift[] }
  | { kind: "understaffed"; shifts: CardShift[] }
  | { kind: "release_requests"; shifts: CardShift[] }
  /** Worked shifts of the last 14 days without the reader's report, oldest first. */
  | { kind: "shift_reports_due"; shifts: CardShift[] }
  | { kind: "join_requests"; count: number; digibanks: string[] }
  /** The reports' figures of this month so far: "N people helped, X % of the places filled". */
  | { kind: "report_figures"; text: string }
  | { kind: "attendance_to_take"; sessions: CardCourseSession[] }
  | {
      kind: "event_invitations";
      /** Invitations waiting for an answer, soonest deadline first, each "title: answer by date". */
      toAnswer: Array<{ eventId: number; href: string; text: string }>;
      toAnswerCount: number;
      /** The next gathering they said yes to. */
      next: { eventId: number; href: string; text: string } | null;
    }
  | {
      kind: "events_organised";
      /** Coming gatherings the reader organises, soonest first: "title, when: answers so far". */
      events: Array<{ eventId: number; href: string; title: string; answers: string }>;
    }
  | {
      kind: "experience";
      /** "Je hielp al 12 mensen in 9 uur." and the next milestone, written out on the server. */
      helped: string;
      next: string;
    }
  | {
      kind: "region_figures";
      regions: Array<{
        id: number;
        name: string;
        digibanks: number;
        digipunten: number;
        volunteers: number;
        /** "Week 45, 2–8 nov" and "60 %": written out here, so server and browser show the same text. */
        weeks: Array<{ monday: string; label: string; rate: string }>;
      }>;
    };

/** A course session a trainer takes attendance at, as the trainer's card shows it. */
export interface CardCourseSession {
  id: number;
  href: string;
  title: string;
  when: string;
}

export interface CardContext {
  language: Language;
  now: Date;
}

export interface CardProvider {
  /** The cards for this reader (a visitor is null), most pressing first; none when not theirs. */
  cards(db: Database, actor: Actor | null, context: CardContext): Promise<HomeCard[]>;
}

/** How many shifts a card lists; the page it links to has the rest. */
export const CARD_SHIFTS = 5;
/** How far ahead a volunteer's cards look. */
const VOLUNTEER_DAYS = 14;
/** How far ahead a coordinator's release requests are looked for (the cut-off is hours, not weeks). */
const PLANNING_DAYS = 28;
/** How many coming weeks the region's figures cover. */
const FIGURE_WEEKS = 4;

const DAY = 86_400_000;

function whenText(start: Date, end: Date, language: Language) {
  const day = formatDateTime(start, language, { weekday: "short", day: "numeric", month: "short" });
  const time = (d: Date) => formatDateTime(d, language, { hour: "2-digit", minute: "2-digit" });
  return `${day}, ${time(start)}–${time(end)}`;
}

/** A visitor: what the platform is, and how to join or sign in. */
export const welcomeCards: CardProvider = {
  async cards(db, actor) {
    if (actor) return [];
    const { totals } = await getNetworkOverview(db);
    return [{ kind: "welcome", totals }];
  },
};

/** A volunteer: their next shifts, and shifts of their digibanken that still need help. */
export const volunteerCards: CardProvider = {
  async cards(db, actor, { language, now }) {
    if (!actor || actor.volunteerDigibankIds.length === 0) return [];
    const t = getFixedT(language, "shifts");
    const window = { from: now, to: new Date(now.getTime() + VOLUNTEER_DAYS * DAY) };
    // One read of the window serves both lists: the reader's own shifts (the `mine` filter) and
    // those still short of helpers (the `open` filter), as the shift list filters them.
    const [shifts, sessions] = await Promise.all([
      listShiftsWithActions(db, actor, window, { now }),
      listMyCourseSessions(db, actor.id, { ...window, limit: CARD_SHIFTS }),
    ]);
    const mine = shifts.filter((s) => s.myStatus !== null);
    const open = shifts.filter((s) => !s.cancelled && s.confirmedCount < s.capacity);
    const tk = getFixedT(language, "courses");
    const card = (shift: (typeof mine)[number]): CardShift => ({
      id: shift.id,
      href: `/shifts/${shift.id}`,
      digipunt: shift.digipuntName,
      when: whenText(shift.startsAt, shift.endsAt, language),
      note: shiftStateParts(t, shift, now),
    });
    // Shifts and course sessions together, in time order: what comes next, whatever it is. Only
    // the ones shown are written out.
    const coming = [
      ...mine.filter((s) => !s.cancelled).map((s) => ({ at: s.startsAt, card: () => card(s) })),
      ...sessions.map((session) => ({
        at: session.startsAt,
        card: (): CardShift => ({
          id: session.sessionId,
          href: `/courses/${session.courseId}`,
          digipunt: `${tk("calendar.kind")}: ${session.title}`,
          when: whenText(session.startsAt, session.endsAt, language),
          note: session.place ?? tk("course.online"),
          course: true as const,
        }),
      })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    const next: HomeCard = {
      kind: "next_shifts",
      shifts: coming.slice(0, CARD_SHIFTS).map((entry) => entry.card()),
    };
    const help: HomeCard = {
      kind: "open_shifts",
      shifts: open
        .filter((s) => s.can.claim)
        .slice(0, CARD_SHIFTS)
        .map(card),
    };
    // With no shift of their own yet, finding one is the next step.
    return next.shifts.length > 0 ? [next, help] : [help, next];
  },
};

/** A coordinator: this week's shifts that lack helpers, release requests and join requests. */
export const planningCards: CardProvider = {
  async cards(db, actor, { language, now }) {
    if (!actor || !may(actor, { action: "plan_any_shifts" })) return [];
    const t = getFixedT(language, "planning");
    const today = localToday(now);
    const [planned, requests] = await Promise.all([
      listPlannedShifts(db, actor, { from: today, until: addDays(today, PLANNING_DAYS - 1) }),
      listPendingRequests(db, actor),
    ]);
    const weekEnd = new Date(now.getTime() + 7 * DAY);
    const upcoming = planned.filter((s) => s.status === "scheduled" && s.startsAt > now);
    const card = (shift: (typeof planned)[number], note: string): CardShift => ({
      id: shift.id,
      href: `/planning/shifts/${shift.id}`,
      digipunt: shift.digipunt,
      when: whenText(shift.startsAt, shift.endsAt, language),
      note,
    });
    const understaffed = upcoming.filter((s) => s.startsAt < weekEnd && s.confirmed < s.capacity);
    const released = upcoming.filter((s) => s.releaseRequests > 0);
    return [
      {
        kind: "understaffed",
        shifts: understaffed
          .slice(0, CARD_SHIFTS)
          .map((s) => card(s, t("shift.fill", { confirmed: s.confirmed, capacity: s.capacity }))),
      },
      {
        kind: "release_requests",
        shifts: released
          .slice(0, CARD_SHIFTS)
          .map((s) => card(s, t("shift.releaseRequests", { count: s.releaseRequests }))),
      },
      {
        kind: "join_requests",
        count: requests.length,
        digibanks: [...new Set(requests.map((r) => r.digibankName))].sort(),
      },
    ];
  },
};

/** Regional staff: their regions' figures, and how full the coming weeks' shifts are. */
export const regionCards: CardProvider = {
  async cards(db, actor, { language, now }) {
    if (!actor || !may(actor, { action: "manage_any_region" })) return [];
    const t = getFixedT(language);
    const overview = await getNetworkOverview(db);
    const today = localToday(now);
    const range = { from: today, until: addDays(today, FIGURE_WEEKS * 7 - 1) };
    const regions = overview.regions.filter((r) =>
      may(actor, { action: "manage_region", regionId: r.id }),
    );
    const figures = await Promise.all(
      regions.map(async (region) => {
        const { byWeek } = await fillRates(db, actor, range, { regionId: region.id });
        return {
          id: region.id,
          name: region.name,
          digibanks: region.digibanks.length,
          digipunten: region.digibanks.reduce((sum, b) => sum + b.digipunten, 0),
          volunteers: region.volunteers,
          weeks: byWeek.map(({ number, monday, sunday, confirmed, capacity }) => ({
            monday,
            label: t("home.regionFigures.weekLabel", {
              number,
              days: formatDayRange(monday, sunday, language),
            }),
            rate: formatPercent(confirmed, capacity, language),
          })),
        };
      }),
    );
    return [{ kind: "region_figures", regions: figures }];
  },
};

/** How far ahead a trainer's card looks for sessions to take attendance at. */
const TRAINER_DAYS = 14;

/** A trainer: the next session of each course they teach, where attendance is to be taken. */
export const trainerCards: CardProvider = {
  async cards(db, actor, { language, now }) {
    if (!actor) return [];
    const until = now.getTime() + TRAINER_DAYS * DAY;
    const courses = (await listTrainedCourses(db, actor, { now })).filter(
      (c) => c.trainer && c.nextSession && c.nextSession.startsAt.getTime() <= until,
    );
    if (courses.length === 0) return [];
    return [
      {
        kind: "attendance_to_take",
        sessions: courses.slice(0, CARD_SHIFTS).map((c) => ({
          id: c.nextSession!.id,
          href: `/courses/train/${c.id}?session=${c.nextSession!.id}`,
          title: c.title,
          when: whenText(c.nextSession!.startsAt, c.nextSession!.endsAt, language),
        })),
      },
    ];
  },
};

/** Anyone invited to gatherings: invitations waiting for an answer, and the next one said yes to. */
export const invitationCards: CardProvider = {
  async cards(db, actor, { language, now }) {
    if (!actor) return [];
    const { upcoming } = await listInvitationsOfUser(db, actor.id, { now });
    const open = upcoming.filter(
      (i) => !i.cancelled && i.response === "none" && now < i.answerDeadline,
    );
    const yes = upcoming.find((i) => !i.cancelled && i.response === "yes");
    if (open.length === 0 && !yes) return [];
    const t = getFixedT(language, "events");
    const day = (d: Date) => formatDateTime(d, language, { dateStyle: "long", timeStyle: "short" });
    open.sort((a, b) => a.answerDeadline.getTime() - b.answerDeadline.getTime());
    return [
      {
        kind: "event_invitations",
        toAnswer: open.slice(0, CARD_SHIFTS).map((i) => ({
          eventId: i.eventId,
          href: `/events/${i.eventId}`,
          text: t("card.answerBy", { title: i.title, date: day(i.answerDeadline) }),
        })),
        toAnswerCount: open.length,
        next: yes
          ? {
              eventId: yes.eventId,
              href: `/events/${yes.eventId}`,
              text: t("card.next", {
                title: yes.title,
                date: whenText(yes.startsAt, yes.endsAt, language),
              }),
            }
          : null,
      },
    ];
  },
};

/**
 * An organiser (regional staff, a coordinator, an admin): the next gatherings they plan (a Dag van
 * de Digibank is planned months ahead, so no horizon), with
 * the answers so far and any invitation mail that failed, each linking to its organiser's page.
 */
export const organiserCards: CardProvider = {
  async cards(db, actor, { language, now }) {
    if (!actor || !may(actor, { action: "plan_any_events" })) return [];
    const regionIds = [...new Set([...actor.staffRegionIds, ...actor.coordinatedRegionIds])];
    const rows = await db
      .selectFrom("events as e")
      .leftJoin("event_invitations as i", (join) =>
        join.onRef("i.event_id", "=", "e.id").on("i.revoked_at", "is", null),
      )
      .leftJoin("email_messages as m", "m.id", "i.email_message_id")
      .select((eb) => [
        "e.id",
        "e.title",
        "e.starts_at",
        "e.ends_at",
        eb.fn.count<string>("i.id").filterWhere("i.response", "=", "yes").as("yes"),
        eb.fn.count<string>("i.id").filterWhere("i.response", "=", "maybe").as("maybe"),
        eb.fn.count<string>("i.id").filterWhere("i.response", "=", "none").as("none"),
        eb.fn.count<string>("i.id").filterWhere(failedForGoodAs("m")).as("failed"),
      ])
      .where("e.status", "=", "published")
      .where("e.ends_at", ">", now)
      .$if(!isAdmin(actor), (qb) =>
        qb.where((eb) =>
          eb.or([
            ...(regionIds.length ? [eb("e.region_id", "in", regionIds)] : []),
            ...(actor.coordinatedDigibankIds.length
              ? [eb("e.digibank_id", "in", actor.coordinatedDigibankIds)]
              : []),
            eb.lit(false),
          ]),
        ),
      )
      .groupBy("e.id")
      .orderBy("e.starts_at")
      .orderBy("e.id")
      .limit(CARD_SHIFTS)
      .execute();
    if (rows.length === 0) return [];
    const t = getFixedT(language, "eventPlanning");
    return [
      {
        kind: "events_organised",
        events: rows.map((row) => ({
          eventId: row.id,
          href: `/events/manage/${row.id}`,
          title: `${row.title}, ${whenText(new Date(row.starts_at), new Date(row.ends_at), language)}`,
          answers: [
            t("card.answers", {
              yes: Number(row.yes),
              maybe: Number(row.maybe),
              none: Number(row.none),
            }),
            ...(Number(row.failed) > 0 ? [t("card.failed", { count: Number(row.failed) })] : []),
          ].join(" "),
        })),
      },
    ];
  },
};

/** A volunteer with at least one shift worked: what their work adds up to, and the next milestone. */
export const experienceCards: CardProvider = {
  async cards(db, actor, { language, now }) {
    if (!actor || actor.volunteerDigibankIds.length === 0) return [];
    const summary = await loadExperienceSummary(db, actor.id, { now });
    if (!summary) return [];
    const t = getFixedT(language, "experience");
    return [
      {
        kind: "experience",
        helped: t("card.helped", {
          count: summary.peopleHelped,
          hours: formatHours(summary.minutes, language),
        }),
        next: describeNext(summary.next, language),
      },
    ];
  },
};

/** Anyone with a community board that has posts: the newest three posts' first lines. */
export const communityCards: CardProvider = {
  async cards(db, actor) {
    if (!actor) return [];
    const regions = await listBoardRegions(db, actor);
    if (regions.length === 0) return [];
    const posts = await newestPosts(
      db,
      regions.map((r) => r.id),
      actor.id,
    );
    // An empty board has nothing to tell on the home page (the menu still leads to it).
    if (posts.length === 0) return [];
    return [
      {
        kind: "community",
        posts: posts.map((p) => ({
          id: p.id,
          href: `/community?region=${p.regionId}#post-${p.id}`,
          author: p.author,
          firstLine: p.firstLine,
        })),
      },
    ];
  },
};

/** Coordinators, regional staff and admins: this month's figures, linking to the reports. */
export const reportCards: CardProvider = {
  async cards(db, actor, { language, now }) {
    if (!actor || !may(actor, { action: "view_any_reports" })) return [];
    const banks = await listReportDigibanks(db, actor);
    if (banks.length === 0) return [];
    const today = localToday(now);
    const month = today.slice(0, 7);
    const total = await reportTotals(
      db,
      banks,
      { from: `${month}-01`, until: lastDayOfMonth(month) },
      now,
    );
    const t = getFixedT(language, "reports");
    return [
      {
        kind: "report_figures",
        text: t("card.text", {
          people: formatNumber(total.peopleHelped, language),
          rate: formatPercent(total.confirmed, total.capacity, language),
        }),
      },
    ];
  },
};

/** Every capability's cards, in the order the home page shows them. */
/** A volunteer: "how did your shift go?", for worked shifts without their report. */
export const shiftReportCards: CardProvider = {
  async cards(db, actor, { language, now }) {
    if (!actor || actor.volunteerDigibankIds.length === 0) return [];
    const due = await listShiftsAwaitingReport(db, actor, now);
    if (due.length === 0) return [];
    return [
      {
        kind: "shift_reports_due",
        shifts: due.slice(0, CARD_SHIFTS).map((shift) => ({
          id: shift.shiftId,
          href: `/shifts/${shift.shiftId}/report`,
          digipunt: shift.digipunt,
          when: whenText(shift.startsAt, shift.endsAt, language),
          note: "",
        })),
      },
    ];
  },
};

export const CARD_PROVIDERS: readonly CardProvider[] = [
  welcomeCards,
  invitationCards,
  shiftReportCards,
  volunteerCards,
  trainerCards,
  experienceCards,
  planningCards,
  organiserCards,
  regionCards,
  reportCards,
  // The board is for when nothing more pressing is on: last.
  communityCards,
];

/** The reader's home page cards, most pressing first. */
export async function listHomeCards(
  db: Database,
  actor: Actor | null,
  { language, now = new Date() }: { language: Language; now?: Date },
): Promise<HomeCard[]> {
  const cards = await Promise.all(
    CARD_PROVIDERS.map((provider) => provider.cards(db, actor, { language, now })),
  );
  return cards.flat();
}
