"""A banked video reaches python-threatexchange: with pytx's own vPDQ extension
(``threatexchange.extensions.vpdq.manifest``) beside the exchange, ``threatexchange fetch``
takes the video's vPDQ in pytx's form, and ``threatexchange match video`` finds a re-encoded
copy by the frames pytx hashes itself, and not an unrelated video."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.conftest import live_server
from tests.interop.pytx import counts, ok, pytx
from tests.video.clips import need_ffmpeg, photo_video, transcode
from unshared.client import Client
from unshared.config import Settings
from unshared.hashing.video import hash_video
from unshared.service import Unshared

pytest.importorskip("threatexchange")

COLLAB = "unshared-videos"


def test_a_banked_video_is_fetched_and_matched_by_pytx(tmp_path: Path) -> None:
    need_ffmpeg()
    original = photo_video(["coffee", "chelsea", "rocket"])
    videos = tmp_path / "videos"
    videos.mkdir()
    (videos / "copy.mp4").write_bytes(transcode(original, "-vf", "scale=240:-2", "-b:v", "150k"))
    (videos / "other.mp4").write_bytes(photo_video(["immunohistochemistry", "colorwheel"]))

    with live_server(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server") as server:
        with Client(server.url, server.admin_key) as admin:
            admin.create_bank("ncii")
            key = admin.create_key("a-pytx-platform", "platform")[1]
        operator = Settings.load(env={}, home=tmp_path / "operator", store_url=server.store_url)
        with Unshared(operator) as app:
            app.videos.add("ncii", hash_video(original), source="test", actor="test")

        home = tmp_path / "platform"
        ok(pytx(home, "config", "extensions", "add", "unshared.pytx"))
        ok(pytx(home, "config", "extensions", "add", "threatexchange.extensions.vpdq.manifest"))
        ok(pytx(home, "config", "collab", "edit", "unshared", "--create", COLLAB,
                "--server", server.url))  # fmt: skip
        (home / ".tx_unshared_key").write_text(key + "\n")
        ok(pytx(home, "fetch"))
        assert counts(home) == {"vpdq": 1}

    found = ok(pytx(home, "match", "video", videos / "copy.mp4")).splitlines()
    assert len(found) == 1 and found[0].startswith("vpdq "), found
    assert f"({COLLAB}) POSITIVE_CLASS" in found[0]
    assert ok(pytx(home, "match", "video", videos / "other.mp4")).strip() == ""
