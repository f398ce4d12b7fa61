// The skills a shift may ask for, as the skills table holds them (the shifts migration). Shared
// with the browser, so labels can be looked up as typed catalog keys (common:skill.<code>).
export const SKILL_CODES = [
  "eid",
  "itsme",
  "tax_on_web",
  "mijn_gezondheid",
  "mypension",
  "e_banking",
  "smartphone",
] as const;
export type SkillCode = (typeof SKILL_CODES)[number];
