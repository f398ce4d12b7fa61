import { Section, Text } from "@react-email/components";
import { SessionFacts } from "./course-details.tsx";
import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function CourseTrainerRosterEmail(props: EmailProps<"course_trainer_roster">) {
  const { t, lang, name, courseTitle, session, people, url } = props;
  const layout = layoutText(t);
  const intro = t("course_trainer_roster.intro", { courseTitle, count: people.length });
  return (
    <EmailLayout
      lang={lang}
      preview={intro}
      heading={t("course_trainer_roster.heading")}
      layout={layout}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <SessionFacts title={courseTitle} session={session} t={t} lang={lang} />
      {people.length ? (
        <Section>
          {people.map((person, index) => (
            <Text key={index} style={{ fontSize: "16px", lineHeight: "24px", margin: "0" }}>
              {`${index + 1}. ${person}`}
            </Text>
          ))}
        </Section>
      ) : null}
      <Paragraph>{t("course_trainer_roster.attendance")}</Paragraph>
      <CallToAction url={url} label={t("course_trainer_roster.button")} layout={layout} />
    </EmailLayout>
  );
}
