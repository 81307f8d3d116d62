"""Each language the page speaks, in Debian's headless Chromium: chosen from the browser's own
languages (what it sends as Accept-Language) and offered in the switch, with every string of the
catalogue (``test_page.test_every_language_has_every_string`` checks the keys), help in that
language's main countries, and dates and numbers written as the language writes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.conftest import LiveServer, browser_missing
from tests.web.tabs import Tab, open_tab

if (missing := browser_missing()) is not None:
    pytest.skip(missing, allow_module_level=True)

from playwright.sync_api import Browser, expect

#: The browser's language, and what the page must then show: its own code, and a helpline of
#: each main country of that language (the help section and, for under-18s, the minor's note).
LANGUAGES = {
    "en-GB": ("en", ["Revenge Porn Helpline", "Childline"]),
    "es-ES": ("es", ["INCIBE, 017", "ANAR"]),
    "fr-FR": ("fr", ["3018", "119", "Child Focus", "147"]),
    "pt-BR": ("pt", ["SaferNet", "Disque 100", "800 21 90 90", "116 006"]),
    "de-DE": ("de", ["HateAid", "116 111", "Rat auf Draht", "147"]),
    "it-IT": ("it", ["Telefono Azzurro", "19696", "114", "1522"]),
}
#: What each language's page is called in the switch, in that language.
NAMES = ["English", "Español", "Français", "Português", "Deutsch", "Italiano"]


@pytest.fixture
def tabs(browser: Browser, live_server: LiveServer) -> Iterator[Any]:
    """Opens the page in a fresh context with the browser set to a language; checks every request
    after the test (``Tab.check``)."""
    contexts: list[Any] = []
    opened: list[Tab] = []

    def start(locale: str) -> Tab:
        context = browser.new_context(locale=locale, base_url=live_server.url)
        context.set_default_timeout(20_000)
        contexts.append(context)
        tab = open_tab(context, live_server.url)
        opened.append(tab)
        return tab

    yield start
    for context in contexts:
        context.close()
    for tab in opened:
        tab.check()


def test_each_language_comes_from_the_browser_and_is_in_the_switch(tabs: Any) -> None:
    for locale, (code, lines) in LANGUAGES.items():
        page = tabs(locale).page
        assert page.evaluate("document.documentElement.lang") == code
        strings = page.evaluate(
            """async (code) => (await import("/static/i18n.js")).STRINGS[code]""", code
        )
        expect(page.locator("#pick-heading")).to_have_text(strings["start.title"])
        expect(page.locator("#help-heading")).to_have_text(strings["help.title"])
        switch = page.locator("#languages button")
        expect(switch).to_have_text(NAMES)
        assert switch.evaluate_all("bs => bs.map(b => b.lang)") == [
            "en",
            "es",
            "fr",
            "pt",
            "de",
            "it",
        ]
        expect(page.locator(f"button[data-lang={code}]")).to_have_attribute("aria-pressed", "true")
        help_ = page.locator("#help")
        for line in lines:
            expect(help_).to_contain_text(line)
        # Help is words to read: no link, nothing loaded from a helpline's site.
        assert help_.locator("a, img, iframe").count() == 0


def test_switching_language_changes_every_string_on_screen(tabs: Any) -> None:
    page = tabs("en-GB").page
    for code in ("fr", "pt", "de", "it", "en"):
        page.click(f"button[data-lang={code}]")
        assert page.evaluate("document.documentElement.lang") == code
        strings = page.evaluate(
            """async (code) => (await import("/static/i18n.js")).STRINGS[code]""", code
        )
        # Every element the markup names a string for shows that language's string.
        wrong = page.evaluate(
            """(strings) => [...document.querySelectorAll("[data-i18n]")]
                 .filter((node) => typeof strings[node.dataset.i18n] === "string")
                 .filter((node) => node.textContent !== strings[node.dataset.i18n])
                 .map((node) => node.dataset.i18n)""",
            strings,
        )
        assert wrong == [], (code, wrong)


def test_dates_and_numbers_follow_each_language(tabs: Any) -> None:
    """Each language's own date, time and number forms (Intl with the page's language), and a
    sentence ending in a date never ends in two full stops ("p.m.." was Spanish's)."""
    page = tabs("en-GB").page
    said = page.evaluate(
        """async () => {
          const { STRINGS, translate } = await import("/static/i18n.js");
          const { formatDate } = await import("/static/status.js");
          const at = "2026-12-01T17:30:00Z";
          const tags = { en: "en-US", es: "es-MX", fr: "fr-FR", pt: "pt-BR", de: "de-DE",
                         it: "it-IT" };
          const out = {};
          for (const lang of Object.keys(STRINGS)) {
            const date = formatDate(at, tags[lang]);
            out[lang] = {
              date,
              opened: translate(lang, "status.opened", { date }),
              template: STRINGS[lang]["status.opened"],
              mb: translate(lang, "pick.sizeMB", { n: 2.5 }),
              count: translate(lang, "status.hashesCount", { n: 12345 }),
              one: translate(lang, "status.hashesCount", { n: 1 }),
              thousand: new Intl.NumberFormat(lang).format(12345),
            };
          }
          return out;
        }"""
    )
    assert set(said) == {"en", "es", "fr", "pt", "de", "it"}
    for lang, s in said.items():
        assert "2026" in s["date"], (lang, s)
        assert ".." not in s["opened"], (lang, s)
        assert s["opened"].endswith("."), (lang, s)
        # The sentence is the template with the date put in, sharing one full stop.
        before = s["template"].split("{date}")[0]
        assert s["opened"].startswith(before + s["date"].rstrip(".")), (lang, s)
        assert s["thousand"] in s["count"], (lang, s)
        assert s["one"].startswith("1 "), (lang, s)
    # The forms themselves, as each language writes them.
    assert "5:30" in said["en"]["date"] and "PM" in said["en"]["date"]
    assert said["es"]["opened"].count(".") >= 1 and "m." in said["es"]["date"]
    for lang in ("fr", "pt", "de", "it"):
        assert "17:30" in said[lang]["date"], said[lang]  # a 24-hour clock
    assert said["de"]["date"].startswith("01.12.2026"), said["de"]
    assert re.match(r"1 déc\. 2026", said["fr"]["date"]), said["fr"]
    assert said["en"]["mb"] == "2.5 MB"
    assert said["fr"]["mb"] == "2,5 Mo"
    for lang in ("es", "pt", "de", "it"):
        assert said[lang]["mb"] == "2,5 MB", said[lang]
    assert said["en"]["count"] == "12,345 fingerprints."
    assert said["de"]["count"] == "12.345 Fingerabdrücke."
    assert said["fr"]["count"] == "12\u202f345 empreintes."
    assert said["it"]["count"] == "12.345 impronte."
