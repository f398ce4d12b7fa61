import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

// The typed shape of the database. Kept beside the migrations and changed with them.

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A `date` column: read as a YYYY-MM-DD string (see the type parser in app/utils/db.server.ts). */
type DateString = ColumnType<string, string, string>;

export type Language = "nl" | "fr" | "en";
export type Role = "admin" | "regional_staff" | "coordinator" | "volunteer";
export type DigipuntKind = "fixed" | "mobile";

export interface RegionsTable {
  id: Generated<number>;
  name: string;
  created_at: CreatedAt;
  release_cutoff_hours: Defaulted<number>;
}

export interface MunicipalitiesTable {
  id: Generated<number>;
  region_id: number;
  name: string;
  postal_code: string;
}

export interface DigibanksTable {
  id: Generated<number>;
  region_id: number;
  name: string;
  created_at: CreatedAt;
  /** When the digibank began: the 1,000-adult target counts people helped from this day. */
  started_on: ColumnType<string, string | undefined, string>;
}

export interface DigipuntenTable {
  id: Generated<number>;
  digibank_id: number;
  municipality_id: number;
  name: string;
  kind: DigipuntKind;
  address: string | null;
  accessibility_notes: string | null;
  created_at: CreatedAt;
  contact: ColumnType<string | null, string | null | undefined, string | null>;
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type UserStatus = "invited" | "active" | "disabled" | "deleted";
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  language: Defaulted<Language>;
  volunteering_since: DateString | null;
  created_at: CreatedAt;
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  status: Defaulted<UserStatus>;
  privacy_accepted_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  notify_reminders: Defaulted<boolean>;
  /** Invitations to gatherings (events); invitations to join the platform always come. */
  notify_event_invitations: Defaulted<boolean>;
  notify_newsletters: Defaulted<boolean>;
  /** The email the day after a shift asking for its report. */
  notify_report_requests: Defaulted<boolean>;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Last sign-in or session use, kept to the day (app/modules/retention/activity.server.ts). */
  last_active_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** When the "unused for two years" warning was queued; cleared by the next sign-in. */
  inactivity_warned_at: Nullable<Date>;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the secret session id in the cookie; never the secret itself. */
  id: string;
  user_id: number;
  expires_at: Timestamp;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type TokenPurpose = "sign_in" | "password_reset" | "invitation" | "email_change";

export interface AuthTokensTable {
  id: Generated<number>;
  token_hash: string;
  purpose: TokenPurpose;
  user_id: number;
  new_email: string | null;
  expires_at: Timestamp;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface JoinRequestsTable {
  id: Generated<number>;
  digibank_id: number;
  name: string;
  email: string;
  language: Defaulted<Language>;
  message: string | null;
  status: Defaulted<"pending" | "approved" | "declined">;
  decided_by: number | null;
  decided_at: Date | null;
  created_at: CreatedAt;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: CreatedAt;
  action: string;
  actor_id: number | null;
  subject_id: number | null;
  ip: string | null;
  details: Defaulted<Record<string, unknown>>;
}

export type EmailStatus = "queued" | "sending" | "sent" | "failed";

export interface EmailMessagesTable {
  id: Generated<number>;
  idempotency_key: string;
  template: string;
  recipient_id: number | null;
  to_address: string;
  language: Language;
  payload: Defaulted<Record<string, unknown>>;
  status: Defaulted<EmailStatus>;
  attempts: Defaulted<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
  /** While 'sending': until when the worker that claimed the message holds it. */
  sending_until: Date | null;
  /** When the payload (the body) was emptied by retention or erasure; the row stays as the log. */
  payload_erased_at: Nullable<Date>;
}

/** The embedded demo's local mailbox (no SMTP_URL): what the worker would have sent. */
export interface MailboxMessagesTable {
  id: Generated<number>;
  from_address: string;
  to_address: string;
  subject: string;
  /** The plain-text part, which /dev/mailbox shows. */
  text: string;
  /** The whole message (RFC 5322), as a mail program opens it. */
  raw: string;
  created_at: CreatedAt;
}

export interface AppSettingsTable {
  key: string;
  value: string;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  region_id: number | null;
  digibank_id: number | null;
  created_at: CreatedAt;
}

export interface SkillsTable {
  id: Generated<number>;
  code: string;
  /** Only completing a course grants it; a trigger refuses declaring it. */
  course_only: Defaulted<boolean>;
}

export type SkillSource = "declared" | "course";

export interface VolunteerSkillsTable {
  user_id: number;
  skill_id: number;
  source: Defaulted<SkillSource>;
  /** The course that granted it (source 'course'); null once that course is deleted. */
  course_id: Nullable<number>;
  /** Set exactly when the source is 'course'. */
  earned_at: Nullable<Date>;
}

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface ShiftSeriesTable {
  id: Generated<number>;
  digipunt_id: number;
  /** RFC 5545 RRULE over local dates, without DTSTART (first_date is the start). */
  rrule: string;
  first_date: DateString;
  last_date: DateString;
  /** `time` in whole minutes, read as HH:MM (see app/utils/db.server.ts): wall-clock time in Europe/Brussels. */
  start_time: string;
  end_time: string;
  /** `date[]`, read as YYYY-MM-DD strings. */
  skipped_dates: Defaulted<string[]>;
  capacity: number;
  required_skill_id: Nullable<number>;
  first_shift_friendly: Defaulted<boolean>;
  notes: Nullable<string>;
  address: Nullable<string>;
  generated_until: Nullable<string>;
  created_by: Nullable<number>;
  created_at: CreatedAt;
}

export type ShiftStatus = "scheduled" | "cancelled";

export interface ShiftsTable {
  id: Generated<number>;
  digipunt_id: number;
  series_id: Nullable<number>;
  occurrence_date: Nullable<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  /** Kept by a trigger on shift_claims; never written by app code. */
  confirmed_count: ColumnType<number, never, never>;
  required_skill_id: Nullable<number>;
  first_shift_friendly: Defaulted<boolean>;
  notes: Nullable<string>;
  address: Nullable<string>;
  status: Defaulted<ShiftStatus>;
  /** Set exactly when the status is 'cancelled' (a CHECK holds it, with cancel_reason). */
  cancelled_at: Nullable<Date>;
  cancel_reason: Nullable<string>;
  sequence: Defaulted<number>;
  detached: Defaulted<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type ClaimStatus = "confirmed" | "reserve" | "released" | "removed" | "cancelled";
export type Attendance = "present" | "no_show";

export interface ShiftClaimsTable {
  id: Generated<number>;
  shift_id: number;
  user_id: number;
  status: ClaimStatus;
  /** Kept by triggers from the shift; the value written here is replaced. */
  span: ColumnType<string, never, never>;
  claimed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  release_requested_at: Nullable<Date>;
  attendance: Nullable<Attendance>;
  /** When it stopped being active: set exactly when the status is released, removed or cancelled. */
  ended_at: Nullable<Date>;
}

export interface CalendarFeedsTable {
  user_id: number;
  token: string;
  created_at: CreatedAt;
}

export type CourseTheme = "digital_skills" | "teaching_adults" | "target_group" | "service";
export type CourseAudience = "volunteers" | "coordinators" | "everyone";
export type CourseStatus = "draft" | "published" | "cancelled";

export interface CoursesTable {
  id: Generated<number>;
  region_id: number;
  /** Organised by this digibank (open to its people), or by the region when null. */
  digibank_id: Nullable<number>;
  title: string;
  description: Defaulted<string>;
  theme: CourseTheme;
  /** For the theme 'service': the service (a skill) the course is about. */
  service_skill_id: Nullable<number>;
  audience: CourseAudience;
  capacity: number;
  /** Kept by a trigger on course_enrolments; never written by app code. */
  enrolled_count: ColumnType<number, never, never>;
  enrol_opens_at: Timestamp;
  enrol_closes_at: Timestamp;
  prerequisite_skill_id: Nullable<number>;
  prerequisite_course_id: Nullable<number>;
  /** null: every scheduled session attended; N: at least N of them. */
  completion_min_sessions: Nullable<number>;
  status: Defaulted<CourseStatus>;
  published_at: Nullable<Date>;
  /** Set exactly when the status is 'cancelled'. */
  cancelled_at: Nullable<Date>;
  cancel_reason: Nullable<string>;
  sequence: Defaulted<number>;
  created_by: Nullable<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CourseSkillsTable {
  course_id: number;
  skill_id: number;
}

export type CourseSessionStatus = "scheduled" | "cancelled";

export interface CourseSessionsTable {
  id: Generated<number>;
  course_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** Exactly one of digipunt_id, address and online_url is set (a CHECK holds it). */
  digipunt_id: Nullable<number>;
  address: Nullable<string>;
  online_url: Nullable<string>;
  status: Defaulted<CourseSessionStatus>;
  cancelled_at: Nullable<Date>;
  sequence: Defaulted<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CourseTrainersTable {
  id: Generated<number>;
  course_id: number;
  /** A person on the platform, or (user_id null) an outside trainer by name. */
  user_id: Nullable<number>;
  outside_name: Nullable<string>;
}

export type EnrolmentStatus = "enrolled" | "waiting" | "cancelled" | "removed";

export interface CourseEnrolmentsTable {
  id: Generated<number>;
  course_id: number;
  user_id: number;
  status: EnrolmentStatus;
  /** The waiting list is served in (queued_at, id) order. */
  queued_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Set exactly when the status is cancelled or removed. */
  ended_at: Nullable<Date>;
  completed_at: Nullable<Date>;
}

export interface CourseAttendanceTable {
  session_id: number;
  user_id: number;
  present: boolean;
  recorded_by: Nullable<number>;
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type EventStatus = "draft" | "published" | "cancelled";

export interface EventsTable {
  id: Generated<number>;
  region_id: number;
  /** Organised by this digibank (for its people), or by the region when null. */
  digibank_id: Nullable<number>;
  title: string;
  description: Defaulted<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** At least one of address and online_url is set (a CHECK holds it). */
  address: Nullable<string>;
  accessibility_notes: Nullable<string>;
  online_url: Nullable<string>;
  capacity: number;
  /** Each yes with its plus-ones; kept by a trigger on event_invitations, never by app code. */
  taken_places: ColumnType<number, never, never>;
  answer_deadline: Timestamp;
  max_plus_ones: Defaulted<number>;
  contact_name: string;
  contact_email: string;
  contact_phone: Nullable<string>;
  /** AudienceRules (app/modules/events/audience.ts). */
  audience: Defaulted<Record<string, unknown>>;
  /** Days before the start a reminder goes to those who said yes or maybe (default 7 and 1). */
  reminder_days: Defaulted<number[]>;
  status: Defaulted<EventStatus>;
  published_at: Nullable<Date>;
  /** Set exactly when the status is 'cancelled'. */
  cancelled_at: Nullable<Date>;
  cancel_reason: Nullable<string>;
  /** Invitations go out at this moment; null: only when sent by hand. */
  send_at: Nullable<Date>;
  invitations_sent_at: Nullable<Date>;
  sequence: Defaulted<number>;
  created_by: Nullable<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type EventQuestionKind = "text" | "choice";

export interface EventQuestionsTable {
  id: Generated<number>;
  event_id: number;
  /** 1 to 5. */
  position: number;
  kind: EventQuestionKind;
  label: string;
  /** For a choice: 2 to 10 options; null for free text. */
  choices: Nullable<string[]>;
  required: Defaulted<boolean>;
}

export interface EventGuestsTable {
  id: Generated<number>;
  event_id: number;
  email: string;
  name: string;
  language: Language;
  created_at: CreatedAt;
}

export interface EventGuestOptOutsTable {
  /** Lower case. */
  email: string;
  created_at: CreatedAt;
}

/** 'waiting': said yes when the event was full; moves to 'yes' when places free up. */
export type EventResponse = "none" | "yes" | "no" | "maybe" | "waiting";

export interface EventInvitationsTable {
  id: Generated<number>;
  event_id: number;
  /** A person on the platform, or (user_id null) a guest: exactly one is set. */
  user_id: Nullable<number>;
  guest_id: Nullable<number>;
  /** The random half of the answer link's token; a new one revokes the old links. */
  token_nonce: string;
  response: Defaulted<EventResponse>;
  /** Set exactly when the response is not 'none'. */
  answered_at: Nullable<Date>;
  plus_ones: Defaulted<number>;
  /** Answers to the event's questions, by question id. */
  answers: Defaulted<Record<string, string>>;
  /** Set exactly when the response is 'waiting'. */
  waiting_since: Nullable<Date>;
  attended_at: Nullable<Date>;
  email_message_id: Nullable<number>;
  revoked_at: Nullable<Date>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** What a shift report says people were helped with (a CHECK holds the list). */
export type ReportTopic =
  | "eid"
  | "itsme"
  | "tax_on_web"
  | "mijn_gezondheid"
  | "mypension"
  | "e_banking"
  | "smartphone"
  | "email"
  | "safety"
  | "job_search"
  | "other";

export interface ShiftReportsTable {
  id: Generated<number>;
  shift_id: number;
  /** The volunteer on the platform, or (null) one who does not use it: volunteer_name is set. */
  user_id: Nullable<number>;
  volunteer_name: Nullable<string>;
  /** 0 to 200. */
  people_helped: number;
  topics: Defaulted<ReportTopic[]>;
  /** Only with the topic 'other'. */
  other_topic: Nullable<string>;
  /** 1 to 1440. */
  minutes_worked: number;
  /** 0 to 200. */
  referrals: Defaulted<number>;
  /** At most 4,000 characters; erased with the account. */
  reflection: Defaulted<string>;
  /** The coordinator who recorded it for the volunteer; null when the volunteer filed it. */
  recorded_by: Nullable<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface VolunteerProfilesTable {
  user_id: number;
  /** At most 1,000 characters. */
  introduction: Defaulted<string>;
  /** Codes of PROFILE_LANGUAGES (nl, fr, en, ...). */
  languages: Defaulted<string[]>;
  /** Weekday x part of day: mon_morning ... sun_evening. */
  availability: Defaulted<string[]>;
  /** Which parts the community board shows beside the first name. */
  board_shows: Defaulted<string[]>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface VolunteerMunicipalitiesTable {
  user_id: number;
  municipality_id: number;
}

export interface BoardPostsTable {
  id: Generated<number>;
  region_id: number;
  author_id: number;
  /** 1 to 2,000 characters of plain text. */
  body: string;
  /** The shift report whose reflection the post started from. */
  from_shift_report_id: Nullable<number>;
  created_at: CreatedAt;
  /** Hidden by a coordinator or regional staff: all three set, or none. */
  hidden_at: Nullable<Date>;
  hidden_by: Nullable<number>;
  hidden_reason: Nullable<string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface BoardThanksTable {
  post_id: number;
  user_id: number;
  created_at: CreatedAt;
}

export interface DB {
  regions: RegionsTable;
  municipalities: MunicipalitiesTable;
  digibanks: DigibanksTable;
  digipunten: DigipuntenTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  join_requests: JoinRequestsTable;
  rate_limits: RateLimitsTable;
  audit_events: AuditEventsTable;
  email_messages: EmailMessagesTable;
  mailbox_messages: MailboxMessagesTable;
  app_settings: AppSettingsTable;
  skills: SkillsTable;
  volunteer_skills: VolunteerSkillsTable;
  shift_series: ShiftSeriesTable;
  shifts: ShiftsTable;
  shift_claims: ShiftClaimsTable;
  calendar_feeds: CalendarFeedsTable;
  courses: CoursesTable;
  course_skills: CourseSkillsTable;
  course_sessions: CourseSessionsTable;
  course_trainers: CourseTrainersTable;
  course_enrolments: CourseEnrolmentsTable;
  course_attendance: CourseAttendanceTable;
  events: EventsTable;
  event_questions: EventQuestionsTable;
  event_guests: EventGuestsTable;
  event_guest_opt_outs: EventGuestOptOutsTable;
  event_invitations: EventInvitationsTable;
  shift_reports: ShiftReportsTable;
  volunteer_profiles: VolunteerProfilesTable;
  volunteer_municipalities: VolunteerMunicipalitiesTable;
  board_posts: BoardPostsTable;
  board_thanks: BoardThanksTable;
}

export type Region = Selectable<RegionsTable>;
export type Digibank = Selectable<DigibanksTable>;
export type Digipunt = Selectable<DigipuntenTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type RoleAssignment = Selectable<RoleAssignmentsTable>;
export type EmailMessage = Selectable<EmailMessagesTable>;
export type JoinRequest = Selectable<JoinRequestsTable>;
export type Shift = Selectable<ShiftsTable>;
export type ShiftSeries = Selectable<ShiftSeriesTable>;
export type ShiftClaim = Selectable<ShiftClaimsTable>;
export type Course = Selectable<CoursesTable>;
export type CourseSession = Selectable<CourseSessionsTable>;
export type CourseEnrolment = Selectable<CourseEnrolmentsTable>;
export type Event = Selectable<EventsTable>;
export type EventQuestion = Selectable<EventQuestionsTable>;
export type EventInvitation = Selectable<EventInvitationsTable>;
export type ShiftReport = Selectable<ShiftReportsTable>;
