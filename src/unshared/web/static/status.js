// A case's status, in words: whether it is active, what platforms reported, and its fingerprints.

import { el } from "./dom.js";

const SIGNALS = new Set(["pdq", "md5", "sha256", "vpdq"]);
const STATES = new Set(["active", "withdrawn", "disabled", "quarantined"]);
const OUTCOMES = new Set(["removed", "blocked", "queued", "not_ncii", "duplicate", "not_found"]);

/**
 * Render `status` (the API's case status object) into the page's status parts.
 * @param {{summary: HTMLElement, reports: HTMLElement, hashes: HTMLElement, count: HTMLElement}} parts
 * @param {object} status
 * @param {(key: string, vars?: object) => string} t
 * @param {string} locale the person's language tag, for dates (en-GB writes them its own way)
 */
export function renderStatus(parts, status, t, locale) {
  const when = (iso) => formatDate(iso, locale);
  const short = (iso) => formatDate(iso, locale, "short");
  const withdrawn = status.status === "withdrawn";
  parts.summary.classList.toggle("withdrawn", withdrawn);
  parts.summary.replaceChildren(
    el(
      "p",
      { class: "state" },
      withdrawn
        ? t("status.withdrawn", { date: when(status.withdrawn_at) })
        : t(status.kind === "protect" ? "protect.status.active" : "status.active"),
    ),
    el("p", { class: "small" }, t("status.opened", { date: when(status.created_at) })),
  );

  const reports = [...status.reports].sort((a, b) => b.at.localeCompare(a.at));
  parts.reports.replaceChildren(
    reports.length === 0
      ? el("p", {}, t("status.reportsNone"))
      : table(
          [t("status.colWhen"), t("status.colWhat")],
          reports.map((report) => [
            short(report.at),
            t(`status.outcome.${OUTCOMES.has(report.outcome) ? report.outcome : "other"}`),
          ]),
        ),
  );

  parts.count.textContent = t("status.hashesCount", { n: status.hashes.length });
  parts.hashes.replaceChildren(
    table(
      [t("status.colAdded"), t("status.colKind"), t("status.colState")],
      status.hashes.map((hash) => [
        short(hash.added_at),
        t(`status.kind.${SIGNALS.has(hash.signal) ? hash.signal : "other"}`),
        t(`status.state.${STATES.has(hash.status) ? hash.status : "active"}`),
      ]),
    ),
  );
}

function table(headings, rows) {
  return el(
    "table",
    {},
    el("thead", {}, el("tr", {}, ...headings.map((text) => el("th", { scope: "col" }, text)))),
    el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((text) => el("td", {}, text))))),
  );
}

/** A date and time from the API (ISO 8601), as people write it in `locale`. */
export function formatDate(iso, locale, style = "medium") {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: "short" }).format(date);
}
