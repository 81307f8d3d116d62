"""Our hashes agree with Meta's PDQ reference vectors, within each vector's stated tolerance."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pdqhash
import pytest
from PIL import Image, ImageOps

from unshared.hashing import hash_bytes
from unshared.hashing.pdq import pdq_of_pixels
from unshared.signals import Pdq

VECTORS = "pdq-vectors"


def vectors(shared: Path) -> list[dict[str, str]]:
    with (shared / VECTORS / "expected_pdq_hashes.csv").open() as fh:
        return list(csv.DictReader(fh))


def tolerance(text: str) -> int:
    return 0 if text == "exact" else int(text.removeprefix("hamming<="))


def test_expected_hashes(shared_data: Path) -> None:
    rows = vectors(shared_data)
    assert len(rows) >= 20
    checked = 0
    for row in rows:
        if row["file"].endswith("I16.png"):
            continue  # see test_16_bit_grey_is_scaled_not_clipped
        signals = hash_bytes((shared_data / VECTORS / row["file"]).read_bytes(), min_quality=0)
        distance = signals.pdq.distance(Pdq.from_hex(row["expected_pdq_hex"]))
        assert distance <= tolerance(row["tolerance"]), row["file"]
        if row["expected_quality"]:
            assert signals.quality == int(row["expected_quality"]), row["file"]
        checked += 1
    assert checked == len(rows) - 1


def test_16_bit_grey_is_scaled_not_clipped(shared_data: Path) -> None:
    """The vector for I16.png was made by a loader that clips 16-bit values at 255.

    We scale them to 8 bits instead, which is what the picture looks like; the expected hash is
    exactly what clipping gives, so the difference is the loader, not the hash.
    """
    row = next(r for r in vectors(shared_data) if r["file"].endswith("I16.png"))
    raw = np.asarray(Image.open(shared_data / VECTORS / row["file"]))
    assert raw.dtype == np.uint16 and raw.max() > 255

    def grey(a: np.ndarray) -> np.ndarray:
        return np.repeat(a.astype(np.uint8)[..., None], 3, axis=2)

    clipped, _ = pdq_of_pixels(grey(np.clip(raw, 0, 255)))
    assert clipped == Pdq.from_hex(row["expected_pdq_hex"])
    scaled, _ = pdq_of_pixels(grey(np.rint(raw / 257.0)))
    ours = hash_bytes((shared_data / VECTORS / row["file"]).read_bytes(), min_quality=0)
    assert ours.pdq.distance(scaled) <= 2


def test_dihedral_variants_match_the_rotated_files(shared_data: Path) -> None:
    folder = shared_data / VECTORS / "pdq/data/reg-test-input/dih"
    files = sorted(folder.glob("bridge-*.jpg"))
    assert len(files) == 8
    original = hash_bytes(files[0].read_bytes(), dihedral=True)
    assert len(original.pdq_dihedral) == 8
    assert original.pdq_dihedral[0] == original.pdq
    for i, path in enumerate(files):
        pdq = hash_bytes(path.read_bytes()).pdq
        distances = [pdq.distance(v) for v in original.pdq_dihedral]
        assert distances[i] <= 16, path.name
        assert min(d for j, d in enumerate(distances) if j != i) > 64, path.name


def test_exif_orientation_is_applied(shared_data: Path) -> None:
    """Four photos with orientation tags 1, 3, 6 and 8: we hash them as they are shown."""
    folder = shared_data / VECTORS / "pdq/data/reg-test-input/exif-rotn"
    for tag in ("1", "3", "6", "8"):
        path = folder / f"exif-rotn-{tag}.jpg"
        ours = hash_bytes(path.read_bytes()).pdq
        shown = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
        as_stored = Image.open(path).convert("RGB")
        assert ours.distance(pixels_pdq(shown)) <= 16, tag
        if tag != "1":
            assert ours.distance(pixels_pdq(as_stored)) > 64, tag


def pixels_pdq(image: Image.Image) -> Pdq:
    """The reference pipeline: full-size pixels straight into pdqhash."""
    bits, _ = pdqhash.compute(np.asarray(image))
    return Pdq(np.packbits(bits.astype(np.uint8)).tobytes())


@pytest.mark.parametrize(
    "name",
    "1.png CMYK.jpg F.webp HSV.webp I.webp L.png LA.png LAB.webp P.png PA.webp RGB.jpg RGBA.png"
    " YCbCr.jpg".split(),
)
def test_every_mode_hashes_like_the_original(shared_data: Path, name: str) -> None:
    folder = shared_data / VECTORS / "pdq/data/misc-images/modes"
    original = hash_bytes((folder / "original.jpg").read_bytes())
    other = hash_bytes((folder / name).read_bytes())
    assert other.pdq.distance(original.pdq) <= 8
    assert other.quality >= 50
