// The operator's page: sign in with an admin key -> notices, sightings, the review list (with the
// platforms' notes, and decisions on entries) and the history.
//
// The key is kept in sessionStorage (operator-api.js) and nowhere else. A 401 or 403 from any
// call signs the page out and says why, so a revoked key never leaves a half-working page.

import * as api from "./operator-api.js";
import { applyStrings, el } from "./dom.js";
import { translateFrom } from "./i18n.js";
import { LANGUAGES, STRINGS } from "./operator-i18n.js";
import { renderAudit, renderNotices, renderReview, renderSightings } from "./operator-views.js";

const $ = (id) => document.getElementById(id);

/** History events per page. */
const AUDIT_PAGE = 25;

const lang =
  (navigator.languages ?? [navigator.language])
    .map((tag) => String(tag).toLowerCase().split("-")[0])
    .find((code) => code in LANGUAGES) ?? "en";
const t = (key, vars) => translateFrom(STRINGS, lang, key, vars);
const locale =
  (navigator.languages ?? []).find((tag) => tag.toLowerCase().split("-")[0] === lang) ?? lang;

const state = {
  keyNames: new Map(), // key id -> name, from GET /v1/keys
  auditBefore: null, // the oldest event id shown, for the next page
  confirming: null, // the open confirmation's cancel, so only one is open at a time
};

const context = () => ({ t, locale, now: Date.now(), keyNames: state.keyNames });

// --- views ------------------------------------------------------------------------------------

function show(view, message = "") {
  for (const section of document.querySelectorAll(".view")) {
    section.hidden = section.id !== `view-${view}`;
  }
  $("who").hidden = view !== "desk";
  $("outcome").textContent = message;
  $(`${view}-heading`).focus();
}

/** A refusal of the key: back to sign-in, saying why. Other errors stay with their section. */
function refused(error) {
  if (!(error instanceof api.ApiError) || (error.status !== 401 && error.status !== 403)) {
    return false;
  }
  signOut();
  $("key-error").textContent = t(error.status === 403 ? "signin.notAdmin" : "signin.expired");
  $("key").setAttribute("aria-invalid", "true");
  return true;
}

function sectionError(error) {
  if (!(error instanceof api.ApiError)) throw error;
  if (error.code === "network") return t("section.network");
  return t("section.error", { message: error.message });
}

/** Fill one section from `load`, with its own loading, empty, missing and error states. */
async function fill(name, load, render) {
  const body = $(`${name}-body`);
  body.setAttribute("aria-busy", "true");
  body.replaceChildren(el("p", { class: "small" }, t("section.loading")));
  try {
    body.replaceChildren(...render(await load()));
  } catch (error) {
    if (refused(error)) return;
    const missing = error instanceof api.ApiError && error.status === 404;
    body.replaceChildren(
      missing
        ? el("p", { class: "unavailable" }, t("section.unavailable"))
        : el("p", { class: "error", role: "alert" }, sectionError(error)),
    );
  } finally {
    body.removeAttribute("aria-busy");
  }
}

// --- signing in and out -------------------------------------------------------------------------

async function signIn(event) {
  event.preventDefault();
  const input = $("key");
  const error = $("key-error");
  const key = input.value.trim();
  error.textContent = "";
  input.removeAttribute("aria-invalid");
  if (!key) {
    error.textContent = t("signin.empty");
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return;
  }
  const button = $("sign-in");
  button.textContent = t("signin.working");
  button.setAttribute("aria-disabled", "true");
  api.keepKey(key);
  try {
    await openDesk();
    input.value = "";
  } catch (failure) {
    api.forgetKey();
    const refusal = { 401: "signin.unknown", 403: "signin.notAdmin" }[failure?.status];
    error.textContent = refusal ? t(refusal) : sectionError(failure);
    input.setAttribute("aria-invalid", "true");
    input.focus();
  } finally {
    button.textContent = t("signin.submit");
    button.removeAttribute("aria-disabled");
  }
}

/** Check the key (the key list needs an admin's), then show and fill every section. */
async function openDesk() {
  const keys = await api.keys();
  state.keyNames = new Map(keys.map((k) => [k.id, k.name]));
  $("key").removeAttribute("aria-invalid");
  $("key-error").textContent = "";
  show("desk");
  await refresh();
}

function signOut(message = "") {
  api.forgetKey();
  state.keyNames = new Map();
  state.auditBefore = null;
  for (const name of ["notices", "sightings", "review", "audit"]) {
    $(`${name}-body`).replaceChildren();
  }
  $("audit-more").hidden = true;
  show("signin", message);
}

// --- the sections -------------------------------------------------------------------------------

async function refresh() {
  state.confirming = null;
  state.auditBefore = null;
  $("audit-body").replaceChildren();
  await Promise.all([
    fill("notices", api.notices, (list) => renderNotices(list, context())),
    fill("sightings", api.sightings, (list) => renderSightings(list, context())),
    fill("review", api.review, (list) => renderReview(list, context(), choose)),
    loadAudit(),
  ]);
}

async function loadAudit() {
  const before = state.auditBefore;
  const list = $("audit-body").querySelector("ol") ?? el("ol", { class: "events" });
  $("audit-error").textContent = "";
  try {
    const events = await api.audit(before, AUDIT_PAGE);
    if (!before) {
      $("audit-body").replaceChildren(events.length ? list : el("p", {}, t("audit.none")));
    }
    list.append(...renderAudit(events, context()));
    if (events.length) state.auditBefore = events[events.length - 1].id;
    $("audit-more").hidden = events.length < AUDIT_PAGE;
  } catch (error) {
    if (!refused(error)) $("audit-error").textContent = sectionError(error);
  }
}

async function moreAudit() {
  const shown = $("audit-body").querySelectorAll("li").length;
  await loadAudit();
  // Take the keyboard to the first newly shown event, so the list reads on from there.
  const first = $("audit-body").querySelectorAll("li")[shown];
  if (first) {
    first.setAttribute("tabindex", "-1");
    first.focus();
  }
}

// --- deciding about an entry --------------------------------------------------------------------

/** Ask before changing an entry: what it does, a reason for the history, then yes or cancel. */
function choose(item, status, actions) {
  state.confirming?.();
  const id = item.entry.id;
  const buttons = [...actions.querySelectorAll("button")];
  for (const button of buttons) button.hidden = true;
  const reasonId = `reason-${id}`;
  const errorId = `reason-error-${id}`;
  const reason = el("input", {
    type: "text",
    id: reasonId,
    maxlength: 1000,
    "aria-describedby": errorId,
  });
  const error = el("p", { class: "error", id: errorId, role: "alert" });
  const yesLabel = t(`confirm.yes.${status}`, { id });
  const yes = el("button", { type: "button", class: "button danger" }, yesLabel);
  const no = el("button", { type: "button", class: "button secondary" }, t("confirm.no"));
  const prompt = el("p", { id: `confirm-${id}`, tabindex: "-1" }, t(`confirm.${status}`, { id }));
  const box = el(
    "div",
    { class: "confirm", role: "group", "aria-labelledby": `confirm-${id}` },
    prompt,
    el(
      "div",
      { class: "field" },
      el("label", { for: reasonId }, t("confirm.reason")),
      reason,
      error,
    ),
    el("div", { class: "actions" }, yes, no),
  );
  const cancel = () => {
    box.remove();
    for (const button of buttons) button.hidden = false;
    state.confirming = null;
  };
  no.addEventListener("click", () => {
    cancel();
    buttons[0].focus();
  });
  yes.addEventListener("click", async () => {
    if (!reason.value.trim()) {
      error.textContent = t("confirm.reasonMissing");
      reason.setAttribute("aria-invalid", "true");
      reason.focus();
      return;
    }
    if (yes.getAttribute("aria-disabled")) return;
    yes.setAttribute("aria-disabled", "true");
    yes.textContent = t("confirm.working");
    try {
      const entry = await api.setEntryStatus(id, status, reason.value.trim());
      state.confirming = null;
      await refresh();
      const message = t("confirm.done", { id, status: t(`status.${entry.status}`) });
      $("outcome").textContent = message;
      $("review-heading").focus();
    } catch (failure) {
      if (refused(failure)) return;
      error.textContent = sectionError(failure);
      yes.removeAttribute("aria-disabled");
      yes.textContent = yesLabel;
    }
  });
  actions.append(box);
  state.confirming = cancel;
  prompt.focus();
}

// --- wiring -------------------------------------------------------------------------------------

function wire() {
  document.documentElement.lang = lang;
  applyStrings(document, t);
  $("signin-form").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", () => signOut(t("signedOut")));
  $("refresh").addEventListener("click", async () => {
    await refresh();
    if (!$("view-desk").hidden) $("outcome").textContent = t("desk.refreshed");
  });
  $("audit-more").addEventListener("click", moreAudit);
}

wire();
if (api.storedKey()) {
  // A reload in the same tab: the key is still this tab's, so carry on (or say it stopped working).
  openDesk().catch((error) => {
    if (!refused(error)) signOut(sectionError(error));
  });
} else {
  show("signin");
}
