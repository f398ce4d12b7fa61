import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SKILL_CODES } from "~/modules/people/skill-codes.ts";
import { getSkillsOf, listSkills, setSkillsOf } from "~/modules/people/skills.server.ts";
import { createUser } from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe("a volunteer's skills", () => {
  it("lists every skill the shifts may ask for, as the shared list of codes has them", async () => {
    expect((await listSkills(database.db)).map((skill) => skill.code)).toEqual(SKILL_CODES);
  });

  it("replaces, ignores unknown codes, and clears, for this person only", async () => {
    const anna = await createUser(database.db);
    const bert = await createUser(database.db);
    await setSkillsOf(database.db, bert.id, ["eid"]);
    await setSkillsOf(database.db, anna.id, ["itsme", "smartphone", "juggling"]);
    expect(await getSkillsOf(database.db, anna.id)).toEqual(["itsme", "smartphone"]);
    await setSkillsOf(database.db, anna.id, ["tax_on_web"]);
    expect(await getSkillsOf(database.db, anna.id)).toEqual(["tax_on_web"]);
    await setSkillsOf(database.db, anna.id, []);
    expect(await getSkillsOf(database.db, anna.id)).toEqual([]);
    expect(await getSkillsOf(database.db, bert.id)).toEqual(["eid"]);
  });
});
