"""vPDQ conformance: our hashing of the reference's sample videos gives the reference's frame
hashes (``../shared/data/pdq-vectors``): every frame of quality 50 or more within PDQ distance
31, the reference tests' tolerance; and the one-a-second value is made of those frames."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from unshared.hashing.video import frames_of, hash_video
from unshared.signals import Pdq

VECTORS = Path(
    os.environ.get("UNSHARED_PDQ_VECTORS", Path(__file__).parents[3] / "shared/data/pdq-vectors")
)
VIDEOS = VECTORS / "tmk" / "sample-videos"
HASHES = VECTORS / "vpdq" / "sample-hashes"
#: Upstream's tolerances (vpdq/python tests): frame distance and the quality that counts.
DISTANCE = 31
QUALITY = 50
#: Two of the 14 samples (the odd-sized one among them), to keep the run short.
SAMPLES = ["pattern-sd-grey-bar", "test-padded-dimensions"]


def reference(name: str) -> dict[int, tuple[int, Pdq]]:
    """Frame number -> (quality, PDQ), from a sample-hashes file."""
    out = {}
    for line in (HASHES / f"{name}.txt").read_text().splitlines():
        number, quality, pdq, *_ = line.strip().split(",")
        out[int(number)] = (int(quality), Pdq.from_hex(pdq))
    return out


@pytest.mark.parametrize("name", SAMPLES)
def test_frames_match_the_reference_hashes(name: str) -> None:
    if not (VIDEOS / f"{name}.mp4").is_file() or not (HASHES / f"{name}.txt").is_file():
        pytest.skip(f"the sample {name} is not in {VECTORS}")
    expected = reference(name)
    data = (VIDEOS / f"{name}.mp4").read_bytes()
    frames = frames_of(data, seconds_per_hash=0)
    assert len(frames) == len(expected)
    compared = 0
    for frame in frames:
        quality, pdq = expected[frame.number]
        if quality >= QUALITY and frame.quality >= QUALITY:
            assert frame.pdq.distance(pdq) <= DISTANCE, (name, frame.number)
            compared += 1
    assert compared >= len(frames) // 2

    # The value: frames sampled once a second, each one of the reference's good frames.
    good = [pdq for quality, pdq in expected.values() if quality >= QUALITY]
    signals = hash_video(data)
    for frame in signals.vpdq.frames:
        assert min(frame.distance(pdq) for pdq in good) <= DISTANCE
    assert signals.frames == pytest.approx(signals.seconds, abs=1.5)
