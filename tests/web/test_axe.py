"""axe-core on every state of the page, on a desktop and on a phone, in Debian's headless Chromium:
no violation of any rule axe runs by default (WCAG 2.x A and AA, and its best practices).

One browser session per screen walks a person's whole way through the page, checking each state
as it goes: the start in every language, the sign-in form with its errors, photos chosen, the
under-18 question answered, the photos being sent, the case number and PIN, the case with the
question to withdraw it, a case with a link to a copy and its takedown notice (and the form to
have it sent), a refused link, and protecting ordinary photos. Help and the quick-exit button are
on the start view; each check covers the whole document.

axe-core comes from npm (``web/package.json``, a development dependency: ``scripts/vendor``
installs it into ``web/node_modules``); it is put into the page by the test, never served.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.web.conftest import LiveServer, browser_missing
from tests.web.tabs import Tab, check_request, open_tab

if (missing := browser_missing()) is not None:
    pytest.skip(missing, allow_module_level=True)

if not (AXE := Path(__file__).parents[2] / "web/node_modules/axe-core/axe.min.js").is_file():
    pytest.skip("axe-core is not installed: run scripts/vendor", allow_module_level=True)

from playwright.sync_api import Browser, Route, expect

from tests.web.test_page import TIMEOUT_MS
from tests.web.test_status_takedown import (  # noqa: F401 (fixtures: a server that may fetch the site's copy)
    BODIES,
    Copies,
    copies,
    live_server,
    open_case,
    photo_case,
    site,
)

expect.set_options(timeout=TIMEOUT_MS)
SCREENS = {"desktop": (1024, 800), "phone": (375, 812)}
#: Runs axe on the whole document; answers each violation as "rule: the elements it names".
RUN_AXE = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}"""


class Checker:
    """axe in one page, with every violation found, by the state it was found in."""

    def __init__(self, tab: Tab) -> None:
        self.page = tab.page
        self.found: dict[str, list[str]] = {}
        self.states: list[str] = []

    def __call__(self, state: str) -> None:
        if not self.page.evaluate("typeof window.axe === 'object'"):
            self.page.evaluate(AXE.read_text(encoding="utf-8"))
        self.states.append(state)
        violations = self.page.evaluate(RUN_AXE)
        if violations:
            self.found[state] = violations


@pytest.fixture
def tab_at(browser: Browser, live_server: LiveServer) -> Any:  # noqa: F811
    contexts: list[Any] = []
    tabs: list[Tab] = []

    def start(width: int, height: int) -> Tab:
        context = browser.new_context(
            locale="en-GB", viewport={"width": width, "height": height}, base_url=live_server.url
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        tab = open_tab(context, live_server.url)
        tabs.append(tab)
        return tab

    yield start
    for context in contexts:
        context.close()
    for tab in tabs:
        # As everywhere: only to the page's own server, with no query; a link reported, or a
        # notice's business, carries what test_status_takedown.py allows it, and nothing else.
        for request in tab.requests:
            what = urlsplit(request.url).path.rstrip("/").rsplit("/", 1)[-1]
            if request.method == "POST" and what in BODIES:
                assert request.url.startswith(f"{live_server.url}/v1/cases/"), request.url
                assert set(json.loads(request.post_data_buffer or b"{}")) <= BODIES[what]
            else:
                check_request(request, live_server.url)
        assert not tab.problems, tab.problems


@pytest.mark.parametrize("screen", SCREENS)
def test_axe_finds_no_violation_in_any_state(
    tab_at: Any,
    live_server: LiveServer,  # noqa: F811
    copies: Copies,  # noqa: F811
    tmp_path: Path,
    screen: str,
) -> None:
    from tests.imaging import sample_photo

    chelsea, coffee = tmp_path / "chelsea.jpg", tmp_path / "coffee.png"
    sample_photo("chelsea").save(chelsea, quality=90)
    sample_photo("coffee").save(coffee)
    tab = tab_at(*SCREENS[screen])
    page = tab.page
    check = Checker(tab)

    # The start, with help and the quick exit, in every language.
    expect(page.locator("#help")).to_be_visible()
    expect(page.locator("#quick-exit")).to_be_visible()
    check("start")
    for code in ("es", "fr", "pt", "de", "it", "en"):
        page.click(f"button[data-lang={code}]")
        expect(page.locator("html")).to_have_attribute("lang", code)
        check(f"start in {code}")

    # Dark mode, where the browser asks for it.
    page.emulate_media(color_scheme="dark")
    check("start, dark")
    page.emulate_media(color_scheme="light")

    # Signing in: the form, its own complaints, and the service's 401 in words.
    page.click("#go-signin")
    expect(page.locator("#signin-heading")).to_be_visible()
    check("sign-in")
    page.click("#signin-submit")
    expect(page.locator("#case-error")).not_to_be_empty()
    check("sign-in, nothing filled in")
    page.fill("#case-number", "UN-AAAA-AAAA")
    page.fill("#case-pin", "AAAAA-AAAAA")
    page.click("#signin-submit")
    expect(page.locator("#signin-error")).to_contain_text("couldn't find a case")
    check("sign-in refused")
    page.click("#signin-back")

    # Photos chosen, what will be sent opened, the under-18 question answered.
    page.set_input_files("#files", [str(chelsea), str(coffee)])
    expect(page.locator("#send-area")).to_be_visible(timeout=30_000)
    page.click("details.preview summary")
    check("photos chosen")
    page.check("#minor-yes")
    expect(page.locator("#minor-help")).to_be_visible()
    check("under 18 answered")

    # Sending: the request is held until the state is checked.
    held: list[Route] = []
    page.route("**/v1/cases", lambda route: held.append(route))
    page.click("#send")
    expect(page.locator("#send")).to_have_attribute("aria-disabled", "true")
    check("sending")
    page.wait_for_timeout(100)
    assert held, "the case was never asked for"
    held[0].continue_()
    page.unroute("**/v1/cases")

    # The case number and PIN, the reminder to save them, the case, and withdrawing it.
    expect(page.locator("#created-heading")).to_be_visible()
    check("case number and PIN")
    page.click("#continue")
    expect(page.locator("#saved-error")).not_to_be_empty()
    check("case number and PIN, not saved yet")
    page.check("#saved")
    page.click("#continue")
    expect(page.locator("#status-heading")).to_be_visible()
    expect(page.locator("#notices:not([aria-busy]) > *").first).to_be_visible()
    page.click("#hashes-details summary")
    check("the case")
    page.emulate_media(color_scheme="dark")
    check("the case, dark")
    page.emulate_media(color_scheme="light")
    page.click("#withdraw")
    expect(page.locator("#withdraw-heading")).to_be_visible()
    check("withdraw?")
    page.click("#withdraw-cancel")
    page.click("#close")

    # A case with a link to a copy, its notice, the form to have it sent, and a refused link.
    case = photo_case(live_server, copies)
    reported = httpx.post(
        f"{live_server.url}/v1/cases/{case.number}/sightings",
        json={"pin": case.pin, "url": copies.copy},
        timeout=60,
    )
    assert reported.status_code == 201 and reported.json()["status"] == "verified", reported.text
    open_case(page, case)
    expect(page.locator("#links article")).to_have_count(1)
    expect(page.locator("#notices article")).to_have_count(1)
    check("a case with a link and a notice")
    card = page.locator("#notices article").first
    card.get_by_role("button", name="Ask us to send it for me").click()
    form = card.locator("form.authorise")
    expect(form).to_be_visible()
    form.get_by_role("button", name="Send the notice for me").click()
    expect(form.locator("[aria-invalid=true]").first).to_be_visible()
    check("the form to have a notice sent, with its complaints")
    page.fill("#link-url", "http://10.0.0.1/a.jpg")
    page.click("#link-submit")
    expect(page.locator("#link-error")).to_contain_text("private network")
    check("a refused link")
    page.click("#close")

    # Protecting ordinary photos: the offer, the photos ready, and their case.
    page.click("#go-protect")
    expect(page.locator("#protect-state")).not_to_be_empty(timeout=120_000)
    check("protect")
    if page.locator("#files").is_enabled():
        page.set_input_files("#files", [str(chelsea)])
        expect(page.locator("#send-area")).to_be_visible(timeout=120_000)
        check("protect, a photo ready")
        page.click("#send")
        expect(page.locator("#created-heading")).to_be_visible()
        check("protect, the case number and PIN")

    assert len(check.states) >= 25, check.states
    # axe is really there and really looks: an unlabelled field is found at once.
    page.evaluate("document.querySelector('main').append(document.createElement('input'))")
    assert any(v.startswith("label ") for v in page.evaluate(RUN_AXE))
    assert check.found == {}, json.dumps(check.found, indent=1, ensure_ascii=False)
