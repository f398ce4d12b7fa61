import en from "~/locales/en/legal.ts";
import fr from "~/locales/fr/legal.ts";
import nl from "~/locales/nl/legal.ts";
import { RETENTION, type RetentionPeriods } from "~/modules/retention/periods.ts";
import { parseEnv } from "~/utils/env.server.ts";
import { formatDay } from "~/utils/format.ts";
import { type Language, intlLocale } from "~/utils/i18n.ts";

// The two pages every operator must publish: the privacy notice (/privacy) and the accessibility
// statement (/accessibility). Built here, in the reader's language, as plain data the route only
// lays out, so every word comes from the catalogs (app/locales/*/legal.ts), every retention
// figure from RETENTION and every name and address from the configuration (docs/decisions/030).

/** The day this accessibility statement was drawn up (and last checked against the app). */
export const ACCESSIBILITY_STATEMENT_DATE = "2026-12-02";
/** Working days within which a reported barrier is acknowledged, and answered. */
export const BARRIER_ACK_DAYS = 5;
export const BARRIER_ANSWER_DAYS = 20;

const CATALOGS = { nl, fr, en } as const;
type Catalog = typeof nl;

/** A piece of text, or a link. */
export type Inline = string | { href: string; text: string };
export type Block =
  | { kind: "p"; parts: Inline[] }
  | { kind: "ul"; items: Inline[][] }
  | { kind: "dl"; rows: Array<{ term: string; parts: Inline[] }> }
  | { kind: "group"; blocks: Block[] };
export interface LegalSection {
  id: string;
  heading: string;
  blocks: Block[];
}
export interface LegalPage {
  title: string;
  intro: Inline[];
  sections: LegalSection[];
}

/** Who runs this deployment, from the environment (ORGANISATION_NAME and friends). */
export interface Operator {
  name: string;
  address: string | null;
  privacyEmail: string;
  accessibilityEmail: string;
  hosting: string | null;
  mail: string | null;
}

let cached: { key: string; operator: Operator } | null = null;

export function operatorFromEnv(
  source: Record<string, string | undefined> = process.env,
): Operator {
  const names = [
    "ORGANISATION_NAME",
    "ORGANISATION_ADDRESS",
    "PRIVACY_CONTACT_EMAIL",
    "ACCESSIBILITY_CONTACT_EMAIL",
    "HOSTING_PROVIDER",
    "MAIL_PROVIDER",
  ];
  // Asked on every visit of the pages: parse the environment again only when it changed.
  const key = names.map((name) => source[name] ?? "").join("\n");
  if (source === process.env && cached?.key === key) return cached.operator;
  const env = parseEnv(source, { sendsMail: false });
  const operator: Operator = {
    name: env.ORGANISATION_NAME,
    address: env.ORGANISATION_ADDRESS ?? null,
    privacyEmail: env.PRIVACY_CONTACT_EMAIL,
    accessibilityEmail: env.ACCESSIBILITY_CONTACT_EMAIL,
    hosting: env.HOSTING_PROVIDER ?? null,
    mail: env.MAIL_PROVIDER ?? null,
  };
  if (source === process.env) cached = { key, operator };
  return operator;
}

/** A catalog text with its {{placeholders}} filled, cut into text and [links](href). */
function fill(text: string, values: Record<string, string | number> = {}): Inline[] {
  const filled = text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for {{${name}}} in: ${text}`);
    return String(values[name]);
  });
  const parts: Inline[] = [];
  let at = 0;
  for (const match of filled.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) {
    if (match.index > at) parts.push(filled.slice(at, match.index));
    parts.push({ text: match[1]!, href: match[2]! });
    at = match.index + match[0].length;
  }
  if (at < filled.length) parts.push(filled.slice(at));
  return parts;
}

const plain = (parts: Inline[]) =>
  parts.map((part) => (typeof part === "string" ? part : part.text)).join("");

/** A number of days as the reader says it: whole years as years, else days. */
export function duration(language: Language, days: number, unit: "days" | "hours" = "days") {
  const units = CATALOGS[language].units;
  const rules = new Intl.PluralRules(intlLocale[language]);
  const say = (count: number, one: string, other: string) =>
    plain(fill(rules.select(count) === "one" ? one : other, { count }));
  if (unit === "hours") return say(days, units.hours_one, units.hours_other);
  if (days % 365 === 0) return say(days / 365, units.years_one, units.years_other);
  return say(days, units.days_one, units.days_other);
}

/** The privacy notice in the reader's language; `retention` is RETENTION except in tests. */
export function privacyNotice(
  language: Language,
  operator: Operator,
  retention: RetentionPeriods = RETENTION,
): LegalPage {
  const c: Catalog["privacy"] = CATALOGS[language].privacy;
  const d = (days: number) => duration(language, days);
  const figures = {
    inactive: d(retention.inactiveAccountDays),
    grace: d(retention.inactiveAccountGraceDays),
    decidedJoinRequest: d(retention.decidedJoinRequestDays),
    mailBody: d(retention.mailBodyDays),
    sessionIdle: d(retention.sessionIdleDays),
    sessionAbsolute: d(retention.sessionAbsoluteDays),
    usedToken: d(retention.usedTokenDays),
    rateLimit: duration(language, retention.rateLimitHours, "hours"),
    audit: d(retention.auditEventDays),
    guestAfterGathering: d(retention.guestAfterGatheringDays),
  };
  const notFilled = plain(fill(CATALOGS[language].notFilled, { organisation: operator.name }));
  const email = operator.privacyEmail;
  const kinds = [
    "account",
    "work",
    "profile",
    "joinRequests",
    "guests",
    "mail",
    "security",
  ] as const;
  return {
    title: c.title,
    intro: fill(c.intro),
    sections: [
      {
        id: "controller",
        heading: c.controller.heading,
        blocks: [
          {
            kind: "p",
            parts: fill(c.controller.text, {
              organisation: operator.name,
              address: operator.address ? `, ${operator.address}` : "",
              email,
            }),
          },
        ],
      },
      {
        id: "kept",
        heading: c.kept.heading,
        blocks: [
          { kind: "p", parts: fill(c.kept.intro) },
          ...kinds.map((kind): Block => {
            const k = c.kept[kind];
            return {
              kind: "group",
              blocks: [
                { kind: "p", parts: fill(k.what) },
                {
                  kind: "dl",
                  rows: [
                    { term: c.kept.why, parts: fill(k.why) },
                    { term: c.kept.legalBasis, parts: fill(k.basis) },
                    { term: c.kept.howLong, parts: fill(k.howLong, figures) },
                  ],
                },
              ],
            };
          }),
          { kind: "p", parts: fill(c.kept.cookies) },
        ],
      },
      {
        id: "recipients",
        heading: c.recipients.heading,
        blocks: [{ kind: "ul", items: c.recipients.items.map((item) => fill(item)) }],
      },
      {
        id: "processors",
        heading: c.processors.heading,
        blocks: [
          { kind: "p", parts: fill(c.processors.text, { organisation: operator.name }) },
          {
            kind: "ul",
            items: [
              fill(c.processors.hosting, { provider: operator.hosting ?? notFilled }),
              fill(c.processors.mail, { provider: operator.mail ?? notFilled }),
            ],
          },
        ],
      },
      {
        id: "rights",
        heading: c.rights.heading,
        blocks: [
          { kind: "ul", items: c.rights.items.map((item) => fill(item, { email })) },
          { kind: "p", parts: fill(c.rights.noAccount, { email }) },
        ],
      },
    ],
  };
}

/** The accessibility statement in the reader's language. */
export function accessibilityStatement(language: Language, operator: Operator): LegalPage {
  const c: Catalog["accessibility"] = CATALOGS[language].accessibility;
  const date = formatDay(ACCESSIBILITY_STATEMENT_DATE, language);
  return {
    title: c.title,
    intro: fill(c.intro, { organisation: operator.name }),
    sections: [
      {
        id: "status",
        heading: c.status.heading,
        blocks: [{ kind: "p", parts: fill(c.status.text) }],
      },
      {
        id: "tested",
        heading: c.tested.heading,
        blocks: [
          { kind: "p", parts: fill(c.tested.intro) },
          { kind: "ul", items: c.tested.items.map((item) => fill(item)) },
        ],
      },
      {
        id: "limitations",
        heading: c.limitations.heading,
        blocks: [{ kind: "ul", items: c.limitations.items.map((item) => fill(item)) }],
      },
      {
        id: "report",
        heading: c.report.heading,
        blocks: [
          {
            kind: "p",
            parts: fill(c.report.text, {
              email: operator.accessibilityEmail,
              ackDays: BARRIER_ACK_DAYS,
              answerDays: BARRIER_ANSWER_DAYS,
            }),
          },
        ],
      },
      {
        id: "enforcement",
        heading: c.enforcement.heading,
        blocks: [{ kind: "p", parts: fill(c.enforcement.text) }],
      },
      {
        id: "date",
        heading: c.date.heading,
        blocks: [{ kind: "p", parts: fill(c.date.text, { date }) }],
      },
    ],
  };
}
