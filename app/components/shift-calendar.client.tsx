import FullCalendar from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import enLocale from "@fullcalendar/react/locales/en-gb";
import frLocale from "@fullcalendar/react/locales/fr";
import nlLocale from "@fullcalendar/react/locales/nl";
import listPlugin from "@fullcalendar/react/list";
import classicTheme from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import { useNavigate } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/utils/i18n.ts";

// The calendar island: rendered in the browser only (see STACK.md, gotcha 7), fed by the
// /shifts/events resource route for whatever range is on screen. Each event is a link to its shift
// page, so it works with Tab and Enter as well as with a click.

// The locales name the buttons (Maand, Week, Lijst, Vandaag) and start weeks on Monday.
const LOCALES = { nl: nlLocale, fr: frLocale, en: enLocale };
/** Below this width the list view reads better than a month grid. */
const SMALL_SCREEN = 768;

export default function ShiftCalendar({
  language,
  feedUrl,
}: {
  language: Language;
  /** The events feed with the page's filters; FullCalendar adds start and end. */
  feedUrl: string;
}) {
  const { t } = useTranslation("shifts");
  const navigate = useNavigate();
  const small = typeof window !== "undefined" && window.innerWidth < SMALL_SCREEN;
  return (
    <FullCalendar
      plugins={[dayGridPlugin, timeGridPlugin, listPlugin, classicTheme]}
      locale={LOCALES[language]}
      timeZone="Europe/Brussels"
      initialView={small ? "listWeek" : "dayGridMonth"}
      headerToolbar={{
        start: "prev,next today",
        center: "title",
        end: "dayGridMonth,timeGridWeek,listWeek",
      }}
      noEventsText={t("calendar.noShifts")}
      // The "Today" button is named by its own text: en-gb's hint ("This month") would make a screen
      // reader say something other than what is written on it.
      buttons={{ today: { text: t("calendar.today"), hint: t("calendar.today") } }}
      // "09:00", not "09": a time always with its minutes, in 24 hours as in Belgium.
      eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
      // A month cell is narrow: the digipunt's name wraps instead of being cut (app.css).
      eventClass="shift-event"
      height="auto"
      events={feedUrl}
      eventClick={(info) => {
        // A click stays inside the app; the event is a plain link for everything else.
        const url = info.event.url;
        if (url) {
          info.jsEvent.preventDefault();
          navigate(url);
        }
      }}
    />
  );
}
