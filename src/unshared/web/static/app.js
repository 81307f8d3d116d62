// The page: choose photos -> fingerprints made here -> a case number and PIN -> the case.
// Or, to protect ordinary photos: the same steps, with each photo's features made here too
// (protector.js, loaded only then).
//
// One view shows at a time; each step moves the keyboard focus to the new view's heading, so a
// screen reader says where the person now is. The case number and PIN live only in memory, for
// as long as the page is open: nothing is written to storage, cookies or the address bar.

import * as api from "./api.js";
import { applyStrings, el, saveFile } from "./dom.js";
import { Fingerprinter } from "./hashing.js";
import { LANGUAGES, pickLanguage, translate } from "./i18n.js";
import { PhotoPicker } from "./photos.js";
import { Protector } from "./protector.js";
import { formatDate, renderStatus } from "./status.js";
import { renderLinks, renderNotices, resultWords } from "./takedown.js";

const $ = (id) => document.getElementById(id);

const state = {
  lang: pickLanguage(navigator.languages ?? [navigator.language]),
  view: "pick",
  mode: "new", // "new": opening a case; "add": adding photos to the open one
  protecting: false, // the case is (or will be) one of ordinary photos to protect
  protectLoad: null, // OpenCV in the protect worker: null, "loading", "ready" or "unavailable"
  session: null, // {number, pin} of the open case
  status: null, // the open case's last status
  created: null, // {number, pin, at} of a case just made, until the person moves on
  pendingCase: null, // {body, key} of a new case sent without an answer yet
  sending: false,
  leaving: false, // the quick exit is under way: nothing may hold the page
  sightings: null, // the open case's links, once loaded; an ApiError if they could not be
  notices: null, // its notices, once loaded; "missing" on a server without them; or an ApiError
};

/** Where the quick exit goes: an ordinary page that says nothing about this one. */
const NEUTRAL_PAGE = "https://www.google.com/";
/** Escape pressed this many times, each within this long of the last, is a quick exit. */
const EXIT_PRESSES = 3;
const EXIT_WITHIN_MS = 1500;

const t = (key, vars) => translate(state.lang, key, vars);

// The person's own tag for the page's language (en-GB, es-MX), so dates read as they expect.
const locale = () =>
  (navigator.languages ?? []).find((tag) => tag.toLowerCase().split("-")[0] === state.lang) ??
  state.lang;

const fingerprinter = new Fingerprinter();
// The page decides as the service does: its quality floor, its file-size limit.
const limits = api.limits();
fingerprinter.useLimits(limits);
let protector = null; // made when someone first chooses to protect photos

const picker = new PhotoPicker({
  list: $("photos"),
  progress: $("progress"),
  fallbackFocus: $("files"),
  fingerprinter,
  t,
  onChange: () => updateSendArea(),
});
// Videos wait for the service's video limits (or its silence: the defaults then stand).
picker.videos = limits.then((answer) => {
  if (!answer?.video_max_bytes) return;
  picker.videoLimits = Object.freeze({
    maxBytes: answer.video_max_bytes,
    maxSeconds: answer.video_max_seconds,
    maxFrames: answer.video_max_frames,
    secondsPerHash: answer.video_seconds_per_hash,
    minFrameQuality: answer.video_min_frame_quality,
  });
});

// --- views ----------------------------------------------------------------------------------

function show(view, { focus = true } = {}) {
  state.view = view;
  for (const section of document.querySelectorAll(".view")) {
    section.hidden = section.id !== `view-${view}`;
  }
  const purpose = state.protecting ? "protect" : "takedown";
  for (const part of document.querySelectorAll("[data-mode], [data-purpose]")) {
    const { mode = state.mode, purpose: its = purpose } = part.dataset;
    part.hidden = mode !== state.mode || its !== purpose;
  }
  // A hidden hint would still be read out if the input named it.
  $("files").setAttribute(
    "aria-describedby",
    state.protecting ? "protect-hint protect-state pick-formats" : "pick-hint pick-formats",
  );
  for (const error of document.querySelectorAll(".error")) error.textContent = "";
  renderHeadings();
  window.scrollTo(0, 0);
  if (focus) $(`${view}-heading`).focus();
}

function renderHeadings() {
  const number = state.session?.number ?? "";
  const prefix = state.protecting ? "protect." : "";
  $("pick-heading").textContent =
    state.mode === "add"
      ? t(`${prefix}add.title`, { case: number })
      : t(state.protecting ? "protect.title" : "start.title");
  $("status-heading").textContent = t("status.title", { case: number });
  $("send").textContent = t(`${prefix}${state.mode === "add" ? "send.add" : "send.new"}`);
  renderProtectState();
}

function setLanguage(lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  applyStrings(document, t);
  for (const button of $("languages").querySelectorAll("button")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
  renderHeadings();
  picker.render();
  updateSendArea();
  if (state.status) renderCase();
}

function renderLanguageSwitch() {
  $("languages").replaceChildren(
    ...Object.entries(LANGUAGES).map(([code, name]) => {
      const button = el(
        "button",
        { type: "button", class: "link", lang: code, "data-lang": code, "aria-pressed": "false" },
        name,
      );
      button.addEventListener("click", () => setLanguage(code));
      return el("li", {}, button);
    }),
  );
}

/** The words for an API error, for the person. */
function explain(error) {
  switch (error.code) {
    case "unauthorized":
    case "not_found":
      return t("error.unauthorized");
    case "rate_limited": {
      const seconds = Number(error.detail?.retry_after) || 3600;
      return t("error.rate_limited", { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case "conflict":
      return t("error.conflict");
    case "too_large":
      return t("error.too_large");
    case "unavailable":
      return t("error.unavailable");
    case "network":
      return t("error.network");
    default:
      // invalid_input and its kinds (malformed_signal, ...) and any other refusal.
      return t(error.status >= 400 && error.status < 500 ? "error.invalid_input" : "error.server");
  }
}

// Runs `work` once at a time, showing `busyText` on `button` meanwhile; errors go to `errorBox`,
// in the words `words` gives.
async function busy(button, busyText, errorBox, work, words = explain) {
  if (state.sending) return;
  state.sending = true;
  const label = button.textContent;
  button.textContent = busyText;
  button.setAttribute("aria-disabled", "true");
  errorBox.textContent = "";
  try {
    await work();
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    errorBox.textContent = words(error);
  } finally {
    state.sending = false;
    button.removeAttribute("aria-disabled");
    // The view may have changed language or moved on meanwhile; only restore a stale label.
    if (button.textContent === busyText) button.textContent = label;
  }
}

// --- protecting ordinary photos ------------------------------------------------------------

/** Choose ordinary photos to protect (or stop): each has its features made too. */
function usePurpose(protecting) {
  state.protecting = protecting;
  if (protecting && !protector) {
    protector = new Protector();
    protector.useLimits(limits);
    limits.then((answer) => {
      if (answer?.protect_min_keypoints) picker.minKeypoints = answer.protect_min_keypoints;
    });
  }
  picker.use(protecting ? protector : fingerprinter, protecting);
  if (protecting) {
    // OpenCV loads now, while the person reads and chooses: only those who protect photos.
    state.protectLoad = state.protectLoad ?? "loading";
    protector.load().then((loaded) => {
      state.protectLoad = loaded ? "ready" : "unavailable";
      renderProtectState();
    });
  }
  renderProtectState();
}

function renderProtectState() {
  const unavailable = state.protecting && state.protectLoad === "unavailable";
  $("files").disabled = unavailable;
  $("drop").classList.toggle("unavailable", unavailable);
  const words = { loading: "protect.loading", ready: "protect.ready", unavailable: "protect.unavailable" };
  $("protect-state").textContent = state.protecting ? t(words[state.protectLoad] ?? "protect.loading") : "";
}

// --- choosing photos and sending their fingerprints -------------------------------------------

// What the preview shows: everything sent, with each photo's features shortened (they are tens
// of thousands of hex digits; the note above the preview says so).
function shortened(images) {
  const cut = (hex) => `${hex.slice(0, 32)}… (${hex.length.toLocaleString(locale())})`;
  return images.map((image) =>
    image.features
      ? {
          ...image,
          features: {
            ...image.features,
            points: cut(image.features.points),
            descriptors: cut(image.features.descriptors),
          },
        }
      : image,
  );
}

// A video's vPDQ is up to 230,400 hex digits: the preview shows its start and length.
const shortenedVideos = (videos) =>
  videos.map((video) => ({
    ...video,
    vpdq: `${video.vpdq.slice(0, 32)}… (${video.vpdq.length.toLocaleString(locale())})`,
  }));

function updateSendArea() {
  const images = picker.payload();
  const videos = picker.videoPayload();
  $("send-area").hidden = images.length + videos.length === 0 || picker.busy;
  $("send-bar").hidden = $("send-area").hidden;
  $("blur-area").hidden = picker.items.length === 0;
  const shown = { images: shortened(images) };
  if (videos.length) shown.videos = shortenedVideos(videos);
  const preview = state.mode === "new" && !state.protecting ? { ...shown, minor: minor() } : shown;
  $("preview").textContent = JSON.stringify(preview, null, 2);
}

/** The one answer about the person: under 18 (or was when the photos were taken), or not said. */
const minor = () => $("minor-yes").checked;

function updateMinor() {
  $("minor-help").hidden = !minor();
  updateSendArea();
}

/** Leave at once for an ordinary page, replacing this one in the history where it can. */
function quickExit() {
  state.leaving = true;
  picker.clear();
  document.body.hidden = true;
  window.location.replace(NEUTRAL_PAGE);
}

/** The calls to send: each with at most the service's number of images and of videos. */
function batchesOf(images, videos, imageSize, videoSize) {
  const batches = [];
  for (let i = 0, v = 0; i < images.length || v < videos.length; i += imageSize, v += videoSize) {
    batches.push({ images: images.slice(i, i + imageSize), videos: videos.slice(v, v + videoSize) });
  }
  return batches;
}

async function send() {
  const images = picker.payload();
  const videos = picker.videoPayload();
  if (images.length + videos.length === 0 || picker.busy) {
    $("send-error").textContent = t("send.nothingReady");
    return;
  }
  const protecting = state.protecting;
  const sending = t(protecting ? "protect.send.sending" : "send.sending");
  await busy($("send"), sending, $("send-error"), async () => {
    const size = protecting ? api.MAX_PROTECTED_PER_CALL : api.MAX_IMAGES_PER_CALL;
    const batches = batchesOf(images, videos, size, api.MAX_VIDEOS_PER_CALL);
    if (state.mode === "new") {
      const first = batches.shift();
      // Sending the same photos again after an error reuses the key: if the lost try made the
      // case, the server hands back that case and its PIN instead of making a second one.
      const body = JSON.stringify({ first, minor: minor() });
      if (state.pendingCase?.body !== body) {
        state.pendingCase = { body, key: api.newCaseKey() };
      }
      const made = protecting
        ? await api.protectPhotos(first.images, state.pendingCase.key)
        : await api.createCase(first.images, state.pendingCase.key, minor(), first.videos);
      state.pendingCase = null;
      state.session = { number: made.case, pin: made.pin };
      state.created = { number: made.case, pin: made.pin, at: new Date() };
    }
    const before = state.mode === "add" ? state.status.hashes.length : 0;
    const photos = images.length + videos.length;
    const add = protecting ? api.protectMore : api.addHashes;
    for (const batch of batches) {
      state.status = protecting
        ? await add(state.session.number, state.session.pin, batch.images)
        : await add(state.session.number, state.session.pin, batch.images, batch.videos);
    }
    picker.clear();
    for (const answer of document.querySelectorAll("input[name=minor]")) answer.checked = false;
    $("minor-help").hidden = true;
    if (state.mode === "new") {
      showCreated();
    } else {
      state.mode = "new";
      const added = state.status.hashes.length > before;
      const done = protecting
        ? "protect.status.added"
        : videos.length
          ? "status.addedWithVideos"
          : "status.added";
      showCase(added ? t(done, { n: photos }) : t("status.addedNone"));
    }
  });
}

// --- the case number and PIN, shown once ------------------------------------------------------

function showCreated() {
  $("new-case").textContent = state.created.number;
  $("new-pin").textContent = state.created.pin;
  $("copy-status").textContent = "";
  $("saved").checked = false;
  show("created");
}

async function copy(id) {
  const text = $(id).textContent;
  try {
    await navigator.clipboard.writeText(text);
    $("copy-status").textContent = t("created.copied");
  } catch {
    // No clipboard (an insecure origin, or permission refused): select it for the person.
    const range = document.createRange();
    range.selectNodeContents($(id));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    $("copy-status").textContent = t("created.copyFailed");
  }
}

function download() {
  const { number, pin, at } = state.created;
  const text = t("file.body", {
    case: number,
    pin,
    date: formatDate(at.toISOString(), locale()),
    address: `${location.origin}/`,
  });
  const blob = new Blob([text], { type: "text/plain;charset=utf-8" });
  saveFile(blob, t("file.name", { case: number }));
}

async function leaveCreated() {
  if (!$("saved").checked) {
    $("saved-error").textContent = t("created.savedFirst");
    $("saved").focus();
    return;
  }
  await busy($("continue"), t("signin.opening"), $("saved-error"), async () => {
    state.status = await api.caseStatus(state.session.number, state.session.pin);
    state.created = null;
    showCase();
  });
}

// --- the case ------------------------------------------------------------------------------

function renderCase() {
  const parts = { summary: $("status-summary"), reports: $("reports"), hashes: $("hashes") };
  renderStatus({ ...parts, count: $("hashes-count") }, state.status, t, locale());
  const withdrawn = state.status.status === "withdrawn";
  $("active-actions").hidden = withdrawn;
  $("withdrawn-actions").hidden = !withdrawn;
  $("close-hint").hidden = withdrawn;
  $("report-link").hidden = withdrawn;
  renderTakedown();
}

function showCase(message = "") {
  state.session.number = state.status.case;
  if (state.protecting !== (state.status.kind === "protect")) {
    usePurpose(state.status.kind === "protect");
  }
  renderCase();
  $("status-message").textContent = "";
  for (const id of ["link-result", "link-error", "link-detail", "notices-message"]) {
    $(id).textContent = "";
  }
  show("status");
  loadTakedown();
  // Set after the view is shown, so the live region announces it.
  if (message) setTimeout(() => ($("status-message").textContent = message), 100);
}

async function signIn(event) {
  event.preventDefault();
  const number = $("case-number").value.trim();
  const pin = $("case-pin").value.trim();
  const missing = [
    ["case-number", "case-error", number, "signin.missingCase"],
    ["case-pin", "pin-error", pin, "signin.missingPin"],
  ];
  let first = null;
  for (const [input, errorId, value, key] of missing) {
    $(input).setAttribute("aria-invalid", String(!value));
    $(errorId).textContent = value ? "" : t(key);
    if (!value && !first) first = $(input);
  }
  if (first) {
    first.focus();
    return;
  }
  await busy($("signin-submit"), t("signin.opening"), $("signin-error"), async () => {
    state.status = await api.caseStatus(number, pin);
    state.session = { number: state.status.case, pin };
    $("case-pin").value = "";
    showCase();
  });
}

function closeCase() {
  state.session = null;
  state.status = null;
  state.sightings = null;
  state.notices = null;
  $("link-url").value = "";
  state.mode = "new";
  $("case-number").value = "";
  $("case-pin").value = "";
  usePurpose(false);
  show("pick");
}

// --- links to copies, and notices ---------------------------------------------------------------

/** Load the case's links and notices (both at once), then show them. */
async function loadTakedown() {
  const { number, pin } = state.session;
  const settle = (promise) => promise.catch((error) => {
    if (!(error instanceof api.ApiError)) throw error;
    return error;
  });
  const [sightings, notices] = await Promise.all([
    settle(api.sightings(number, pin)),
    settle(api.notices(number, pin)),
  ]);
  if (state.session?.number !== number) return; // the case was closed meanwhile
  state.sightings = sightings;
  // A server without the notices API answers 404 for the whole route.
  state.notices = notices instanceof api.ApiError && notices.status === 404 ? "missing" : notices;
  if (state.view === "status") renderTakedown();
}

const takedownContext = () => ({
  t,
  locale: locale(),
  now: Date.now(),
  active: state.status?.status === "active",
  notices: Array.isArray(state.notices),
  explain: explainAction,
});

const loading = () => el("p", { class: "small" }, t("takedown.loading"));
const failed = (error) => el("p", { class: "error", role: "alert" }, explain(error));

function renderTakedown() {
  const ctx = takedownContext();
  const { sightings, notices } = state;
  const known = Array.isArray(notices) ? notices : null;
  $("links").replaceChildren(
    ...(sightings === null
      ? [loading()]
      : sightings instanceof api.ApiError
        ? [failed(sightings)]
        : renderLinks(sightings, known, ctx, takedownActions)),
  );
  for (const [id, waiting] of [["links", sightings === null], ["notices", notices === null]]) {
    if (waiting) $(id).setAttribute("aria-busy", "true");
    else $(id).removeAttribute("aria-busy");
  }
  $("notices").replaceChildren(
    ...(notices === null
      ? [loading()]
      : notices === "missing"
        ? [el("p", { class: "unavailable" }, t("notices.unavailable"))]
        : notices instanceof api.ApiError
          ? [failed(notices)]
          : renderNotices(notices, ctx, takedownActions)),
  );
}

/** Focus a card's heading after the lists were drawn again, so the keyboard stays in place. */
function focusCard(selector) {
  const heading = document.querySelector(`${selector} h3`);
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  heading.focus();
}

/** The words for a refused link, or for any error about links. */
function explainLink(error) {
  switch (error.code) {
    case "fetch_refused": {
      const reason = error.detail?.reason;
      const known = { no_url: "not_a_url", no_host: "not_a_url", not_a_url: "not_a_url" };
      const key = known[reason] ?? reason;
      const words = ["not_a_url", "scheme", "address", "too_long", "userinfo"];
      return t(`links.error.${words.includes(key) ? key : "refused"}`);
    }
    case "rate_limited": {
      const seconds = Number(error.detail?.retry_after) || 3600;
      return t("links.error.rate_limited", { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case "conflict":
      return t("links.error.conflict");
    case "fetch_failed":
      return t("links.error.fetch_failed");
    default:
      return explain(error);
  }
}

const explainAction = (error) =>
  error.code === "not_found" ? t("notices.error.gone") : explainLink(error);

async function reportLink(event) {
  event.preventDefault();
  const input = $("link-url");
  const url = input.value.trim();
  for (const id of ["link-error", "link-detail", "link-result"]) $(id).textContent = "";
  input.removeAttribute("aria-invalid");
  if (!url) {
    $("link-error").textContent = t("links.error.empty");
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return;
  }
  const { number, pin } = state.session;
  await busy(
    $("link-submit"),
    t("links.checking"),
    $("link-error"),
    async () => {
      let found;
      try {
        found = await api.reportLink(number, pin, url);
      } catch (error) {
        if (error instanceof api.ApiError && error.code === "fetch_refused") {
          // What the service found wrong, in its words, under the page's own.
          input.setAttribute("aria-invalid", "true");
          $("link-detail").textContent = t("links.serviceSaid", { message: error.message });
        }
        throw error;
      }
      input.value = "";
      await loadTakedown();
      $("link-result").textContent = resultWords(found, takedownContext());
    },
    explainLink,
  );
}

/** What the views call back for: each acts through the API, then draws the lists again. */
const takedownActions = {
  async recheck(sighting) {
    const { number, pin } = state.session;
    const found = await api.reportLink(number, pin, sighting.url);
    await loadTakedown();
    $("link-result").textContent = resultWords(found, takedownContext());
    focusCard(`#links [data-sighting="${sighting.id}"]`);
  },
  async draft(sighting, regime) {
    const { number, pin } = state.session;
    const notice = await api.draftNotice(number, pin, sighting.id, regime);
    await loadTakedown();
    $("notices-message").textContent = t("notices.drafted");
    focusCard(`#notices [data-notice="${notice.id}"]`);
  },
  async download(notice, format) {
    const { number, pin } = state.session;
    const { blob, name } = await api.downloadNotice(number, pin, notice.id, format);
    saveFile(blob, name);
    $("notices-message").textContent = t("notices.downloaded", { name });
  },
  async authorise(notice, details) {
    const { number, pin } = state.session;
    await api.authoriseNotice(number, pin, notice.id, details);
    await loadTakedown();
    $("notices-message").textContent = t("authorise.done");
    focusCard(`#notices [data-notice="${notice.id}"]`);
  },
  async withdraw(notice) {
    const { number, pin } = state.session;
    await api.withdrawNotice(number, pin, notice.id);
    await loadTakedown();
    $("notices-message").textContent = t("notices.withdrawn");
    focusCard(`#notices [data-notice="${notice.id}"]`);
  },
};

// --- wiring -------------------------------------------------------------------------------

function wire() {
  const files = $("files");
  files.addEventListener("change", () => {
    picker.addFiles(files.files);
    files.value = ""; // so choosing the same file again still fires
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    picker.addFiles(event.dataTransfer.files);
  });
  // A screenshot pasted anywhere on the choosing screen is taken as a photo.
  document.addEventListener("paste", (event) => {
    if (state.view !== "pick") return;
    const pasted = [...(event.clipboardData?.files ?? [])];
    if (pasted.length) picker.addFiles(pasted);
  });

  $("blur").addEventListener("click", () => {
    const blurred = $("blur").getAttribute("aria-pressed") !== "true";
    $("blur").setAttribute("aria-pressed", String(blurred));
    $("photos").classList.toggle("blurred", blurred);
  });
  $("send").addEventListener("click", send);
  for (const answer of document.querySelectorAll("input[name=minor]")) {
    answer.addEventListener("change", updateMinor);
  }
  $("quick-exit").addEventListener("click", quickExit);
  let escapes = [];
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const now = performance.now();
    escapes = [...escapes.filter((at) => now - at < EXIT_WITHIN_MS), now];
    if (escapes.length >= EXIT_PRESSES) quickExit();
  });
  $("go-signin").addEventListener("click", () => show("signin"));
  $("go-protect").addEventListener("click", () => {
    usePurpose(true);
    show("pick");
  });
  $("protect-back").addEventListener("click", () => {
    usePurpose(false);
    show("pick");
  });
  $("add-back").addEventListener("click", () => {
    picker.clear();
    state.mode = "new";
    showCase();
  });

  $("copy-case").addEventListener("click", () => copy("new-case"));
  $("copy-pin").addEventListener("click", () => copy("new-pin"));
  $("download").addEventListener("click", download);
  $("saved").addEventListener("change", () => ($("saved-error").textContent = ""));
  $("continue").addEventListener("click", leaveCreated);

  $("signin").addEventListener("submit", signIn);
  $("report-link").addEventListener("submit", reportLink);
  $("link-url").addEventListener("input", () => {
    $("link-url").removeAttribute("aria-invalid");
    $("link-error").textContent = "";
    $("link-detail").textContent = "";
  });
  $("signin-back").addEventListener("click", () => show("pick"));

  $("add-photos").addEventListener("click", () => {
    state.mode = "add";
    show("pick");
  });
  $("refresh").addEventListener("click", () =>
    busy($("refresh"), t("signin.opening"), $("status-error"), async () => {
      state.status = await api.caseStatus(state.session.number, state.session.pin);
      await loadTakedown();
      renderCase();
      $("status-message").textContent = t("status.refreshed");
    }),
  );
  $("withdraw").addEventListener("click", () => show("withdraw"));
  $("withdraw-cancel").addEventListener("click", () => showCase());
  $("withdraw-confirm").addEventListener("click", () =>
    busy($("withdraw-confirm"), t("withdraw.working"), $("withdraw-error"), async () => {
      state.status = await api.withdrawCase(state.session.number, state.session.pin);
      showCase(t("withdraw.done"));
    }),
  );
  $("new-case-button").addEventListener("click", closeCase);
  $("close").addEventListener("click", closeCase);

  // Leaving while the PIN is on screen and not yet saved would lose it for good.
  window.addEventListener("beforeunload", (event) => {
    if (state.view === "created" && !$("saved").checked && !state.leaving) {
      event.preventDefault();
      event.returnValue = ""; // what older browsers look for
    }
  });
}

renderLanguageSwitch();
wire();
setLanguage(state.lang);
show("pick", { focus: false });
