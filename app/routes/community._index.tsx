import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/csrf-field.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { LinkedText } from "~/components/linked-text.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { may } from "~/modules/auth/access.server.ts";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { BoardFormSchema } from "~/modules/community/board-schemas.server.ts";
import {
  HIDE_REASON_MAX,
  POST_MAX,
  listBoardPosts,
  listBoardRegions,
  reflectionToShare,
  setPostHidden,
  sharePost,
  thankPost,
  unthankPost,
} from "~/modules/community/board.server.ts";
import { PARTS_OF_DAY, WEEKDAYS } from "~/modules/people/profile-codes.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatDateTime, formatDay } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { readId } from "~/utils/ids.ts";
import communityStyles from "~/styles/community.css";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  const language = await getLanguage(request);
  const title = getFixedT(language, "community")("title");
  const regions = await listBoardRegions(context.db, actor);
  const asked = url.searchParams.get("region");
  const region = asked === null ? regions[0] : regions.find((r) => r.id === readId(asked));
  // Another region's board, or one that does not exist: not found, as for courses and events.
  if (asked !== null && !region) throw new Response("Not Found", { status: 404 });
  if (!region)
    return {
      title,
      regions,
      region: null,
      posts: [],
      older: null,
      paged: false,
      prefill: "",
      from: null,
      moderator: false,
      outcome: await readOutcome(request, context),
    };
  const fromId = readId(url.searchParams.get("from"));
  const reflection = fromId ? await reflectionToShare(context.db, fromId, actor.id) : null;
  const moderator = may(actor, { action: "moderate_board", regionId: region.id });
  const { posts, older } = await listBoardPosts(context.db, {
    regionId: region.id,
    viewerId: actor.id,
    moderator,
    before: readId(url.searchParams.get("before")),
  });
  const day = (date: string) => formatDay(date, language);
  return {
    title,
    regions,
    region,
    // Dates written out here, so server and browser show the same text.
    posts: posts.map((p) => ({
      ...p,
      when: formatDateTime(p.createdAt, language, { dateStyle: "medium", timeStyle: "short" }),
      author: { ...p.author, since: p.author.since ? day(p.author.since) : null },
    })),
    older,
    paged: readId(url.searchParams.get("before")) !== null,
    prefill: reflection ?? "",
    from: reflection !== null ? fromId : null,
    moderator,
    outcome: await readOutcome(request, context),
  };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: communityStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const submission = await readForm(request, context, BoardFormSchema);
  const payload = submission.payload;
  const sentBody = typeof payload.body === "string" ? payload.body : "";
  if (submission.status !== "success") {
    const errors: Record<string, string> = {};
    for (const [key, messages] of Object.entries(submission.error ?? {}))
      if (messages?.[0]) errors[key] = messages[0];
    const post = typeof payload.post === "string" ? readId(payload.post) : null;
    return data({ errors, body: sentBody, kinds: [] as string[], post }, { status: 400 });
  }
  const form = submission.value;
  const back = (regionId: number) => `/community?region=${regionId}`;
  if (form.intent === "share") {
    if (!may(actor, { action: "use_board", regionId: form.region }))
      throw new Response("Not Found", { status: 404 });
    const outcome = await sharePost(context.db, {
      regionId: form.region,
      authorId: actor.id,
      body: form.body,
      fromShiftReportId: form.from ?? null,
    });
    if (!outcome.ok)
      return data(
        {
          errors: {} as Record<string, string>,
          body: form.body,
          kinds: outcome.kinds as string[],
          post: null,
        },
        { status: 400 },
      );
    throw await redirectWithOutcome(request, context, back(form.region), {
      tone: "success",
      message: "community:share.shared",
      at: `post-${outcome.postId}`,
    });
  }
  const outcome =
    form.intent === "thank"
      ? await thankPost(context.db, actor, form.post)
      : form.intent === "unthank"
        ? await unthankPost(context.db, actor, form.post)
        : form.intent === "hide"
          ? await setPostHidden(context.db, actor, {
              postId: form.post,
              hide: true,
              reason: form.reason,
              ip: context.clientIp,
            })
          : await setPostHidden(context.db, actor, {
              postId: form.post,
              hide: false,
              ip: context.clientIp,
            });
  if (!outcome.ok)
    throw new Response(outcome.denied === 404 ? "Not Found" : "Forbidden", {
      status: outcome.denied,
    });
  const message = {
    thank: "community:posts.thanked",
    unthank: "community:posts.unthanked",
    hide: "community:moderate.hidden",
    show: "community:moderate.shown",
  }[form.intent];
  throw await redirectWithOutcome(request, context, back(outcome.regionId), {
    tone: "success",
    message,
    values: { name: outcome.author },
    at: `post-${form.post}`,
  });
}

export default function Community() {
  const { t } = useTranslation("community");
  const { t: tProfile } = useTranslation("profile");
  const { t: tAny } = useTranslation();
  const { regions, region, posts, older, paged, prefill, from, moderator, outcome } =
    useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const errors: Record<string, string> = sent?.errors ?? {};
  const bodyError = sent?.kinds?.length
    ? t("share.sensitive", {
        kinds: sent.kinds.map((k) => t(`kind.${k}` as never)).join(", "),
      })
    : errors.body
      ? String(tAny(errors.body as never))
      : null;
  if (!region)
    return (
      <div className="page page--narrow">
        <h1>{t("title")}</h1>
        <p>{t("noRegion")}</p>
      </div>
    );
  return (
    <div className="page page--narrow">
      <h1>{regions.length > 1 ? t("regionTitle", { region: region.name }) : t("title")}</h1>
      <p>{t("intro")}</p>
      {regions.length > 1 ? (
        <Form method="get" className="inline-form">
          <label htmlFor="region">{t("regionSwitch")}</label>
          <select id="region" name="region" defaultValue={String(region.id)}>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary">
            {t("regionShow")}
          </button>
        </Form>
      ) : null}
      <OutcomeMessage outcome={outcome} />

      <section aria-labelledby="share-title" id="share">
        <h2 id="share-title">{t("share.title")}</h2>
        <Form method="post" className="stack" key={JSON.stringify(sent ?? null)}>
          <CsrfField />
          <input type="hidden" name="intent" value="share" />
          <input type="hidden" name="region" value={region.id} />
          {from ? <input type="hidden" name="from" value={from} /> : null}
          {bodyError ? (
            <div className="notice notice--error" role="alert">
              {bodyError}
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="body">{t("share.label")}</label>
            <p id="body-hint" className="field__hint">
              {from ? `${t("share.fromReport")} ` : ""}
              {t("share.hint")}
            </p>
            <textarea
              id="body"
              name="body"
              rows={5}
              maxLength={POST_MAX}
              required
              defaultValue={sent?.post ? "" : (sent?.body ?? prefill)}
              aria-describedby="body-hint"
              aria-invalid={bodyError ? true : undefined}
            />
          </div>
          <button type="submit" className="button">
            {t("share.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="posts-title">
        <h2 id="posts-title">{t("posts.title")}</h2>
        {posts.length === 0 ? <p>{t("posts.empty")}</p> : null}
        <ol className="plain-list board">
          {posts.map((post) => {
            const about = [
              post.author.since ? t("posts.since", { date: post.author.since }) : null,
              post.author.digibanks?.length ? post.author.digibanks.join(", ") : null,
              post.author.municipalities?.length ? post.author.municipalities.join(", ") : null,
              post.author.languages?.length
                ? t("posts.languages", {
                    list: post.author.languages
                      .map((c) => tProfile(`language.${c}` as never, c))
                      .join(", "),
                  })
                : null,
              post.author.skills?.length
                ? post.author.skills.map((c) => String(tAny(`skill.${c}` as never, c))).join(", ")
                : null,
              post.author.availability?.length
                ? t("posts.availability", {
                    list: WEEKDAYS.flatMap((d) =>
                      PARTS_OF_DAY.filter((p) =>
                        post.author.availability!.includes(`${d}_${p}`),
                      ).map((p) => `${tProfile(`day.${d}`)} ${tProfile(`part.${p}`)}`),
                    ).join(", "),
                  })
                : null,
            ].filter(Boolean);
            const hideError = sent?.post === post.id ? errors.reason : undefined;
            return (
              <li key={post.id} id={`post-${post.id}`} className="board__post">
                <article aria-labelledby={`post-${post.id}-by`}>
                  <p id={`post-${post.id}-by`} className="board__author">
                    <strong>{post.author.firstName}</strong>, {post.when}
                    {post.mine ? ` · ${t("posts.mine")}` : ""}
                  </p>
                  {about.length ? <p className="board__about">{about.join(" · ")}</p> : null}
                  {post.author.introduction ? (
                    <p className="board__about board__text">{post.author.introduction}</p>
                  ) : null}
                  {post.hidden ? (
                    <p className="notice notice--hidden">
                      {post.mine
                        ? t("posts.hiddenByCoordinator", { reason: post.hidden.reason })
                        : t("posts.hiddenForOthers", { reason: post.hidden.reason })}
                    </p>
                  ) : null}
                  <p className="board__text">
                    <LinkedText text={post.body} />
                  </p>
                  <OutcomeMessage outcome={outcome} at={`post-${post.id}`} />
                  <p>{t("posts.thanks", { count: post.thanks })}</p>
                  {!post.mine && !post.hidden ? (
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="post" value={post.id} />
                      {post.thankedByMe ? (
                        <button
                          type="submit"
                          name="intent"
                          value="unthank"
                          className="button button--secondary"
                        >
                          {t("posts.unthank")}
                        </button>
                      ) : (
                        <button
                          type="submit"
                          name="intent"
                          value="thank"
                          className="button"
                          aria-label={t("posts.thankFor", { name: post.author.firstName })}
                        >
                          {t("posts.thank")}
                        </button>
                      )}
                    </Form>
                  ) : null}
                  {moderator ? (
                    post.hidden ? (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="post" value={post.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="show"
                          className="button button--secondary"
                        >
                          {t("moderate.show")}
                        </button>
                      </Form>
                    ) : (
                      <details>
                        <summary>{t("moderate.hide")}</summary>
                        <Form method="post" className="stack">
                          <CsrfField />
                          <input type="hidden" name="post" value={post.id} />
                          <div className="field">
                            <label htmlFor={`reason-${post.id}`}>{t("moderate.reasonLabel")}</label>
                            <p id={`reason-${post.id}-hint`} className="field__hint">
                              {t("moderate.reasonHint")}
                            </p>
                            <textarea
                              id={`reason-${post.id}`}
                              name="reason"
                              rows={2}
                              maxLength={HIDE_REASON_MAX}
                              required
                              aria-describedby={`reason-${post.id}-hint`}
                              aria-invalid={hideError ? true : undefined}
                            />
                            {hideError ? (
                              <p className="field__error">{String(tAny(hideError as never))}</p>
                            ) : null}
                          </div>
                          <button
                            type="submit"
                            name="intent"
                            value="hide"
                            className="button button--secondary"
                          >
                            {t("moderate.hide")}
                          </button>
                        </Form>
                      </details>
                    )
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
        {older ? (
          <p>
            <Link to={`/community?region=${region.id}&before=${older}`}>{t("posts.older")}</Link>
          </p>
        ) : null}
        {paged ? (
          <p>
            <Link to={`/community?region=${region.id}`}>{t("posts.newest")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
