"""Protecting ordinary photos from the page, end to end: a real server on 127.0.0.1 and Debian's
headless Chromium, running the server's OpenCV compiled to WebAssembly in the protect worker.

- Parity: the features the page sends for each test photo are the server's own for the same file
  (``extract(decode_for_pdq(bytes))``): the same keypoints, bit for bit, wherever the server
  decodes the photo at full size (every PNG, and a JPEG whose short side is under 1,024 pixels);
  descriptors within ``DESCRIPTOR_BITS`` of 256 bits and at least ``IDENTICAL`` of them bit for
  bit (they differ only where the WebAssembly build computes a keypoint's angle a hair apart).
  A large JPEG the server decodes at a reduced size (libjpeg's DCT scaling, which no browser
  offers), and a HEIC (the page's libheif in WebAssembly and the server's pillow-heif decode
  some pixels a few levels apart), come within ``NEAR_SHARE`` keypoints at the same place, and
  the two sets of features verify against each other with at least ``PAIR_INLIERS`` of 500.
- What counts: an edited copy (a third replaced by another picture, recompressed) of a photo
  protected from the page is found through ``/v1/match/image``.
- Requests, checked one by one at both ends: only features and hashes leave, never image bytes.
- OpenCV is fetched only by someone who protects photos; without it the page says protecting is
  unavailable.

Screenshots go to ``UNSHARED_SCREENSHOTS`` as in ``test_page.py``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from PIL import Image, ImageOps

from bench.transforms import TRANSFORMS, rng_for
from tests.imaging import encode, sample_photo
from tests.web.conftest import LiveServer, browser_missing
from tests.web.tabs import Tab, assert_only_features_and_hashes
from unshared.features import Features, extract, features_from_hex, fit, verify
from unshared.hashing import hash_bytes
from unshared.hashing.decode import decode_for_pdq
from unshared.signals import Pdq
from unshared.web.serve import CONTENT_SECURITY_POLICY, STATIC, WORKER_POLICIES

if (missing := browser_missing()) is not None:
    pytest.skip(missing, allow_module_level=True)
if not (STATIC / "vendor" / "opencv.js").is_file():
    pytest.skip("OpenCV is not vendored here: run scripts/vendor", allow_module_level=True)

from playwright.sync_api import Page, expect

from tests.web.test_page import CONTRAST, shoot

#: Of 256 bits, the most a browser descriptor may differ from the server's, for the same keypoint.
DESCRIPTOR_BITS = 4
#: The least share of descriptors identical bit for bit (measured: 96.6% to 99.2%).
IDENTICAL = 0.95
#: A reduced-size JPEG decode, or a HEIC: the least share of the page's keypoints within a pixel
#: (of the 640 the server brings the photo to) of one of the server's (measured: 0.93 to 0.97) ...
NEAR_SHARE = 0.85
#: ... and the least inliers when the two sets of features are verified against each other
#: (measured: 462 to 486 of 500; a copy needs 15).
PAIR_INLIERS = 300
#: The browser's PDQ against Python's, for the same file.
MAX_PDQ_BITS = 4
#: The server decodes a JPEG at full size when its short side is under this (docs/hashing.md).
FULL_DECODE_BELOW = 2 * 512


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Ordinary test photos, as a person might have them: JPEGs, a PNG, a phone-size JPEG stored
    sideways with an EXIF turn (decoded at a quarter of its size by the server), and an iPhone's
    HEIC (decoded by libheif on both sides)."""
    folder = tmp_path_factory.mktemp("ordinary")
    out = {
        "chelsea": folder / "chelsea.jpg",
        "coffee": folder / "coffee.png",
        "astronaut": folder / "astronaut.jpg",
        "phone": folder / "IMG_0042.jpg",
        "heic": folder / "IMG_0043.heic",
    }
    out["heic"].write_bytes(encode(sample_photo("camera"), "HEIF"))
    sample_photo("chelsea").save(out["chelsea"], quality=90)
    sample_photo("coffee").save(out["coffee"])
    sample_photo("astronaut").save(out["astronaut"], quality=85)
    exif = Image.Exif()
    exif[0x0112] = 6
    big = sample_photo("rocket").resize((4032, 3024), Image.Resampling.LANCZOS)
    big.save(out["phone"], quality=90, exif=exif.tobytes())
    return out


def protect(page: Page, files: list[Path]) -> None:
    page.click("#go-protect")
    expect(page.locator("#pick-heading")).to_have_text("Protect ordinary photos of you")
    expect(page.locator("#protect-state")).to_have_text("Ready to protect photos.", timeout=60_000)
    page.set_input_files("#files", [str(f) for f in files])
    expect(page.locator("#send-area")).to_be_visible(timeout=120_000)


def sent_images(live_server: LiveServer, start: int) -> dict[str, dict[str, Any]]:
    """The protected photos the server received since ``start``, by their MD5."""
    bodies = [s.body for s in live_server.seen[start:] if s.path == "/v1/cases/protect"]
    assert len(bodies) == 1
    return {image["md5"]: image for image in json.loads(bodies[0])["images"]}


def servers(data: bytes) -> Features:
    """The server's own features of a file, as ``Unshared.register_image`` makes them."""
    return extract(decode_for_pdq(data))


def assert_same_features(page: Features, server: Features, name: str, full_decode: bool) -> None:
    if full_decode:
        assert np.array_equal(page.points, server.points), f"{name}: other keypoints"
        bits = np.unpackbits(page.descriptors ^ server.descriptors, axis=1).sum(axis=1)
        assert bits.max() <= DESCRIPTOR_BITS, f"{name}: a descriptor {bits.max()} bits apart"
        assert (bits == 0).mean() >= IDENTICAL, f"{name}: {(bits == 0).mean():.3f} identical"
        return
    apart = np.linalg.norm(page.points[:, None] - server.points[None], axis=2).min(axis=1)
    near = float((apart * 640 < 1).mean())
    assert near >= NEAR_SHARE, f"{name}: {near:.3f} of the keypoints in place"
    assert verify(page, server) >= PAIR_INLIERS, f"{name}: {fit(page, server)}"


def edited(photo: Image.Image, donor: Image.Image) -> bytes:
    """A fake made from ``photo``: a third of it replaced by another picture, recompressed."""
    copy = TRANSFORMS["edit_donor_35"].apply(photo, rng_for(7, "edit_donor_35", 0), donor=donor)
    return encode(copy, "JPEG", quality=80)


def test_protected_photos_carry_the_servers_features_and_their_fakes_are_found(
    open_page: Callable[..., Tab], live_server: LiveServer, photos: dict[str, Path]
) -> None:
    page = open_page().page
    start = len(live_server.seen)
    protect(page, list(photos.values()))
    states = page.locator("#photos .photo-state")
    expect(states).to_have_text(["Ready to protect"] * len(photos))
    expect(page.locator("#progress")).to_have_text(
        "5 photos are ready to protect. Nothing has been sent yet."
    )
    page.click("#send-area summary")
    preview = page.locator("#preview").text_content() or ""
    assert "… (32,000)" in preview  # shortened on screen, and says so
    shoot(page, "19-protect.png")

    page.click("#send")
    expect(page.locator("#created-heading")).to_be_focused()
    number = page.locator("#new-case").text_content() or ""
    page.check("#saved")
    page.click("#continue")
    expect(page.locator("#status-summary")).to_contain_text("edited copies of these photos")
    expect(page.locator("#hashes-count")).to_have_text("15 fingerprints.")
    shoot(page, "20-protect-status.png")

    # Parity: what the page sent is what the server makes of the same files.
    received = sent_images(live_server, start)
    assert len(received) == len(photos)
    for name, path in photos.items():
        data = path.read_bytes()
        image = received[hashlib.md5(data).hexdigest()]
        python = hash_bytes(data)
        assert python.pdq.distance(Pdq.from_hex(image["pdq"])) <= MAX_PDQ_BITS, name
        assert image["sha256"] == python.sha256.hex
        with Image.open(path) as opened:
            width, height = opened.size
        full = path.suffix == ".png" or (
            path.suffix == ".jpg" and min(width, height) < FULL_DECODE_BELOW
        )
        assert_same_features(features_from_hex(**image["features"]), servers(data), name, full)

    # What counts: a fake made from a protected photo is found, through its features.
    store = live_server.store
    case = store.get_case(number)
    entries = {e.value: e for e in store.entries(case_id=case.id, signal_type="pdq")}
    _, key = live_server.app.state.unshared.platforms.create_key("a platform", "platform", "test")
    donor = sample_photo("coffee")
    for name in ("chelsea", "phone"):
        with Image.open(photos[name]) as opened:
            upright = ImageOps.exif_transpose(opened).convert("RGB")  # as the person sees it
        verdict = httpx.post(
            f"{live_server.url}/v1/match/image",
            content=edited(upright, donor),
            headers={"Authorization": f"Bearer {key}", "Content-Type": "image/jpeg"},
            timeout=60,
        ).json()
        expected = entries[received[hashlib.md5(photos[name].read_bytes()).hexdigest()]["pdq"]].id
        found = {(m["entry"], m["signal"]) for m in verdict["matches"]}
        assert (expected, "features") in found, (name, verdict)

    # Checked at the other end too: what reached the server was hashes and features only.
    for request in live_server.seen[start:]:
        if request.path == "/v1/match/image":
            continue  # the platform's, above
        assert not request.query, request.path
        if request.method == "POST":
            assert request.content_type == "application/json"
            assert_only_features_and_hashes(request.body, request.path)
        else:
            assert request.body == b"", request.path
    sent = sum(len(r.body) for r in live_server.seen[start:] if r.path.startswith("/v1/cases"))
    assert sent < sum(p.stat().st_size for p in photos.values()) / 4


def test_opencv_is_fetched_only_to_protect_photos(
    open_page: Callable[..., Tab], photos: dict[str, Path]
) -> None:
    tab = open_page()
    tab.page.set_input_files("#files", [str(photos["chelsea"])])
    expect(tab.page.locator("#send-area")).to_be_visible(timeout=30_000)
    tab.page.click("#send")
    expect(tab.page.locator("#created-heading")).to_be_visible()
    assert "/static/worker.js" in tab.asked_for()
    assert not [p for p in tab.asked_for() if "protect-worker" in p or "/vendor/" in p]
    tab.page.click("#continue")  # refused until the PIN is saved: the page stays
    tab.page.check("#saved")
    tab.page.click("#continue")
    tab.page.click("#close")
    tab.page.click("#go-protect")
    expect(tab.page.locator("#protect-state")).to_have_text("Ready to protect photos.")
    assert {"/static/protect-worker.js", "/static/vendor/opencv.js"} <= set(tab.asked_for())


def test_without_opencv_the_page_says_protecting_is_unavailable(
    open_page: Callable[..., Tab],
) -> None:
    page = open_page().page
    # As on a server set up without npm: the vendored build is not there.
    page.context.route("**/static/vendor/opencv.js", lambda route: route.fulfill(status=404))
    page.click("#go-protect")
    expect(page.locator("#protect-state")).to_contain_text("isn't available here", timeout=60_000)
    expect(page.locator("#files")).to_be_disabled()
    page.click("#protect-back")
    expect(page.locator("#files")).to_be_enabled()
    expect(page.locator("#pick-heading")).to_contain_text("Get intimate images")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_protect_views_have_enough_contrast(
    open_page: Callable[..., Tab], photos: dict[str, Path], scheme: str
) -> None:
    page = open_page(scheme=scheme).page
    protect(page, [photos["coffee"]])
    page.click("text=What the features are, technically")
    page.click("#send-area summary")
    assert page.evaluate(CONTRAST) == []


def test_a_phone_screen_needs_no_sideways_scrolling_to_protect(
    open_page: Callable[..., Tab], photos: dict[str, Path]
) -> None:
    page = open_page(width=375, height=812).page
    protect(page, [photos["chelsea"], photos["coffee"]])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width}px wide on a 375px screen"
    shoot(page, "21-protect-phone.png")


def test_the_workers_have_their_own_policies_and_opencv_comes_gzipped(
    live_server: LiveServer,
) -> None:
    page = httpx.get(live_server.url + "/")
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY
    for name, policy in WORKER_POLICIES.items():
        answer = httpx.get(f"{live_server.url}/static/{name}")
        assert answer.headers["content-security-policy"] == policy
        assert "default-src 'none'" in policy and "connect-src" not in policy
    assert "'unsafe-eval'" in WORKER_POLICIES["protect-worker.js"]
    assert "'unsafe-eval'" not in WORKER_POLICIES["worker.js"]

    plain = (STATIC / "vendor" / "opencv.js").read_bytes()
    with httpx.Client() as http:
        packed = http.get(
            f"{live_server.url}/static/vendor/opencv.js", headers={"Accept-Encoding": "gzip"}
        )
        assert packed.headers["content-encoding"] == "gzip"
        assert "javascript" in packed.headers["content-type"]
        assert int(packed.headers["content-length"]) < len(plain) / 3
        assert packed.content == plain  # httpx undoes the gzip
        again = http.get(
            f"{live_server.url}/static/vendor/opencv.js",
            headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["etag"]},
        )
        assert again.status_code == 304
        as_is = http.get(
            f"{live_server.url}/static/vendor/opencv.js", headers={"Accept-Encoding": "identity"}
        )
        assert "content-encoding" not in as_is.headers and as_is.content == plain
    assert gzip.decompress((STATIC / "vendor" / "opencv.js.gz").read_bytes()) == plain
