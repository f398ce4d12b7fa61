import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IconText } from "~/components/icon-text.tsx";
import { getAuth } from "~/modules/auth/guards.server.ts";
import { firstName } from "~/modules/shifts/queries.server.ts";
import { type CardShift, type HomeCard, listHomeCards } from "~/modules/home/cards.server.ts";
import { formatNumber } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The home page: the cards of what this reader can do next (app/modules/home/cards.server.ts).

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [language, { actor }] = await Promise.all([
    getLanguage(request),
    getAuth(request, context),
  ]);
  return {
    title: getFixedT(language)("home.title"),
    name: actor ? firstName(actor.name) : null,
    cards: await listHomeCards(context.db, actor, { language }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Digihelpers" },
  { name: "description", content: "Digihelpers" },
];

export default function Home() {
  const { name, cards } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{name ? t("home.greeting", { name }) : t("home.title")}</h1>
        <p className="lead">{name ? t("home.nextSteps") : t("home.intro")}</p>
      </section>
      {cards.length === 0 ? (
        <p>
          {t("home.noCards")} <Link to="/account">{t("nav.account")}</Link>
        </p>
      ) : (
        <ul className="cards home-cards">
          {cards.map((card) => (
            <li key={card.kind} className="card">
              <Card card={card} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ShiftLinks({ shifts }: { shifts: CardShift[] }) {
  return (
    <ul className="plain-list card-shifts">
      {shifts.map((shift) => (
        <li key={shift.href + shift.id}>
          <Link to={shift.href}>
            {shift.course ? <span aria-hidden="true">🎓 </span> : null}
            {shift.digipunt}, {shift.when}
          </Link>
          <br />
          <span className="muted">
            {typeof shift.note === "string" ? shift.note : <IconText {...shift.note} />}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Card({ card }: { card: HomeCard }) {
  const { t, i18n } = useTranslation();
  const { t: tTraining } = useTranslation("training");
  const { t: tEvents } = useTranslation("events");
  const { t: tEventPlanning } = useTranslation("eventPlanning");
  const { t: tExperience } = useTranslation("experience");
  const { t: tCommunity } = useTranslation("community");
  const { t: tShiftReports } = useTranslation("shiftReports");
  const { t: tReports } = useTranslation("reports");
  const n = (value: number) => formatNumber(value, i18n.language);
  const id = `card-${card.kind}`;
  const heading = (text: string) => <h2 id={id}>{text}</h2>;
  const more = (href: string, text: string) => (
    <p className="card__more">
      <Link to={href}>{text}</Link>
    </p>
  );
  switch (card.kind) {
    case "welcome":
      return (
        <section aria-labelledby={id}>
          {heading(t("home.welcome.title"))}
          <p>{t("home.welcome.text")}</p>
          <p>
            {t("home.worldSummary", {
              regions: n(card.totals.regions),
              digibanks: n(card.totals.digibanks),
              digipunten: n(card.totals.digipunten),
              volunteers: n(card.totals.volunteers),
            })}
          </p>
          <p className="card__actions">
            <Link className="button" to="/join">
              {t("home.welcome.join")}
            </Link>
            <Link to="/login">{t("home.welcome.signIn")}</Link>
          </p>
        </section>
      );
    case "next_shifts":
      return (
        <section aria-labelledby={id}>
          {heading(t("home.nextShifts.title"))}
          {card.shifts.length ? (
            <ShiftLinks shifts={card.shifts} />
          ) : (
            <p>{t("home.nextShifts.empty")}</p>
          )}
          {more("/shifts/list?mine=1", t("home.nextShifts.all"))}
        </section>
      );
    case "open_shifts":
      return (
        <section aria-labelledby={id}>
          {heading(t("home.openShifts.title"))}
          {card.shifts.length ? (
            <ShiftLinks shifts={card.shifts} />
          ) : (
            <p>{t("home.openShifts.empty")}</p>
          )}
          {more("/shifts/list?open=1", t("home.openShifts.all"))}
        </section>
      );
    case "understaffed":
      return (
        <section aria-labelledby={id}>
          {heading(t("home.understaffed.title"))}
          {card.shifts.length ? (
            <ShiftLinks shifts={card.shifts} />
          ) : (
            <p>{t("home.understaffed.empty")}</p>
          )}
          {more("/planning", t("home.understaffed.all"))}
        </section>
      );
    case "shift_reports_due":
      return (
        <section aria-labelledby={id}>
          {heading(tShiftReports("card.title"))}
          <p>{tShiftReports("card.intro")}</p>
          <ul className="plain-list card-shifts">
            {card.shifts.map((shift) => (
              <li key={shift.id}>
                <Link to={shift.href}>
                  {tShiftReports("card.link", { digipunt: shift.digipunt, when: shift.when })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      );
    case "release_requests":
      return (
        <section aria-labelledby={id}>
          {heading(t("home.releaseRequests.title"))}
          {card.shifts.length ? (
            <ShiftLinks shifts={card.shifts} />
          ) : (
            <p>{t("home.releaseRequests.empty")}</p>
          )}
        </section>
      );
    case "attendance_to_take":
      return (
        <section aria-labelledby={id}>
          {heading(tTraining("card.title"))}
          <p>{tTraining("card.intro")}</p>
          <ul className="plain-list card-shifts">
            {card.sessions.map((session) => (
              <li key={session.id}>
                <Link to={session.href}>
                  {session.title}, {session.when}
                </Link>
              </li>
            ))}
          </ul>
          {more("/courses/train", tTraining("card.all"))}
        </section>
      );
    case "event_invitations":
      return (
        <section aria-labelledby={id}>
          {heading(tEvents("card.title"))}
          {card.toAnswerCount > 0 ? (
            <>
              <p>{tEvents("card.waiting", { count: card.toAnswerCount })}</p>
              <ul className="plain-list card-shifts">
                {card.toAnswer.map((item) => (
                  <li key={item.eventId}>
                    <Link to={item.href}>{item.text}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {card.next ? (
            <p>
              <span aria-hidden="true">🤝 </span>
              <Link to={card.next.href}>{card.next.text}</Link>
            </p>
          ) : null}
          {more("/events", tEvents("card.link"))}
        </section>
      );
    case "events_organised":
      return (
        <section aria-labelledby={id}>
          {heading(tEventPlanning("card.title"))}
          <ul className="plain-list card-shifts">
            {card.events.map((event) => (
              <li key={event.eventId}>
                <Link to={event.href}>{event.title}</Link>
                <br />
                {event.answers}
              </li>
            ))}
          </ul>
          {more("/events/manage", tEventPlanning("card.all"))}
        </section>
      );
    case "community":
      return (
        <section aria-labelledby={id}>
          {heading(tCommunity("card.title"))}
          <p>{tCommunity("card.intro")}</p>
          <ul className="plain-list">
            {card.posts.map((post) => (
              <li key={post.id}>
                <Link to={post.href}>
                  {post.author}: {post.firstLine}
                </Link>
              </li>
            ))}
          </ul>
          {more("/community", tCommunity("card.link"))}
        </section>
      );
    case "join_requests":
      return (
        <section aria-labelledby={id}>
          {heading(t("home.joinRequests.title"))}
          <p>
            {card.count
              ? t("home.joinRequests.text", {
                  count: card.count,
                  digibanks: card.digibanks.join(", "),
                })
              : t("home.joinRequests.empty")}
          </p>
          {card.count ? more("/people/requests", t("home.joinRequests.link")) : null}
        </section>
      );
    case "experience":
      return (
        <section aria-labelledby={id}>
          {heading(tExperience("card.title"))}
          <p>{card.helped}</p>
          <p>{card.next}</p>
          {more("/account/experience", tExperience("card.link"))}
        </section>
      );
    case "report_figures":
      return (
        <section aria-labelledby={id}>
          {heading(tReports("card.title"))}
          <p>{card.text}</p>
          {more("/reports", tReports("card.link"))}
        </section>
      );
    case "region_figures":
      return (
        <section aria-labelledby={id}>
          {heading(t("home.regionFigures.title"))}
          {card.regions.map((region) => (
            <div key={region.id}>
              <h3>{region.name}</h3>
              <p>
                {t("home.regionFigures.summary", {
                  digibanks: n(region.digibanks),
                  digipunten: n(region.digipunten),
                  volunteers: n(region.volunteers),
                })}
              </p>
              {region.weeks.length ? (
                <table className="card-table">
                  <caption>{t("home.regionFigures.caption", { region: region.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("home.regionFigures.week")}</th>
                      <th scope="col">{t("home.regionFigures.rate")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {region.weeks.map((week) => (
                      <tr key={week.monday}>
                        <th scope="row">{week.label}</th>
                        <td>{week.rate}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>{t("home.regionFigures.noShifts")}</p>
              )}
            </div>
          ))}
          {more("/regions", t("home.regionFigures.link"))}
        </section>
      );
  }
}
