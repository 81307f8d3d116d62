"""HEIC photos (an iPhone's) in Chromium, which cannot open them: the page decodes them with
libheif compiled to WebAssembly (``static/heif.js``, ``vendor/libheif.mjs``, fetched only for a
HEIC file), so they get a picture hash like any photo, not only exact ones. The server decodes
the same files with pillow-heif, on the same libheif (1.23), so both hashes agree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.imaging import encode, sample_photo
from tests.web.conftest import browser_missing
from tests.web.tabs import Tab
from unshared.hashing import hash_bytes
from unshared.signals import Pdq
from unshared.web.serve import STATIC

if (missing := browser_missing()) is not None:
    pytest.skip(missing, allow_module_level=True)
if not (STATIC / "vendor" / "libheif.mjs").is_file():
    pytest.skip("libheif is not vendored here: run scripts/vendor", allow_module_level=True)

from playwright.sync_api import expect

#: The page's PDQ of a HEIC file against the server's (measured: 0; the pixels are the same).
MAX_PDQ_BITS = 2


@pytest.fixture(scope="module")
def iphone(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """HEIC files made by pillow-heif from ordinary test photos: one small, and one large
    enough that both sides shrink it before hashing (by 2, as Image.reduce does)."""
    folder = tmp_path_factory.mktemp("iphone")
    small, large = folder / "IMG_0001.HEIC", folder / "IMG_0002.heic"
    small.write_bytes(encode(sample_photo("chelsea"), "HEIF"))
    big = sample_photo("coffee").resize((2400, 1600), Image.Resampling.LANCZOS)
    large.write_bytes(encode(big, "HEIF", quality=90))
    return {"small": small, "large": large, "jpeg": _jpeg(folder)}


def _jpeg(folder: Path) -> Path:
    path = folder / "IMG_0003.jpg"
    sample_photo("rocket").save(path, quality=90)
    return path


def test_a_heic_photo_gets_the_servers_picture_hash_in_chromium(
    open_page: Callable[..., Tab], iphone: dict[str, Path]
) -> None:
    tab = open_page()
    page = tab.page
    page.set_input_files("#files", [str(iphone["jpeg"])])
    expect(page.locator("#photos .photo.ready")).to_have_count(1, timeout=30_000)
    assert "/static/vendor/libheif.mjs" not in tab.asked_for()  # only for a HEIC file

    page.set_input_files("#files", [str(iphone["small"]), str(iphone["large"])])
    expect(page.locator("#photos .photo-state")).to_have_text(["Fingerprints ready"] * 3)
    assert tab.asked_for().count("/static/vendor/libheif.mjs") == 1
    sent = json.loads(page.locator("#preview").text_content() or "")["images"]
    for name in ("small", "large"):
        python = hash_bytes(iphone[name].read_bytes())
        (image,) = [i for i in sent if i["md5"] == python.md5.hex]
        assert python.pdq.distance(Pdq.from_hex(image["pdq"])) <= MAX_PDQ_BITS, name
        assert abs(image["quality"] - python.quality) <= 5, name
    page.click("#send")
    expect(page.locator("#created-heading")).to_be_visible()
