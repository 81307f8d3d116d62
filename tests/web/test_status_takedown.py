"""The person's links to copies and takedown notices, on their status page, end to end: a real
server on 127.0.0.1, a small web site on 127.0.0.1 serving a copy of an ordinary photo, and a real
headless Chromium.

The server may fetch from 127.0.0.1 only because these tests allow that network
(``fetch_allow_networks``). Every request the browser makes is recorded: a test fails if any goes
anywhere but the server (the copy's site above all: the page shows an address, it never opens
it), carries the PIN in an address, or sends anything but a PIN with hashes, a reported address,
or what a notice needs.

Until the notices API is on this server, the notices are rendered from the shape it answers with,
by the page's own module, in the page (as the operator's page's tests do).

Screenshots go to ``UNSHARED_SCREENSHOTS`` when it is set, as for the rest of the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.imaging import encode, noise_image, sample_photo
from tests.takedown.site import Page as SitePage
from tests.takedown.site import Site, serve_site
from tests.web.conftest import LiveServer, browser_missing, serve
from unshared.client import Client

if (missing := browser_missing()) is not None:
    pytest.skip(missing, allow_module_level=True)

from playwright.sync_api import Browser, expect
from playwright.sync_api import Page as BrowserPage

from tests.web.test_page import CONTRAST, TIMEOUT_MS, Visit, assert_only_hashes, shoot

expect.set_options(timeout=TIMEOUT_MS)
HOUR_MS = 3_600_000
#: The keys a request body may hold, by what the request does (besides hashes and a PIN).
BODIES = {
    "sightings": {"pin", "url"},
    "notices": {"pin", "sighting", "regime"},
    "download": {"pin", "format"},
    "withdraw": {"pin"},
    "authorise": {"pin", "name", "email", "signature", "phone", "address", "good_faith"},
}


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The web tests' server, allowed to fetch from 127.0.0.1, where the test site is."""
    with serve(tmp_path_factory.mktemp("home"), fetch_allow_networks="127.0.0.1/32") as server:
        yield server


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


@dataclass(frozen=True)
class Copies:
    """An ordinary photo on the person's device, and what the site serves: a smaller,
    recompressed copy of it, and a picture that is no copy."""

    original: Path
    copy: str
    other: str


@pytest.fixture(scope="module")
def copies(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Copies:
    original = tmp_path_factory.mktemp("device") / "photo.jpg"
    photo = sample_photo("chelsea")
    photo.save(original, format="JPEG", quality=95)
    smaller = photo.resize((photo.width * 3 // 4, photo.height * 3 // 4))
    jpeg = {"Content-Type": "image/jpeg"}
    copy = site.put(
        "/u/8841/IMG_2291.jpg", SitePage(body=encode(smaller, "JPEG", quality=70), headers=jpeg)
    )
    other = site.put(
        "/u/17/other.png",
        SitePage(
            body=encode(noise_image(1, (320, 240)), "PNG"), headers={"Content-Type": "image/png"}
        ),
    )
    return Copies(original, copy, other)


@dataclass(frozen=True)
class Case:
    number: str
    pin: str


def photo_case(server: LiveServer, copies: Copies) -> Case:
    """A case made from the photo's hashes, as the CLI would make it."""
    with Client(server.url) as person:
        made = person.hash_and_create_case([copies.original])
    return Case(made.number, made.pin)


def hash_case(server: LiveServer) -> Case:
    made = httpx.post(f"{server.url}/v1/cases", json={"images": [{"md5": "ab" * 16}]}).json()
    return Case(made["case"], made["pin"])


def listed(server: LiveServer, case: Case) -> list[dict[str, Any]]:
    """The case's links as the API lists them to the person."""
    answer = httpx.get(
        f"{server.url}/v1/cases/{case.number}/sightings", headers={"X-Case-PIN": case.pin}
    )
    assert answer.status_code == 200, answer.text
    result: list[dict[str, Any]] = answer.json()
    return result


class TakedownVisit(Visit):
    """The page's recording visit, where a POST may also carry a reported address or what a
    notice needs, and a list is read with the PIN in a header."""

    def check(self) -> None:
        assert self.requests, "no request was recorded"
        for request in self.requests:
            url = request.url
            if url.startswith("blob:"):
                # A downloaded notice, made into a file in the page: never the network.
                assert url.startswith(f"blob:{self.origin}/"), url
                continue
            parts = urlsplit(url)
            assert f"{parts.scheme}://{parts.netloc}" == self.origin, f"a request to {url}"
            assert not parts.query, f"{url} carries a query"
            body = request.post_data_buffer
            if request.method == "GET":
                assert not body, url
                continue
            assert request.method == "POST", f"{request.method} {url}"
            assert parts.path.startswith("/v1/cases"), url
            assert body is not None
            what = parts.path.rstrip("/").rsplit("/", 1)[-1]
            if what in BODIES:
                document = json.loads(body)
                assert set(document) <= BODIES[what], f"{url}: {sorted(document)}"
                assert len(body) <= 4096, url
            else:
                assert_only_hashes(body, url)
        assert not self.problems, self.problems


@pytest.fixture
def visit(browser: Browser, live_server: LiveServer) -> Iterator[Callable[..., TakedownVisit]]:
    """Open the page on ``server`` (this module's, by default), recording what it asks for."""
    contexts = []
    visits: list[TakedownVisit] = []

    def open_page(
        server: LiveServer = live_server,
        width: int = 900,
        height: int = 900,
        scheme: str = "light",
        locale: str = "en-GB",
    ) -> TakedownVisit:
        context = browser.new_context(
            locale=locale,
            color_scheme=scheme,  # type: ignore[arg-type]
            viewport={"width": width, "height": height},
            accept_downloads=True,
            base_url=server.url,
        )
        contexts.append(context)
        seen = TakedownVisit.open(context, server.url, "/")
        visits.append(seen)
        return seen

    yield open_page
    for context in contexts:
        context.close()
    for seen in visits:
        seen.check()


def open_case(page: BrowserPage, case: Case) -> None:
    page.click("#go-signin")
    page.fill("#case-number", case.number)
    page.fill("#case-pin", case.pin)
    page.click("#signin-submit")
    expect(page.locator("#status-heading")).to_contain_text(case.number)
    # Both lists have been asked for and drawn.
    expect(page.locator("#links:not([aria-busy]) > *").first).to_be_visible()
    expect(page.locator("#notices:not([aria-busy]) > *").first).to_be_visible()


def test_the_person_sees_their_links_and_reports_one_that_is_verified(
    visit: Callable[..., TakedownVisit], live_server: LiveServer, site: Site, copies: Copies
) -> None:
    case = photo_case(live_server, copies)
    reported = httpx.post(
        f"{live_server.url}/v1/cases/{case.number}/sightings",
        json={"pin": case.pin, "url": copies.other},
        timeout=60,
    )
    assert reported.status_code == 201 and reported.json()["status"] == "not_matching"

    page = visit().page
    open_case(page, case)
    cards = page.locator("#links article")
    expect(cards).to_have_count(1)
    expect(cards.first.locator("h3")).to_have_text(f"On {urlsplit(copies.other).hostname}")
    expect(cards.first.locator("code.url")).to_have_text(copies.other)
    expect(cards.first.locator(".verdict")).to_have_text(
        "Checked: what is here doesn't match your photos."
    )
    # No "prepare a notice" for a link that holds no copy.
    expect(cards.first.get_by_role("button", name="Prepare a takedown notice")).to_have_count(0)

    # A copy of its own, for this test takes it down.
    copy = site.put("/p/3301/IMG_0007.jpg", site.pages[urlsplit(copies.copy).path])
    fetched_before = len(site.paths())
    page.fill("#link-url", f"  {copy} ")  # pasted with spaces around, as it may be
    page.click("#link-submit")
    expect(page.locator("#link-result")).to_have_text(
        "We checked the link: it has a copy of one of your photos. It is now in your list of links."
    )
    expect(page.locator("#link-url")).to_have_value("")
    expect(cards).to_have_count(2)
    newest = cards.first
    expect(newest.locator("code.url")).to_have_text(copy)
    expect(newest.locator(".verdict")).to_have_text(
        "Checked: a copy of one of your photos is here."
    )
    expect(newest).to_contain_text("Last checked")
    # Addresses are text: the page never makes a link, an image or a frame of one.
    assert page.locator("#links a, #links img, #links iframe").count() == 0

    # The server fetched the copy, with its own user agent; the browser never went near the site.
    assert site.paths()[fetched_before:] == ["/p/3301/IMG_0007.jpg"]
    assert "Unshared" in site.requests[-1][1]["User-Agent"]
    by_url = {s["url"]: s for s in listed(live_server, case)}
    assert by_url[copy]["status"] == "verified"
    assert by_url[copy]["reported_by"] == "person"
    assert newest.get_attribute("data-sighting") == str(by_url[copy]["id"])
    shoot(page, "14-links.png")

    # The site takes the copy down; checking the link again says it is gone.
    del site.pages["/p/3301/IMG_0007.jpg"]
    newest.get_by_role("button", name="Check this link again").click()
    expect(page.locator("#link-result")).to_have_text("We checked the link: the copy is gone.")
    expect(cards.first.locator(".verdict")).to_have_text("Gone: the copy is no longer here.")
    expect(cards.first.locator("h3")).to_be_focused()
    assert {s["url"]: s["status"] for s in listed(live_server, case)}[copy] == "removed"


def test_a_refused_link_is_explained(
    visit: Callable[..., TakedownVisit], live_server: LiveServer
) -> None:
    case = hash_case(live_server)
    page = visit().page
    open_case(page, case)
    expect(page.locator("#links")).to_have_text("You haven't reported any links.")
    url, error, detail = (
        page.locator("#link-url"),
        page.locator("#link-error"),
        page.locator("#link-detail"),
    )

    page.click("#link-submit")
    expect(error).to_have_text("Paste the address of the copy.")
    expect(url).to_have_attribute("aria-invalid", "true")
    expect(url).to_be_focused()

    # Into a private network: the page's words, and the service's own under them.
    url.fill("http://10.0.0.1/a.jpg")
    page.click("#link-submit")
    expect(error).to_have_text(
        "That address leads into a private network, not to a public website, "
        "so it can't be checked."
    )
    expect(detail).to_contain_text("The service said: ")
    expect(detail).to_contain_text("10.0.0.1")
    expect(url).to_have_attribute("aria-invalid", "true")
    expect(url).to_have_value("http://10.0.0.1/a.jpg")  # kept, to be corrected
    shoot(page, "15-link-refused.png")

    url.fill("ftp://files.example.net/a.jpg")
    expect(detail).to_have_text("")  # typing clears the old complaint
    page.click("#link-submit")
    expect(error).to_have_text(
        "Only web addresses (those that start with http:// or https://) can be checked."
    )
    # Nothing refused was kept.
    assert listed(live_server, case) == []
    expect(page.locator("#links")).to_have_text("You haven't reported any links.")

    # Too many links from this address in the hour: the service says 429, the page how long.
    state = live_server.app.state.unshared
    budget = state.link_reports
    state.link_reports = state.limits.budget("links-spent", 1, "links reported from this address")
    try:
        state.link_reports.hit("127.0.0.1")
        url.fill("http://127.0.0.1:9/copy.jpg")
        page.click("#link-submit")
        expect(error).to_have_text(
            re.compile(
                r"^You have reported many links in the last hour\. Please wait (59|60) minutes"
            )
        )
    finally:
        state.link_reports = budget


# Notices as the takedown API answers them (NoticeOut), rendered by the page's own module into
# the open case's notices section, with actions that record what they were asked to do.
RENDER_NOTICES = """async ({now, hour}) => {
  const views = await import("/static/takedown.js");
  const { translate } = await import("/static/i18n.js");
  const iso = (ms) => new Date(ms).toISOString();
  const base = {case: "C-1", delivery: "email", recipient: "abuse@files.example.net",
                follow_up_of: null, authorised: false, closed_at: null};
  const notice = (fields) => ({...base, ...fields});
  const notices = [
    notice({id: 1, sighting_id: 7, url: "https://files.example.net/u/1.jpg",
            host: "files.example.net", regime: "eu_dsa_16", state: "sent",
            created_at: iso(now - 9 * hour), sent_at: iso(now - 8 * hour),
            deadline: iso(now + 40 * hour)}),
    notice({id: 2, sighting_id: 8, url: "https://<b>bad</b>.example/x.jpg",
            host: "<b>bad</b>.example", regime: "us_take_it_down", state: "overdue",
            authorised: true, created_at: iso(now - 60 * hour), sent_at: iso(now - 50 * hour),
            deadline: iso(now - 2 * hour - 5 * 60000)}),
    notice({id: 3, sighting_id: 9, url: "https://old.example/p/3", host: "old.example",
            regime: "uk_osa", state: "removed", delivery: "download", recipient: null,
            created_at: iso(now - 90 * hour), sent_at: iso(now - 80 * hour),
            deadline: iso(now - 32 * hour), closed_at: iso(now - 40 * hour)}),
    notice({id: 4, sighting_id: 10, url: "https://files.example.net/u/4.jpg",
            host: "files.example.net", regime: "us_take_it_down", state: "sent",
            created_at: iso(now - 3 * hour), sent_at: iso(now - 2 * hour),
            deadline: iso(now + 3 * hour + 30000)}),
    notice({id: 5, sighting_id: 8, url: "https://<b>bad</b>.example/x.jpg",
            host: "<b>bad</b>.example", regime: "us_take_it_down", state: "draft",
            delivery: "download", recipient: null, follow_up_of: 2,
            created_at: iso(now - hour), sent_at: null, deadline: null}),
    notice({id: 6, sighting_id: 11, url: "https://gone.example/6", host: "gone.example",
            regime: "eu_dsa_16", state: "withdrawn", created_at: iso(now - 70 * hour),
            sent_at: null, deadline: null, closed_at: iso(now - 69 * hour)}),
    notice({id: 7, sighting_id: 12, url: "https://slow.example/7", host: "slow.example",
            regime: "us_take_it_down", state: "sent", created_at: iso(now - 50 * hour),
            sent_at: iso(now - 49 * hour), deadline: iso(now - hour)}),
  ];
  window.calls = [];
  const record = (name) => async (notice, arg) => {
    window.calls.push([name, notice.id, arg]);
  };
  const actions = {download: record("download"), authorise: record("authorise"),
                   withdraw: record("withdraw"), draft: record("draft"),
                   recheck: record("recheck")};
  const ctx = {t: (key, vars) => translate("en", key, vars), locale: "en-GB", now,
               active: true, notices: true, explain: (error) => error.message};
  document.getElementById("notices").replaceChildren(
    ...views.renderNotices(notices, ctx, actions));
}"""


def render_notices(page: BrowserPage) -> None:
    page.evaluate(RENDER_NOTICES, {"now": page.evaluate("Date.now()"), "hour": HOUR_MS})


def calls(page: BrowserPage) -> list[Any]:
    result: list[Any] = page.evaluate("window.calls")
    return result


def test_notices_show_their_clocks_overdue_first_in_red_and_in_words(
    visit: Callable[..., TakedownVisit], live_server: LiveServer
) -> None:
    page = visit().page
    open_case(page, hash_case(live_server))
    render_notices(page)
    cards = page.locator("#notices article")
    order = cards.evaluate_all("(items) => items.map((a) => a.dataset.notice)")
    # The longest overdue first, then open ones by deadline, the draft, then closed ones.
    assert order == ["2", "7", "4", "1", "5", "3", "6"]

    overdue = cards.first
    expect(overdue).to_have_class(re.compile(r"\boverdue\b"))
    expect(overdue.locator("h3")).to_have_text("Notice to <b>bad</b>.example")  # text, not markup
    clock = overdue.locator(".clock")
    expect(clock).to_have_text("Overdue by 2 hrs 5 mins")
    red = clock.evaluate("(node) => getComputedStyle(node).color")
    normal = cards.nth(2).locator(".clock").evaluate("(node) => getComputedStyle(node).color")
    assert red != normal and red == "rgb(163, 38, 43)"  # --error
    expect(overdue.locator(".notice-state")).to_have_text(
        "Overdue: the copy was still there after the deadline. A follow-up notice is ready."
    )
    expect(overdue).to_contain_text("LawUnited States: TAKE IT DOWN Act")
    expect(overdue).to_contain_text("By email to abuse@files.example.net (we send it for you)")
    # A clock the page sees run out before the service's next check: overdue too, and said so.
    past = cards.nth(1)
    expect(past.locator(".clock")).to_have_text("Overdue by 1 hr")
    expect(past.locator(".notice-state")).to_have_text(
        "The deadline has passed. We will check the link again soon."
    )
    expect(cards.nth(2).locator(".clock")).to_have_text("3 hrs left for the website to act")
    expect(cards.nth(3).locator(".clock")).to_have_text("1 day 16 hrs left for the website to act")
    draft = cards.nth(4)
    expect(draft.locator(".clock")).to_have_text("Not sent yet, so no deadline yet")
    expect(draft).to_contain_text("This follows up an earlier notice")
    expect(cards.nth(5).locator(".clock")).to_have_text(re.compile(r"^Closed \d"))
    # Closed notices can no longer be withdrawn; a withdrawn one offers nothing at all.
    expect(cards.nth(5).get_by_role("button", name="Withdraw this notice")).to_have_count(0)
    expect(cards.nth(5).get_by_role("button", name="Download the notice")).to_have_count(1)
    expect(cards.nth(6).locator("button")).to_have_count(0)
    # Only a draft the person has not handed over can be handed over.
    expect(page.get_by_role("button", name="Ask us to send it for me")).to_have_count(1)
    assert page.locator("#notices a, #notices img, #notices b").count() == 0

    draft.get_by_label("File type").select_option("html")
    draft.get_by_role("button", name="Download the notice").click()
    expect(page.locator("#notices")).to_be_visible()
    page.wait_for_function("window.calls.length === 1")
    assert calls(page) == [["download", 5, "html"]]

    # Withdrawing asks first; "no" changes nothing.
    sent = cards.nth(2)
    sent.get_by_role("button", name="Withdraw this notice").click()
    expect(sent.locator(".confirm p").first).to_be_focused()
    expect(sent.locator(".confirm")).to_contain_text(
        "A notice that was already sent can't be unsent."
    )
    sent.get_by_role("button", name="No, keep it").click()
    expect(sent.get_by_role("button", name="Withdraw this notice")).to_be_focused()
    sent.get_by_role("button", name="Withdraw this notice").click()
    sent.get_by_role("button", name="Yes, withdraw the notice").click()
    page.wait_for_function("window.calls.length === 2")
    assert calls(page)[1] == ["withdraw", 4, None]
    page.locator("#notices-heading").scroll_into_view_if_needed()
    shoot(page, "16-notices.png")


def test_the_authorise_form_asks_for_the_details_only_there_and_says_why(
    visit: Callable[..., TakedownVisit], live_server: LiveServer
) -> None:
    page = visit().page
    open_case(page, hash_case(live_server))
    # Nowhere else on the page asks for a name, an email or a phone number.
    assert page.locator("input[type=email], input[type=tel], input[autocomplete=name]").count() == 0
    render_notices(page)
    draft = page.locator('#notices article[data-notice="5"]')
    draft.get_by_role("button", name="Ask us to send it for me").click()
    form = draft.locator("form.authorise")
    expect(form.locator("h4")).to_be_focused()
    expect(form.locator("h4")).to_have_text("Ask us to send this notice for you")
    expect(form).to_contain_text(
        "Your details are used only in this notice: they go to the website that has the copy, "
        "so that it can act. They are never shown to the other websites and apps that work with "
        "Unshared, and never used for anything else."
    )
    # The fields have no name: a form sent without the script would carry nothing.
    assert form.locator("[name]").count() == 0
    expect(draft.get_by_role("button", name="Download the notice")).to_be_hidden()

    send = form.get_by_role("button", name="Send the notice for me")
    send.click()
    name = form.get_by_label("Full name")
    expect(name).to_be_focused()
    expect(name).to_have_attribute("aria-invalid", "true")
    for text in (
        "Enter your full name.",
        "Enter an email address where you can be reached.",
        "Type your full name as your signature.",
        "The notice can only be sent with this statement.",
    ):
        expect(form).to_contain_text(text)
    name.fill("Lucía Fernández")
    form.get_by_label("Email address").fill("lucia@")
    form.get_by_label("Signature", exact=True).fill("Lucía Fernández")
    send.click()
    expect(form.get_by_label("Email address")).to_be_focused()
    expect(form).to_contain_text("That doesn't look like an email address.")
    form.get_by_label("Email address").fill("lucia@example.org")
    form.get_by_label("Phone number (optional)").fill("+34 600 000 000")
    send.click()
    good_faith = form.get_by_label(re.compile("^I believe in good faith"))
    expect(good_faith).to_be_focused()
    good_faith.check()
    shoot(page, "17-authorise.png")
    send.click()
    page.wait_for_function("window.calls.length === 1")
    # What the page hands the API: the details given, and no empty optional ones.
    assert calls(page) == [
        [
            "authorise",
            5,
            {
                "name": "Lucía Fernández",
                "email": "lucia@example.org",
                "signature": "Lucía Fernández",
                "phone": "+34 600 000 000",
            },
        ]
    ]

    # Cancel puts the buttons back and the keyboard on the one that opened the form.
    render_notices(page)
    draft = page.locator('#notices article[data-notice="5"]')
    draft.get_by_role("button", name="Ask us to send it for me").click()
    draft.get_by_role("button", name="Cancel").click()
    expect(draft.locator("form")).to_have_count(0)
    expect(draft.get_by_role("button", name="Ask us to send it for me")).to_be_focused()


def test_a_server_without_the_notices_api_says_so(
    visit: Callable[..., TakedownVisit],
    copies: Copies,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """An older server answers 404 for the notices: the page says notices are not there yet,
    and offers none, while links work as ever."""
    home = tmp_path_factory.mktemp("older")
    without = r"^/v1/cases/[^/]+/notices(/|$)"
    with serve(home, without, fetch_allow_networks="127.0.0.1/32") as older:
        case = photo_case(older, copies)
        made = httpx.post(
            f"{older.url}/v1/cases/{case.number}/sightings",
            json={"pin": case.pin, "url": copies.copy},
            timeout=60,
        )
        assert made.json()["status"] == "verified", made.text
        page = visit(server=older).page
        open_case(page, case)
        expect(page.locator("#notices")).to_have_text(
            "Takedown notices are not available on this server yet."
        )
        card = page.locator("#links article")
        expect(card.locator(".verdict")).to_have_text(
            "Checked: a copy of one of your photos is here."
        )
        expect(card.get_by_role("button", name="Check this link again")).to_be_visible()
        expect(card.get_by_role("button", name="Prepare a takedown notice")).to_have_count(0)
        page.close()


def test_spanish_has_the_same_parts(
    visit: Callable[..., TakedownVisit], live_server: LiveServer
) -> None:
    page = visit(locale="es-ES").page
    open_case(page, hash_case(live_server))
    expect(page.locator("#links-heading")).to_have_text("Enlaces a copias")
    expect(page.locator("#links")).to_have_text("No has enviado ningún enlace.")
    page.click("#link-submit")
    expect(page.locator("#link-error")).to_have_text("Pega la dirección de la copia.")
    page.click("button[data-lang=en]")
    expect(page.locator("#links")).to_have_text("You haven't reported any links.")
    expect(page.locator("#links-heading")).to_have_text("Links to copies")


def test_a_phone_screen_needs_no_sideways_scrolling(
    visit: Callable[..., TakedownVisit], live_server: LiveServer
) -> None:
    page = visit(width=375, height=812).page
    open_case(page, hash_case(live_server))
    render_notices(page)
    page.locator('#notices article[data-notice="5"]').get_by_role(
        "button", name="Ask us to send it for me"
    ).click()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px screen"
    page.locator('#notices article[data-notice="2"]').scroll_into_view_if_needed()
    shoot(page, "18-notices-phone.png")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_has_enough_contrast(
    visit: Callable[..., TakedownVisit], live_server: LiveServer, copies: Copies, scheme: str
) -> None:
    case = photo_case(live_server, copies)
    httpx.post(
        f"{live_server.url}/v1/cases/{case.number}/sightings",
        json={"pin": case.pin, "url": copies.other},
        timeout=60,
    )
    page = visit(scheme=scheme).page
    open_case(page, case)
    expect(page.locator("#links article")).to_have_count(1)
    page.fill("#link-url", "ftp://files.example.net/a.jpg")
    page.click("#link-submit")
    expect(page.locator("#link-error")).not_to_have_text("")
    render_notices(page)
    page.locator('#notices article[data-notice="5"]').get_by_role(
        "button", name="Ask us to send it for me"
    ).click()
    page.locator('#notices article[data-notice="5"] form button[type=submit]').click()
    assert page.evaluate(CONTRAST) == []


def test_every_string_the_takedown_part_names_exists(
    visit: Callable[..., TakedownVisit],
) -> None:
    from unshared.web.serve import STATIC

    script = (STATIC / "takedown.js").read_text() + (STATIC / "app.js").read_text()
    keys = set(re.findall(r'\bt\("([a-zA-Z_.]+)"', script))
    for stem, values in {
        "links.status.": [
            "reported",
            "verified",
            "not_matching",
            "unreachable",
            "removed",
            "other",
        ],
        "links.result.": ["reported", "verified", "not_matching", "unreachable", "removed"],
        "links.error.": ["not_a_url", "scheme", "address", "too_long", "userinfo", "refused"],
        "notices.state.": [
            *("draft", "sent", "acknowledged", "removed", "overdue", "withdrawn"),
            *("due", "authorised", "other"),
        ],
        "notices.format.": ["pdf", "html", "text"],
        "regime.": ["us_take_it_down", "eu_dsa_16", "uk_osa", "other"],
        "authorise.": ["name", "email", "signature", "phone", "address"],
        "authorise.missing.": ["name", "email", "signature", "goodFaith"],
    }.items():
        keys |= {stem + value for value in values}
    page = visit().page
    missing = page.evaluate(
        """async (keys) => {
          const { STRINGS } = await import("/static/i18n.js");
          return Object.entries(STRINGS).flatMap(
            ([lang, strings]) => keys.filter((k) => !(k in strings)).map((k) => `${lang}: ${k}`));
        }""",
        sorted(keys),
    )
    assert missing == []


def test_a_notice_is_downloaded_authorised_withdrawn_and_drafted_through_the_api(
    visit: Callable[..., TakedownVisit], live_server: LiveServer, copies: Copies
) -> None:
    """The notices API for real: it must be on the server (until then the page says notices are
    not available there, and this test fails at its first notice)."""
    case = photo_case(live_server, copies)
    page = visit().page
    open_case(page, case)
    page.fill("#link-url", copies.copy)
    page.click("#link-submit")
    expect(page.locator("#link-result")).to_contain_text("it has a copy of one of your photos")

    def notices() -> list[dict[str, Any]]:
        answer = httpx.get(
            f"{live_server.url}/v1/cases/{case.number}/notices", headers={"X-Case-PIN": case.pin}
        )
        assert answer.status_code == 200, answer.text
        result: list[dict[str, Any]] = answer.json()
        return result

    # The service drafts a notice for a verified copy, and the page shows it.
    cards = page.locator("#notices article")
    expect(cards).to_have_count(1)
    [drafted] = notices()
    assert (drafted["state"], drafted["authorised"], drafted["url"]) == (
        "draft",
        False,
        copies.copy,
    )
    card = page.locator(f'#notices article[data-notice="{drafted["id"]}"]')
    expect(card.locator(".clock")).to_have_text("Not sent yet, so no deadline yet")
    expect(card.locator("code.url")).to_have_text(copies.copy)
    link = page.locator("#links article").first
    expect(link).to_contain_text("There is a takedown notice for this link below.")
    expect(link.get_by_role("button", name="Prepare a takedown notice")).to_have_count(0)

    # A copy to send oneself, saved from the page under the service's file name.
    card.get_by_label("File type").select_option("text")
    with page.expect_download() as download:
        card.get_by_role("button", name="Download the notice").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert copies.copy in saved
    name = download.value.suggested_filename
    assert name.endswith(".txt")
    expect(page.locator("#notices-message")).to_have_text(
        f"The notice was saved on this device as {name}."
    )

    # Handed to the operator, with the details the law asks for.
    card.get_by_role("button", name="Ask us to send it for me").click()
    form = card.locator("form.authorise")
    form.get_by_label("Full name").fill("Lucía Fernández")
    form.get_by_label("Email address").fill("lucia@example.org")
    form.get_by_label("Signature", exact=True).fill("Lucía Fernández")
    form.get_by_label(re.compile("^I believe in good faith")).check()
    form.get_by_role("button", name="Send the notice for me").click()
    expect(page.locator("#notices-message")).to_have_text(
        "Thank you. We will send the notice and keep track of its deadline."
    )
    [authorised] = notices()
    assert authorised["authorised"] is True
    # The notice as the API lists it never holds the person's details.
    assert "Lucía" not in json.dumps(authorised) and "lucia@" not in json.dumps(authorised)
    if authorised["state"] == "draft":  # no mail server here: left for the operator to send
        expect(card.locator(".notice-state")).to_have_text(
            "You asked us to send it for you: we will send it soon."
        )
    expect(card.get_by_role("button", name="Ask us to send it for me")).to_have_count(0)

    card.get_by_role("button", name="Withdraw this notice").click()
    card.get_by_role("button", name="Yes, withdraw the notice").click()
    expect(page.locator("#notices-message")).to_have_text("The notice was withdrawn.")
    expect(card.locator(".notice-state")).to_have_text("Withdrawn. Nothing more will be sent.")
    expect(card.locator(".clock")).to_have_text(re.compile(r"^Closed \d"))
    assert [n["state"] for n in notices()] == ["withdrawn"]

    # With no notice open, the link offers a new one, under the law the person chooses.
    link.get_by_label("Under which law").select_option("eu_dsa_16")
    link.get_by_role("button", name="Prepare a takedown notice").click()
    expect(page.locator("#notices-message")).to_have_text(
        "The notice is ready: you'll find it under Takedown notices."
    )
    expect(cards).to_have_count(2)
    [new] = [n for n in notices() if n["state"] == "draft"]
    assert new["regime"] == "eu_dsa_16" and new["sighting_id"] == drafted["sighting_id"]
    fresh = page.locator(f'#notices article[data-notice="{new["id"]}"]')
    expect(fresh.locator("h3")).to_be_focused()
    expect(fresh).to_contain_text("LawEuropean Union: Digital Services Act, Article 16")
