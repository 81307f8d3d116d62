"""Screenshots of every step of the page, on a desktop and on a phone, for docs/page.md.

Drives Debian's headless Chromium (``/usr/bin/chromium``, through Playwright) through a person's
way on a real server on 127.0.0.1 (SQLite in a temporary folder), with a small site on
127.0.0.1 serving a copy, so a case shows a link and its takedown notice. The photos are
ordinary pictures this script draws (a landscape, shapes, textures): never anyone's photo.

Each step is the screen as the person sees it, scrolled to what the step is about, saved as
``docs/page/<screen>-<nn>-<step>.png`` with 96 colours (a few tens of kilobytes).

    PYTHONPATH=src .venv/bin/python scripts/screenshots.py [--out docs/page]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests' server and site, for a real service on 127.0.0.1

from tests.takedown.site import Page as SitePage  # noqa: E402
from tests.takedown.site import serve_site  # noqa: E402
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from unshared.client import Client  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from tests.takedown.site import Site
    from tests.web.conftest import LiveServer

SCREENS = {"desktop": (1024, 760), "phone": (375, 740)}
#: The start in each other language the page speaks.
LANGUAGES = ("es", "fr", "pt", "de", "it")
TIMEOUT_MS = 120_000


def drawn_picture(seed: int, size: tuple[int, int] = (900, 675)) -> Image.Image:
    """An ordinary picture, drawn: sky, sun, hills, a few trees, a fence, and fine grain, so it has
    the texture and detail a photo has (a PDQ of good quality, and features to protect)."""
    rng = np.random.default_rng(seed)
    width, height = size
    y = np.linspace(0, 1, height)[:, None, None]
    top, bottom = rng.uniform(60, 200, 3), rng.uniform(150, 255, 3)
    sky = (top * (1 - y) + bottom * y) * np.ones((1, width, 1))
    image = Image.fromarray(sky.astype(np.uint8))
    draw = ImageDraw.Draw(image)
    sx, sy, r = rng.uniform(0.1, 0.9) * width, rng.uniform(0.1, 0.35) * height, 40 + seed % 30
    draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=tuple(rng.integers(200, 256, 3)))
    for layer in range(3):
        base = height * (0.55 + 0.12 * layer)
        xs = np.linspace(0, width, 40)
        ys = base + np.cumsum(rng.normal(0, 9, 40))
        colour = tuple(int(c) for c in rng.integers(30, 150, 3))
        draw.polygon(
            [(0, height), *zip(xs.tolist(), ys.tolist(), strict=True), (width, height)], colour
        )
    for _ in range(6 + seed % 5):
        tx, ty = rng.uniform(0, width), rng.uniform(0.55, 0.85) * height
        draw.rectangle((tx - 4, ty, tx + 4, ty + 40), fill=(70, 45, 25))
        draw.ellipse((tx - 25, ty - 45, tx + 25, ty + 10), fill=tuple(rng.integers(20, 110, 3)))
    for x in range(0, width, 36):
        draw.line((x, height * 0.9, x, height), fill=(120, 90, 60), width=4)
    draw.line((0, height * 0.93, width, height * 0.93), fill=(120, 90, 60), width=3)
    grain = rng.normal(0, 7, (height, width, 3))
    pixels = np.clip(np.asarray(image.filter(ImageFilter.SMOOTH), float) + grain, 0, 255)
    return Image.fromarray(pixels.astype(np.uint8))


def save_pictures(folder: Path, count: int) -> list[Path]:
    paths = []
    for seed in range(count):
        path = folder / f"IMG_{2040 + seed}.jpg"
        drawn_picture(seed).save(path, quality=88)
        paths.append(path)
    return paths


def shooter(page: Page, out: Path, screen: str) -> Callable[..., None]:
    """Saves the screen, scrolled to ``selector`` (the top when None), as the next step."""
    steps = [0]

    def shoot(step: str, selector: str | None = None) -> None:
        steps[0] += 1
        if selector is None:
            page.evaluate("window.scrollTo(0, 0)")
        else:
            page.locator(selector).first.evaluate("n => n.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(150)
        shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        name = out / f"{screen}-{steps[0]:02d}-{step}.png"
        shot.quantize(colors=96, dither=Image.Dither.NONE).save(name, optimize=True)
        print(name.relative_to(ROOT) if name.is_relative_to(ROOT) else name)

    return shoot


def walk(
    browser: Browser, server: LiveServer, site: Site, photos: list[Path], out: Path, screen: str
) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    width, height = SCREENS[screen]
    context = browser.new_context(
        locale="en-GB", viewport={"width": width, "height": height}, base_url=server.url
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/")
    shoot = shooter(page, out, screen)

    shoot("start")
    shoot("help", "#help-heading")
    page.set_input_files("#files", [str(p) for p in photos])
    expect(page.locator("#photos .photo.ready")).to_have_count(len(photos))
    shoot("photos-chosen", "#photos")
    page.check("#minor-yes")
    shoot("under-18", "fieldset.minor")
    page.click("details.preview summary")
    shoot("what-is-sent", "details.preview")
    page.click("#send")
    expect(page.locator("#created-heading")).to_be_visible()
    shoot("case-number-and-pin", "#created-heading")
    page.check("#saved")
    page.click("#continue")
    expect(page.locator("#notices:not([aria-busy]) > *").first).to_be_visible()
    shoot("the-case")
    page.click("#withdraw")
    shoot("withdraw", "#withdraw-heading")
    page.click("#withdraw-cancel")
    page.click("#close")

    # A case with a copy found at a link, and its takedown notice.
    with Client(server.url) as person:
        made = person.hash_and_create_case([photos[0]])
    smaller = Image.open(photos[0]).resize((600, 450))
    buffer = io.BytesIO()
    smaller.save(buffer, "JPEG", quality=70)
    copy = site.put(
        "/u/8841/IMG_2291.jpg",
        SitePage(body=buffer.getvalue(), headers={"Content-Type": "image/jpeg"}),
    )
    page.click("#go-signin")
    page.fill("#case-number", made.number)
    page.fill("#case-pin", "AAAAA-AAAAA")
    page.click("#signin-submit")
    expect(page.locator("#signin-error")).not_to_be_empty()
    shoot("sign-in-refused", "#signin-heading")
    page.fill("#case-pin", made.pin)
    page.click("#signin-submit")
    expect(page.locator("#links:not([aria-busy]) > *").first).to_be_visible()
    page.fill("#link-url", copy)
    page.click("#link-submit")
    expect(page.locator("#notices article")).to_have_count(1)
    shoot("a-link-to-a-copy", "#links-heading")
    shoot("its-takedown-notice", "#notices-heading")
    page.locator("#notices article").first.get_by_role(
        "button", name="Ask us to send it for me"
    ).click()
    shoot("sending-the-notice-for-you", "form.authorise")
    page.click("#close")

    # Protecting ordinary photos.
    page.click("#go-protect")
    expect(page.locator("#protect-state")).to_have_text("Ready to protect photos.")
    shoot("protect")
    page.set_input_files("#files", [str(photos[1])])
    expect(page.locator("#send-area")).to_be_visible()
    shoot("protect-a-photo-ready", "#photos")
    page.click("#protect-back")

    for code in LANGUAGES:
        page.click(f"button[data-lang={code}]")
        shoot(f"start-{code}")
        # Where to turn: the threats and the helplines on a desktop, the helplines on a phone.
        lines = "help.threatTitle" if screen == "desktop" else "help.linesTitle"
        shoot(f"help-{code}", f'[data-i18n="{lines}"]')
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "page")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        photos = save_pictures(Path(tmp), 8)
        with (
            serve(Path(tmp) / "home", fetch_allow_networks="127.0.0.1/32") as server,
            serve_site() as site,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for screen in SCREENS:
                walk(browser, server, site, photos, args.out, screen)
            browser.close()


if __name__ == "__main__":
    main()
