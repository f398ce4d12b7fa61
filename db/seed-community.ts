import type { Transaction } from "kysely";
import type { DB } from "./schema.ts";
import {
  AVAILABILITY_SLOTS,
  BOARD_SHOWS,
  PROFILE_LANGUAGES,
} from "../app/modules/people/profile-codes.ts";

// The demo world's profiles and community boards: a profile for the demo volunteer and about half
// the other digihelpers (languages, when they can help, municipalities, a short introduction), and
// on each region's board eight tips and stories of the last weeks, some thanked, one hidden by a
// coordinator with a reason. Deterministic: it draws from the seed's random source.

const DAY = 24 * 60 * 60 * 1000;

const INTRODUCTIONS = [
  "Gepensioneerd boekhouder. Ik help graag met Tax-on-web en e-banking.",
  "Ik werkte jaren in de bibliotheek en leg graag rustig uit hoe een smartphone werkt.",
  "Student informatica. Ik help op zaterdag in de digipunten.",
  "Ik ben zelf laat met computers begonnen. Daarom weet ik hoe moeilijk het soms is.",
  "Ik spreek ook Arabisch en help graag mensen die nog Nederlands leren.",
  "Vroeger leerkracht. Geduld is mijn sterkste punt.",
];

const POSTS = [
  "Tip: laat mensen zelf op het scherm tikken. Dan onthouden ze het veel beter dan wanneer je het voor hen doet.",
  "Vandaag hielp ik een dame van 84 met itsme. Na drie pogingen lukte het, en ze was zo blij! Geduld loont.",
  "Handig voor wie met MyPension helpt: de uitleg op https://www.mypension.be/nl staat ook in eenvoudige taal.",
  "Wie twijfelt bij een verdacht bericht: op www.safeonweb.be kan je het doorsturen. Ik toon het altijd even.",
  "Een tip voor Tax-on-web: vraag op voorhand of de persoon zijn eID en pincode meeheeft. Dat spaart veel tijd.",
  "Ik schrijf de stappen op een blad in grote letters. Mensen nemen het mee naar huis en kunnen het zelf herhalen.",
  "Mooi moment vandaag: een man kwam terug om te tonen dat hij nu zelf videobelt met zijn kleinkinderen.",
  "Denk eraan: vraag nooit iemands pincode. Laat ze die zelf intikken, ook als het langer duurt.",
  "Wie heeft een goede manier om uit te leggen wat een wachtwoordbeheerder is? Ik zoek eenvoudige woorden.",
  "Bij mensen met trillende handen helpt een stylus soms veel. We hebben er nu twee in ons digipunt.",
  "Tip: zet de tekst op de smartphone groter via Instellingen > Scherm. Veel mensen weten niet dat het kan.",
  "Na de vorming over de doelgroep let ik meer op hoe ik dingen zeg. Minder vakjargon, meer voorbeelden.",
  "Mijn Gezondheid is voor veel mensen nieuw. Ik toon eerst waar hun vaccinaties staan: dat vinden ze boeiend.",
  "Een vraag die ik vaak krijg: is e-banking veilig? Ik leg uit waarop ze moeten letten, en dat helpt.",
  "Bedankt aan iedereen die zaterdag extra kwam helpen. Het was druk, maar niemand ging weg zonder hulp.",
  "Voor wie start: het is oké om te zeggen dat je iets niet weet. Zoek het samen op, dat leert de persoon ook.",
];

const HIDE_REASON =
  "Dit bericht ging over een bezoeker die herkenbaar beschreven werd. Schrijf zonder details over wie je helpt.";

export async function seedCommunity(
  db: Transaction<DB>,
  world: { today: Date; random: () => number; demoVolunteer: number },
) {
  const { random, today } = world;
  const pickSome = <T>(items: readonly T[], chance: number) =>
    items.filter(() => random() < chance);
  const regions = await db.selectFrom("regions").select("id").orderBy("id").execute();
  let hiddenOne = false;
  for (const region of regions) {
    const helpers = await db
      .selectFrom("role_assignments as ra")
      .innerJoin("digibanks as d", "d.id", "ra.digibank_id")
      .select("ra.user_id")
      .distinct()
      .where("ra.role", "=", "volunteer")
      .where("d.region_id", "=", region.id)
      .orderBy("ra.user_id")
      .execute();
    const municipalities = await db
      .selectFrom("municipalities")
      .select("id")
      .where("region_id", "=", region.id)
      .orderBy("id")
      .execute();
    const moderator = await db
      .selectFrom("role_assignments as ra")
      .innerJoin("digibanks as d", "d.id", "ra.digibank_id")
      .select("ra.user_id")
      .where("ra.role", "=", "coordinator")
      .where("d.region_id", "=", region.id)
      .orderBy("ra.id")
      .executeTakeFirst();

    // Profiles: the demo volunteer and about half the others.
    for (const { user_id } of helpers) {
      const demo = user_id === world.demoVolunteer;
      if (!demo && random() >= 0.5) continue;
      const exists = await db
        .selectFrom("volunteer_profiles")
        .select("user_id")
        .where("user_id", "=", user_id)
        .executeTakeFirst();
      if (exists) continue;
      const languages = [
        "nl",
        ...pickSome(
          PROFILE_LANGUAGES.filter((l) => l !== "nl"),
          0.2,
        ),
      ];
      const availability = demo
        ? ["tue_morning", "thu_morning", "thu_afternoon", "sat_morning"]
        : pickSome(AVAILABILITY_SLOTS, 0.2);
      await db
        .insertInto("volunteer_profiles")
        .values({
          user_id,
          languages: demo ? ["nl", "fr", "en"] : languages,
          availability,
          introduction: demo
            ? "Ik help sinds enkele jaren in de bibliotheek. Ik leg graag uit hoe itsme en Mijn Gezondheid werken."
            : INTRODUCTIONS[Math.floor(random() * INTRODUCTIONS.length)]!,
          board_shows: demo ? ["since", "languages", "introduction"] : pickSome(BOARD_SHOWS, 0.5),
        })
        .execute();
      const places = pickSome(municipalities, 0.3);
      if (places.length)
        await db
          .insertInto("volunteer_municipalities")
          .values(places.map((m) => ({ user_id, municipality_id: m.id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
    }

    // Eight posts over the last weeks, newest last, some thanked.
    const people = helpers.map((h) => h.user_id);
    if (people.length === 0) continue;
    for (let i = 0; i < 8; i++) {
      const authorId = people[Math.floor(random() * people.length)]!;
      const createdAt = new Date(
        today.getTime() - (8 - i) * 3 * DAY - Math.floor(random() * 8) * 60 * 60 * 1000,
      );
      const hide = !hiddenOne && i === 2 && moderator && authorId !== world.demoVolunteer;
      const post = await db
        .insertInto("board_posts")
        .values({
          region_id: region.id,
          author_id: authorId,
          body: POSTS[Math.floor(random() * POSTS.length)]!,
          created_at: createdAt,
          updated_at: createdAt,
          ...(hide
            ? {
                hidden_at: new Date(createdAt.getTime() + DAY),
                hidden_by: moderator.user_id,
                hidden_reason: HIDE_REASON,
              }
            : {}),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (hide) {
        hiddenOne = true;
        continue;
      }
      const thankers = pickSome(
        people.filter((p) => p !== authorId),
        0.08,
      ).slice(0, 6);
      if (thankers.length)
        await db
          .insertInto("board_thanks")
          .values(
            thankers.map((user_id) => ({
              post_id: post.id,
              user_id,
              created_at: new Date(createdAt.getTime() + DAY / 2),
            })),
          )
          .execute();
    }
  }
}
