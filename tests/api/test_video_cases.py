"""A person's case holds videos' hashes (issue 15, the page's part, server side), against a real
server over each store: a video's vPDQ, MD5 and SHA-256 go into the case's bank, platforms find a
re-encoded copy by ``/v1/match/video`` and see the entries in the feed with the case's category;
the same checks as the vPDQ signal type refuse a malformed one (422), and a protect case refuses
videos in words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import LiveServer
from tests.video.clips import need_ffmpeg, photo_video, transcode
from unshared.client import Client
from unshared.config import Settings
from unshared.hashing.video import hash_video
from unshared.service import Unshared
from unshared.sync import Sync
from unshared.video import MAX_FRAMES, VideoSignals


@pytest.fixture(scope="module")
def original() -> bytes:
    need_ffmpeg()
    return photo_video(["coffee", "chelsea", "rocket"])


def video_hashes(signals: VideoSignals) -> dict[str, str]:
    return {"vpdq": signals.vpdq.hex, "md5": signals.md5.hex, "sha256": signals.sha256.hex}


def post(server: LiveServer, path: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{server.url}{path}", json=body, timeout=30)


def test_a_case_of_a_video_reaches_platforms(
    server: LiveServer, original: bytes, tmp_path: Path
) -> None:
    signals = hash_video(original)
    made = post(server, "/v1/cases", {"videos": [video_hashes(signals)], "minor": True})
    assert made.status_code == 201, made.text
    case = made.json()
    assert case["hashes"] == 3 and case["minor"] is True

    status = post(server, f"/v1/cases/{case['case']}/status", {"pin": case["pin"]}).json()
    assert sorted(h["signal"] for h in status["hashes"]) == ["md5", "sha256", "vpdq"]

    with Client(server.url, server.admin_key) as admin:
        _, key = admin.create_key("a-platform")
    with Client(server.url, key) as platform:
        copy = transcode(original, "-vf", "scale=240:-2", "-b:v", "150k")
        hashes, verdict = platform.match_video(copy)
        assert verdict.matched and hashes["md5"] != signals.md5.hex
        (found,) = [m for m in verdict.matches if m.signal == "vpdq"]
        assert found.category == "minor"
        assert platform.match_video_signals(signals).matched  # and the very file, by all three
        assert not platform.match_video(photo_video(["immunohistochemistry", "colorwheel"]))[
            1
        ].matches
        changes = [c for c in platform.feed().changes if c.signal_type == "vpdq"]
        assert [c.value for c in changes] == [signals.vpdq.hex]
        # A platform's synced copy finds the re-encoded copy offline, as a minor's.
        local = Settings.load(env={}, home=tmp_path / "platform", video_workers=0)
        with Unshared(local) as app:
            Sync(platform, app).run()
            offline = app.videos.match(copy)[1]
        assert [m.category for m in offline.matches if m.signal == "vpdq"] == ["minor"]

    # Photos and videos together, added to the case later.
    other = hash_video(transcode(original, "-vf", "hflip"))
    body = {"pin": case["pin"], "videos": [video_hashes(other)]}
    added = post(server, f"/v1/cases/{case['case']}/hashes", body)
    assert added.status_code == 200, added.text
    assert [h["signal"] for h in added.json()["hashes"]].count("vpdq") == 2


def test_video_hashes_are_checked_as_the_signal_type_checks_them(server: LiveServer) -> None:
    frame = "ab" * 32
    md5 = "0" * 32
    refused = {
        "half a frame": {"vpdq": frame[:32], "md5": md5},
        "too many frames": {"vpdq": frame * (MAX_FRAMES + 1), "md5": md5},
        "no md5": {"vpdq": frame},
        "not hex": {"vpdq": "zz" * 32, "md5": md5},
    }
    for why, video in refused.items():
        answer = post(server, "/v1/cases", {"videos": [video]})
        assert answer.status_code == 422, why
        assert answer.json()["error"]["message"], why
    nothing = post(server, "/v1/cases", {"images": [], "videos": []})
    assert nothing.status_code == 422
    assert "image or video" in nothing.text

    # A protect case is of ordinary photos: a video is refused in words, not as an unknown field.
    answer = post(server, "/v1/cases/protect", {"images": [], "videos": [{"vpdq": frame}]})
    assert answer.status_code == 422
    problems = " ".join(p["problem"] for p in answer.json()["error"]["detail"]["problems"])
    assert "videos are for takedown cases" in problems


def test_the_page_is_told_the_video_limits(tmp_path: Any) -> None:
    from tests.api.conftest import live_server

    store = f"sqlite:///{tmp_path / 'unshared.db'}"
    with live_server(store, tmp_path / "server", video_max_seconds=30.0) as live:
        limits = httpx.get(f"{live.url}/v1/cases/limits").json()
    assert limits["video_max_seconds"] == 30.0
    assert limits["video_max_frames"] == MAX_FRAMES
    assert limits["video_seconds_per_hash"] == 1.0
    assert limits["video_min_frame_quality"] == 50
    assert limits["max_videos_per_call"] >= 1 and limits["video_max_bytes"] > 0
