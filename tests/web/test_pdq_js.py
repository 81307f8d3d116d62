"""The page's PDQ (``web/static/pdq.js``) gives the hashes of the Python side on the same pixels.

The Python side is Meta's C++ reference through ``pdqhash``. The JavaScript repeats its float32
arithmetic step for step, so on x86-64 every hash and quality here is identical (measured: 0 bits
on every image). ``MAX_BITS`` still allows a bit or two per image, because a ``pdqhash`` built to
fuse multiply-adds (as compilers for ARM may) rounds the DCT differently; most hashes must still
be exact, which no systematic mistake would leave.
"""

from __future__ import annotations

import csv
import random
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from skimage import data as skdata

from tests.imaging import encode
from tests.web.harness import NODE, SKIP_REASON, Job, pdq_job, run
from unshared.hashing import hash_bytes
from unshared.hashing.pdq import pdq_dihedral_of_dct, pdq_of_pixels
from unshared.signals import Pdq

if NODE is None:
    pytest.skip(SKIP_REASON, allow_module_level=True)

MAX_BITS = 2
MAX_QUALITY_GAP = 1
DIHEDRAL_ORDER = (
    "original rotate90 rotate180 rotate270 flipTopBottom flipLeftRight transpose transverse".split()
)


def distance(a: str, b: str) -> int:
    return Pdq.from_hex(a).distance(Pdq.from_hex(b))


# --- images the tests make ---------------------------------------------------------------------


def noise(height: int, width: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (height, width, 3), dtype=np.uint8)


def gradient(height: int = 200, width: int = 300) -> np.ndarray:
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.stack([x * 255 // width, y * 255 // height, (x + y) * 255 // (width + height)], 2)
    return rgb.astype(np.uint8)


def shapes(height: int = 131, width: int = 257) -> np.ndarray:
    """Discs and bars on a dark ground, odd sizes so no window divides evenly."""
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.full((height, width, 3), 30, dtype=np.uint8)
    rgb[(x - 60) ** 2 + (y - 60) ** 2 < 40**2] = (250, 200, 20)
    rgb[(x - 190) ** 2 + (y - 80) ** 2 < 30**2] = (20, 90, 240)
    rgb[100:120, 20:230] = (200, 30, 60)
    return rgb


def faint(height: int = 240, width: int = 320) -> np.ndarray:
    """Nearly flat: a low quality score, where a different score would show."""
    y, _ = np.mgrid[0:height, 0:width]
    grey = (120 + 8 * np.sin(y / 15)).astype(np.uint8)
    return np.repeat(grey[..., None], 3, axis=2)


def sample(name: str) -> np.ndarray:
    """One of scikit-image's bundled photos (shipped with it; nothing is downloaded), as RGB."""
    return np.asarray(Image.fromarray(getattr(skdata, name)()).convert("RGB"))


CASES: dict[str, Callable[[], np.ndarray]] = {
    "gradient": gradient,
    "shapes": shapes,
    "faint": faint,
    "noise 5x5 (smallest)": lambda: noise(5, 5),
    "noise 6x300 (thin)": lambda: noise(6, 300, 1),
    "noise 64x64 (no blur)": lambda: noise(64, 64, 2),
    "noise 65x63": lambda: noise(65, 63, 3),
    "noise 100x37 (narrow)": lambda: noise(100, 37, 4),
    "noise 129x300": lambda: noise(129, 300, 5),
    "noise 750x1000": lambda: noise(750, 1000, 6),
    **{
        name: (lambda name=name: sample(name))
        for name in (
            "astronaut coffee chelsea camera rocket moon coins page text brick clock cell"
            " microaneurysms immunohistochemistry hubble_deep_field retina"
        ).split()
    },
}


@pytest.fixture(scope="module")
def compared() -> dict[str, tuple[dict[str, Any], tuple[str, int]]]:
    """Per case: what the JavaScript gave, and the Python side's (hex, quality)."""
    pixels = {name: make() for name, make in CASES.items()}
    results = run([pdq_job(rgb) for rgb in pixels.values()])
    out = {}
    for (name, rgb), js in zip(pixels.items(), results, strict=True):
        pdq, quality = pdq_of_pixels(rgb)
        out[name] = (js, (pdq.hex, quality))
    return out


@pytest.mark.parametrize("name", CASES)
def test_pdq_matches_the_python_side(compared: dict, name: str) -> None:
    js, (hex_, quality) = compared[name]
    assert "error" not in js, js
    assert len(js["hash"]) == 64 and js["hash"] == js["hash"].lower()
    assert distance(js["hash"], hex_) <= MAX_BITS
    assert abs(js["quality"] - quality) <= MAX_QUALITY_GAP


def test_most_hashes_are_exact(compared: dict) -> None:
    distances = [distance(js["hash"], hex_) for js, (hex_, _) in compared.values()]
    same_quality = sum(js["quality"] == q for js, (_, q) in compared.values())
    print(f"\n{len(distances)} images: distances {sorted(distances)}; {same_quality} same quality")
    assert distances.count(0) >= 0.9 * len(distances)
    assert same_quality >= 0.9 * len(distances)


def test_low_quality_is_scored_like_the_reference(compared: dict) -> None:
    js, (_, quality) = compared["faint"]
    assert quality < 50  # the case is worth having only if the score is low
    assert js["quality"] == pytest.approx(quality, abs=MAX_QUALITY_GAP)


def test_random_sizes_and_windows() -> None:
    """Seeded sizes from 5 to 700 a side, so every box-window edge case is met."""
    rng = np.random.default_rng(11)
    images = []
    for _ in range(40):
        height, width = (int(n) for n in rng.integers(5, 700, 2))
        # Blocky noise: structure at several scales, as photos have, rather than pure noise.
        cells = rng.integers(0, 256, (height // 4 + 1, width // 4 + 1, 3), dtype=np.uint8)
        blocky = np.repeat(np.repeat(cells, 4, axis=0), 4, axis=1)[:height, :width]
        images.append(np.ascontiguousarray(blocky) // 2 + noise(height, width, 12) // 2)
    results = run([pdq_job(rgb) for rgb in images])
    distances = []
    for rgb, js in zip(images, results, strict=True):
        pdq, quality = pdq_of_pixels(rgb)
        distances.append(distance(js["hash"], pdq.hex))
        assert abs(js["quality"] - quality) <= MAX_QUALITY_GAP, rgb.shape
    assert max(distances) <= MAX_BITS
    assert distances.count(0) >= 0.9 * len(distances)


# --- rotations and flips -----------------------------------------------------------------------

TURNS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "original": lambda a: a,
    "rotate90": lambda a: np.rot90(a, 1),  # anticlockwise, as Pillow's ROTATE_90
    "rotate180": lambda a: np.rot90(a, 2),
    "rotate270": lambda a: np.rot90(a, 3),
    "flipTopBottom": np.flipud,
    "flipLeftRight": np.fliplr,
    "transpose": lambda a: a.transpose(1, 0, 2),
    "transverse": lambda a: np.rot90(a, 2).transpose(1, 0, 2),
}


@pytest.mark.parametrize("name", ["astronaut", "rocket", "noise 100x37 (narrow)", "shapes"])
def test_dihedral_matches_the_python_side(name: str) -> None:
    rgb = CASES[name]()
    (js,) = run([pdq_job(rgb, "pdq_dihedral")])
    # The page derives its variants from one DCT at every size, as the reference does.
    variants, quality = pdq_dihedral_of_dct(rgb)
    distances = [distance(a, b.hex) for a, b in zip(js["hashes"], variants, strict=True)]
    assert max(distances) <= MAX_BITS, distances
    assert abs(js["quality"] - quality) <= MAX_QUALITY_GAP


def test_each_variant_is_the_hash_of_the_turned_picture() -> None:
    """The names are right: variant k is near the hash of the picture turned that way."""
    rgb = sample("rocket")  # not square, so a transpose cannot pass for a flip
    jobs = [pdq_job(rgb, "pdq_dihedral")]
    jobs += [pdq_job(np.ascontiguousarray(TURNS[name](rgb))) for name in DIHEDRAL_ORDER]
    dihedral, *turned = run(jobs)
    for k, name in enumerate(DIHEDRAL_ORDER):
        distances = [distance(turned[k]["hash"], h) for h in dihedral["hashes"]]
        assert distances[k] <= 16, (name, distances)
        assert min(d for i, d in enumerate(distances) if i != k) > 64, (name, distances)
    assert dihedral["hashes"][0] == turned[0]["hash"]


# --- transparency ------------------------------------------------------------------------------


def with_alpha() -> np.ndarray:
    """Chelsea with a soft-edged oval of opacity; outside it fully transparent."""
    rgb = sample("chelsea")
    height, width, _ = rgb.shape
    y, x = np.mgrid[0:height, 0:width]
    r = np.hypot((x - width / 2) / (width / 2), (y - height / 2) / (height / 2))
    alpha = np.clip((1 - r) * 4 * 255, 0, 255).astype(np.uint8)
    return np.concatenate([rgb, alpha[..., None]], axis=2)


def test_alpha_is_ignored_like_the_python_decoder() -> None:
    """By default the colour under transparency is hashed, as decode_for_pdq does with a PNG."""
    rgba = with_alpha()
    (js,) = run([pdq_job(rgba)])
    python = hash_bytes(encode(Image.fromarray(rgba, "RGBA"), "PNG"), min_quality=0)
    assert distance(js["hash"], python.pdq.hex) <= MAX_BITS
    assert abs(js["quality"] - python.quality) <= MAX_QUALITY_GAP


def test_alpha_can_be_composited_onto_white() -> None:
    rgba = with_alpha()
    alpha = rgba[..., 3:].astype(np.float64)
    on_white = np.rint((rgba[..., :3] * alpha + 255 * (255 - alpha)) / 255).astype(np.uint8)
    ignored, white = run([pdq_job(rgba), pdq_job(rgba, alpha="white")])
    pdq, quality = pdq_of_pixels(on_white)
    assert distance(white["hash"], pdq.hex) <= MAX_BITS
    assert abs(white["quality"] - quality) <= MAX_QUALITY_GAP
    assert distance(white["hash"], ignored["hash"]) > 16  # the option did something


# --- refusals --------------------------------------------------------------------------------


def test_bad_input_throws_saying_why() -> None:
    tiny, short, odd_option = run(
        [
            pdq_job(noise(4, 100)),
            Job("pdq", bytes(100), width=10, height=10),
            pdq_job(noise(10, 10), alpha="black"),
        ]
    )
    assert tiny["error"].startswith("RangeError") and "too small" in tiny["error"]
    assert short["error"].startswith("RangeError") and "400 bytes" in short["error"]
    assert odd_option["error"].startswith("RangeError") and "alpha" in odd_option["error"]


# --- the shared data folder (skipped when it is absent) ----------------------------------------

PHOTO_SAMPLE = 100
PHOTO_SEED = 20240601


def shared_images(shared: Path) -> list[Path]:
    """Meta's PDQ test images, and a seeded sample of the photos."""
    vectors = shared / "pdq-vectors" / "pdq" / "data"
    photos = images_under(shared / "photos")
    chosen = random.Random(PHOTO_SEED).sample(photos, min(PHOTO_SAMPLE, len(photos)))
    return images_under(vectors) + chosen


def images_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))


@pytest.mark.slow
def test_shared_images_hash_the_same(shared_data: Path) -> None:
    paths = shared_images(shared_data)
    assert len(paths) > PHOTO_SAMPLE
    pixels = [np.asarray(Image.open(p).convert("RGB")) for p in paths]
    results = run([pdq_job(rgb) for rgb in pixels])
    distances, quality_gaps, ms_per_megapixel = [], [], []
    for path, rgb, js in zip(paths, pixels, results, strict=True):
        pdq, quality = pdq_of_pixels(rgb)
        assert "error" not in js, (path, js)
        distances.append(distance(js["hash"], pdq.hex))
        quality_gaps.append(abs(js["quality"] - quality))
        ms_per_megapixel.append(js["ms"] / (rgb.shape[0] * rgb.shape[1] / 1e6))
    ranked = sorted(distances)
    print(
        f"\n{len(paths)} images: distance median {statistics.median(ranked)},"
        f" p90 {ranked[int(0.9 * (len(ranked) - 1))]}, max {ranked[-1]};"
        f" quality differs on {sum(g > 0 for g in quality_gaps)} (max {max(quality_gaps)});"
        f" {statistics.median(ms_per_megapixel):.0f} ms per megapixel (median)"
    )
    assert statistics.median(ranked) == 0
    assert ranked[-1] <= MAX_BITS
    assert max(quality_gaps) <= MAX_QUALITY_GAP


def test_published_vectors(shared_data: Path) -> None:
    """Meta's expected hashes for its test images, within each one's stated tolerance."""
    folder = shared_data / "pdq-vectors"
    with (folder / "expected_pdq_hashes.csv").open() as fh:
        # I16.png's vector clips 16-bit values; see tests/hashing/test_conformance.py.
        rows = [r for r in csv.DictReader(fh) if not r["file"].endswith("I16.png")]
    images = [Image.open(folder / row["file"]) for row in rows]
    results = run([pdq_job(np.asarray(image.convert("RGB"))) for image in images])
    for row, js in zip(rows, results, strict=True):
        tolerance = 0 if row["tolerance"] == "exact" else int(row["tolerance"].split("<=")[1])
        assert distance(js["hash"], row["expected_pdq_hex"]) <= tolerance, row["file"]
        if row["expected_quality"]:
            assert js["quality"] == int(row["expected_quality"]), row["file"]
