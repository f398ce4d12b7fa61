import type { TFunction } from "i18next";
import { formatDay, formatNumber, hoursOf } from "~/utils/format.ts";
import { type Language, isLanguage } from "~/utils/i18n.ts";
import { getFixedT, languageCookie } from "~/utils/i18n.server.ts";
import type { Attestation } from "./attestation.server.ts";
import type { Experience, Milestone } from "./figures.server.ts";

// The experience and the attestation written out in the reader's words, on the server, so the page,
// the browser and the PDF show the very same text.

export function formatHours(minutes: number, language: Language) {
  return formatNumber(hoursOf(minutes), language);
}

type Translate = TFunction<"experience">;

function milestoneText(t: Translate, m: Milestone, language: Language) {
  if (m.reachedOn) return t("milestones.reached", { date: formatDay(m.reachedOn, language) });
  if (m.code === "first_shift") return t("milestones.toGo.first_shift");
  if (m.code === "one_year" && m.toGo === null) return t("milestones.toGo.one_year_unknown");
  return t(`milestones.toGo.${m.code}`, { count: m.toGo ?? 0 });
}

export function describeMilestones(milestones: readonly Milestone[], language: Language) {
  const t = getFixedT(language, "experience");
  return milestones.map((m) => ({
    code: m.code,
    label: t(`milestones.${m.code}`),
    reached: m.reachedOn !== null,
    text: milestoneText(t, m, language),
  }));
}

/** The next milestone as the home card says it, or the thanks when all are reached. */
export function describeNext(next: Milestone | null, language: Language) {
  const t = getFixedT(language, "experience");
  if (!next) return t("card.allReached");
  return t("card.next", {
    milestone: t(`milestones.${next.code}`),
    toGo: milestoneText(t, next, language),
  });
}

export function describeExperience(experience: Experience, language: Language) {
  const t = getFixedT(language, "experience");
  const tc = getFixedT(language);
  const { totals } = experience;
  return {
    hours: formatHours(totals.minutes, language),
    hoursNote:
      totals.reports > 0
        ? t("figures.hoursNote", {
            count: totals.reports,
            hours: formatHours(totals.reportedMinutes, language),
          })
        : t("figures.hoursNoReports"),
    shifts: formatNumber(totals.shifts, language),
    peopleHelped: formatNumber(totals.peopleHelped, language),
    referrals: formatNumber(totals.referrals, language),
    topics: totals.topics.map(({ topic, reports }) => ({
      topic,
      label: tc(`topic.${topic}`),
      reports: formatNumber(reports, language),
    })),
    courses: experience.courses.map((c) => ({
      key: `${c.courseId}`,
      text: t("courses.item", { title: c.title, date: formatDay(c.date, language) }),
    })),
    skills: experience.skills.map((s) => ({
      key: s.code,
      text: s.courseTitle
        ? t("skills.itemCourse", {
            skill: tc(`skill.${s.code}` as never, s.code),
            date: formatDay(s.date, language),
            course: s.courseTitle,
          })
        : t("skills.item", {
            skill: tc(`skill.${s.code}` as never, s.code),
            date: formatDay(s.date, language),
          }),
    })),
    milestones: describeMilestones(experience.milestones, language),
  };
}

/** The attestation's every line, for the printable page and the PDF alike. */
export function describeAttestation(attestation: Attestation, language: Language) {
  const t = getFixedT(language, "experience");
  const tc = getFixedT(language);
  const from = formatDay(attestation.from, language);
  const to = formatDay(attestation.to, language);
  const none = t("attestation.none");
  return {
    language,
    title: t("attestation.heading"),
    subject: t("attestation.subject", { name: attestation.name, from, to }),
    name: attestation.name,
    from,
    to,
    statement:
      attestation.totals.shifts > 0
        ? t("attestation.statement", { name: attestation.name, from, to })
        : t("attestation.statementNone", { name: attestation.name, from, to }),
    work: [
      { label: t("attestation.hours"), value: formatHours(attestation.totals.minutes, language) },
      { label: t("attestation.shifts"), value: formatNumber(attestation.totals.shifts, language) },
      {
        label: t("attestation.people"),
        value: formatNumber(attestation.totals.peopleHelped, language),
      },
    ],
    digibanks: attestation.digibanks.map((d) => ({
      key: String(d.id),
      name: d.name,
      coordinator: d.coordinator ?? t("attestation.noCoordinator"),
      hours: formatHours(d.minutes, language),
      shifts: formatNumber(d.shifts, language),
    })),
    courses: attestation.courses.length
      ? attestation.courses.map((c) =>
          t("courses.item", { title: c.title, date: formatDay(c.date, language) }),
        )
      : [none],
    skills: attestation.skills.length
      ? attestation.skills.map((s) => tc(`skill.${s.code}` as never, s.code))
      : [none],
    issued: t("attestation.issued", { date: formatDay(attestation.issuedOn, language) }),
    platform: t("attestation.platform"),
    labels: {
      work: t("attestation.work"),
      digibanks: t("attestation.digibanks"),
      digibank: t("attestation.digibank"),
      coordinator: t("attestation.coordinator"),
      hours: t("attestation.hours"),
      shifts: t("attestation.shifts"),
      courses: t("attestation.courses"),
      skills: t("attestation.skills"),
    },
    filename: `${t("attestation.filename")}-${slug(attestation.name)}-${attestation.from}-${attestation.to}.pdf`,
  };
}

export type AttestationText = ReturnType<typeof describeAttestation>;

/** A name as a file name part: letters without accents, digits and dashes. */
function slug(name: string) {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "digihelper"
  );
}

/**
 * The volunteer's language for their experience and attestation: the one the language switch
 * chose (its cookie), else their profile's.
 */
export async function readerLanguage(
  request: Request,
  profileLanguage: Language,
): Promise<Language> {
  const chosen: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(chosen) ? chosen : profileLanguage;
}
