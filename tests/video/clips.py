"""Videos the tests make themselves with FFmpeg, from scikit-image's bundled photos (never
checked in): a slow pan across each photo, then the copies a platform sees."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.imaging import sample_photo


def need_ffmpeg() -> None:
    if shutil.which("ffmpeg") is None:
        pytest.skip("FFmpeg is not installed (scripts/ffmpeg-dev installs it)")
    pytest.importorskip("vpdq", reason="the vpdq package is not installed (the video extra)")


def photo_video(
    photos: Sequence[str],
    seconds_each: float = 2.0,
    size: tuple[int, int] = (480, 320),
    fps: int = 15,
) -> bytes:
    """An H.264 MP4 panning slowly across each photo in turn."""
    width, height = size
    with tempfile.TemporaryDirectory(prefix="unshared-clip-") as folder:
        n = 0
        for name in photos:
            photo = sample_photo(name).resize((int(width * 1.25), int(height * 1.25)))
            steps = int(seconds_each * fps)
            for step in range(steps):
                along = step / max(1, steps - 1)
                x, y = int((photo.width - width) * along), int((photo.height - height) * along)
                photo.crop((x, y, x + width, y + height)).save(Path(folder) / f"{n:05d}.png")
                n += 1
        out = Path(folder) / "clip.mp4"
        ffmpeg("-framerate", str(fps), "-i", str(Path(folder) / "%05d.png"),
               "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "18", str(out))  # fmt: skip
        return out.read_bytes()


def transcode(data: bytes, *args: str, suffix: str = ".mp4") -> bytes:
    """``data`` run through FFmpeg with ``args`` (filters, codec, bitrate)."""
    with tempfile.TemporaryDirectory(prefix="unshared-clip-") as folder:
        source, out = Path(folder) / "in.mp4", Path(folder) / f"out{suffix}"
        source.write_bytes(data)
        ffmpeg("-i", str(source), *args, str(out))
        return out.read_bytes()


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True, timeout=120)


def with_claimed_duration(mp4: bytes, seconds: int) -> bytes:
    """An MP4 whose movie header claims ``seconds`` (its frames unchanged): a lying file."""
    at = mp4.index(b"mvhd") + 4
    version = mp4[at]
    assert version == 0, "a version-0 movie header"
    timescale = int.from_bytes(mp4[at + 12 : at + 16], "big")
    duration = min(seconds * timescale, 2**32 - 1).to_bytes(4, "big")
    return mp4[: at + 16] + duration + mp4[at + 20 :]
