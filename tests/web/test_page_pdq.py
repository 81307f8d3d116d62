"""The page's PDQ of real files agrees with Python's ``hash_bytes`` of the same files.

``test_pdq_js.py`` shows the JavaScript PDQ is bit-exact on the same pixels. Here the pixels come
from the browser's own decoder, EXIF handling and shrinking (``fingerprint.js``, run in the page's
hashing worker), and Python's from Pillow, so they may differ a little. What must not differ is a
decision: every file's browser hash matches its Python hash (distance <= 31), and against every
other file each side decides match / no match alike, as does the quality gate.

Photos: the PDQ reference images, the Kodak set, a seeded sample of the ImageNet sample, and
phone-size copies made from a few of them (JPEG 12 MP with and without EXIF rotation, a PNG
screenshot, WebP). Skipped when ``../shared/data`` is absent. Run with ``-s`` for the figures:
``.venv/bin/pytest tests/web/test_page_pdq.py -s``.
"""

from __future__ import annotations

import base64
import io
import random
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from tests.web.conftest import LiveServer, browser_missing
from unshared.hashing import hash_bytes
from unshared.signals import Pdq

if (missing := browser_missing()) is not None:
    pytest.skip(missing, allow_module_level=True)

MATCH = Pdq.DEFAULT_THRESHOLD
MIN_QUALITY = Pdq.DEFAULT_MIN_QUALITY  # the page sends no PDQ under it
MEDIAN_BITS = 4  # the aim for the median distance between the two
SEED = 20261125
IMAGENET_SAMPLE = 200
PHONE_SAMPLE = 24
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}

pytestmark = pytest.mark.slow


def phone_copy(photo: Path, kind: int, seed: int) -> tuple[str, bytes]:
    """One phone-size copy of a photo; ``kind`` picks the size, format and orientation.

    Sized up with seeded noise on top, as a camera's sensor leaves it, so the JPEG decoder's
    reduced decode has real detail to average (a smooth upscale would be too easy).
    """
    image = Image.open(photo).convert("RGB")
    size = [(4032, 3024), (4032, 3024), (1170, 2532), (2048, 1536)][kind]
    pixels = np.asarray(image.resize(size, Image.Resampling.LANCZOS), dtype=np.float32)
    pixels += np.random.default_rng(seed).normal(0, 6, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).round().astype(np.uint8))
    buffer = io.BytesIO()
    if kind == 0:  # a 12 MP portrait photo, stored sideways with an EXIF turn
        exif = Image.Exif()
        exif[0x0112] = 6
        image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
        label = "12 MP JPEG, EXIF turn"
    elif kind == 1:
        image.save(buffer, "JPEG", quality=90)
        label = "12 MP JPEG"
    elif kind == 2:
        image.save(buffer, "PNG")
        label = "PNG screenshot"
    else:
        image.save(buffer, "WEBP", quality=90)
        label = "WebP"
    return f"{label}: {photo.name}", buffer.getvalue()


def corpus(shared: Path) -> list[tuple[str, str, bytes]]:
    """(group, name, file bytes) for every file compared."""
    files: list[tuple[str, str, bytes]] = []
    vectors = shared / "pdq-vectors"
    for path in sorted(vectors.rglob("*")):
        if path.suffix.lower() in SUFFIXES:
            files.append(
                ("PDQ reference images", str(path.relative_to(vectors)), path.read_bytes())
            )
    for path in sorted((shared / "photos" / "kodak24" / "images").iterdir()):
        files.append(("Kodak", path.name, path.read_bytes()))
    imagenet = sorted((shared / "photos" / "imagenet-sample-1k" / "images").iterdir())
    rng = random.Random(SEED)
    for path in rng.sample(imagenet, IMAGENET_SAMPLE):
        files.append(("ImageNet sample", path.name, path.read_bytes()))
    for i, path in enumerate(rng.sample(imagenet, PHONE_SAMPLE)):
        files.append(("phone-size copies", *phone_copy(path, i % 4, SEED + i)))
    return files


def browser_fingerprints(page: Any, files: list[tuple[str, str, bytes]]) -> list[dict[str, Any]]:
    page.evaluate(
        """async () => {
          const { Fingerprinter } = await import("/static/hashing.js");
          window.fingerprinter = new Fingerprinter();
        }"""
    )
    out = []
    for _, name, data in files:
        result = page.evaluate(
            """async (b64) => {
              const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
              try {
                return await window.fingerprinter.fingerprint(new Blob([bytes]));
              } catch (error) {
                return { error: String(error) };
              }
            }""",
            base64.b64encode(data).decode(),
        )
        assert "error" not in result, f"{name}: {result['error']}"
        out.append(result)
    return out


def bits(hashes: list[Pdq]) -> np.ndarray:
    packed = np.frombuffer(b"".join(h.value for h in hashes), np.uint8).reshape(-1, 32)
    return np.unpackbits(packed, axis=1)


def test_browser_pdq_makes_the_same_decisions_as_python(
    shared_data: Path, browser: Any, live_server: LiveServer
) -> None:
    files = corpus(shared_data)
    page = browser.new_page()
    try:
        page.goto(live_server.url + "/")
        found = browser_fingerprints(page, files)
    finally:
        page.close()

    python = [hash_bytes(data, min_quality=0) for _, _, data in files]
    distances: list[int] = []
    by_group: dict[str, list[int]] = {}
    worst: list[tuple[int, str]] = []
    for (group, name, _), result, signals in zip(files, found, python, strict=True):
        assert result["pdq"] is not None, f"{name}: the browser could not read it"
        assert (result["md5"], result["sha256"]) == (signals.md5.hex, signals.sha256.hex), name
        distance = signals.pdq.distance(Pdq.from_hex(result["pdq"]))
        distances.append(distance)
        by_group.setdefault(group, []).append(distance)
        worst.append((distance, name))
        assert distance <= MATCH, f"{name}: browser and Python PDQ {distance} bits apart"
        assert (result["quality"] >= MIN_QUALITY) == (signals.quality >= MIN_QUALITY), (
            f"{name}: quality {result['quality']} in the browser, {signals.quality} in Python"
        )

    # Every cross pair: does the browser's hash of file i match Python's of file j, as Python's
    # own hash of file i does?
    ours = bits([Pdq.from_hex(r["pdq"]) for r in found]).astype(np.int32)
    theirs = bits([signals.pdq for signals in python]).astype(np.int32)
    cross = ours @ (1 - theirs).T + (1 - ours) @ theirs.T
    reference = theirs @ (1 - theirs).T + (1 - theirs) @ theirs.T
    disagree = np.argwhere((cross <= MATCH) != (reference <= MATCH))
    names = [name for _, name, _ in files]
    assert disagree.size == 0, [
        (names[i], names[j], int(reference[i, j]), int(cross[i, j])) for i, j in disagree[:10]
    ]

    print(f"\nbrowser vs Python PDQ on the same files (bits; {len(files)} files):")
    for group, values in [*by_group.items(), ("all", distances)]:
        print(
            f"  {group:22} n={len(values):4}  median {statistics.median(values):4g}"
            f"  mean {statistics.mean(values):5.2f}  max {max(values):3}"
        )
    print("  distribution:", dict(sorted(Counter(distances).items())))
    print("  largest:", sorted(worst, reverse=True)[:5])
    pairs = len(files) * (len(files) - 1)
    print(f"  cross pairs with the same match decision: {pairs} of {pairs}")
    assert statistics.median(distances) <= MEDIAN_BITS
