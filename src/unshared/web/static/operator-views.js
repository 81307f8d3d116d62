// The operator's lists in words: notices with their clocks, sightings, the review list, the
// history. Everything the service sends is set as text (`el` never parses markup), and an address
// is never a link: a sighting's URL may be hostile, so nothing here opens or loads it.

import { clockText, isOverdue, sortNotices } from "./clocks.js";
import { el, facts } from "./dom.js";
import { formatDate } from "./status.js";

/**
 * @typedef {{t: (key: string, vars?: object) => string, locale: string, now: number,
 *   keyNames: Map<number, string>}} Context
 */

const when = (iso, ctx) => (iso ? formatDate(iso, ctx.locale) : ctx.t("never"));

/** A card with a heading (level 3, under its section's h2). */
const card = (heading, ...children) =>
  el("article", { class: "card item" }, el("h3", {}, heading), ...children);

// --- notices ----------------------------------------------------------------------------------

/** @param {object[]} notices @param {Context} ctx */
export function renderNotices(notices, ctx) {
  if (!notices.length) return [el("p", {}, ctx.t("notices.none"))];
  return sortNotices(notices, ctx.now).map((n) => {
    const overdue = isOverdue(n, ctx.now);
    const item = card(
      ctx.t("notices.heading", { id: n.id, regime: n.regime ?? "" }),
      el("p", { class: overdue ? "clock overdue" : "clock" }, clockText(n, ctx)),
      facts([
        [ctx.t("field.state"), n.state],
        [ctx.t("field.deadline"), n.deadline ? when(n.deadline, ctx) : ""],
        [ctx.t("field.case"), n.case],
        [ctx.t("field.sighting"), n.sighting_id],
        [ctx.t("field.delivery"), n.delivery],
        [ctx.t("field.recipient"), n.recipient],
        [ctx.t("field.created"), n.created_at ? when(n.created_at, ctx) : ""],
        [ctx.t("field.sent"), n.sent_at ? when(n.sent_at, ctx) : ""],
      ]),
    );
    item.classList.toggle("overdue", overdue);
    item.dataset.notice = String(n.id);
    return item;
  });
}

// --- sightings --------------------------------------------------------------------------------

/** @param {object[]} sightings @param {Context} ctx */
export function renderSightings(sightings, ctx) {
  if (!sightings.length) return [el("p", {}, ctx.t("sightings.none"))];
  return sightings.map((s) => {
    const item = card(
      ctx.t("sightings.heading", { id: s.id, host: s.host ?? "" }),
      facts([
        // Plain text in a code span: never an <a>, never an <img>, so nothing is fetched.
        [ctx.t("field.url"), el("code", { class: "url" }, String(s.url ?? ""))],
        [ctx.t("field.status"), s.status],
        [ctx.t("field.case"), s.case],
        [ctx.t("field.reportedBy"), s.reported_by],
        [ctx.t("field.reportedAt"), s.reported_at ? when(s.reported_at, ctx) : ""],
        [ctx.t("field.lastFetch"), when(s.checked_at, ctx)],
        [
          ctx.t("field.distance"),
          typeof s.distance === "number" ? ctx.t("distance.bits", { n: s.distance }) : "",
        ],
      ]),
    );
    item.dataset.sighting = String(s.id);
    return item;
  });
}

// --- the review list --------------------------------------------------------------------------

/** Who a key is, by name when the operator's key list knows it. */
function keyName(id, ctx) {
  if (id === null || id === undefined) return ctx.t("review.byOperator");
  const name = ctx.keyNames.get(id);
  return name ? ctx.t("review.by", { name, id }) : ctx.t("review.byKey", { id });
}

function reportList(reports, ctx) {
  if (!reports?.length) return el("p", { class: "small" }, ctx.t("review.noReports"));
  return el(
    "ul",
    { class: "reports" },
    ...reports.map((r) =>
      el(
        "li",
        {},
        el(
          "p",
          { class: "small" },
          ctx.t("review.report", {
            outcome: r.outcome,
            by: keyName(r.key, ctx),
            date: when(r.at, ctx),
          }),
        ),
        el("p", { class: r.note ? "note" : "note empty" }, r.note || ctx.t("review.noNote")),
      ),
    ),
  );
}

/** The other statuses an entry can be set to, from its own. */
export const choicesFor = (status) =>
  ["quarantined", "disabled", "active"].filter((s) => s !== status);

/**
 * @param {object[]} items the review list
 * @param {Context} ctx
 * @param {(item: object, status: string, actions: HTMLElement) => void} onChoose
 */
export function renderReview(items, ctx, onChoose) {
  if (!items.length) return [el("p", {}, ctx.t("review.none"))];
  return items.map((item) => {
    const e = item.entry;
    const actions = el("div", {
      class: "actions decide",
      role: "group",
      "aria-label": ctx.t("review.actionsLabel", { id: e.id }),
    });
    for (const status of choicesFor(e.status)) {
      const button = el(
        "button",
        {
          type: "button",
          class: status === "active" ? "button secondary" : "button danger",
          "data-status": status,
        },
        ctx.t(`action.${status}`),
      );
      button.addEventListener("click", () => onChoose(item, status, actions));
      actions.append(button);
    }
    const article = card(
      ctx.t("review.heading", { id: e.id, bank: e.bank, signal: e.signal }),
      facts([
        [ctx.t("field.status"), el("span", { class: "state" }, ctx.t(`status.${e.status}`))],
        [ctx.t("field.case"), e.case],
        [ctx.t("field.value"), el("code", { class: "hash" }, e.value)],
        [ctx.t("field.matches"), String(item.matches)],
        [ctx.t("field.platforms"), String(item.platforms)],
        [
          ctx.t("field.notNcii"),
          ctx.t("review.notNcii", {
            reports: item.not_ncii_reports,
            platforms: item.not_ncii_platforms,
          }),
        ],
        [ctx.t("field.reasons"), item.reasons.join("; ")],
      ]),
      el("h4", {}, ctx.t("review.reports")),
      reportList(item.reports, ctx),
      actions,
    );
    article.dataset.entry = String(e.id);
    return article;
  });
}

// --- the history ------------------------------------------------------------------------------

function actorName(actor, ctx) {
  const match = /^key:(\d+)$/.exec(actor);
  return match ? keyName(Number(match[1]), ctx) : actor;
}

const detailText = (detail) =>
  Object.entries(detail ?? {})
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" · ");

/** History events as list items, to append below the ones already shown. */
export function renderAudit(events, ctx) {
  return events.map((e) => {
    const detail = detailText(e.detail);
    return el(
      "li",
      { "data-event": String(e.id) },
      el(
        "p",
        {},
        el("strong", { class: "action" }, e.action),
        " ",
        ctx.t("audit.subject", { type: e.subject_type, id: e.subject_id }),
      ),
      el("p", { class: "small" }, `${when(e.at, ctx)} · ${actorName(e.actor, ctx)}`),
      ...(detail ? [el("p", { class: "small detail" }, detail)] : []),
    );
  });
}
