// Every string the operator's page shows. English only for now: to add a language, copy the `en`
// block under its code, translate each value (keep the {placeholders}) and add it to LANGUAGES.
// Values are plain text, never HTML. The tone is the person's page's: calm and exact, since what
// an operator does here decides whether a person's images stay protected.

/** Languages this page speaks, each named in itself. */
export const LANGUAGES = Object.freeze({ en: "English" });

const en = {
  "page.title": "Unshared: the operator's page",
  "skip": "Skip to the main content",
  "brand.role": "operator",
  "noscript": "This page needs JavaScript.",
  "signOut": "Sign out",
  "signedOut": "Signed out. The key is no longer kept in this tab.",

  "signin.title": "Sign in with an operator's key",
  "signin.lead":
    "This page is for the people who run this Unshared service: the notices and their deadlines, the sightings, the review list and the history of every change.",
  "signin.key": "Operator API key",
  "signin.keyHint":
    "Kept only in this browser tab until you sign out or close it; never saved to disk and never put in an address.",
  "signin.submit": "Sign in",
  "signin.working": "Checking the key…",
  "signin.empty": "Type or paste an operator's API key.",
  "signin.unknown": "This key is unknown or has been revoked. Check it, or ask for a new one.",
  "signin.notAdmin": "This is a platform's key. This page needs an operator's (admin) key.",
  "signin.expired": "The key stopped working (it may have been revoked). Sign in again.",

  "desk.title": "Operator's desk",
  "desk.contents": "Sections",
  "desk.refresh": "Refresh everything",
  "desk.refreshed": "Up to date.",

  "section.loading": "Loading…",
  "section.unavailable": "Not available on this server yet.",
  "section.error": "This could not be loaded: {message}",
  "section.network": "The service did not answer. Check the connection and refresh.",

  "notices.title": "Notices",
  "notices.lead": "Takedown notices by deadline, the overdue ones first.",
  "notices.none": "No notices.",
  "notices.heading": "Notice {id} · {regime}",
  "notices.overdueBy": "Overdue by {time}",
  "notices.left": "{time} left",
  "notices.noDeadline": "No deadline yet",
  "notices.closed": "Closed {date}",
  "field.state": "State",
  "field.deadline": "Deadline",
  "field.clock": "Clock",
  "field.case": "Case",
  "field.sighting": "Sighting",
  "field.delivery": "Delivery",
  "field.recipient": "Sent to",
  "field.created": "Drafted",
  "field.sent": "Sent",

  "sightings.title": "Sightings",
  "sightings.lead":
    "Places where a copy was seen. Addresses are shown as text only: nothing here opens or loads them.",
  "sightings.none": "No sightings.",
  "sightings.heading": "Sighting {id} · {host}",
  "field.url": "Address",
  "field.status": "Status",
  "field.reportedBy": "Reported by",
  "field.reportedAt": "Reported",
  "field.lastFetch": "Last verified",
  "field.distance": "Distance",
  "never": "never",
  "distance.bits": { one: "{n} bit", other: "{n} bits" },

  "review.title": "Review list",
  "review.lead":
    "Entries past the flood line, reported as not intimate by platforms, or quarantined. Being listed changes nothing; only your decision here does.",
  "review.none": "Nothing to review.",
  "review.heading": "Entry {id} · {bank} · {signal}",
  "field.value": "Hash",
  "field.matches": "Matches",
  "field.platforms": "Platforms matching",
  "field.notNcii": "Reported not intimate (reports / platforms)",
  "field.reasons": "Why it is listed",
  "review.notNcii": "{reports} / {platforms}",
  "review.reports": "What platforms reported",
  "review.noReports": "No reports from platforms.",
  "review.report": "{outcome} · {by} · {date}",
  "review.noNote": "(no note)",
  "review.by": "{name} (key {id})",
  "review.byKey": "key {id}",
  "review.byOperator": "not a platform",
  "review.actionsLabel": "Decide about entry {id}",
  "action.quarantined": "Quarantine",
  "action.disabled": "Disable",
  "action.active": "Re-enable",
  "confirm.quarantined":
    "Quarantine entry {id}? It stops matching for every platform at the next match, and the change goes out in the feed. You can re-enable it later.",
  "confirm.disabled":
    "Disable entry {id}? It stops matching for every platform at the next match, and the change goes out in the feed. You can re-enable it later.",
  "confirm.active":
    "Re-enable entry {id}? It matches again for every platform at the next match.",
  "confirm.reason": "Reason (kept in the history)",
  "confirm.reasonMissing": "Say why, for the history.",
  "confirm.yes.quarantined": "Yes, quarantine entry {id}",
  "confirm.yes.disabled": "Yes, disable entry {id}",
  "confirm.yes.active": "Yes, re-enable entry {id}",
  "confirm.no": "Cancel",
  "confirm.working": "Saving…",
  "confirm.done": "Entry {id} is now {status}.",

  "audit.title": "History",
  "audit.lead": "Every change, newest first, as the service recorded it.",
  "audit.none": "No history yet.",
  "audit.more": "Show older",
  "audit.subject": "{type} {id}",
  "audit.when": "When",
  "audit.who": "Who",
  "audit.what": "What",
  "audit.on": "On",
  "audit.detail": "Detail",
  "audit.caption": "The history, newest first",

  "status.active": "active",
  "status.disabled": "disabled",
  "status.quarantined": "quarantined",
  "status.withdrawn": "withdrawn",

  "footer.key":
    "Your key is sent only to this service, in a request header. Sign out when you are done, above all on a shared computer.",
};

/** Every language's strings, by language code. */
export const STRINGS = Object.freeze({ en });
