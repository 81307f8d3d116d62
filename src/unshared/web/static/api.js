// The service's API for a person: JSON over same-origin requests, never an image.
//
// The PIN travels in request bodies, or for a GET in the X-Case-PIN header: never in a URL, so it
// never lands in a log or the browser's history.

/** Most images one call may carry: the service's default, until `limits()` says its own. */
export let MAX_IMAGES_PER_CALL = 50;
/** Most photos one call may protect (each carries its features): likewise. */
export let MAX_PROTECTED_PER_CALL = 20;
/** Most videos one call may carry (an hour's vPDQ is 230,400 hex digits): likewise. */
export let MAX_VIDEOS_PER_CALL = 4;

/**
 * The service's limits for a person's photos: `{pdq_min_quality, max_file_bytes,
 * max_images_per_call}`, or null if it could not be asked (the defaults then stand).
 */
export async function limits() {
  try {
    const response = await fetch("/v1/cases/limits", {
      headers: { Accept: "application/json" },
      cache: "no-store",
      credentials: "same-origin",
      referrerPolicy: "no-referrer",
    });
    if (!response.ok) return null;
    const answer = await response.json();
    MAX_IMAGES_PER_CALL = answer.max_images_per_call;
    MAX_PROTECTED_PER_CALL = answer.max_protected_per_call ?? MAX_PROTECTED_PER_CALL;
    MAX_VIDEOS_PER_CALL = answer.max_videos_per_call ?? MAX_VIDEOS_PER_CALL;
    return answer;
  } catch {
    return null;
  }
}

/** An error answer, or no answer: `code` is the service's error code, or "network". */
export class ApiError extends Error {
  constructor(status, code, message, detail = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

/**
 * One call to the service: JSON in (when `body` is given) and out; an `ApiError` for an error
 * answer or none. Same-origin only, no cache, no referrer.
 */
export async function call(method, path, { body, headers = {} } = {}) {
  const response = await send(method, path, body, { Accept: "application/json", ...headers });
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    // A proxy's HTML error page, say; the status still tells what happened.
  }
  if (!response.ok) throw failure(response, answer);
  return answer;
}

/** The request itself: same-origin only, no cache, no referrer; an `ApiError` for no answer. */
async function send(method, path, body, headers) {
  try {
    return await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin",
      referrerPolicy: "no-referrer",
    });
  } catch (error) {
    throw new ApiError(0, "network", String(error));
  }
}

/** The `ApiError` for an error answer, from its JSON error shape when it has one. */
function failure(response, answer) {
  const error = answer?.error ?? {};
  return new ApiError(
    response.status,
    error.code ?? (response.status >= 500 ? "internal" : "http_error"),
    error.message ?? response.statusText,
    error.detail ?? {},
  );
}

const post = (path, body, headers = {}) => call("POST", path, { body, headers });

const casePath = (number, action) => `/v1/cases/${encodeURIComponent(number.trim())}/${action}`;

/** A fresh Idempotency-Key for one new case: 32 random bytes, base64url (43 characters).
 * Whoever could guess it could open the PIN from a stolen copy of the server's database. */
export function newCaseKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replaceAll("=", "");
}

/** Pauses before sending a new case again after no answer or a 5xx. */
const RESEND_AFTER_MS = [500, 1500, 4000];

/** A new case from the images' hashes (and videos', `videos`): `{case, pin, status, hashes,
 * minor}`. `minor`: the person said they are under 18, or were when the photos were taken.
 *
 * `key` (from `newCaseKey`) goes as the Idempotency-Key. A lost answer (no answer, or a 5xx from
 * the server or a proxy) may hide a case that was made: the request is sent again with the same
 * key, and the server answers with that case and its PIN rather than making a second one. */
export async function createCase(images, key, minor = null, videos = [], path = "/v1/cases") {
  const body = minor === null ? { images } : { images, minor };
  if (videos.length) body.videos = videos;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await post(path, body, { "Idempotency-Key": key });
    } catch (error) {
      const lost = error.code === "network" || error.status >= 500;
      if (!lost || attempt >= RESEND_AFTER_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, RESEND_AFTER_MS[attempt]));
    }
  }
}

/** A new protect case from ordinary photos' hashes and features: as `createCase`. */
export const protectPhotos = (images, key) =>
  createCase(images, key, null, [], "/v1/cases/protect");

/** Protect more photos in a protect case; answers with its status. */
export const protectMore = (number, pin, images) =>
  post(casePath(number, "protect"), { pin, images });

/** The case's status: `{case, status, created_at, withdrawn_at, hashes, reports, kind}`. */
export const caseStatus = (number, pin) => post(casePath(number, "status"), { pin });

/** Add the images' (and videos') hashes to the case; answers with its status. */
export const addHashes = (number, pin, images, videos = []) =>
  post(casePath(number, "hashes"), videos.length ? { pin, images, videos } : { pin, images });

/** Withdraw the case; answers with its status. */
export const withdrawCase = (number, pin) => post(casePath(number, "withdraw"), { pin });

// --- links to copies, and the notices that ask for them to come down ---------------------------
//
// Reading a list sends the PIN in the X-Case-PIN header (a GET has no body), never in the URL.

const withPin = (pin) => ({ "X-Case-PIN": pin });

/** A list the service answers as a bare array or as `{items: [...]}`. */
const items = (answer) => (Array.isArray(answer) ? answer : (answer?.items ?? []));

/** The links reported for the case, newest first, each with its latest check. */
export const sightings = async (number, pin) =>
  items(await call("GET", casePath(number, "sightings"), { headers: withPin(pin) }));

/** Report a link to a copy: the service fetches it, compares it with the case's fingerprints
 * and answers with what it found (the sighting). */
export const reportLink = (number, pin, url) => post(casePath(number, "sightings"), { pin, url });

/** The case's notices. A server without the notices API answers 404. */
export const notices = async (number, pin) =>
  items(await call("GET", casePath(number, "notices"), { headers: withPin(pin) }));

const noticePath = (number, id, action) =>
  casePath(number, `notices/${encodeURIComponent(id)}/${action}`);

/** A draft notice to the host of a verified link, under `regime`'s law. */
export const draftNotice = (number, pin, sighting, regime) =>
  post(casePath(number, "notices"), { pin, sighting, regime });

/** Ask the operator to send the notice: `details` is `{name, email, signature, phone?,
 * address?}`, sent with the person's statement of good faith. */
export const authoriseNotice = (number, pin, id, details) =>
  post(noticePath(number, id, "authorise"), { pin, ...details, good_faith: true });

/** Withdraw the notice; answers with it. */
export const withdrawNotice = (number, pin, id) =>
  post(noticePath(number, id, "withdraw"), { pin });

/** The notice as a file (`format`: text, html or pdf): `{blob, name}`, to save in the page. */
export async function downloadNotice(number, pin, id, format) {
  const response = await send("POST", noticePath(number, id, "download"), { pin, format }, {
    Accept: "*/*",
  });
  if (!response.ok) {
    let answer = null;
    try {
      answer = await response.json();
    } catch {
      // Not JSON: the status says enough.
    }
    throw failure(response, answer);
  }
  const fallback = `notice-${id}.${format === "text" ? "txt" : format}`;
  return { blob: await response.blob(), name: attachmentName(response, fallback) };
}

/** The file name a Content-Disposition header gives (RFC 6266), without any folder part. */
function attachmentName(response, fallback) {
  const header = response.headers.get("Content-Disposition") ?? "";
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  let name = "";
  try {
    name = extended ? decodeURIComponent(extended[1].trim()) : (plain?.[1].trim() ?? "");
  } catch {
    name = plain?.[1].trim() ?? "";
  }
  name = name.split(/[\\/]/).pop();
  return name || fallback;
}
