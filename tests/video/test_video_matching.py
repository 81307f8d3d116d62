"""Videos end to end through the service: a video's hashes added to a bank, its re-encoded,
shrunk and cropped copies found, an unrelated video not, and hostile files refused with typed
errors by workers bounded in time (a real SQLite store, real FFmpeg, Meta's vPDQ)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.video.clips import need_ffmpeg, photo_video, transcode, with_claimed_duration
from unshared.config import Settings
from unshared.errors import (
    CorruptVideo,
    EmptyFile,
    FileTooLarge,
    NotAVideo,
    UnsharedError,
    VideoTooComplex,
    VideoTooLong,
)
from unshared.service import Unshared


@pytest.fixture(scope="module")
def original() -> bytes:
    need_ffmpeg()
    return photo_video(["coffee", "chelsea", "rocket"])


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Unshared]:
    with Unshared(Settings.load(env={}, home=tmp_path, video_workers=1)) as app:
        yield app


def test_copies_of_a_banked_video_are_found_and_others_are_not(
    app: Unshared, original: bytes
) -> None:
    app.create_bank("ncii")
    entries = app.videos.register("ncii", original)
    assert sorted(e.signal_type for e in entries) == ["md5", "sha256", "vpdq"]
    vpdq = next(e for e in entries if e.signal_type == "vpdq")

    _, verdict = app.videos.match(original)
    assert verdict.matched
    assert {(m.signal, m.distance) for m in verdict.matches} >= {("md5", 0), ("vpdq", 0)}

    copies = {
        "lower bitrate": ("-c:v", "libx264", "-b:v", "150k"),
        "lower resolution": ("-vf", "scale=240:-2", "-c:v", "libx264"),
        # Small crops only: vPDQ is PDQ on each frame, and a crop moves the picture in the
        # frame (docs/video.md, "What vPDQ does not survive").
        "cropped": ("-vf", "crop=iw-4:ih-4:2:2", "-c:v", "libx264"),
        "cropped, shrunk, lower bitrate": ("-vf", "crop=iw-8:ih:0:0,scale=320:-2", "-b:v", "200k"),
        "webm": ("-c:v", "libvpx", "-b:v", "300k"),
    }
    for what, args in copies.items():
        copy = transcode(original, *args, suffix=".webm" if what == "webm" else ".mp4")
        signals, verdict = app.videos.match(copy)
        assert [m.entry for m in verdict.matches] == [vpdq.id], what
        assert verdict.matches[0].signal == "vpdq"
        assert signals.md5.hex != entries[0].value

    unrelated = photo_video(["immunohistochemistry", "colorwheel", "hubble_deep_field"])
    assert not app.videos.match(unrelated)[1].matches
    # One photo of three in common: a third of the query's frames, under the 80% asked.
    shared_one = photo_video(["coffee", "immunohistochemistry", "colorwheel"])
    assert not app.videos.match(shared_one)[1].matches

    app.withdraw_entry("ncii", vpdq.id)
    copy = transcode(original, "-vf", "scale=240:-2")
    assert not app.videos.match(copy)[1].matches


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda v: b"", EmptyFile),
        (lambda v: v[: len(v) // 3], (NotAVideo, CorruptVideo)),
        (lambda v: v[:200] + bytes(range(256)) * 40, (NotAVideo, CorruptVideo)),
        (lambda v: b"GIF89a" + bytes(5000), NotAVideo),
        (lambda v: with_claimed_duration(v, 10 * 3600), VideoTooLong),
    ],
    ids=["empty", "truncated", "garbage", "not a video", "claims ten hours"],
)
def test_hostile_videos_get_typed_errors(
    app: Unshared, original: bytes, make: object, error: type[UnsharedError]
) -> None:
    with pytest.raises(error):
        app.videos.match(make(original))  # type: ignore[operator]
    _, verdict = app.videos.match(original)  # the service still works
    assert not verdict.matched


def test_limits_refuse_big_files_and_kill_slow_hashing(tmp_path: Path, original: bytes) -> None:
    small = Settings.load(env={}, home=tmp_path, video_max_bytes=len(original) - 1)
    with Unshared(small) as app, pytest.raises(FileTooLarge):
        app.videos.match(original)
    short = Settings.load(env={}, home=tmp_path, video_max_seconds=2.0)
    with Unshared(short) as app, pytest.raises(VideoTooLong) as refused:
        app.videos.match(original)
    assert refused.value.status == 413
    hasty = Settings.load(env={}, home=tmp_path, video_timeout=0.05)
    with Unshared(hasty) as app:
        with pytest.raises(VideoTooComplex):
            app.videos.match(original)
        pids = app.videos._pool.get().pids()  # type: ignore[union-attr]
        assert len(pids) <= 1  # the overrunning worker was killed, not left running
