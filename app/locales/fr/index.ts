import account from "./account.ts";
import auth from "./auth.ts";
import common from "./common.ts";
import mail from "./mail.ts";
import people from "./people.ts";
import planning from "./planning.ts";
import regions from "./regions.ts";
import shifts from "./shifts.ts";
import courses from "./courses.ts";
import coursePlanning from "./coursePlanning.ts";
import training from "./training.ts";
import events from "./events.ts";
import eventPlanning from "./eventPlanning.ts";
import profile from "./profile.ts";
import shiftReports from "./shiftReports.ts";
import experience from "./experience.ts";
import community from "./community.ts";
import reports from "./reports.ts";

// One file per namespace, so each capability keeps its own messages.
export default {
  common,
  auth,
  account,
  people,
  mail,
  shifts,
  planning,
  regions,
  courses,
  coursePlanning,
  training,
  events,
  eventPlanning,
  profile,
  shiftReports,
  experience,
  community,
  reports,
};
