"""Videos over HTTP, against a real server over each store: a video's hashes added to a bank
reach platforms by ``/v1/match`` (vPDQ), ``/v1/match/video`` (the bytes) and the feed, and a
synced copy matches them offline; video uploads are bounded in size and duration (413)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.api.conftest import LiveServer, live_server
from tests.video.clips import need_ffmpeg, photo_video, transcode
from tests.waiting import eventually
from unshared.client import Client
from unshared.config import Settings
from unshared.hashing.video import hash_video
from unshared.service import Unshared
from unshared.sync import Sync


@pytest.fixture(scope="module")
def original() -> bytes:
    need_ffmpeg()
    return photo_video(["coffee", "chelsea", "rocket"])


def test_a_banked_video_reaches_platforms(
    server: LiveServer, tmp_path: Path, original: bytes
) -> None:
    with Client(server.url, server.admin_key) as admin:
        admin.create_bank("ncii", thresholds={"vpdq.query_share": 70})
        _, key = admin.create_key("a-platform")
    with Client(server.url, key) as platform:
        check(server, tmp_path, original, platform, key)


def check(server: LiveServer, tmp_path: Path, original: bytes, platform: Client, key: str) -> None:

    # An operator adds the video's hashes in another process over the same store.
    operator = Settings.load(env={}, home=tmp_path / "operator", store_url=server.store_url)
    with Unshared(operator) as app:
        entries = app.videos.add("ncii", hash_video(original), source="test", actor="test")
    vpdq_entry = next(e.id for e in entries if e.signal_type == "vpdq")

    copy = transcode(original, "-vf", "scale=240:-2", "-b:v", "150k")
    copy_signals = hash_video(copy)
    assert eventually(lambda: platform.match_video_signals(copy_signals).matched)
    verdict = platform.match_video_signals(copy_signals)
    assert [(m.entry, m.signal) for m in verdict.matches] == [(vpdq_entry, "vpdq")]

    hashes, sent = platform.match_video(copy)
    assert [m.entry for m in sent.matches] == [vpdq_entry]
    assert hashes["vpdq"] == copy_signals.vpdq.hex and hashes["md5"] == copy_signals.md5.hex
    unrelated = photo_video(["immunohistochemistry", "colorwheel"])
    assert not platform.match_video(unrelated)[1].matches

    # The feed carries it whole, and a platform's synced copy matches offline.
    changes = [c for c in platform.feed().changes if c.signal_type == "vpdq"]
    assert [c.value for c in changes] == [hash_video(original).vpdq.hex]
    local = Settings.load(env={}, home=tmp_path / "platform", video_workers=0)
    with Unshared(local) as app:
        Sync(platform, app).run()
        assert app.videos.match(copy)[1].matched

    # A malformed vPDQ is refused by its form.
    answer = httpx.post(
        f"{server.url}/v1/match",
        json={"vpdq": "ab" * 33},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert answer.status_code == 422


def test_video_uploads_are_bounded(tmp_path: Path, original: bytes) -> None:
    store = f"sqlite:///{tmp_path / 'unshared.db'}"
    limits = {"video_max_bytes": len(original) + 10, "video_max_seconds": 3.0}
    with live_server(store, tmp_path / "server", **limits) as live:
        with Client(live.url, live.admin_key) as admin:
            _, key = admin.create_key("a-platform")
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/octet-stream"}
        with httpx.Client(base_url=live.url, headers=headers, timeout=60) as http:
            too_long = http.post("/v1/match/video", content=original)
            assert too_long.status_code == 413
            assert too_long.json()["error"]["code"] == "video_too_long"
            too_big = http.post("/v1/match/video", content=original + bytes(100))
            assert too_big.status_code == 413
            not_video = http.post("/v1/match/video", content=b"GIF89a" + bytes(3000))
            assert not_video.status_code == 415
            assert not_video.json()["error"]["code"] == "not_a_video"
            assert http.get("/readyz").status_code == 200
