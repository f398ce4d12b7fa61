import { Link, Section, Text } from "@react-email/components";
import { formatDateTime } from "../app/utils/format.ts";
import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

// The morning after: the shifts a volunteer worked yesterday without a report, each with a link
// to its form. One email per person and day, however many shifts.

export default function ShiftReportRequestEmail(props: EmailProps<"shift_report_request">) {
  const { t, lang, name, shifts, settingsUrl } = props;
  const layout = layoutText(t);
  const intro = t("shift_report_request.intro", { count: shifts.length });
  return (
    <EmailLayout
      lang={lang}
      preview={intro}
      heading={t("shift_report_request.heading")}
      layout={layout}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <Section>
        {shifts.map((shift) => {
          const start = new Date(shift.startsAt);
          const when = t("shift.timeRange", {
            date: formatDateTime(start, lang, { dateStyle: "full" }),
            start: formatDateTime(start, lang, { timeStyle: "short" }),
            end: formatDateTime(new Date(shift.endsAt), lang, { timeStyle: "short" }),
          });
          return (
            <Text key={shift.url} style={{ fontSize: "16px", lineHeight: "24px" }}>
              <Link href={shift.url}>
                {t("shift_report_request.shift", { digipuntName: shift.digipuntName, when })}
              </Link>
            </Text>
          );
        })}
      </Section>
      <Paragraph>{t("shift_report_request.privacy")}</Paragraph>
      {shifts.length === 1 ? (
        <CallToAction
          url={shifts[0]!.url}
          label={t("shift_report_request.button")}
          layout={layout}
        />
      ) : null}
      <Paragraph>
        {t("shift_report_request.setting")} <Link href={settingsUrl}>{settingsUrl}</Link>
      </Paragraph>
    </EmailLayout>
  );
}
