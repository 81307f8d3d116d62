// The service's API for an operator: the admin key, where it is kept, and the calls that use it.
//
// The key lives in sessionStorage only: this tab, until sign-out or the tab closes. Never
// localStorage, a cookie or an address, so it is not left on disk or in a log or the history.
// It travels as `Authorization: Bearer <key>`, the header the service reads.

import { ApiError, call } from "./api.js";

export { ApiError };

const KEY = "unshared.operator.key";

/** Where each list lives. Sightings and notices come with the takedown API; until a server has
 * them they answer 404, and the page says they are not available there. */
export const PATHS = Object.freeze({
  keys: "/v1/keys",
  review: "/v1/review",
  audit: "/v1/audit",
  sightings: "/v1/admin/sightings",
  notices: "/v1/admin/notices",
  entryStatus: (id) => `/v1/entries/${encodeURIComponent(id)}/status`,
});

export const storedKey = () => sessionStorage.getItem(KEY);
export const keepKey = (key) => sessionStorage.setItem(KEY, key);
export const forgetKey = () => sessionStorage.removeItem(KEY);

function authed(method, path, body) {
  const key = storedKey();
  if (!key) return Promise.reject(new ApiError(401, "unauthorized", "signed out"));
  return call(method, path, { body, headers: { Authorization: `Bearer ${key}` } });
}

/** A list from the service, whether it answers a bare array or `{items: [...]}`. */
async function list(path) {
  const answer = await authed("GET", path);
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? [];
}

/** Every API key (never the keys themselves): who is who in reports and the history. */
export const keys = () => list(PATHS.keys);

/** The review list, each entry with its newest platform reports. */
export const review = () => list(`${PATHS.review}?limit=200`);

/** One page of the history, newest first: events older than `before` (an event id), if given. */
export const audit = (before, limit) =>
  list(`${PATHS.audit}?limit=${limit}${before ? `&before=${before}` : ""}`);

export const sightings = () => list(PATHS.sightings);
export const notices = () => list(PATHS.notices);

/** Quarantine, disable or re-enable an entry, with the operator's reason. */
export const setEntryStatus = (id, status, reason) =>
  authed("POST", PATHS.entryStatus(id), { status, reason });
