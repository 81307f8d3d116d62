"""The operator's page, end to end: a real server on 127.0.0.1 and a real headless Chromium.

An entry is matched and reported on by a platform and quarantined by an operator, all through the
API; the page, signed in with an admin key, shows it with the platform's note, disables it (checked
through the API) and shows that in the history. Every request the browser makes is recorded: a
test fails if any goes anywhere but the server, or if the key shows up anywhere but the
``Authorization`` header of a request and the tab's sessionStorage.

Screenshots go to ``UNSHARED_SCREENSHOTS`` when it is set, as for the person's page.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.web.conftest import LiveServer, browser_missing
from unshared.bank.models import FetchFacts
from unshared.web.serve import CONTENT_SECURITY_POLICY, STATIC

if (missing := browser_missing()) is not None:
    pytest.skip(missing, allow_module_level=True)

from playwright.sync_api import Browser, Page, expect

from tests.web.test_page import CONTRAST, TIMEOUT_MS, Visit, shoot

expect.set_options(timeout=TIMEOUT_MS)
HOUR_MS = 3_600_000
NOTE = 'A drawing of a cat <img src=x onerror="alert(1)">, not a person'


@dataclass(frozen=True)
class Bank:
    """What the tests made: keys, an entry on the review list, and a sighting of the entry's
    case with its notice, sent, its clock running."""

    admin: str
    platform: str
    entry: int
    sighting: int
    notice: int


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(scope="module")
def bank(live_server: LiveServer) -> Bank:
    platforms = live_server.app.state.unshared.platforms
    _, admin = platforms.create_key("helpline", "admin", actor="test")
    _, platform = platforms.create_key("example-platform", "platform", actor="test")
    pdq = secrets.token_hex(32)
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        deadline = time.monotonic() + 30
        while http.get("/readyz").status_code != 200:  # matching waits for the index
            assert time.monotonic() < deadline, "the index did not load"
            time.sleep(0.05)
        made = http.post("/v1/cases", json={"images": [{"pdq": pdq, "quality": 90}]})
        assert made.status_code == 201, made.text
        verdict = http.post("/v1/match", json={"pdq": [pdq]}, headers=auth(platform)).json()
        entry = verdict["matches"][0]["entry"]
        report = {"entry": entry, "outcome": "not_ncii", "note": NOTE}
        assert http.post("/v1/reports", json=report, headers=auth(platform)).status_code == 201
        change = {"status": "quarantined", "reason": "a platform says it is a drawing"}
        r = http.post(f"/v1/entries/{entry}/status", json=change, headers=auth(admin))
        assert r.status_code == 200, r.text
    # A copy seen at a URL, verified (recorded here: the page test fetches nothing), and the
    # notice drafted for it on its own, sent by the person as a download.
    service = live_server.app.state.unshared.app
    case = service.store.get_case(made.json()["case"])
    url = "https://files.example.net/u/8841/IMG_2291.jpg"
    seen = service.store.add_sighting(case.id, url, "files.example.net", "person", actor="person")
    facts = FetchFacts(
        "fetched", http_status=200, sha256="a" * 64, md5="b" * 32, pdq=pdq, entry_id=entry,
        distance=0, matched=True,
    )  # fmt: skip
    service.store.record_fetch(seen.id, facts, "verified", actor="test")
    service.takedown.notices.after_verification(service.takedown.get(seen.id), "test")
    [notice] = service.takedown.notices.list(case=case)
    service.takedown.notices.send(notice.id, actor="test")
    return Bank(admin, platform, entry, seen.id, notice.id)


@dataclass
class OperatorVisit(Visit):
    """The person's page's recording visit, with the operator's own check of what left."""

    secrets: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert self.requests, "no request was recorded"
        for request in self.requests:
            parts = urlsplit(request.url)
            assert f"{parts.scheme}://{parts.netloc}" == self.origin, f"a request to {request.url}"
            assert parts.hostname == "127.0.0.1"
            for secret in self.secrets:
                assert secret not in request.url, f"the key is in {request.url}"
                assert secret not in (request.post_data or ""), f"the key is in {request.url}"
        assert not self.problems, self.problems


@pytest.fixture
def visit(
    browser: Browser, live_server: LiveServer, bank: Bank
) -> Iterator[Callable[..., OperatorVisit]]:
    contexts = []
    visits: list[OperatorVisit] = []

    def open_page(width: int = 1000, height: int = 900, scheme: str = "light") -> OperatorVisit:
        context = browser.new_context(
            locale="en-GB",
            color_scheme=scheme,  # type: ignore[arg-type]
            viewport={"width": width, "height": height},
            base_url=live_server.url,
        )
        contexts.append(context)
        secrets_ = [bank.admin, bank.platform]
        seen = OperatorVisit.open(context, live_server.url, "/operator", secrets=secrets_)
        visits.append(seen)
        return seen

    yield open_page
    for context in contexts:
        context.close()
    for seen in visits:
        seen.check()


def sign_in(page: Page, key: str) -> None:
    page.fill("#key", key)
    page.click("#sign-in")


def entry_card(page: Page, entry: int) -> Any:
    return page.locator(f'#review-body article[data-entry="{entry}"]')


def test_a_wrong_or_revoked_key_is_refused_in_plain_words(
    visit: Callable[..., OperatorVisit], live_server: LiveServer, bank: Bank
) -> None:
    page = visit().page
    expect(page.locator("#signin-heading")).to_be_focused()
    page.click("#sign-in")
    expect(page.locator("#key-error")).to_have_text("Type or paste an operator's API key.")
    sign_in(page, "unsh_not-a-key-anyone-made")
    expect(page.locator("#key-error")).to_contain_text("unknown or has been revoked")
    expect(page.locator("#key")).to_have_attribute("aria-invalid", "true")
    sign_in(page, bank.platform)
    expect(page.locator("#key-error")).to_contain_text("needs an operator's (admin) key")
    assert page.evaluate("sessionStorage.length") == 0
    expect(page.locator("#view-desk")).to_be_hidden()

    # A key revoked while the page is open: the next call signs the page out and says so.
    platforms = live_server.app.state.unshared.platforms
    made, short_lived = platforms.create_key("temp", "admin", actor="test")
    sign_in(page, short_lived)
    expect(page.locator("#desk-heading")).to_be_focused()
    expect(page.locator("#audit-body li").first).to_be_visible()  # every first load is done
    platforms.store.revoke_key(made.id, actor="test")
    page.click("#refresh")
    expect(page.locator("#key-error")).to_contain_text("stopped working")
    expect(page.locator("#signin-heading")).to_be_visible()
    assert page.evaluate("sessionStorage.length") == 0


def test_the_review_list_shows_the_platforms_note_and_a_decision_reaches_the_service(
    visit: Callable[..., OperatorVisit], live_server: LiveServer, bank: Bank
) -> None:
    page = visit().page
    sign_in(page, bank.admin)
    expect(page.locator("#desk-heading")).to_be_focused()
    # Kept in this tab's sessionStorage only: not in localStorage, a cookie or the address.
    assert page.evaluate("sessionStorage.getItem('unshared.operator.key')") == bank.admin
    assert page.evaluate("localStorage.length") == 0
    assert page.context.cookies() == []
    assert bank.admin not in page.url
    expect(page.locator("#key")).to_have_value("")

    card = entry_card(page, bank.entry)
    expect(card).to_contain_text("quarantined")
    # The note is shown as the platform wrote it: text, never markup.
    expect(card.locator(".note")).to_have_text(NOTE)
    assert card.locator("img").count() == 0
    expect(card).to_contain_text("not_ncii · example-platform (key 2)")
    expect(card).to_contain_text("Reported not intimate (reports / platforms)1 / 1")
    # The sighting and its notice, as the takedown API gives them: the clock runs.
    sighting = page.locator(f'#sightings-body article[data-sighting="{bank.sighting}"]')
    expect(sighting.locator("code.url")).to_have_text(
        "https://files.example.net/u/8841/IMG_2291.jpg"
    )
    expect(sighting).to_contain_text("verified")
    notice = page.locator(f'#notices-body article[data-notice="{bank.notice}"]')
    expect(notice).to_contain_text(f"Notice {bank.notice} · us_take_it_down")
    expect(notice.locator(".clock")).to_have_text(re.compile(r"^(1 day 23 hrs|2 days) left$"))
    expect(notice).to_contain_text("sent")
    expect(notice).to_contain_text("download")
    shoot(page, "11-operator.png")

    card.get_by_role("button", name="Disable").click()
    expect(card.locator(".confirm p").first).to_be_focused()
    expect(card.locator(".confirm")).to_contain_text("Disable entry")
    card.get_by_role("button", name=f"Yes, disable entry {bank.entry}").click()
    expect(card.locator(".confirm .error")).to_have_text("Say why, for the history.")
    card.get_by_label("Reason (kept in the history)").fill("checked: a drawing, not a person")
    card.get_by_role("button", name=f"Yes, disable entry {bank.entry}").click()
    expect(page.locator("#outcome")).to_have_text(f"Entry {bank.entry} is now disabled.")

    with httpx.Client(base_url=live_server.url, headers=auth(bank.admin)) as http:
        assert http.get(f"/v1/entries/{bank.entry}").json()["status"] == "disabled"
        events = http.get("/v1/audit", params={"subject_type": "entry"}).json()
    assert (events[0]["action"], events[0]["detail"]["reason"]) == (
        "entry.disable",
        "checked: a drawing, not a person",
    )
    expect(entry_card(page, bank.entry)).to_contain_text("disabled")
    first_event = page.locator("#audit-body li").first
    expect(first_event).to_contain_text(f"entry.disable entry {bank.entry}")
    expect(first_event).to_contain_text("helpline (key 1)")
    expect(first_event).to_contain_text("checked: a drawing, not a person")

    # Back again from the page, this time with the keyboard alone.
    card = entry_card(page, bank.entry)
    card.get_by_role("button", name="Re-enable").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(card.get_by_label("Reason (kept in the history)")).to_be_focused()
    page.keyboard.type("the platform's note was wrong")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#outcome")).to_have_text(f"Entry {bank.entry} is now active.")
    with httpx.Client(base_url=live_server.url, headers=auth(bank.admin)) as http:
        assert http.get(f"/v1/entries/{bank.entry}").json()["status"] == "active"

    # A reload keeps the tab signed in; signing out forgets the key.
    page.reload()
    expect(page.locator("#desk-heading")).to_be_focused()
    page.click("#sign-out")
    expect(page.locator("#outcome")).to_contain_text("Signed out")
    assert page.evaluate("sessionStorage.length") == 0
    page.reload()
    expect(page.locator("#signin-heading")).to_be_focused()


def test_the_history_is_paged(
    visit: Callable[..., OperatorVisit], live_server: LiveServer, bank: Bank
) -> None:
    store = live_server.store
    for i in range(30):
        store.create_bank(f"paged-{i}")
    page = visit().page
    sign_in(page, bank.admin)
    events = page.locator("#audit-body li")
    expect(events).to_have_count(25)
    expect(events.first).to_contain_text("bank.create bank")
    page.click("#audit-more")
    expect(events.nth(25)).to_be_focused()
    total = len(store.history(limit=1000))
    expect(events).to_have_count(min(total, 50))
    ids = [int(i) for i in events.evaluate_all("(items) => items.map((li) => li.dataset.event)")]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)


NOTICES_AND_SIGHTINGS = """async ({now, hour}) => {
  const views = await import("/static/operator-views.js");
  const { translateFrom } = await import("/static/i18n.js");
  const { STRINGS } = await import("/static/operator-i18n.js");
  const iso = (ms) => new Date(ms).toISOString();
  const notices = [
    {id: 1, sighting_id: 7, case: "C-1", regime: "eu_dsa", state: "sent", delivery: "email",
     recipient: "abuse@example.invalid", created_at: iso(now - 9 * hour),
     sent_at: iso(now - 8 * hour), deadline: iso(now + 40 * hour), closed_at: null},
    {id: 2, sighting_id: 8, case: "C-1", regime: "us_take_it_down", state: "overdue",
     delivery: "email", recipient: "abuse@example.invalid", created_at: iso(now - 60 * hour),
     sent_at: iso(now - 50 * hour), deadline: iso(now - 2 * hour - 5 * 60000), closed_at: null},
    {id: 3, sighting_id: 9, case: "C-2", regime: "uk_osa", state: "removed", delivery: "download",
     recipient: null, created_at: iso(now - 90 * hour), sent_at: iso(now - 80 * hour),
     deadline: iso(now - 32 * hour), closed_at: iso(now - 40 * hour)},
    {id: 4, sighting_id: 10, case: "C-2", regime: "us_take_it_down", state: "sent",
     delivery: "email", recipient: "abuse@example.invalid", created_at: iso(now - 3 * hour),
     sent_at: iso(now - 2 * hour), deadline: iso(now + 3 * hour + 30000), closed_at: null},
  ];
  const sightings = [
    {id: 7, case: "C-1", url: "http://127.0.0.1:9/<b>copy</b>.jpg", host: "127.0.0.1:9",
     reported_by: "person", reported_at: iso(now - 9 * hour), status: "verified", distance: 4,
     checked_at: iso(now - 8 * hour)},
  ];
  const ctx = {t: (key, vars) => translateFrom(STRINGS, "en", key, vars), locale: "en-GB", now,
               keyNames: new Map()};
  document.getElementById("notices-body").replaceChildren(...views.renderNotices(notices, ctx));
  document.getElementById("sightings-body").replaceChildren(
    ...views.renderSightings(sightings, ctx));
}"""


def test_notices_come_by_deadline_overdue_first_in_red_and_sightings_load_nothing(
    visit: Callable[..., OperatorVisit], bank: Bank
) -> None:
    """Notices in every state at once, with clocks at set distances, rendered from the shape
    the API answers with by the page's own renderers, in the page."""
    page = visit().page
    sign_in(page, bank.admin)
    expect(page.locator(f'#notices-body article[data-notice="{bank.notice}"]')).to_be_visible()
    # The page loads its sightings after its notices: replaced before they came, the made-up
    # ones below were once replaced by them.
    own = page.locator(f'#sightings-body article[data-sighting="{bank.sighting}"]')
    expect(own).to_be_visible()
    page.evaluate(NOTICES_AND_SIGHTINGS, {"now": page.evaluate("Date.now()"), "hour": HOUR_MS})
    cards = page.locator("#notices-body article")
    order = cards.evaluate_all("(items) => items.map((a) => a.dataset.notice)")
    assert order == ["2", "4", "1", "3"]  # overdue, then by deadline, closed last
    overdue = cards.first
    expect(overdue).to_have_class(re.compile(r"\boverdue\b"))
    clock = overdue.locator(".clock")
    expect(clock).to_have_text("Overdue by 2 hrs 5 mins")
    red = clock.evaluate("(node) => getComputedStyle(node).color")
    normal = cards.nth(1).locator(".clock").evaluate("(node) => getComputedStyle(node).color")
    assert red != normal and red == "rgb(163, 38, 43)"  # --error
    expect(cards.nth(1).locator(".clock")).to_have_text("3 hrs left")
    expect(cards.nth(3).locator(".clock")).to_have_text(re.compile(r"^Closed \d"))

    sighting = page.locator('#sightings-body article[data-sighting="7"]')
    expect(sighting.locator("code.url")).to_have_text("http://127.0.0.1:9/<b>copy</b>.jpg")
    assert sighting.locator("a, img, b, iframe").count() == 0
    expect(sighting).to_contain_text("verified")
    expect(sighting).to_contain_text("person")
    page.locator("#notices-heading").scroll_into_view_if_needed()
    shoot(page, "13-operator-notices.png")


def test_a_phone_screen_needs_no_sideways_scrolling(
    visit: Callable[..., OperatorVisit], bank: Bank
) -> None:
    page = visit(width=360, height=800).page

    def fits() -> None:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"the page is {width}px wide on a 360px screen"

    fits()
    sign_in(page, bank.admin)
    expect(page.locator("#review-body article").first).to_be_visible()
    fits()
    page.locator("#review-body article .decide button").first.click()
    fits()
    shoot(page, "12-operator-phone.png")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_has_enough_contrast(
    visit: Callable[..., OperatorVisit], bank: Bank, scheme: str
) -> None:
    page = visit(scheme=scheme).page
    assert page.evaluate(CONTRAST) == []
    sign_in(page, bank.admin)
    expect(page.locator("#review-body article").first).to_be_visible()
    expect(page.locator("#audit-body li").first).to_be_visible()
    page.locator("#review-body article .decide button").first.click()
    assert page.evaluate(CONTRAST) == []


def test_the_operator_page_is_served_with_the_strict_security_policy(
    live_server: LiveServer,
) -> None:
    for path in ("/operator", "/static/operator.js", "/static/operator-views.js"):
        response = httpx.get(live_server.url + path)
        assert response.status_code == 200, path
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["cache-control"] == "no-cache"
    html = (STATIC / "operator.html").read_text(encoding="utf-8")
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"
    assert all('src="' in tag for tag in re.findall(r"<script[^>]*>", html))
    # The key field has no name, so no form submission could ever carry the key.
    assert re.search(r'<input[^>]*id="key"[^>]*>', html, re.S)
    assert not re.search(r'<input[^>]*id="key"[^>]*\sname=', html, re.S)


def test_every_string_the_operator_page_names_exists(visit: Callable[..., OperatorVisit]) -> None:
    page = visit().page
    keys = set(
        re.findall(r'data-i18n(?:-aria-label)?="([^"]+)"', (STATIC / "operator.html").read_text())
    )
    script = (STATIC / "operator.js").read_text() + (STATIC / "operator-views.js").read_text()
    keys |= set(re.findall(r'\bt\("([a-zA-Z.]+)"', script))
    keys |= set(re.findall(r'ctx\.t\("([a-zA-Z.]+)"', script))
    missing = page.evaluate(
        """async (keys) => {
          const { STRINGS } = await import("/static/operator-i18n.js");
          return keys.filter((k) => !(k in STRINGS.en));
        }""",
        sorted(keys),
    )
    assert missing == []
