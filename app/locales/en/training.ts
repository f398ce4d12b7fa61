import type { Namespace } from "../types.ts";
import type nl from "../nl/training.ts";

const training: Namespace<typeof nl> = {
  title: "Attendance",
  index: {
    title: "Courses I teach",
    intro:
      "Tick who is present at each session. Whoever attended enough sessions gets the course's skills.",
    empty: "You do not teach or plan any courses yet.",
    next: "Next session: {{when}}",
    over: "All sessions are over.",
    trainer: "You teach this course.",
    planner: "You plan this course.",
    enrolled_one: "{{count}} enrolled",
    enrolled_other: "{{count}} enrolled",
  },
  roster: {
    sessions: "Sessions",
    session: "Session {{n}}: {{when}}",
    cancelled: "cancelled",
    current: "(shown)",
    place: "Where: {{place}}",
    people: "Who is here?",
    hint: "Tap a name to mark that person present. Tap again to undo.",
    present: "present",
    absent: "not ticked yet",
    rule_all: "Completed by attending all {{count}} sessions.",
    rule_min: "Completed by attending at least {{count}} sessions.",
    attended: "{{attended}} of {{required}} sessions attended",
    completed: "course completed",
    nobody: "Nobody is enrolled yet.",
    noSessions: "This course has no sessions.",
    closed: "You can take attendance from an hour before the session starts.",
    closedCancelled: "This session is cancelled: there is no attendance.",
    sheet: "Print the sign-in sheet",
    back: "Back to my courses",
    notFound: "This course or session does not exist, or you do not teach it.",
  },
  sheet: {
    title: "Sign-in sheet",
    printHint: "Use your browser's print command (Ctrl+P or Cmd+P) to print this sheet.",
    name: "Name",
    signature: "Signature",
    number: "No.",
    back: "Back to attendance",
  },
  notice: {
    present: "{{name}} is present.",
    absent: "{{name}} is no longer ticked.",
    completed: "{{name}} is present and has completed the course. The skills are on their profile.",
    withdrawn:
      "{{name}} is no longer ticked. The course is no longer completed; its skills were taken back.",
  },
  refusal: {
    not_found: "This session does not belong to this course.",
    not_enrolled: "This person is not enrolled in this course.",
    session_cancelled: "This session is cancelled: you cannot take attendance for it.",
    course_cancelled: "This course is cancelled.",
    too_early: "You can take attendance from an hour before the session starts.",
  },
  skills: {
    title: "Skills only a course grants",
    intro: "Mark which skills only a course can grant. Nobody can then tick them themselves.",
    consequence:
      "Whoever had ticked such a skill themselves loses it. Whoever earned it in a course keeps it.",
    courseOnly: "only through a course",
    declarable: "can be ticked by anyone",
    marked_one:
      "{{skill}} now comes only through a course. {{count}} person had ticked it and loses it.",
    marked_other:
      "{{skill}} now comes only through a course. {{count}} people had ticked it and lose it.",
    unmarked: "{{skill}} can be ticked by anyone again.",
    notFound: "This skill does not exist.",
  },
  earned: {
    title: "Earned in a course",
    item: "Earned on {{date}} in the course {{course}}",
    itemNoCourse: "Earned on {{date}} in a course",
    courseOnly: "Only through a course",
    courseOnlyIntro: "You get these skills by taking a course:",
    refused_one:
      "You cannot tick {{skills}} yourself: you get that skill by taking a course. Nothing was saved.",
    refused_other:
      "You cannot tick {{skills}} yourself: you get those skills by taking a course. Nothing was saved.",
  },
  card: {
    title: "Take attendance",
    intro: "The next session of a course you teach:",
    all: "All my courses",
  },
};

export default training;
