import { formatDateTime, formatNumber } from "~/utils/format.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import type { PersonalDataSection, PersonalDataValue } from "./personal-data.server.ts";

// The download as a person reads it: each section and field named in their language
// (account:data.section.* and account:data.field.*), dates in Brussels time in their locale.

export interface ReadableField {
  label: string;
  value: string;
}
export interface ReadableSection {
  key: string;
  title: string;
  /** One list of fields per item; empty when the section holds nothing. */
  items: ReadableField[][];
}

/** Fields whose values are codes, shown by their name in the catalog where it has one. */
const CODED: Record<string, string> = {
  role: "people:roles",
  skill: "common:skill",
  language: "common:languages",
  status: "account:data.value.status",
  shift_status: "account:data.value.status",
  attendance: "account:data.value.attendance",
  purpose: "account:data.value.purpose",
  template: "account:data.value.template",
  action: "account:data.value.action",
  response: "account:data.value.response",
  topics: "common:topic",
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function readablePersonalData(
  sections: Record<string, PersonalDataSection>,
  language: Language,
): ReadableSection[] {
  // Keys are built from the sections' and fields' names: tests/integration/personal-data.test.ts
  // checks every one has a label in each language.
  const t = getFixedT(language, "account") as unknown as Translate;
  const show = (field: string, value: PersonalDataValue | undefined): string => {
    if (value === null || value === undefined) return t("data.empty");
    if (typeof value === "boolean") return t(value ? "data.yes" : "data.no");
    if (typeof value === "number") return formatNumber(value, language);
    if (value instanceof Date)
      return formatDateTime(value, language, { dateStyle: "long", timeStyle: "short" });
    if (typeof value === "string") {
      if (DATE_ONLY.test(value))
        return formatDateTime(new Date(`${value}T12:00:00Z`), language, { dateStyle: "long" });
      const coded = CODED[field];
      return coded ? t(`${coded}.${value}`, { defaultValue: value }) : value;
    }
    // A list of codes (a report's topics): each in words.
    if (Array.isArray(value)) {
      if (value.length === 0) return t("data.empty");
      const coded = CODED[field];
      return value
        .map((v) => (coded ? t(`${coded}.${String(v)}`, { defaultValue: String(v) }) : String(v)))
        .join(", ");
    }
    const entries = Object.entries(value);
    if (entries.length === 0) return t("data.empty");
    return entries
      .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(", ");
  };

  return Object.entries(sections).map(([key, section]) => {
    const records = section === null ? [] : Array.isArray(section) ? section : [section];
    return {
      key,
      title: t(`data.section.${key}`),
      items: records.map((record) =>
        Object.entries(record).map(([field, value]) => ({
          label: t(`data.field.${field}`),
          value: show(field, value),
        })),
      ),
    };
  });
}
