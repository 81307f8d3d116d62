"""The page, end to end: a real server on 127.0.0.1 and a real headless Chromium.

A person makes a case from two photos, sees the PIN, checks the case, adds a photo and withdraws.
Every request the browser makes is recorded, and so is every request the server receives: a test
fails if any goes anywhere but the server, or carries anything but hashes and a PIN.

Screenshots of each step go to the folder in ``UNSHARED_SCREENSHOTS`` when it is set:
``UNSHARED_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/web/test_page.py``.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

import httpx
import pytest
from PIL import Image

from tests.imaging import sample_photo
from tests.web.conftest import LiveServer, browser_missing
from unshared.hashing import hash_bytes
from unshared.signals import Pdq
from unshared.web.serve import CONTENT_SECURITY_POLICY, STATIC, WORKER_POLICIES

if (missing := browser_missing()) is not None:
    pytest.skip(missing, allow_module_level=True)

from playwright.sync_api import (
    Browser,
    BrowserContext,
    FileChooser,
    Page,
    Request,
    Route,
    expect,
)

SHOTS = os.environ.get("UNSHARED_SCREENSHOTS")
# A PIN is checked with scrypt, and CI machines are busy: give each step room.
TIMEOUT_MS = 20_000
expect.set_options(timeout=TIMEOUT_MS)
#: Browser and Python PDQ of the test's own photos: identical pixels give 0; allow a little.
MAX_PDQ_BITS = 4
#: No request body of these tests comes near this: a few images' hashes are under 1 KB.
MAX_BODY_BYTES = 4096
#: Where the quick exit leaves for; the tests answer for it themselves, so nothing goes out.
NEUTRAL_PAGE = "https://www.google.com/"
HEX = {"pdq": r"[0-9a-f]{64}", "md5": r"[0-9a-f]{32}", "sha256": r"[0-9a-f]{64}"}
#: What images start with, raw and in base64: none of it may ever be in a request.
IMAGE_MARKS = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG",
    b"RIFF",  # WebP
    b"GIF8",
    b"/9j/",  # base64 of a JPEG's start
    b"iVBORw0KGgo",  # base64 of a PNG's start
    b"data:image",
)


# --- the photos the tests choose ------------------------------------------------------------


@dataclass(frozen=True)
class Photos:
    chelsea: Path  # a JPEG
    coffee: Path  # a PNG
    phone: Path  # a phone-size JPEG, turned by its EXIF orientation

    def all(self) -> list[Path]:
        return [self.chelsea, self.coffee, self.phone]


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> Photos:
    folder = tmp_path_factory.mktemp("photos")
    chelsea, coffee, phone = folder / "chelsea.jpg", folder / "coffee.png", folder / "IMG_0042.jpg"
    sample_photo("chelsea").save(chelsea, quality=90)
    sample_photo("coffee").save(coffee)
    exif = Image.Exif()
    exif[0x0112] = 6  # shown turned 90 degrees, as phones save portrait photos
    big = sample_photo("rocket").resize((4032, 3024), Image.Resampling.LANCZOS)
    big.save(phone, quality=90, exif=exif.tobytes())
    return Photos(chelsea, coffee, phone)


# --- what the browser sends -----------------------------------------------------------------


def assert_only_hashes(body: bytes, where: str) -> None:
    """A request body holds a PIN and images' hashes, and nothing else."""
    assert len(body) <= MAX_BODY_BYTES, f"{where}: a {len(body)}-byte body"
    for mark in IMAGE_MARKS:
        assert mark not in body, f"{where}: the body holds {mark!r}"
    document = json.loads(body)
    assert set(document) <= {"images", "pin", "minor"}, where
    # The one answer about the person, and only ever a yes or no.
    assert document.get("minor", False) in (True, False), where
    if "pin" in document:
        assert re.fullmatch(r"[A-Z0-9-]{1,32}", document["pin"]), where
    for image in document.get("images", []):
        assert set(image) <= {"pdq", "quality", "md5", "sha256"}, where
        for key, pattern in HEX.items():
            if key in image:
                assert re.fullmatch(pattern, image[key]), f"{where}: {key}"
        if "quality" in image:
            assert isinstance(image["quality"], int) and 0 <= image["quality"] <= 100


@dataclass
class Visit:
    """One browser context on the page, recording every request it makes."""

    page: Page
    origin: str
    requests: list[Request] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, context: BrowserContext, origin: str, path: str, **fields: Any) -> Self:
        """A new page of ``context`` at ``path``, recording what it (and its workers) ask for."""
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        seen = cls(page, origin, **fields)
        # The context hears the requests of the page and of its hashing worker alike.
        context.on("request", lambda request: seen.requests.append(request))
        page.on("pageerror", lambda error: seen.problems.append(f"page error: {error}"))
        page.on("console", seen.console)
        page.goto(path)
        return seen

    def console(self, message: Any) -> None:
        # Failed loads (a 401 for a wrong PIN) are the requests' business, checked in check();
        # any other error, a refusal by the security policy above all, is a fault of the page.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console: {message.text}")

    def check(self) -> None:
        assert self.requests, "no request was recorded"
        for request in self.requests:
            url = request.url
            if url.startswith(("blob:", "data:")):
                # Thumbnails, read from the person's own files in memory: never the network.
                assert url.startswith(f"blob:{self.origin}/") or url.startswith("data:"), url
                continue
            parts = urlsplit(url)
            assert f"{parts.scheme}://{parts.netloc}" == self.origin, f"a request to {url}"
            assert not parts.query, f"{url} carries a query"
            assert request.method in ("GET", "POST"), f"{request.method} {url}"
            body = request.post_data_buffer
            if request.method == "POST":
                assert parts.path.startswith("/v1/cases"), url
                assert body is not None
                assert_only_hashes(body, url)
            else:
                assert not body, url
        assert not self.problems, self.problems


@pytest.fixture
def visit(browser: Browser, live_server: LiveServer) -> Iterator[Callable[..., Visit]]:
    """Open the page in a fresh context (its own locale and screen size), recording requests."""
    contexts = []
    visits: list[Visit] = []

    def open_page(
        locale: str = "en-GB", width: int = 800, height: int = 900, scheme: str = "light"
    ) -> Visit:
        context = browser.new_context(
            locale=locale,
            color_scheme=scheme,  # type: ignore[arg-type]
            viewport={"width": width, "height": height},
            accept_downloads=True,
            base_url=live_server.url,
        )
        contexts.append(context)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
        seen = Visit.open(context, live_server.url, "/")
        visits.append(seen)
        return seen

    yield open_page
    for context in contexts:
        context.close()
    for seen in visits:
        seen.check()


def shoot(page: Page, name: str) -> None:
    """Save a small PNG of the page for the docs, when UNSHARED_SCREENSHOTS names a folder."""
    if not SHOTS:
        return
    folder = Path(SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")
    # A 128-colour palette keeps a page of text a few tens of kilobytes.
    image.quantize(colors=128, dither=Image.Dither.NONE).save(folder / name, optimize=True)


# --- the steps --------------------------------------------------------------------------------


def choose(page: Page, files: list[Path]) -> None:
    page.set_input_files("#files", [str(f) for f in files])
    expect(page.locator("#send-area")).to_be_visible(timeout=30_000)


def stored(live_server: LiveServer, number: str) -> tuple[Any, dict[str, list[str]]]:
    """The case as the server stored it, and its hash values by signal type."""
    store = live_server.store
    case = store.get_case(number)
    values: dict[str, list[str]] = {"pdq": [], "md5": [], "sha256": []}
    for entry in store.entries(case_id=case.id, status=None):
        values[entry.signal_type].append(entry.value)
    return case, values


def assert_stored_hashes_are_pythons(values: dict[str, list[str]], files: list[Path]) -> None:
    expected = [hash_bytes(f.read_bytes()) for f in files]
    assert sorted(values["md5"]) == sorted(s.md5.hex for s in expected)
    assert sorted(values["sha256"]) == sorted(s.sha256.hex for s in expected)
    assert len(values["pdq"]) == len(expected)
    for signals in expected:
        nearest = min(signals.pdq.distance(Pdq.from_hex(v)) for v in values["pdq"])
        assert nearest <= MAX_PDQ_BITS, f"browser PDQ {nearest} bits from Python's"


def test_a_case_from_two_photos_then_one_more_then_withdrawn(
    visit: Callable[..., Visit], live_server: LiveServer, photos: Photos
) -> None:
    page = visit().page
    expect(page.locator("#pick-heading")).to_have_text(re.compile("taken down"))
    shoot(page, "1-pick.png")

    choose(page, [photos.chelsea, photos.coffee])
    expect(page.locator("#photos li")).to_have_count(2)
    expect(page.locator("#photos .photo.ready")).to_have_count(2)
    expect(page.locator("#progress")).to_contain_text("2 photos are ready")
    # The thumbnails are the person's own files, shown from memory.
    for src in page.locator("#photos img").evaluate_all("imgs => imgs.map(i => i.src)"):
        assert src.startswith("blob:")
    preview = json.loads(page.locator("#preview").text_content() or "")
    assert_only_hashes(json.dumps(preview).encode(), "the preview")
    assert len(preview["images"]) == 2
    shoot(page, "2-fingerprints-ready.png")

    page.click("#send")
    expect(page.locator("#created-heading")).to_be_focused()
    number = page.locator("#new-case").text_content() or ""
    pin = page.locator("#new-pin").text_content() or ""
    assert re.fullmatch(r"UN-[A-Z0-9]{4}-[A-Z0-9]{4}", number)
    assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", pin)
    expect(page.locator(".warning")).to_contain_text("will not be shown again")
    # Thumbnails are gone, and their object URLs revoked, once the case is made.
    expect(page.locator("#photos li")).to_have_count(0)
    shoot(page, "3-case-and-pin.png")

    page.click("#copy-pin")
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == pin
    with page.expect_download() as download:
        page.click("#download")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert number in saved and pin in saved
    assert download.value.suggested_filename == f"unshared-case-{number}.txt"

    case, values = stored(live_server, number)
    assert case.status == "active"
    assert_stored_hashes_are_pythons(values, [photos.chelsea, photos.coffee])

    # The PIN is on screen only once: moving on needs the person to say it is saved.
    page.click("#continue")
    expect(page.locator("#saved-error")).to_contain_text("save your case number and PIN")
    expect(page.locator("#saved")).to_be_focused()
    page.check("#saved")
    page.click("#continue")
    expect(page.locator("#status-heading")).to_have_text(f"Your case {number}")
    expect(page.locator("#status-heading")).to_be_focused()
    expect(page.locator("#status-summary")).to_contain_text("Active")
    expect(page.locator("#hashes-count")).to_have_text("6 fingerprints.")
    expect(page.locator("#reports")).to_contain_text("Nothing yet")
    shoot(page, "4-status.png")

    page.click("#add-photos")
    expect(page.locator("#pick-heading")).to_have_text(f"Add photos to case {number}")
    choose(page, [photos.phone])
    page.click("#send")
    expect(page.locator("#status-message")).to_have_text("The fingerprints of 1 photo were added.")
    expect(page.locator("#hashes-count")).to_have_text("9 fingerprints.")
    _, values = stored(live_server, number)
    assert_stored_hashes_are_pythons(values, photos.all())

    page.click("#withdraw")
    expect(page.locator("#withdraw-heading")).to_be_focused()
    page.click("#withdraw-cancel")  # changing one's mind changes nothing
    expect(page.locator("#status-summary")).to_contain_text("Active")
    assert stored(live_server, number)[0].status == "active"
    page.click("#withdraw")
    page.click("#withdraw-confirm")
    expect(page.locator("#status-message")).to_have_text("Done: your case is withdrawn.")
    expect(page.locator("#status-summary")).to_contain_text("no longer match")
    expect(page.locator("#add-photos")).to_be_hidden()
    case, _ = stored(live_server, number)
    assert case.status == "withdrawn"
    statuses = {e.status for e in live_server.store.entries(case_id=case.id, status=None)}
    assert statuses == {"withdrawn"}
    shoot(page, "6-withdrawn.png")


def test_the_server_received_hashes_and_nothing_else(
    visit: Callable[..., Visit], live_server: LiveServer, photos: Photos
) -> None:
    """The same promise, checked at the other end: what reached the server."""
    start = len(live_server.seen)
    page = visit().page
    choose(page, photos.all())
    page.click("#send")
    expect(page.locator("#created-heading")).to_be_visible()
    made = page.locator("#new-case").text_content()
    # A request of an earlier test's page for its own case may reach the server late, on a busy
    # machine: it is not this page's.
    other = re.compile(r"/v1/cases/(UN-[A-Z0-9-]+)/")
    received = [
        r
        for r in live_server.seen[start:]
        if not ((found := other.match(r.path)) and found.group(1) != made)
    ]
    posts = [r for r in received if r.method == "POST"]
    assert [r.path for r in posts] == ["/v1/cases"]
    for request in received:
        assert not request.query, request.path
        if request.method == "POST":
            assert request.content_type == "application/json"
            assert_only_hashes(request.body, request.path)
        else:
            # The page, its files, and the service's limits for photos: no query, no body.
            assert request.path in ("/", "/v1/cases/limits") or request.path.startswith(
                "/static/"
            ), request.path
            assert request.body == b""
    # The files were megabytes; what went over the wire was a few hundred bytes.
    assert sum(len(r.body) for r in received) < 1024


def test_a_wrong_pin_is_refused_in_plain_words(
    visit: Callable[..., Visit], live_server: LiveServer
) -> None:
    made = httpx.post(f"{live_server.url}/v1/cases", json={"images": [{"md5": "ab" * 16}]})
    number = made.json()["case"]
    page = visit().page
    page.click("#go-signin")
    expect(page.locator("#signin-heading")).to_be_focused()
    page.click("#signin-submit")
    expect(page.locator("#case-number")).to_be_focused()
    expect(page.locator("#case-error")).to_have_text("Enter your case number.")
    expect(page.locator("#case-number")).to_have_attribute("aria-invalid", "true")
    page.fill("#case-number", number.lower())  # as a person may type it
    page.fill("#case-pin", "AAAAA-AAAAA")
    page.click("#signin-submit")
    expect(page.locator("#signin-error")).to_have_text(
        "We couldn't find a case with that number and PIN. Check both and try again."
    )
    page.fill("#case-pin", made.json()["pin"])
    page.click("#signin-submit")
    expect(page.locator("#status-heading")).to_have_text(f"Your case {number}")


def test_the_case_says_what_platforms_reported(
    visit: Callable[..., Visit], live_server: LiveServer
) -> None:
    made = httpx.post(
        f"{live_server.url}/v1/cases", json={"images": [{"md5": "cd" * 16, "sha256": "ef" * 32}]}
    ).json()
    status = httpx.post(
        f"{live_server.url}/v1/cases/{made['case']}/status", json={"pin": made["pin"]}
    ).json()
    _, key = live_server.app.state.unshared.platforms.create_key("a platform", "platform", "test")
    for outcome, entry in zip(
        ("queued", "removed"), [h["entry"] for h in status["hashes"]], strict=True
    ):
        reported = httpx.post(
            f"{live_server.url}/v1/reports",
            json={"entry": entry, "outcome": outcome},
            headers={"Authorization": f"Bearer {key}"},
        )
        assert reported.status_code == 201, reported.text

    page = visit().page
    page.click("#go-signin")
    page.fill("#case-number", made["case"])
    page.fill("#case-pin", made["pin"])
    page.keyboard.press("Enter")  # submits the form
    expect(page.locator("#status-heading")).to_be_focused()
    rows = page.locator("#reports tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("#reports")).to_contain_text("A copy was found and taken down.")
    expect(page.locator("#reports")).to_contain_text("waiting to be checked by the website")
    shoot(page, "5-reports.png")


def test_spanish_comes_from_the_browser_language_and_can_be_switched(
    visit: Callable[..., Visit], photos: Photos
) -> None:
    page = visit(locale="es-ES").page
    assert page.evaluate("document.documentElement.lang") == "es"
    expect(page.locator("#pick-heading")).to_have_text(
        "Consigue que retiren imágenes íntimas tuyas, sin enviárselas a nadie"
    )
    expect(page.locator("label[for=files]")).to_have_text("Elegir fotos")
    expect(page.locator("button[data-lang=es]")).to_have_attribute("aria-pressed", "true")
    choose(page, [photos.chelsea])
    expect(page.locator("#progress")).to_have_text(
        "Las huellas de 1 foto están listas. Todavía no se ha enviado nada."
    )
    shoot(page, "7-spanish.png")

    page.click("button[data-lang=en]")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("#pick-heading")).to_contain_text("Get intimate images")
    expect(page.locator("#photos .photo-state")).to_have_text("Fingerprints ready")
    expect(page.locator("#send")).to_have_text("Send the fingerprints and open my case")
    page.click("button[data-lang=es]")
    page.click("#send")
    expect(page.locator("#created-heading")).to_have_text("Tu caso está abierto")
    expect(page.locator(".warning")).to_contain_text("El PIN no se volverá a mostrar")


def test_english_is_the_fallback_for_other_languages(visit: Callable[..., Visit]) -> None:
    page = visit(locale="ja-JP").page
    assert page.evaluate("document.documentElement.lang") == "en"


def test_every_language_has_every_string(visit: Callable[..., Visit]) -> None:
    page = visit().page
    gaps = page.evaluate(
        """async () => {
          const { STRINGS } = await import("/static/i18n.js");
          const holes = (v) => JSON.stringify(v).match(/\\{\\w+\\}/g)?.sort() ?? [];
          const gaps = [];
          for (const [lang, strings] of Object.entries(STRINGS)) {
            for (const [key, english] of Object.entries(STRINGS.en)) {
              if (!(key in strings)) gaps.push(`${lang}: no ${key}`);
              else if (holes(strings[key]).join() !== holes(english).join())
                gaps.push(`${lang}: ${key} has other placeholders`);
            }
            for (const key of Object.keys(strings))
              if (!(key in STRINGS.en)) gaps.push(`${lang}: ${key} is not in English`);
          }
          return gaps;
        }"""
    )
    assert gaps == []
    # Every key the page names exists.
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    keys = set(re.findall(r'data-i18n(?:-aria-label)?="([^"]+)"', html))
    missing = page.evaluate(
        """async (keys) => {
          const { STRINGS } = await import("/static/i18n.js");
          return keys.filter((k) => !(k in STRINGS.en));
        }""",
        sorted(keys),
    )
    assert missing == []


def test_a_phone_screen_needs_no_sideways_scrolling(
    visit: Callable[..., Visit], photos: Photos
) -> None:
    page = visit(width=375, height=812).page

    def fits() -> None:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"the page is {width}px wide on a 375px screen"

    fits()
    choose(page, [photos.chelsea, photos.coffee])
    fits()
    shoot(page, "8-phone.png")
    page.click("#send")
    expect(page.locator("#created-heading")).to_be_visible()
    fits()
    page.check("#saved")
    page.click("#continue")
    expect(page.locator("#status-heading")).to_be_visible()
    page.click("#hashes-details summary")  # open the table of fingerprints
    fits()
    shoot(page, "9-phone-status.png")


def test_a_case_can_be_made_with_the_keyboard_alone(
    visit: Callable[..., Visit], photos: Photos
) -> None:
    page = visit().page
    # Listen for the file chooser from the start: Playwright turns Chromium's chooser interception
    # on lazily, and a listener added just before the key press can lose that race.
    choosers: list[FileChooser] = []
    page.on("filechooser", lambda chooser: choosers.append(chooser))

    def tab_to(target: str, limit: int = 30) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == target:
                return
        raise AssertionError(f"Tab never reached #{target}")

    tab_to("files")
    # The focused file input shows its focus ring on the button-like label.
    outline = page.evaluate(
        "getComputedStyle(document.querySelector('label[for=files]')).outlineStyle"
    )
    assert outline != "none"
    page.keyboard.press("Space")
    for _ in range(100):
        if choosers:
            break
        page.wait_for_timeout(100)
    assert choosers, "Space on the focused file input opened no file chooser"
    choosers[0].set_files([str(photos.chelsea), str(photos.coffee)])
    expect(page.locator("#send-area")).to_be_visible(timeout=30_000)
    # Removing a photo by keyboard keeps the focus in the list.
    tab_to("blur")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first photo's Remove
    expect(page.locator("#photos li")).to_have_count(1)
    assert page.evaluate("document.activeElement.closest('#photos') !== null")

    tab_to("send")
    page.keyboard.press("Enter")
    expect(page.locator("#created-heading")).to_be_focused()
    tab_to("saved")
    page.keyboard.press("Space")
    assert page.locator("#saved").is_checked()
    tab_to("continue")
    page.keyboard.press("Enter")
    expect(page.locator("#status-heading")).to_be_focused()
    expect(page.locator("#hashes-count")).to_have_text("3 fingerprints.")


# WCAG 2.2 contrast of every visible piece of text against the first opaque background behind
# it: 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
CONTRAST = """() => {
  const rgba = (css) => {
    const [r, g, b, a = 1] = css.match(/[\\d.]+/g).map(Number);
    return [r, g, b, a];
  };
  const luminance = ([r, g, b]) => {
    const linear = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const behind = (node) => {
    for (let at = node; at; at = at.parentElement) {
      const colour = rgba(getComputedStyle(at).backgroundColor);
      if (colour[3] === 1) return colour;
    }
    return [255, 255, 255, 1];
  };
  const failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text; (text = walker.nextNode()); ) {
    const node = text.parentElement;
    if (!text.textContent.trim() || !node.checkVisibility({ opacityProperty: true })) continue;
    if (node.closest(".visually-hidden, .skip")) continue;
    const style = getComputedStyle(node);
    const [a, b] = [luminance(rgba(style.color)), luminance(behind(node))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) failures.push(`${ratio.toFixed(2)}: ${text.textContent.trim()}`);
  }
  return failures;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_has_enough_contrast(visit: Callable[..., Visit], photos: Photos, scheme: str) -> None:
    page = visit(scheme=scheme).page
    page.click("text=The technical details")
    choose(page, [photos.chelsea])
    page.click("#send-area summary")
    assert page.evaluate(CONTRAST) == []
    page.click("#send")
    expect(page.locator("#created-heading")).to_be_visible()
    assert page.evaluate(CONTRAST) == []
    page.check("#saved")
    page.click("#continue")
    page.click("#hashes-details summary")
    assert page.evaluate(CONTRAST) == []
    page.click("#withdraw")
    assert page.evaluate(CONTRAST) == []
    if scheme == "dark":
        page.click("#withdraw-cancel")
        shoot(page, "10-dark.png")


def test_the_page_is_served_with_a_strict_security_policy(live_server: LiveServer) -> None:
    for path in ("/", "/static/app.js", "/static/style.css", "/static/worker.js"):
        response = httpx.get(live_server.url + path)
        assert response.status_code == 200, path
        headers = response.headers
        policy = headers["content-security-policy"]
        if path == "/static/worker.js":
            # The hashing worker's own, stricter still (test_protect_page.py checks them all).
            assert policy == WORKER_POLICIES["worker.js"]
            assert "default-src 'none'" in policy
        else:
            assert policy == CONTENT_SECURITY_POLICY
            for directive in ("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"):
                assert directive in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["permissions-policy"] == "camera=(), microphone=(), geolocation=()"
    assert "javascript" in httpx.get(live_server.url + "/static/app.js").headers["content-type"]


def test_the_page_has_no_inline_code_and_no_outside_address() -> None:
    """What the policy forbids is not there to be blocked; no file names another site."""
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert "<style" not in html
    assert " style=" not in html
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"
    for script in re.findall(r"<script[^>]*>", html):
        assert 'src="' in script, script
    for path in STATIC.iterdir():
        if path.is_dir():
            continue  # vendor/: third-party builds (scripts/vendor), loaded only from here
        text = path.read_text(encoding="utf-8")
        addresses = re.findall(r"https?://[^\s\"')]+", text)
        # The quick exit's neutral page is gone to, never loaded into this one.
        if path.name == "app.js":
            addresses = [a for a in addresses if a != NEUTRAL_PAGE]
        assert addresses == [] or path.name == "icon.svg", f"{path.name}: {addresses}"


def test_a_photo_chosen_twice_is_sent_once(visit: Callable[..., Visit], photos: Photos) -> None:
    page = visit().page
    choose(page, [photos.chelsea, photos.coffee, photos.chelsea])
    states = page.locator("#photos .photo-state")
    expect(states.nth(2)).to_have_text("You already chose this photo.")
    assert len(json.loads(page.locator("#preview").text_content() or "")["images"]) == 2
    page.locator("#photos li button").first.click()  # the first chelsea goes; its twin stays
    expect(states).to_have_text(["Fingerprints ready", "Fingerprints ready"])
    assert len(json.loads(page.locator("#preview").text_content() or "")["images"]) == 2


def test_what_the_page_can_only_match_exactly(visit: Callable[..., Visit], tmp_path: Path) -> None:
    """A format the browser cannot decode, a plain picture, and a file that is no picture."""
    # TIFF: Chromium opens none, the server does. (HEIC it now opens with libheif.)
    heic, plain, notes = tmp_path / "scan.tif", tmp_path / "plain.png", tmp_path / "notes.txt"
    sample_photo("chelsea").save(heic, format="TIFF")
    Image.new("RGB", (400, 300), (128, 128, 128)).save(plain)
    notes.write_text("not a picture")
    page = visit().page
    choose(page, [heic, plain, notes])
    states = page.locator("#photos .photo-state")
    expect(states.nth(0)).to_contain_text("This browser can't open this kind of picture")
    expect(states.nth(1)).to_contain_text("This picture is very plain")
    expect(states.nth(2)).to_have_text("This doesn't look like a picture, so it can't be used.")
    sent = json.loads(page.locator("#preview").text_content() or "")["images"]
    expected = [hash_bytes(f.read_bytes(), min_quality=0) for f in (heic, plain)]
    assert sent == [{"md5": s.md5.hex, "sha256": s.sha256.hex} for s in expected]


def test_thumbnails_are_revoked_when_photos_are_removed(
    visit: Callable[..., Visit], photos: Photos
) -> None:
    page = visit().page
    choose(page, [photos.chelsea])
    url = page.locator("#photos img").get_attribute("src")
    assert url and url.startswith("blob:")
    page.click("#photos li button")
    expect(page.locator("#photos li")).to_have_count(0)
    # A revoked object URL no longer loads.
    loads = page.evaluate(
        """(url) => new Promise((done) => {
          const img = new Image();
          img.onload = () => done(true);
          img.onerror = () => done(false);
          img.src = url;
        })""",
        url,
    )
    assert loads is False


def test_a_lost_answer_is_sent_again_and_gets_the_same_case(
    visit: Callable[..., Visit], live_server: LiveServer, photos: Photos
) -> None:
    """The server makes the case, and its answer never reaches the page (a gateway timing out):
    the page sends the same request with the same Idempotency-Key, and shows that case's PIN."""
    page = visit().page
    keys: list[str] = []
    made: list[dict[str, Any]] = []

    def lose_the_first_answer(route: Route) -> None:
        keys.append(route.request.headers.get("idempotency-key", ""))
        if made:
            route.continue_()
            return
        made.append(route.fetch().json())  # the server got it and made the case
        route.abort("timedout")

    page.route("**/v1/cases", lose_the_first_answer)
    choose(page, [photos.chelsea])
    page.click("#send")
    expect(page.locator("#created-heading")).to_be_focused()
    assert len(keys) == 2 and keys[0] == keys[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", keys[0])
    assert page.locator("#new-case").text_content() == made[0]["case"]
    assert page.locator("#new-pin").text_content() == made[0]["pin"]
    case, values = stored(live_server, made[0]["case"])
    assert case.status == "active" and len(values["md5"]) == 1


def test_the_page_decides_by_the_services_own_limits(
    visit: Callable[..., Visit], photos: Photos, live_server: LiveServer
) -> None:
    """An operator who sets a higher quality floor or a smaller file limit is obeyed by the
    page, which asks the service (GET /v1/cases/limits) instead of deciding on its own."""
    state = live_server.app.state.unshared
    settings = state.settings
    chelsea = hash_bytes(photos.chelsea.read_bytes())
    small = photos.chelsea.stat().st_size + 1  # the phone photo is far larger
    state.settings = replace(settings, pdq_min_quality=chelsea.quality + 1, max_file_bytes=small)
    try:
        page = visit().page
        choose(page, [photos.chelsea, photos.phone])
        states = page.locator("#photos .photo-state")
        expect(states.nth(0)).to_contain_text("This picture is very plain")  # by this service
        expect(states.nth(1)).to_have_text("This file is too large to use here.")
        sent = json.loads(page.locator("#preview").text_content() or "")["images"]
        assert sent == [{"md5": chelsea.md5.hex, "sha256": chelsea.sha256.hex}]
    finally:
        state.settings = settings


# --- a minor's case, the quick exit, a phone full of photos -----------------------------------


def test_a_minors_case_reaches_platforms_as_one(
    visit: Callable[..., Visit], live_server: LiveServer, photos: Photos
) -> None:
    """One optional question; a yes points to help and marks every hash of the case ``minor``."""
    page = visit().page
    choose(page, [photos.chelsea])
    expect(page.locator("#minor-help")).to_be_hidden()
    assert json.loads(page.locator("#preview").text_content() or "")["minor"] is False
    page.check("#minor-yes")
    expect(page.locator("#minor-help")).to_be_visible()
    expect(page.locator("#minor-help")).to_contain_text("takeitdown.ncmec.org")
    expect(page.locator("#minor-help")).to_contain_text("Childline")
    assert page.locator("#minor-help a").count() == 0  # text to read, nothing fetched
    assert json.loads(page.locator("#preview").text_content() or "")["minor"] is True
    shoot(page, "19-minor.png")
    page.click("#send")
    expect(page.locator("#created-heading")).to_be_visible()
    number = page.locator("#new-case").text_content() or ""
    case = live_server.store.get_case(number)
    assert case.minor is True
    entries = live_server.store.entries(case_id=case.id, status=None)
    assert entries and {e.category for e in entries} == {"minor"}
    # The next case starts with no answer again.
    page.check("#saved")
    page.click("#continue")
    page.click("#close")
    choose(page, [photos.coffee])
    expect(page.locator("#minor-yes")).not_to_be_checked()


def test_a_case_answered_no_is_not_a_minors(
    visit: Callable[..., Visit], live_server: LiveServer, photos: Photos
) -> None:
    page = visit(locale="es-ES").page
    choose(page, [photos.coffee])
    expect(page.locator(".minor legend")).to_contain_text("menor de 18")
    page.check("#minor-no")
    expect(page.locator("#minor-help")).to_be_hidden()
    page.click("#send")
    expect(page.locator("#created-heading")).to_be_visible()
    case = live_server.store.get_case(page.locator("#new-case").text_content() or "")
    assert case.minor is False
    entries = live_server.store.entries(case_id=case.id, status=None)
    assert {e.category for e in entries} == {None}


def neutral_page(page: Page) -> list[str]:
    """Answer for the neutral page here, so nothing leaves the machine; the URLs asked for."""
    asked: list[str] = []

    def answer(route: Route) -> None:
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>Neutral</title>")

    page.route("https://www.google.com/**", answer)
    return asked


@pytest.mark.parametrize("how", ["button", "escape"])
def test_the_quick_exit_leaves_no_trace_in_history(
    visit: Callable[..., Visit], photos: Photos, how: str
) -> None:
    seen = visit()
    page = seen.page
    asked = neutral_page(page)
    choose(page, [photos.chelsea])
    length = page.evaluate("history.length")
    expect(page.locator("#quick-exit")).to_be_visible()
    with page.expect_navigation(url=NEUTRAL_PAGE):
        if how == "button":
            page.click("#quick-exit")
        else:
            for _ in range(3):
                page.keyboard.press("Escape")
    assert asked == [NEUTRAL_PAGE]
    # Replaced, not pushed: Back does not lead to the page.
    assert page.evaluate("history.length") == length
    # The neutral page is the tests' own answer, not the service's: check() skips it.
    seen.requests[:] = [r for r in seen.requests if r.url != NEUTRAL_PAGE]


def test_two_escapes_do_not_leave(visit: Callable[..., Visit]) -> None:
    page = visit().page
    asked = neutral_page(page)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert asked == []
    expect(page.locator("#pick-heading")).to_be_visible()


def test_the_send_button_stays_in_reach_with_thirty_photos_on_a_phone(
    visit: Callable[..., Visit], tmp_path: Path
) -> None:
    files = []
    for i in range(30):
        path = tmp_path / f"photo-{i:02}.jpg"
        photo = sample_photo("chelsea").resize((160 + i, 120 + i))
        photo.save(path, quality=80)
        files.append(path)
    page = visit(width=375, height=812).page
    choose(page, files)
    expect(page.locator("#photos .photo.ready")).to_have_count(30, timeout=60_000)
    page.locator("#photos li").first.scroll_into_view_if_needed()
    expect(page.locator("#send")).to_be_in_viewport()
    shoot(page, "20-phone-thirty.png")
    page.locator("#photos li").nth(15).scroll_into_view_if_needed()
    expect(page.locator("#send")).to_be_in_viewport()


@pytest.mark.parametrize(
    ("locale", "threat", "dont_pay", "line"),
    [
        ("en-GB", "Someone is threatening me", "Don't pay", "Revenge Porn Helpline"),
        ("es-ES", "Alguien me está amenazando", "No pagues", "INCIBE, 017"),
    ],
)
def test_help_says_what_happens_next_and_what_to_do_about_threats(
    visit: Callable[..., Visit], locale: str, threat: str, dont_pay: str, line: str
) -> None:
    page = visit(locale=locale).page
    help_ = page.locator("#help")
    expect(help_).to_be_visible()
    expect(help_.locator("h3")).to_have_count(4)
    expect(help_.locator(".threat h3")).to_have_text(threat)
    expect(help_.locator(".threat")).to_contain_text(dont_pay)
    expect(help_).to_contain_text(line)
    assert help_.locator("a, img, iframe").count() == 0  # words to read: nothing is loaded
    if locale == "en-GB":
        shoot(page, "21-help.png")


def test_times_follow_the_language_with_one_full_stop(visit: Callable[..., Visit]) -> None:
    """Spanish times end in "p. m.": a sentence that ends with one keeps a single full stop."""
    page = visit(locale="es-ES").page
    said = page.evaluate(
        """async () => {
          const { translate } = await import("/static/i18n.js");
          const { formatDate } = await import("/static/status.js");
          const at = "2026-12-01T17:30:00Z";
          return {
            es: translate("es", "status.opened", { date: formatDate(at, "es-MX") }),
            esTime: formatDate(at, "es-MX"),
            en: translate("en", "status.opened", { date: formatDate(at, "en-US") }),
          };
        }"""
    )
    assert "m." in said["esTime"], said  # Mexican Spanish writes "5:30 p.m."
    assert ".." not in said["es"], said
    assert said["es"].startswith("Abierto el ") and said["es"].endswith(".")
    assert said["es"] == f"Abierto el {said['esTime']}" + (
        "" if said["esTime"].endswith(".") else "."
    )
    assert said["en"].startswith("Opened on ") and said["en"].endswith(".")
    assert ".." not in said["en"]
