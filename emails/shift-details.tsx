import { Section, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import type { ShiftSnapshot } from "../app/modules/mail/messages.ts";
import { formatDateTime } from "../app/utils/format.ts";

// When and where a shift is, as every shift email shows it, in Brussels time and the reader's
// language.

const label = { fontSize: "14px", lineHeight: "20px", margin: "0", color: "#4a5360" };
const value = { fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" };

export function shiftWhen(shift: ShiftSnapshot, t: TFunction<"mail">, lang: string) {
  const start = new Date(shift.startsAt);
  return t("shift.timeRange", {
    date: formatDateTime(start, lang, { dateStyle: "full" }),
    start: formatDateTime(start, lang, { timeStyle: "short" }),
    end: formatDateTime(new Date(shift.endsAt), lang, { timeStyle: "short" }),
  });
}

export function ShiftFacts(props: { shift: ShiftSnapshot; t: TFunction<"mail">; lang: string }) {
  const { shift, t, lang } = props;
  const where = shift.location ? `${shift.digipuntName}, ${shift.location}` : shift.digipuntName;
  return (
    <Section>
      <Text style={label}>{t("shift.when")}</Text>
      <Text style={value}>{shiftWhen(shift, t, lang)}</Text>
      <Text style={label}>{t("shift.where")}</Text>
      <Text style={value}>{where}</Text>
      {shift.notes ? (
        <>
          <Text style={label}>{t("shift.notes")}</Text>
          <Text style={value}>{shift.notes}</Text>
        </>
      ) : null}
    </Section>
  );
}
