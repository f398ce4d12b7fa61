// The fixed lists a volunteer profile chooses from; labels live in the profile catalogs
// (profile:language.<code>, profile:slot.<day>, profile:part.<part>, profile:shows.<part>). The
// migration holds the same lists in CHECK constraints.

export const PROFILE_LANGUAGES = [
  "nl",
  "fr",
  "en",
  "de",
  "ar",
  "tr",
  "es",
  "it",
  "pl",
  "ro",
  "ru",
  "uk",
] as const;
export type ProfileLanguage = (typeof PROFILE_LANGUAGES)[number];

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const PARTS_OF_DAY = ["morning", "afternoon", "evening"] as const;
export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap((day) =>
  PARTS_OF_DAY.map((part) => `${day}_${part}` as const),
);
export type AvailabilitySlot = (typeof AVAILABILITY_SLOTS)[number];

/** The parts of a profile a person may show beside their first name on the community board. */
export const BOARD_SHOWS = [
  "since",
  "digibanks",
  "municipalities",
  "languages",
  "skills",
  "availability",
  "introduction",
] as const;
export type BoardShow = (typeof BOARD_SHOWS)[number];

export const INTRODUCTION_MAX = 1000;
