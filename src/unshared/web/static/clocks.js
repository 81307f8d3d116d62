// A takedown notice's clock, for the person's page and the operator's alike: whether it is
// overdue, the order notices are listed in, and the time left or past in words.
//
// The words come from each page's own strings, under the same keys in both: `notices.overdueBy`,
// `notices.left`, `notices.noDeadline` and `notices.closed`.

import { formatDate } from "./status.js";

/** Notice states that are over: no clock runs for them. */
export const CLOSED = new Set(["removed", "withdrawn"]);

/** Whether a notice is over (removed or withdrawn): its clock has stopped. */
export const isClosed = (notice) => CLOSED.has(notice.state) || Boolean(notice.closed_at);

const deadlineOf = (notice) => (notice.deadline ? Date.parse(notice.deadline) : NaN);

/** Whether a notice is past its deadline and not closed: the service's `overdue`, or a clock the
 * page sees run out before the service's next check. */
export function isOverdue(notice, now) {
  if (isClosed(notice)) return false;
  return notice.state === "overdue" || deadlineOf(notice) < now;
}

/** Overdue first (the longest overdue at the top), then open ones by deadline, then those with
 * no deadline yet (drafts), then closed ones, newest first. */
export function sortNotices(notices, now) {
  const rank = (n) => {
    if (isOverdue(n, now)) return 0;
    if (isClosed(n)) return 3;
    return Number.isNaN(deadlineOf(n)) ? 2 : 1;
  };
  return [...notices].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank) return byRank;
    if (rank(a) === 3) return String(b.closed_at ?? "").localeCompare(String(a.closed_at ?? ""));
    return (deadlineOf(a) || 0) - (deadlineOf(b) || 0) || a.id - b.id;
  });
}

/** "2 days 3 hrs", "3 hrs 20 mins", "3 hrs", "12 mins": how long, in the reader's language. */
export function duration(ms, locale) {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor(minutes / 60) % 24;
  const mins = minutes % 60;
  const unit = (n, name) =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(n);
  const both = (a, aUnit, b, bUnit) => (b ? `${unit(a, aUnit)} ${unit(b, bUnit)}` : unit(a, aUnit));
  if (days) return both(days, "day", hours, "hour");
  if (hours) return both(hours, "hour", mins, "minute");
  return unit(mins, "minute");
}

/**
 * The clock in words: "Overdue by 2 hrs 5 mins", "3 hrs left", "No deadline yet", "Closed ...".
 * @param {object} notice
 * @param {{t: (key: string, vars?: object) => string, locale: string, now: number}} ctx
 */
export function clockText(notice, ctx) {
  if (isClosed(notice)) {
    return ctx.t("notices.closed", { date: formatDate(notice.closed_at, ctx.locale) });
  }
  const deadline = deadlineOf(notice);
  if (Number.isNaN(deadline)) return ctx.t("notices.noDeadline");
  const time = duration(deadline - ctx.now, ctx.locale);
  return ctx.t(isOverdue(notice, ctx.now) ? "notices.overdueBy" : "notices.left", { time });
}
