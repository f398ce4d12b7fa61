import type { Migration } from "kysely/migration";
import * as core from "./2026-11-22-0001-core.ts";
import * as accounts from "./2026-11-22-0002-accounts.ts";
import * as shifts from "./2026-11-22-0003-shifts.ts";
import * as hashedSessions from "./2026-12-01-0001-hashed-sessions.ts";
import * as schemaTidy from "./2026-12-01-0002-schema-tidy.ts";
import * as mailSending from "./2026-12-01-0003-mail-sending.ts";
import * as courses from "./2026-12-01-0004-courses.ts";
import * as events from "./2026-12-02-0001-events.ts";
import * as shiftReports from "./2026-12-02-0002-shift-reports.ts";
import * as profilesAndBoard from "./2026-12-02-0003-profiles-and-board.ts";
import * as retention from "./2026-12-02-0004-retention.ts";
import * as mailbox from "./2026-12-02-0005-mailbox.ts";
import * as flandersIndexes from "./2026-12-02-0006-flanders-indexes.ts";

// Listed by hand rather than read from the folder so the server bundle and tsx see the same set.
// Names sort in the order they run.
export const migrations: Record<string, Migration> = {
  "2026-11-22-0001-core": core,
  "2026-11-22-0002-accounts": accounts,
  "2026-11-22-0003-shifts": shifts,
  "2026-12-01-0001-hashed-sessions": hashedSessions,
  "2026-12-01-0002-schema-tidy": schemaTidy,
  "2026-12-01-0003-mail-sending": mailSending,
  "2026-12-01-0004-courses": courses,
  "2026-12-02-0001-events": events,
  "2026-12-02-0002-shift-reports": shiftReports,
  "2026-12-02-0003-profiles-and-board": profilesAndBoard,
  "2026-12-02-0004-retention": retention,
  "2026-12-02-0005-mailbox": mailbox,
  "2026-12-02-0006-flanders-indexes": flandersIndexes,
};
