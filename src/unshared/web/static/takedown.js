// The person's links to copies and the notices that ask for them to come down, as DOM, with the
// forms that act on them: prepare a notice, download it, authorise the operator to send it,
// withdraw it.
//
// A link is shown as text in a code span, never as a link or an image: the page never opens or
// loads it, so a hostile site learns nothing from the person looking at their case. Every value
// from the service is set as text (`el` never parses markup).
//
// The views call back into the page through `actions` (each returns a promise); what goes wrong
// is said in the card it happened in, and the page re-renders once an action has succeeded.

import { ApiError } from "./api.js";
import { clockText, isClosed, isOverdue, sortNotices } from "./clocks.js";
import { el, facts } from "./dom.js";
import { formatDate } from "./status.js";

/** The laws a notice can be made under, in the order they are offered. */
export const REGIMES = Object.freeze(["us_take_it_down", "eu_dsa_16", "uk_osa"]);
/** The files a notice can be downloaded as, in the order they are offered. */
export const FORMATS = Object.freeze(["pdf", "html", "text"]);

const SIGHTING_STATUSES = new Set([
  "reported",
  "verified",
  "not_matching",
  "unreachable",
  "removed",
]);
const NOTICE_STATES = new Set(["draft", "sent", "acknowledged", "removed", "overdue", "withdrawn"]);

/**
 * @typedef {{t: (key: string, vars?: object) => string, locale: string, now: number,
 *   active: boolean, notices: boolean, explain: (error: Error) => string}} Context
 *   `active`: the case is active (a withdrawn one reports no links and drafts no notices);
 *   `notices`: the server has the notices API.
 * @typedef {{
 *   recheck: (sighting: object) => Promise<void>,
 *   draft: (sighting: object, regime: string) => Promise<void>,
 *   download: (notice: object, format: string) => Promise<void>,
 *   authorise: (notice: object, details: object) => Promise<void>,
 *   withdraw: (notice: object) => Promise<void>}} Actions
 */

let unique = 0;
/** An id no other element on the page has, for labels and descriptions. */
const newId = (stem) => `${stem}-${(unique += 1)}`;

const when = (iso, ctx) => formatDate(iso, ctx.locale);

/** A card with a heading (level 3, under its section's h2). */
const card = (heading, ...children) =>
  el("article", { class: "card item" }, el("h3", {}, heading), ...children);

/** The address as text: never an <a>, never an <img>, so nothing is fetched or opened. */
const address = (url) => el("code", { class: "url" }, String(url ?? ""));

/**
 * Run `work` once at a time from `button`, saying `busyText` on it meanwhile; an error from the
 * service goes to `errorBox` in the person's words.
 */
async function act(button, busyText, errorBox, ctx, work) {
  if (button.getAttribute("aria-disabled") === "true") return;
  const label = button.textContent;
  button.textContent = busyText;
  button.setAttribute("aria-disabled", "true");
  errorBox.textContent = "";
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    errorBox.textContent = ctx.explain(error);
  } finally {
    button.removeAttribute("aria-disabled");
    if (button.textContent === busyText) button.textContent = label;
  }
}

/** A button of `kind` (primary, secondary, danger) that says `text`. */
const button = (kind, text, type = "button") =>
  el("button", { type, class: `button ${kind}` }, text);

/** A labelled <select> of `values`, each named by `t(prefix + value)`: `{select, label}`. */
function choice(text, values, prefix, ctx) {
  const id = newId("choice");
  const select = el(
    "select",
    { id },
    ...values.map((value) => el("option", { value }, ctx.t(`${prefix}${value}`))),
  );
  return { select, label: el("label", { for: id }, text) };
}

// --- links ------------------------------------------------------------------------------------

/** The link's status, if it is one this page knows, else "other". */
const known = (sighting) => (SIGHTING_STATUSES.has(sighting.status) ? sighting.status : "other");

/** What the latest check of a link found, in words. */
export const sightingWords = (sighting, ctx) => ctx.t(`links.status.${known(sighting)}`);

/**
 * The case's links, newest first as the service lists them.
 * @param {object[]} sightings @param {object[]|null} notices null when there are none to know of
 * @param {Context} ctx @param {Actions} actions
 */
export function renderLinks(sightings, notices, ctx, actions) {
  if (!sightings.length) return [el("p", {}, ctx.t("links.none"))];
  return sightings.map((s) => {
    const error = el("p", { class: "error", role: "alert" });
    const item = card(
      ctx.t("links.heading", { host: s.host || ctx.t("links.unknownHost") }),
      el("p", { class: `verdict ${known(s)}` }, sightingWords(s, ctx)),
      facts([
        [ctx.t("links.url"), address(s.url)],
        [ctx.t("links.reported"), when(s.reported_at, ctx)],
        [
          ctx.t("links.checked"),
          s.checked_at ? when(s.checked_at, ctx) : ctx.t("links.notChecked"),
        ],
      ]),
    );
    item.dataset.sighting = String(s.id);
    if (!ctx.active) return item;

    const open = (notices ?? []).some((n) => n.sighting_id === s.id && !isClosed(n));
    if (open) item.append(el("p", { class: "small" }, ctx.t("links.noticeOpen")));
    const buttons = el("div", { class: "actions" });
    if (ctx.notices && s.status === "verified" && !open) {
      const { select, label } = choice(ctx.t("links.regime"), REGIMES, "regime.", ctx);
      const prepare = button("primary", ctx.t("links.prepare"));
      prepare.addEventListener("click", () =>
        act(prepare, ctx.t("links.preparing"), error, ctx, () => actions.draft(s, select.value)),
      );
      item.append(
        el("div", { class: "field" }, label, select),
        el("p", { class: "small" }, ctx.t("regime.hint")),
      );
      buttons.append(prepare);
    }
    const recheck = button("secondary", ctx.t("links.recheck"));
    recheck.addEventListener("click", () =>
      act(recheck, ctx.t("links.rechecking"), error, ctx, () => actions.recheck(s)),
    );
    buttons.append(recheck);
    item.append(buttons, error);
    return item;
  });
}

/** What the person is told when a link they reported has been checked. */
export const resultWords = (sighting, ctx) =>
  ctx.t(`links.result.${SIGHTING_STATUSES.has(sighting.status) ? sighting.status : "reported"}`);

// --- notices ----------------------------------------------------------------------------------

/** The state of a notice in words. A clock the page sees run out before the service has checked
 * again is said as such: the service decides removed or overdue when it fetches the link. */
function stateWords(notice, ctx) {
  if (notice.state !== "overdue" && isOverdue(notice, ctx.now)) return ctx.t("notices.state.due");
  if (notice.state === "draft" && notice.authorised) return ctx.t("notices.state.authorised");
  return ctx.t(`notices.state.${NOTICE_STATES.has(notice.state) ? notice.state : "other"}`);
}

function howSent(notice, ctx) {
  if (notice.delivery === "download") return ctx.t("notices.how.download");
  if (notice.delivery !== "email") return "";
  const by = notice.authorised ? ctx.t("notices.how.forYou") : "";
  const to = notice.recipient
    ? ctx.t("notices.how.email", { recipient: notice.recipient })
    : ctx.t("notices.how.emailNoRecipient");
  return by ? `${to} ${by}` : to;
}

/**
 * The case's notices: overdue first, then by deadline, drafts, and closed ones last.
 * @param {object[]} notices @param {Context} ctx @param {Actions} actions
 */
export function renderNotices(notices, ctx, actions) {
  if (!notices.length) return [el("p", {}, ctx.t("notices.none"))];
  return sortNotices(notices, ctx.now).map((n) => {
    const overdue = isOverdue(n, ctx.now);
    const host = n.host || ctx.t("links.unknownHost");
    const regime = REGIMES.includes(n.regime) ? n.regime : "other";
    const item = card(
      ctx.t("notices.heading", { host }),
      // The clock in words, so red is never the only sign that a deadline has passed.
      el("p", { class: overdue ? "clock overdue" : "clock" }, clockText(n, ctx)),
      el("p", { class: "notice-state" }, stateWords(n, ctx)),
      facts([
        [ctx.t("notices.law"), ctx.t(`regime.${regime}`)],
        [ctx.t("notices.url"), address(n.url)],
        [ctx.t("notices.how"), howSent(n, ctx)],
        [ctx.t("notices.sent"), n.sent_at ? when(n.sent_at, ctx) : ""],
        [ctx.t("notices.deadline"), n.deadline ? when(n.deadline, ctx) : ""],
      ]),
    );
    if (n.follow_up_of !== null && n.follow_up_of !== undefined) {
      item.append(el("p", { class: "small" }, ctx.t("notices.followUp")));
    }
    item.classList.toggle("overdue", overdue);
    item.dataset.notice = String(n.id);
    item.dataset.state = String(n.state);
    if (n.state !== "withdrawn") item.append(...noticeActions(n, host, ctx, actions));
    return item;
  });
}

/**
 * Download (as any file type), ask the operator to send it (a draft not handed over yet),
 * withdraw it (while it is open). A form opened from here takes the place of these controls
 * until it is sent or cancelled.
 */
function noticeActions(notice, host, ctx, actions) {
  const error = el("p", { class: "error", role: "alert" });
  const { select, label } = choice(ctx.t("notices.format"), FORMATS, "notices.format.", ctx);
  const buttons = el("div", {
    class: "actions",
    role: "group",
    "aria-label": ctx.t("notices.actions", { host }),
  });
  const controls = el("div", { class: "notice-actions" }, buttons);
  const download = button("primary", ctx.t("notices.download"));
  download.addEventListener("click", () =>
    act(download, ctx.t("notices.downloading"), error, ctx, () =>
      actions.download(notice, select.value),
    ),
  );
  buttons.append(el("span", { class: "choice" }, label, select), download);

  /** Put the form `makeForm(close)` makes in place of the controls; `close` puts them back. */
  const open = (opener, makeForm) => {
    const form = makeForm(() => {
      form.remove();
      controls.hidden = false;
      opener.focus();
    });
    controls.hidden = true;
    controls.after(form);
    form.querySelector("[tabindex='-1']").focus();
  };
  if (notice.state === "draft" && !notice.authorised) {
    const ask = button("secondary", ctx.t("notices.authorise"));
    ask.addEventListener("click", () =>
      open(ask, (close) => authoriseForm(notice, ctx, actions, close)),
    );
    buttons.append(ask);
    controls.append(el("p", { class: "small" }, ctx.t("notices.downloadHint")));
  }
  if (!isClosed(notice)) {
    const withdraw = button("danger", ctx.t("notices.withdraw"));
    withdraw.addEventListener("click", () =>
      open(withdraw, (close) => confirmWithdraw(notice, ctx, actions, close)),
    );
    buttons.append(withdraw);
  }
  return [controls, error];
}

function confirmWithdraw(notice, ctx, actions, close) {
  const promptId = newId("withdraw-prompt");
  const error = el("p", { class: "error", role: "alert" });
  const yes = button("danger", ctx.t("notices.withdrawYes"));
  const no = button("secondary", ctx.t("notices.withdrawNo"));
  no.addEventListener("click", close);
  yes.addEventListener("click", () =>
    act(yes, ctx.t("notices.withdrawing"), error, ctx, () => actions.withdraw(notice)),
  );
  return el(
    "div",
    { class: "confirm", role: "group", "aria-labelledby": promptId },
    el("p", { id: promptId, tabindex: "-1" }, ctx.t("notices.withdrawConfirm")),
    el("div", { class: "actions" }, yes, no),
    error,
  );
}

// --- authorising the operator to send a notice --------------------------------------------------

/** The details the authorise form asks for: [name, required, input type, autocomplete, hint]. */
const DETAILS = [
  ["name", true, "text", "name", "authorise.nameHint"],
  ["email", true, "email", "email", ""],
  ["signature", true, "text", "off", "authorise.signatureHint"],
  ["phone", false, "tel", "tel", ""],
  ["address", false, "textarea", "street-address", ""],
];

/**
 * The form that asks the operator to send `notice` for the person. The person's contact details
 * are asked for here and nowhere else: they go into this notice only. The inputs have no `name`,
 * so even a form submitted without the script carries nothing anywhere.
 */
export function authoriseForm(notice, ctx, actions, close) {
  const titleId = newId("authorise-title");
  const inputs = {};
  const errors = {};
  const fields = DETAILS.map(([key, required, type, autocomplete, hint]) => {
    const id = newId(`authorise-${key}`);
    const hintId = hint ? newId("hint") : "";
    errors[key] = el("p", { class: "error", id: newId("error") });
    const described = [hintId, errors[key].id].filter(Boolean).join(" ");
    const attributes = { id, class: "text", autocomplete, "aria-describedby": described };
    if (required) attributes["aria-required"] = "true";
    inputs[key] =
      type === "textarea"
        ? el("textarea", { ...attributes, rows: 3, maxlength: 500 })
        : el("input", { ...attributes, type, maxlength: 200, spellcheck: "false" });
    return el(
      "div",
      { class: "field" },
      el("label", { for: id }, ctx.t(`authorise.${key}`)),
      ...(hint ? [el("p", { class: "small", id: hintId }, ctx.t(hint))] : []),
      inputs[key],
      errors[key],
    );
  });
  const goodFaithId = newId("good-faith");
  errors.goodFaith = el("p", { class: "error", id: newId("error") });
  const goodFaith = el("input", {
    type: "checkbox",
    id: goodFaithId,
    "aria-describedby": errors.goodFaith.id,
  });
  const error = el("p", { class: "error", role: "alert" });
  const send = button("primary", ctx.t("authorise.submit"), "submit");
  const cancel = button("secondary", ctx.t("authorise.cancel"));
  cancel.addEventListener("click", close);
  // A complaint goes once the field it is about changes.
  const clear = (input, box) => () => {
    box.textContent = "";
    input.removeAttribute("aria-invalid");
  };
  for (const [key] of DETAILS) {
    inputs[key].addEventListener("input", clear(inputs[key], errors[key]));
  }
  goodFaith.addEventListener("change", clear(goodFaith, errors.goodFaith));

  const form = el(
    "form",
    { class: "confirm authorise", "aria-labelledby": titleId, novalidate: true },
    el("h4", { id: titleId, tabindex: "-1" }, ctx.t("authorise.title")),
    el("p", {}, ctx.t("authorise.lead")),
    el("p", { class: "privacy" }, ctx.t("authorise.privacy")),
    ...fields,
    el(
      "div",
      { class: "check" },
      goodFaith,
      el("label", { for: goodFaithId }, ctx.t("authorise.goodFaith")),
    ),
    errors.goodFaith,
    error,
    el("div", { class: "actions" }, send, cancel),
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const details = {};
    const problems = [];
    for (const [key, required] of DETAILS) {
      const value = inputs[key].value.trim();
      let problem = "";
      if (required && !value) problem = `authorise.missing.${key}`;
      else if (key === "email" && value && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
        problem = "authorise.badEmail";
      }
      errors[key].textContent = problem ? ctx.t(problem) : "";
      inputs[key].setAttribute("aria-invalid", String(Boolean(problem)));
      if (problem) problems.push(inputs[key]);
      if (value) details[key] = value;
    }
    errors.goodFaith.textContent = goodFaith.checked ? "" : ctx.t("authorise.missing.goodFaith");
    goodFaith.setAttribute("aria-invalid", String(!goodFaith.checked));
    if (!goodFaith.checked) problems.push(goodFaith);
    if (problems.length) {
      problems[0].focus();
      return;
    }
    act(send, ctx.t("authorise.sending"), error, ctx, () => actions.authorise(notice, details));
  });
  return form;
}
