import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import {
  POSTS_PER_PAGE,
  listBoardPosts,
  listBoardRegions,
  newestPosts,
  reflectionToShare,
  setPostHidden,
  sharePost,
  thankPost,
  unthankPost,
} from "~/modules/community/board.server.ts";
import { BoardFormSchema } from "~/modules/community/board-schemas.server.ts";
import { communityPersonalData } from "~/modules/community/personal-data.server.ts";
import { ProfileFormSchema } from "~/modules/people/profile-schemas.server.ts";
import { loadProfile, saveProfile } from "~/modules/people/profile.server.ts";
import { PERSONAL_DATA_PARTS, erasePersonalData } from "~/modules/people/personal-data.server.ts";
import {
  assignRole,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createShiftReport,
  createUser,
  giveSkill,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase, snapshotCounts } from "../support/database.ts";
import { columnsNaming, registryProblems } from "../support/personal-data.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

const TABLES = [
  "users",
  "volunteer_profiles",
  "volunteer_municipalities",
  "board_posts",
  "board_thanks",
];

/** Two regions, each with a digibank and municipalities; volunteers, a coordinator and staff. */
let worlds = 0;
async function world() {
  const db = database.db;
  const k = ++worlds;
  const r1 = await createRegion(db);
  const r2 = await createRegion(db);
  const m1 = await createMunicipality(db, { regionId: r1.id, name: `Lommel ${k}` });
  const m1b = await createMunicipality(db, { regionId: r1.id, name: `Pelt ${k}` });
  const m2 = await createMunicipality(db, { regionId: r2.id, name: `Brugge ${k}` });
  const d1 = await createDigibank(db, { regionId: r1.id });
  const d2 = await createDigibank(db, { regionId: r2.id });
  const person = async (role: "volunteer" | "coordinator", digibankId: number, name?: string) => {
    const user = await createUser(db, { name: name ?? undefined });
    await assignRole(db, { userId: user.id, role, digibankId });
    return user;
  };
  const anna = await person("volunteer", d1.id, "Anna Peeters");
  const bart = await person("volunteer", d1.id, "Bart Claes");
  const chris = await person("volunteer", d2.id, "Chris Maes");
  const coordinator1 = await person("coordinator", d1.id);
  const coordinator2 = await person("coordinator", d2.id);
  const staff1 = await createUser(db);
  await assignRole(db, { userId: staff1.id, role: "regional_staff", regionId: r1.id });
  const actor = async (id: number) => (await loadActor(db, id))! as Actor;
  return {
    db,
    r1,
    r2,
    m1,
    m1b,
    m2,
    d1,
    d2,
    anna,
    bart,
    chris,
    as: {
      anna: await actor(anna.id),
      bart: await actor(bart.id),
      chris: await actor(chris.id),
      coordinator1: await actor(coordinator1.id),
      coordinator2: await actor(coordinator2.id),
      staff1: await actor(staff1.id),
    },
  };
}

const form = (values: Record<string, unknown>) =>
  ProfileFormSchema.safeParse({
    since: "2020-03-01",
    municipality: [],
    language: ["nl"],
    availability: [],
    shows: [],
    introduction: "",
    ...values,
  });

describe("the profile", () => {
  it("saves and reads every part, with the skills read-only beside it", async () => {
    const w = await world();
    await giveSkill(w.db, { userId: w.anna.id, code: "itsme" });
    const parsed = form({
      since: "2019-09-01",
      municipality: [String(w.m1.id), String(w.m1b.id)],
      language: ["nl", "fr", "ar"],
      availability: ["mon_morning", "thu_evening"],
      shows: ["since", "languages"],
      introduction: "Gepensioneerd.\r\nIk help graag met itsme.",
    });
    expect(parsed.success).toBe(true);
    expect(await saveProfile(w.db, w.anna.id, parsed.data!)).toEqual({ ok: true });
    const profile = (await loadProfile(w.db, w.anna.id))!;
    expect(profile.since).toBe("2019-09-01");
    expect(profile.digibanks.map((d) => d.id)).toEqual([w.d1.id]);
    expect(profile.municipalities.map((m) => m.name)).toEqual([w.m1.name, w.m1b.name]);
    expect(profile.languages).toEqual(["nl", "fr", "ar"]);
    expect(profile.availability).toEqual(["mon_morning", "thu_evening"]);
    expect(profile.boardShows).toEqual(["since", "languages"]);
    expect(profile.introduction).toBe("Gepensioneerd.\nIk help graag met itsme.");
    expect(profile.skills).toEqual([{ code: "itsme", source: "declared" }]);

    // Saving again replaces, it does not add.
    const again = form({ municipality: [String(w.m1b.id)], language: [], shows: [] });
    expect(await saveProfile(w.db, w.anna.id, again.data!)).toEqual({ ok: true });
    const after = (await loadProfile(w.db, w.anna.id))!;
    expect(after.municipalities.map((m) => m.name)).toEqual([w.m1b.name]);
    expect(after.languages).toEqual([]);
    expect(after.since).toBe("2020-03-01");
  });

  it("refuses bad input with a message and saves nothing", async () => {
    const w = await world();
    const refused = [
      form({ language: ["nl", "klingon"] }),
      form({ availability: ["mon_night"] }),
      form({ introduction: "x".repeat(10_000) }),
      form({ introduction: "Hallo\u0000" }),
      form({ since: "2027-02-30" }),
      form({ municipality: ["99999999999"] }),
      form({ shows: ["email"] }),
    ];
    for (const parsed of refused) {
      expect(parsed.success).toBe(false);
      for (const issue of parsed.error!.issues) expect(issue.message).toMatch(/^(profile|auth):/);
    }
    const before = await snapshotCounts(database, TABLES);
    const ok = form({});
    expect(
      await saveProfile(
        w.db,
        w.anna.id,
        { ...ok.data!, since: "2026-12-03" },
        new Date("2026-12-02T10:00:00Z"),
      ),
    ).toEqual({ ok: false, field: "since", reason: "profile:errors.sinceFuture" });
    expect(await saveProfile(w.db, w.anna.id, { ...ok.data!, municipality: [w.m2.id] })).toEqual({
      ok: false,
      field: "municipality",
      reason: "profile:errors.municipality",
    });
    expect(await snapshotCounts(database, TABLES)).toEqual(before);
    expect((await loadProfile(w.db, w.anna.id))!.since).toBeNull();
  });

  it("holds its lists in the database too", async () => {
    const w = await world();
    const insert = (values: Record<string, unknown>) =>
      w.db
        .insertInto("volunteer_profiles")
        .values({ user_id: w.bart.id, ...values })
        .execute();
    await expect(insert({ languages: ["xx"] })).rejects.toThrow();
    await expect(insert({ availability: ["sun_night"] })).rejects.toThrow();
    await expect(insert({ board_shows: ["phone"] })).rejects.toThrow();
    await expect(insert({ introduction: "x".repeat(1001) })).rejects.toThrow();
  });
});

describe("the community board", () => {
  it("shows each person the boards of their regions; admins every region", async () => {
    const w = await world();
    expect((await listBoardRegions(w.db, w.as.anna)).map((r) => r.id)).toEqual([w.r1.id]);
    expect((await listBoardRegions(w.db, w.as.staff1)).map((r) => r.id)).toEqual([w.r1.id]);
    expect((await listBoardRegions(w.db, w.as.chris)).map((r) => r.id)).toEqual([w.r2.id]);
  });

  it("shares a post, which others read and thank once; the author sees the count", async () => {
    const w = await world();
    const shared = await sharePost(w.db, {
      regionId: w.r1.id,
      authorId: w.anna.id,
      body: "Tip: zie https://www.safeonweb.be voor phishing.",
    });
    expect(shared.ok).toBe(true);
    const postId = (shared as { postId: number }).postId;
    expect((await thankPost(w.db, w.as.bart, postId)).ok).toBe(true);
    expect((await thankPost(w.db, w.as.bart, postId)).ok).toBe(true);
    expect(
      await w.db.selectFrom("board_thanks").selectAll().where("post_id", "=", postId).execute(),
    ).toHaveLength(1);
    // Not one's own post; not another region's.
    expect(await thankPost(w.db, w.as.anna, postId)).toEqual({ ok: false, denied: 403 });
    expect(await thankPost(w.db, w.as.chris, postId)).toEqual({ ok: false, denied: 404 });

    const forAnna = await listBoardPosts(w.db, {
      regionId: w.r1.id,
      viewerId: w.anna.id,
      moderator: false,
    });
    expect(forAnna.posts[0]).toMatchObject({
      id: postId,
      thanks: 1,
      mine: true,
      thankedByMe: false,
    });
    const forBart = await listBoardPosts(w.db, {
      regionId: w.r1.id,
      viewerId: w.bart.id,
      moderator: false,
    });
    expect(forBart.posts[0]).toMatchObject({
      id: postId,
      thanks: 1,
      mine: false,
      thankedByMe: true,
    });
    expect(forBart.posts[0]!.author.firstName).toBe("Anna");

    // One's own thanks can be taken back.
    expect((await unthankPost(w.db, w.as.bart, postId)).ok).toBe(true);
    const later = await listBoardPosts(w.db, {
      regionId: w.r1.id,
      viewerId: w.bart.id,
      moderator: false,
    });
    expect(later.posts[0]).toMatchObject({ thanks: 0, thankedByMe: false });

    // The home card: the newest first lines.
    expect((await newestPosts(w.db, [w.r1.id], w.bart.id))[0]).toMatchObject({
      id: postId,
      author: "Anna",
    });
  });

  it("refuses a post that seems to hold a phone number, national number, address or IBAN", async () => {
    const w = await world();
    const before = await snapshotCounts(database, TABLES);
    for (const body of [
      "Bel mevrouw op 0470 12 34 56",
      "Haar rijksregisternummer is 85.07.30-033.28",
      "Mail naar jan.peeters@example.com",
      "Rekening BE68 5390 0754 7034",
    ]) {
      const outcome = await sharePost(w.db, { regionId: w.r1.id, authorId: w.anna.id, body });
      expect(outcome).toMatchObject({ ok: false, reason: "sensitive" });
    }
    expect(await snapshotCounts(database, TABLES)).toEqual(before);
  });

  it("checks its form: empty, too long, NUL, unknown intent, id past int4", () => {
    for (const bad of [
      { intent: "share", region: "1", body: "" },
      { intent: "share", region: "1", body: "x".repeat(2001) },
      { intent: "share", region: "1", body: "a\u0000b" },
      { intent: "share", region: "99999999999", body: "Hallo" },
      { intent: "hide", post: "1", reason: "" },
      { intent: "hide", post: "1", reason: "x".repeat(501) },
      { intent: "delete", post: "1" },
    ])
      expect(BoardFormSchema.safeParse(bad).success).toBe(false);
  });

  it("lets a coordinator hide a post with a reason; the author sees why, others no longer see it", async () => {
    const w = await world();
    const { postId } = (await sharePost(w.db, {
      regionId: w.r1.id,
      authorId: w.anna.id,
      body: "Een verhaal over een bezoeker.",
    })) as { postId: number };
    // A volunteer may not; a coordinator of another region does not find it.
    expect(
      await setPostHidden(w.db, w.as.bart, { postId, hide: true, reason: "Nee", ip: null }),
    ).toEqual({ ok: false, denied: 403 });
    expect(
      await setPostHidden(w.db, w.as.coordinator2, { postId, hide: true, reason: "Nee", ip: null }),
    ).toEqual({ ok: false, denied: 404 });

    const reason = "Te herkenbaar beschreven.";
    expect(
      (
        await setPostHidden(w.db, w.as.coordinator1, {
          postId,
          hide: true,
          reason,
          ip: "127.0.0.1",
        })
      ).ok,
    ).toBe(true);
    const audit = await w.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "board_post_hidden")
      .where("actor_id", "=", w.as.coordinator1.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subject_id).toBe(w.anna.id);

    const forAnna = await listBoardPosts(w.db, {
      regionId: w.r1.id,
      viewerId: w.anna.id,
      moderator: false,
    });
    expect(forAnna.posts.find((p) => p.id === postId)!.hidden).toMatchObject({ reason });
    const forBart = await listBoardPosts(w.db, {
      regionId: w.r1.id,
      viewerId: w.bart.id,
      moderator: false,
    });
    expect(forBart.posts.find((p) => p.id === postId)).toBeUndefined();
    expect(await newestPosts(w.db, [w.r1.id], w.bart.id)).toEqual([]);
    expect(await thankPost(w.db, w.as.bart, postId)).toEqual({ ok: false, denied: 404 });
    const forStaff = await listBoardPosts(w.db, {
      regionId: w.r1.id,
      viewerId: w.as.staff1.id,
      moderator: true,
    });
    expect(forStaff.posts.find((p) => p.id === postId)!.hidden).not.toBeNull();

    // Regional staff show it again.
    expect((await setPostHidden(w.db, w.as.staff1, { postId, hide: false, ip: null })).ok).toBe(
      true,
    );
    const again = await listBoardPosts(w.db, {
      regionId: w.r1.id,
      viewerId: w.bart.id,
      moderator: false,
    });
    expect(again.posts.find((p) => p.id === postId)!.hidden).toBeNull();
  });

  it("starts a post from the reader's own report only", async () => {
    const w = await world();
    const digipunt = await createDigipunt(w.db, { digibankId: w.d1.id, municipalityId: w.m1.id });
    const shift = await createShift(w.db, {
      digipuntId: digipunt.id,
      startsAt: "2026-11-20T08:00:00Z",
    });
    const mine = await createShiftReport(w.db, {
      shiftId: shift.id,
      userId: w.anna.id,
      reflection: "Rustig uitleggen werkt het best.",
    });
    const theirs = await createShiftReport(w.db, {
      shiftId: shift.id,
      userId: w.bart.id,
      reflection: "Iets van Bart.",
    });
    expect(await reflectionToShare(w.db, mine.id, w.anna.id)).toBe(
      "Rustig uitleggen werkt het best.",
    );
    expect(await reflectionToShare(w.db, theirs.id, w.anna.id)).toBeNull();
    const own = (await sharePost(w.db, {
      regionId: w.r1.id,
      authorId: w.anna.id,
      body: "Rustig uitleggen werkt het best.",
      fromShiftReportId: mine.id,
    })) as { postId: number };
    const other = (await sharePost(w.db, {
      regionId: w.r1.id,
      authorId: w.anna.id,
      body: "Iets van Bart.",
      fromShiftReportId: theirs.id,
    })) as { postId: number };
    const from = async (id: number) =>
      (
        await w.db
          .selectFrom("board_posts")
          .select("from_shift_report_id")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).from_shift_report_id;
    expect(await from(own.postId)).toBe(mine.id);
    expect(await from(other.postId)).toBeNull();
  });

  it("shows beside the first name only the parts the author chose", async () => {
    const w = await world();
    const parsed = form({
      language: ["nl", "tr"],
      municipality: [String(w.m1.id)],
      introduction: "Ik ben Anna.",
      shows: ["languages"],
    });
    await saveProfile(w.db, w.anna.id, parsed.data!);
    await sharePost(w.db, { regionId: w.r1.id, authorId: w.anna.id, body: "Hallo" });
    const { posts } = await listBoardPosts(w.db, {
      regionId: w.r1.id,
      viewerId: w.bart.id,
      moderator: false,
    });
    expect(posts[0]!.author).toEqual({ id: w.anna.id, firstName: "Anna", languages: ["nl", "tr"] });
  });

  it("pages newest first, twenty at a time", async () => {
    const w = await world();
    const base = Date.UTC(2026, 10, 1);
    await w.db
      .insertInto("board_posts")
      .values(
        Array.from({ length: 45 }, (_, i) => ({
          region_id: w.r2.id,
          author_id: w.chris.id,
          body: `Bericht ${i}`,
          created_at: new Date(base + i * 60_000),
        })),
      )
      .execute();
    const seen: string[] = [];
    let before: number | null = null;
    for (let page = 0; page < 5; page++) {
      const result = await listBoardPosts(w.db, {
        regionId: w.r2.id,
        viewerId: w.chris.id,
        moderator: false,
        before,
      });
      expect(result.posts.length).toBeLessThanOrEqual(POSTS_PER_PAGE);
      seen.push(...result.posts.map((p) => p.body));
      before = result.older;
      if (before === null) break;
    }
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => `Bericht ${44 - i}`));
  });
});

describe("one thanks per person per post, also at the same moment", () => {
  async function race(actor: Actor, postId: number, times: number) {
    return Promise.all(Array.from({ length: times }, () => thankPost(database.db, actor, postId)));
  }
  const rowsOf = async (postId: number) =>
    (
      await database.db
        .selectFrom("board_thanks")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("post_id", "=", postId)
        .executeTakeFirstOrThrow()
    ).n;

  it("ten thanks at once by one person leave one row, every round", async () => {
    const w = await world();
    for (let round = 0; round < 20; round++) {
      const { postId } = (await sharePost(w.db, {
        regionId: w.r1.id,
        authorId: w.anna.id,
        body: `Ronde ${round}`,
      })) as { postId: number };
      const outcomes = await race(w.as.bart, postId, 10);
      expect(outcomes.every((o) => o.ok)).toBe(true);
      expect(Number(await rowsOf(postId))).toBe(1);
    }
  });

  // Only on a PostgreSQL server: PGlite's one connection runs the thanks one after another.
  const onServer = it.skipIf(!process.env.TEST_DATABASE_URL);

  onServer("control: without the primary key the same race leaves duplicates", async () => {
    const w = await world();
    await sql`alter table board_thanks drop constraint board_thanks_pk`.execute(database.db);
    try {
      let duplicated = 0;
      for (let round = 0; round < 20; round++) {
        const { postId } = (await sharePost(w.db, {
          regionId: w.r1.id,
          authorId: w.anna.id,
          body: `Controle ${round}`,
        })) as { postId: number };
        await race(w.as.bart, postId, 10);
        if (Number(await rowsOf(postId)) > 1) duplicated++;
      }
      expect(duplicated).toBeGreaterThan(0);
    } finally {
      await database.db.deleteFrom("board_thanks").execute();
      await sql`alter table board_thanks add constraint board_thanks_pk primary key (post_id, user_id)`.execute(
        database.db,
      );
    }
  });
});

describe("the community part of the personal data", () => {
  it("is declared, downloads the profile, posts and thanks, and erases them", async () => {
    const w = await world();
    expect(await registryProblems(w.db, PERSONAL_DATA_PARTS)).toEqual([]);
    const intro = `Uniek-${Date.now()}`;
    const parsed = form({ municipality: [String(w.m1.id)], language: ["fr"], introduction: intro });
    await saveProfile(w.db, w.anna.id, parsed.data!);
    const { postId } = (await sharePost(w.db, {
      regionId: w.r1.id,
      authorId: w.anna.id,
      body: `Post ${intro}`,
    })) as { postId: number };
    const bartPost = (await sharePost(w.db, {
      regionId: w.r1.id,
      authorId: w.bart.id,
      body: "Van Bart",
    })) as { postId: number };
    await thankPost(w.db, w.as.anna, bartPost.postId);
    await thankPost(w.db, w.as.bart, postId);

    const subject = {
      id: w.anna.id,
      email: w.anna.email,
      name: w.anna.name,
      phone: null,
      placeholderEmail: `deleted-${w.anna.id}@deleted.invalid`,
    };
    const sections = await communityPersonalData.download(w.db, subject);
    expect(sections.volunteerProfile).toMatchObject({ introduction: intro, languages: ["fr"] });
    expect(sections.volunteerMunicipalities).toEqual([
      { municipality: w.m1.name, region: w.r1.name },
    ]);
    expect(sections.boardPosts).toMatchObject([{ body: `Post ${intro}`, thanks_count: 1 }]);
    expect(sections.boardThanks).toHaveLength(1);

    await erasePersonalData(w.db, w.anna.id);
    expect(await columnsNaming(w.db, [intro])).toEqual([]);
    for (const table of ["volunteer_profiles", "volunteer_municipalities", "board_thanks"] as const)
      expect(
        await w.db.selectFrom(table).selectAll().where("user_id", "=", w.anna.id).execute(),
      ).toEqual([]);
    expect(
      await w.db.selectFrom("board_posts").selectAll().where("author_id", "=", w.anna.id).execute(),
    ).toEqual([]);
    // Bart's post stays, without Anna's thanks.
    expect(
      await w.db
        .selectFrom("board_thanks")
        .selectAll()
        .where("post_id", "=", bartPost.postId)
        .execute(),
    ).toEqual([]);
  });
});

describe("the home card", () => {
  it("shows the newest three posts' first lines to people with a board, none on an empty board", async () => {
    const { communityCards } = await import("~/modules/home/cards.server.ts");
    const w = await world();
    const context = { language: "nl" as const, now: new Date() };
    expect(await communityCards.cards(w.db, w.as.chris, context)).toEqual([]);
    for (const body of ["Eerste\nmeer", "Tweede", "Derde", "Vierde\n\nnog iets"])
      await sharePost(w.db, { regionId: w.r1.id, authorId: w.anna.id, body });
    const [card] = await communityCards.cards(w.db, w.as.bart, context);
    expect(card).toMatchObject({ kind: "community" });
    const posts = (card as { posts: Array<{ author: string; firstLine: string; href: string }> })
      .posts;
    expect(posts.map((p) => p.firstLine)).toEqual(["Vierde", "Derde", "Tweede"]);
    expect(posts[0]!.author).toBe("Anna");
    expect(posts[0]!.href).toMatch(new RegExp(`^/community\\?region=${w.r1.id}#post-\\d+$`));
    expect(await communityCards.cards(w.db, null, context)).toEqual([]);
  });
});
