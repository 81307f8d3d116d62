"""``unshared hash``, ``bank add`` and ``match`` on videos, as a person and an operator run them:
real processes on generated video files beside photos."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_hash_cli import run
from tests.imaging import encode, sample_photo
from tests.video.clips import need_ffmpeg, photo_video, transcode
from unshared.hashing.video import hash_video


def test_videos_are_hashed_added_and_matched_from_the_command_line(tmp_path: Path) -> None:
    need_ffmpeg()
    original = photo_video(["coffee", "chelsea"])
    folder = tmp_path / "files"
    (folder / "clips").mkdir(parents=True)
    (folder / "clips" / "holiday.mp4").write_bytes(original)
    (folder / "photo.jpg").write_bytes(encode(sample_photo("rocket"), "JPEG"))
    home = tmp_path / "home"

    hashed = run("hash", "--json", folder, home=home)
    assert hashed.returncode == 0, hashed.stderr
    rows = {Path(r["path"]).name: r for r in map(json.loads, hashed.stdout.splitlines())}
    assert rows["holiday.mp4"]["vpdq"] == hash_video(original).vpdq.hex
    assert "pdq" in rows["photo.jpg"]

    assert run("bank", "create", "ncii", home=home).returncode == 0
    added = run("bank", "add", "ncii", folder / "clips", home=home)
    assert added.returncode == 0, added.stderr

    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "copy.mp4").write_bytes(transcode(original, "-vf", "scale=240:-2"))
    (uploads / "broken.mp4").write_bytes(original[:5000])
    matched = run("match", "--json", uploads, home=home)
    assert matched.returncode == 1  # the broken file fails; the copy is still matched
    verdicts = {Path(r["path"]).name: r for r in map(json.loads, matched.stdout.splitlines())}
    assert verdicts["copy.mp4"]["matched"]
    assert verdicts["copy.mp4"]["matches"][0]["signal"] == "vpdq"
    assert verdicts["broken.mp4"]["code"] in ("not_a_video", "corrupt_video")
