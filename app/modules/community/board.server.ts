import { sql } from "kysely";
import { type Actor, isAdmin, may } from "~/modules/auth/access.server.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import type { BoardShow } from "~/modules/people/profile-codes.ts";
import { type SensitiveKind, findSensitiveData } from "~/modules/shift-reports/sensitive.ts";
import type { Database } from "~/utils/db.server.ts";

// The community board of a region: its volunteers, coordinators and regional staff share tips and
// stories in plain text and thank each other. A coordinator or regional staff member of the region
// hides a post with a reason; its author still sees it, with that reason. No messages between
// people, no images.

export const POSTS_PER_PAGE = 20;
export const POST_MAX = 2000;
export const HIDE_REASON_MAX = 500;

/** The regions whose board this person may open, by name. Admins: every region. */
export async function listBoardRegions(db: Database, actor: Actor) {
  let query = db.selectFrom("regions").select(["id", "name"]).orderBy("name").orderBy("id");
  if (!isAdmin(actor)) {
    const ids = [
      ...new Set([
        ...actor.volunteerRegionIds,
        ...actor.coordinatorRegionIds,
        ...actor.staffRegionIds,
      ]),
    ];
    if (ids.length === 0) return [];
    query = query.where("id", "in", ids);
  }
  return query.execute();
}

export interface BoardAuthor {
  id: number;
  firstName: string;
  /** Only the parts the author chose to show on the board. */
  since?: string | null;
  digibanks?: string[];
  municipalities?: string[];
  languages?: string[];
  skills?: string[];
  availability?: string[];
  introduction?: string;
}

export interface BoardPost {
  id: number;
  body: string;
  createdAt: Date;
  author: BoardAuthor;
  thanks: number;
  thankedByMe: boolean;
  mine: boolean;
  hidden: { at: Date; reason: string } | null;
}

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * A page of a region's board, newest first: POSTS_PER_PAGE posts older than `before` (a post id),
 * and whether there are older ones. A hidden post shows to its author and to those who moderate
 * the board, nobody else.
 */
export async function listBoardPosts(
  db: Database,
  input: { regionId: number; viewerId: number; moderator: boolean; before?: number | null },
): Promise<{ posts: BoardPost[]; older: number | null }> {
  let query = db
    .selectFrom("board_posts as p")
    .innerJoin("users as u", "u.id", "p.author_id")
    .select((eb) => [
      "p.id",
      "p.body",
      "p.created_at",
      "p.author_id",
      "p.hidden_at",
      "p.hidden_reason",
      "u.name",
      eb
        .selectFrom("board_thanks as t")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("t.post_id", "=", "p.id")
        .as("thanks"),
      eb
        .exists(
          eb
            .selectFrom("board_thanks as t")
            .select("t.post_id")
            .whereRef("t.post_id", "=", "p.id")
            .where("t.user_id", "=", input.viewerId),
        )
        .as("thanked"),
    ])
    .where("p.region_id", "=", input.regionId)
    .orderBy("p.created_at", "desc")
    .orderBy("p.id", "desc")
    .limit(POSTS_PER_PAGE + 1);
  if (!input.moderator)
    query = query.where((eb) =>
      eb.or([eb("p.hidden_at", "is", null), eb("p.author_id", "=", input.viewerId)]),
    );
  if (input.before)
    query = query.where(
      sql<boolean>`(p.created_at, p.id) < (select created_at, id from board_posts where id = ${input.before})`,
    );
  const rows = await query.execute();
  const page = rows.slice(0, POSTS_PER_PAGE);
  const authors = await describeAuthors(
    db,
    page.map((r) => r.author_id),
  );
  return {
    posts: page.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: r.created_at,
      author: authors.get(r.author_id) ?? { id: r.author_id, firstName: firstName(r.name) },
      thanks: Number(r.thanks ?? 0),
      thankedByMe: Boolean(r.thanked),
      mine: r.author_id === input.viewerId,
      hidden: r.hidden_at ? { at: r.hidden_at, reason: r.hidden_reason ?? "" } : null,
    })),
    older: rows.length > POSTS_PER_PAGE ? page[page.length - 1]!.id : null,
  };
}

/** Each author's first name and the profile parts they chose to show, in a few queries per page. */
async function describeAuthors(db: Database, ids: number[]): Promise<Map<number, BoardAuthor>> {
  const unique = [...new Set(ids)];
  const result = new Map<number, BoardAuthor>();
  if (unique.length === 0) return result;
  const people = await db
    .selectFrom("users as u")
    .leftJoin("volunteer_profiles as p", "p.user_id", "u.id")
    .select([
      "u.id",
      "u.name",
      "u.volunteering_since",
      "p.board_shows",
      "p.languages",
      "p.availability",
      "p.introduction",
    ])
    .where("u.id", "in", unique)
    .execute();
  const wants = (part: BoardShow) =>
    people.filter((p) => (p.board_shows ?? []).includes(part)).map((p) => p.id);
  const [banks, places, skills] = await Promise.all([
    wants("digibanks").length
      ? db
          .selectFrom("role_assignments as ra")
          .innerJoin("digibanks as d", "d.id", "ra.digibank_id")
          .select(["ra.user_id", "d.name"])
          .distinct()
          .where("ra.user_id", "in", wants("digibanks"))
          .orderBy("d.name")
          .execute()
      : [],
    wants("municipalities").length
      ? db
          .selectFrom("volunteer_municipalities as vm")
          .innerJoin("municipalities as m", "m.id", "vm.municipality_id")
          .select(["vm.user_id", "m.name"])
          .where("vm.user_id", "in", wants("municipalities"))
          .orderBy("m.name")
          .execute()
      : [],
    wants("skills").length
      ? db
          .selectFrom("volunteer_skills as v")
          .innerJoin("skills as s", "s.id", "v.skill_id")
          .select(["v.user_id", "s.code as name"])
          .where("v.user_id", "in", wants("skills"))
          .orderBy("s.id")
          .execute()
      : [],
  ]);
  const of = (rows: Array<{ user_id: number; name: string }>, id: number) =>
    rows.filter((r) => r.user_id === id).map((r) => r.name);
  for (const p of people) {
    const shows = new Set(p.board_shows ?? []);
    const author: BoardAuthor = { id: p.id, firstName: firstName(p.name) };
    if (shows.has("since")) author.since = p.volunteering_since;
    if (shows.has("digibanks")) author.digibanks = of(banks, p.id);
    if (shows.has("municipalities")) author.municipalities = of(places, p.id);
    if (shows.has("languages")) author.languages = p.languages ?? [];
    if (shows.has("skills")) author.skills = of(skills, p.id);
    if (shows.has("availability")) author.availability = p.availability ?? [];
    if (shows.has("introduction") && p.introduction) author.introduction = p.introduction;
    result.set(p.id, author);
  }
  return result;
}

/** The reflection of the reader's own shift report, to start a post from; null for anyone else's. */
export async function reflectionToShare(db: Database, reportId: number, userId: number) {
  const row = await db
    .selectFrom("shift_reports")
    .select("reflection")
    .where("id", "=", reportId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? row.reflection : null;
}

export type ShareOutcome =
  { ok: true; postId: number } | { ok: false; reason: "sensitive"; kinds: SensitiveKind[] };

/**
 * Shares a post on a region's board (the route checked use_board). A text that seems to hold a
 * phone number, national register number, email address or IBAN is refused. A shift report to
 * start from counts only when it is the author's own.
 */
export async function sharePost(
  db: Database,
  input: { regionId: number; authorId: number; body: string; fromShiftReportId?: number | null },
): Promise<ShareOutcome> {
  const kinds = findSensitiveData(input.body);
  if (kinds.length) return { ok: false, reason: "sensitive", kinds };
  const from =
    input.fromShiftReportId &&
    (await reflectionToShare(db, input.fromShiftReportId, input.authorId)) !== null
      ? input.fromShiftReportId
      : null;
  const row = await db
    .insertInto("board_posts")
    .values({
      region_id: input.regionId,
      author_id: input.authorId,
      body: input.body,
      from_shift_report_id: from,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, postId: row.id };
}

/** A post's region and state, for the route to ask may(); null when there is none. */
export async function findPost(db: Database, postId: number) {
  return (
    (await db
      .selectFrom("board_posts")
      .innerJoin("users", "users.id", "board_posts.author_id")
      .select([
        "board_posts.id",
        "board_posts.region_id as regionId",
        "board_posts.author_id as authorId",
        "board_posts.hidden_at as hiddenAt",
        "users.name as authorName",
      ])
      .where("board_posts.id", "=", postId)
      .executeTakeFirst()) ?? null
  );
}

export type PostActionOutcome =
  { ok: true; regionId: number; author: string } | { ok: false; denied: 404 | 403 };

/** Who may see this post at all: the board's people; a hidden one, its author and moderators. */
async function visiblePost(db: Database, actor: Actor, postId: number) {
  const post = await findPost(db, postId);
  if (!post || !may(actor, { action: "use_board", regionId: post.regionId })) return null;
  if (
    post.hiddenAt &&
    post.authorId !== actor.id &&
    !may(actor, { action: "moderate_board", regionId: post.regionId })
  )
    return null;
  return post;
}

/**
 * Thanks a post: once per person, held by the primary key (a second thanks, also at the same
 * moment, changes nothing). Not one's own post, nor a hidden one.
 */
export async function thankPost(
  db: Database,
  actor: Actor,
  postId: number,
): Promise<PostActionOutcome> {
  const post = await visiblePost(db, actor, postId);
  if (!post) return { ok: false, denied: 404 };
  if (post.authorId === actor.id || post.hiddenAt) return { ok: false, denied: 403 };
  try {
    // Not when already thanked; two thanks at the same moment both pass this check, and the
    // primary key refuses the second (the control test drops it and finds two rows).
    await db
      .insertInto("board_thanks")
      .columns(["post_id", "user_id"])
      .expression(
        db
          .selectNoFrom([
            sql<number>`${postId}::integer`.as("post_id"),
            sql<number>`${actor.id}::integer`.as("user_id"),
          ])
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("board_thanks")
                  .select("post_id")
                  .where("post_id", "=", postId)
                  .where("user_id", "=", actor.id),
              ),
            ),
          ),
      )
      .execute();
  } catch (error) {
    if ((error as { code?: string } | null)?.code !== "23505") throw error;
  }
  return { ok: true, regionId: post.regionId, author: firstName(post.authorName) };
}

/** Takes one's own thanks back. */
export async function unthankPost(
  db: Database,
  actor: Actor,
  postId: number,
): Promise<PostActionOutcome> {
  const post = await visiblePost(db, actor, postId);
  if (!post) return { ok: false, denied: 404 };
  await db
    .deleteFrom("board_thanks")
    .where("post_id", "=", postId)
    .where("user_id", "=", actor.id)
    .execute();
  return { ok: true, regionId: post.regionId, author: firstName(post.authorName) };
}

/** Hides a post with a reason, or shows it again: the region's moderators. Audited. */
export async function setPostHidden(
  db: Database,
  actor: Actor,
  input:
    | { postId: number; hide: true; reason: string; ip: string | null }
    | {
        postId: number;
        hide: false;
        ip: string | null;
      },
): Promise<PostActionOutcome> {
  // The board's people who do not moderate it are told no (403), others that it does not exist.
  const post = await findPost(db, input.postId);
  if (!post || !may(actor, { action: "use_board", regionId: post.regionId }))
    return { ok: false, denied: 404 };
  if (!may(actor, { action: "moderate_board", regionId: post.regionId }))
    return { ok: false, denied: 403 };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("board_posts")
      .set(
        input.hide
          ? {
              hidden_at: sql<Date>`now()`,
              hidden_by: actor.id,
              hidden_reason: input.reason,
              updated_at: sql<Date>`now()`,
            }
          : { hidden_at: null, hidden_by: null, hidden_reason: null, updated_at: sql<Date>`now()` },
      )
      .where("id", "=", input.postId)
      .execute();
    await recordAuditEvent(trx, {
      action: input.hide ? "board_post_hidden" : "board_post_shown",
      actorId: actor.id,
      subjectId: post.authorId,
      ip: input.ip,
      details: { postId: post.id, regionId: post.regionId },
    });
  });
  return { ok: true, regionId: post.regionId, author: firstName(post.authorName) };
}

/** The newest visible posts of these regions, for the home card: first line and where to read it. */
export async function newestPosts(db: Database, regionIds: number[], viewerId: number, limit = 3) {
  if (regionIds.length === 0) return [];
  const rows = await db
    .selectFrom("board_posts as p")
    .innerJoin("users as u", "u.id", "p.author_id")
    .select(["p.id", "p.region_id", "p.body", "u.name"])
    .where("p.region_id", "in", regionIds)
    .where((eb) => eb.or([eb("p.hidden_at", "is", null), eb("p.author_id", "=", viewerId)]))
    .orderBy("p.created_at", "desc")
    .orderBy("p.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regionId: r.region_id,
    author: firstName(r.name),
    firstLine: firstLineOf(r.body),
  }));
}

/** The first line of a text, cut at 120 characters. */
export function firstLineOf(text: string, max = 120) {
  const line =
    text
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
