import type { PersonalDataPart } from "~/modules/people/personal-data.server.ts";

// The community part of the personal data: the volunteer profile (languages, availability,
// introduction, board choices, municipalities), the posts a person shared on a community board,
// the thanks they gave, and the posts they hid as a coordinator.
// Erasure deletes the profile, the municipalities and the thanks, and deletes the person's posts
// (with the thanks others gave them): a post is the person's own words, often a story about their
// work, and with the author anonymised it would still be theirs to recognise; unlike shift reports
// no figure counts them. A post they hid as a coordinator stays hidden, pointing to their
// anonymised row.

export const communityPersonalData: PersonalDataPart = {
  name: "community",
  tables: [
    { table: "volunteer_profiles", userColumns: { user_id: "erased" } },
    { table: "volunteer_municipalities", userColumns: { user_id: "erased" } },
    {
      table: "board_posts",
      userColumns: {
        author_id: "erased",
        hidden_by: {
          kept: "points to the coordinator's row, which erasure anonymises; the post stays hidden for the reason given",
        },
      },
    },
    { table: "board_thanks", userColumns: { user_id: "erased" } },
  ],

  async download(db, subject) {
    const profile = await db
      .selectFrom("volunteer_profiles")
      .select(["languages", "availability", "introduction", "board_shows", "updated_at"])
      .where("user_id", "=", subject.id)
      .executeTakeFirst();
    const volunteerMunicipalities = await db
      .selectFrom("volunteer_municipalities as vm")
      .innerJoin("municipalities as m", "m.id", "vm.municipality_id")
      .innerJoin("regions as r", "r.id", "m.region_id")
      .select(["m.name as municipality", "r.name as region"])
      .where("vm.user_id", "=", subject.id)
      .orderBy("m.name")
      .execute();
    const boardPosts = await db
      .selectFrom("board_posts as p")
      .innerJoin("regions as r", "r.id", "p.region_id")
      .select((eb) => [
        "r.name as region",
        "p.body",
        "p.created_at",
        "p.hidden_at",
        "p.hidden_reason",
        eb
          .selectFrom("board_thanks as t")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("t.post_id", "=", "p.id")
          .as("thanks_count"),
      ])
      .where("p.author_id", "=", subject.id)
      .orderBy("p.created_at")
      .orderBy("p.id")
      .execute();
    const boardThanks = await db
      .selectFrom("board_thanks as t")
      .innerJoin("board_posts as p", "p.id", "t.post_id")
      .innerJoin("regions as r", "r.id", "p.region_id")
      .select(["r.name as region", "p.created_at as post_created_at", "t.created_at"])
      .where("t.user_id", "=", subject.id)
      .orderBy("t.created_at")
      .execute();
    // Posts this person hid as a coordinator: whose post it was is someone else's data.
    const boardPostsHidden = await db
      .selectFrom("board_posts as p")
      .innerJoin("regions as r", "r.id", "p.region_id")
      .select(["r.name as region", "p.hidden_at", "p.hidden_reason"])
      .where("p.hidden_by", "=", subject.id)
      .orderBy("p.hidden_at")
      .execute();
    return {
      volunteerProfile: profile ?? null,
      volunteerMunicipalities,
      boardPosts: boardPosts.map((p) => ({ ...p, thanks_count: Number(p.thanks_count ?? 0) })),
      boardThanks,
      boardPostsHidden,
    };
  },

  async erase(trx, subject) {
    await trx.deleteFrom("volunteer_profiles").where("user_id", "=", subject.id).execute();
    await trx.deleteFrom("volunteer_municipalities").where("user_id", "=", subject.id).execute();
    await trx.deleteFrom("board_thanks").where("user_id", "=", subject.id).execute();
    // Thanks on the person's posts go with them (on delete cascade).
    await trx.deleteFrom("board_posts").where("author_id", "=", subject.id).execute();
  },
};
