"""The page's vPDQ (``video.js``: Chromium's own decoder, a canvas, the page's PDQ) agrees with the
Python vPDQ (Meta's reference over FFmpeg) on the same video files, and a video chosen on the page
makes a case that platforms then find by a re-encoded copy.

The videos are made here with FFmpeg from photos (``tests/video/clips.py``): pans across photos,
in the codecs this Chromium decodes. Per sampled frame, the PDQ distance between the two sides
is measured (median and largest); the decision must be the same: the browser's vPDQ matches the
Python one under the default bank thresholds, and does not match an unrelated video's. Run with
``-s`` for the figures: ``.venv/bin/pytest tests/web/test_video_page.py -s``.
"""

from __future__ import annotations

import base64
import json
import re
import statistics
from pathlib import Path
from typing import Any

import pytest

from tests.imaging import SHARED_DATA, sample_photo
from tests.video.clips import ffmpeg, need_ffmpeg, photo_video, transcode
from tests.web.conftest import LiveServer, browser_missing
from unshared.client import Client
from unshared.hashing.video import frames_of, hash_video
from unshared.signals import Pdq
from unshared.video import Vpdq

if (missing := browser_missing()) is not None:
    pytest.skip(missing, allow_module_level=True)

#: What the page's frames must meet against the reference's (PDQ distance per frame).
MEDIAN_BITS = 8
MOST_BITS = 31
QUERY_SHARE = 80  # the bank's default vpdq.query_share


#: FFmpeg's arguments for each WebM codec, at its quick settings (a busy 2-core machine).
VP9 = ("-c:v", "libvpx-vp9", "-b:v", "1M", "-deadline", "realtime", "-cpu-used", "8")
VP8 = ("-c:v", "libvpx", "-b:v", "1M", "-deadline", "realtime", "-cpu-used", "8")
KODAK = SHARED_DATA / "photos" / "kodak24" / "images"


def kodak_zoom(folder: Path, count: int = 12) -> bytes:
    """A slow zoom into each of ``count`` Kodak photos, 3 s each at 30 frames a second, H.264."""
    parts = []
    for n, photo in enumerate(sorted(KODAK.glob("*.png"))[:count]):
        part = folder / f"part{n}.mp4"
        zoom = (
            "scale=768:512,zoompan=z='1+0.002*on':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)'"
            ":d=90:s=640x426:fps=30"
        )
        ffmpeg("-loop", "1", "-i", str(photo), "-vf", zoom, "-frames:v", "90",
               "-pix_fmt", "yuv420p", "-c:v", "libx264", "-crf", "20", str(part))  # fmt: skip
        parts.append(f"file '{part}'")
    (folder / "parts.txt").write_text("\n".join(parts))
    ffmpeg("-f", "concat", "-safe", "0", "-i", str(folder / "parts.txt"), "-c", "copy",
           str(folder / "kodak.mp4"))  # fmt: skip
    return (folder / "kodak.mp4").read_bytes()


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The test videos: the same pan in each codec this Chromium decodes, and an unrelated one."""
    need_ffmpeg()
    pan = photo_video(["coffee", "chelsea", "rocket"], seconds_each=3.0, fps=24)
    made = {
        "vp9.webm": transcode(pan, *VP9, suffix=".webm"),
        "vp8.webm": transcode(pan, *VP8, suffix=".webm"),
        "h264.mp4": pan,
        # 29.97 frames a second: the reference samples every 29th frame, as the page must.
        "ntsc-vp9.webm": transcode(pan, "-vf", "fps=30000/1001", *VP9, suffix=".webm"),
        "other.webm": transcode(
            photo_video(["immunohistochemistry", "colorwheel", "astronaut"], fps=25),
            *VP9,
            suffix=".webm",
        ),
    }
    if KODAK.is_dir():  # ordinary photos, 36 s: more frames to measure
        kodak = kodak_zoom(tmp_path_factory.mktemp("kodak"))
        made["kodak-h264.mp4"] = kodak
        made["kodak-vp9.webm"] = transcode(kodak, *VP9, suffix=".webm")
    return made


def page_vpdq(page: Any, data: bytes) -> dict[str, Any]:
    """The page's fingerprints of ``data``, made by ``video.js`` in the page."""
    return page.evaluate(  # type: ignore[no-any-return]
        """async (b64) => {
          const { fingerprintVideo } = await import("/static/video.js");
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          try {
            return await fingerprintVideo(new Blob([bytes]));
          } catch (error) {
            return { error: String(error), code: error.code };
          }
        }""",
        base64.b64encode(data).decode(),
    )


def test_the_page_vpdq_agrees_with_the_reference(open_page: Any, clips: dict[str, bytes]) -> None:
    tab = open_page()
    decoded: dict[str, dict[str, Any]] = {}
    for name, data in clips.items():
        result = page_vpdq(tab.page, data)
        if name.endswith(".mp4") and result.get("code") == "video_unreadable":
            print(f"{name}: this Chromium does not decode H.264 ({result['error']})")
            continue
        assert "error" not in result, f"{name}: {result}"
        decoded[name] = result
    assert {"vp9.webm", "vp8.webm", "ntsc-vp9.webm", "other.webm"} <= set(decoded)

    reference = {name: hash_video(clips[name]) for name in decoded}
    for name, result in decoded.items():
        ours = {f.number: f for f in frames_of(clips[name])}
        theirs = {h["frame"]: h for h in result["hashes"]}
        assert sorted(theirs) == sorted(ours), f"{name}: the same frames are sampled"
        distances = [ours[n].pdq.distance(Pdq.from_hex(theirs[n]["pdq"])) for n in sorted(ours)]
        median, most = statistics.median(distances), max(distances)
        print(
            f"{name}: {len(distances)} frames at {result['frameRate']:.3f} fps,"
            f" PDQ distance median {median}, max {most}, all {distances}"
        )
        assert median <= MEDIAN_BITS and most <= MOST_BITS, name
        assert result["md5"] == reference[name].md5.hex
        assert result["sha256"] == reference[name].sha256.hex

    # The same decision: the page's vPDQ of each file against the reference's of every file is
    # judged as the reference's own of that file is (two sampling rates of one pan may differ).
    threshold = Vpdq.DEFAULT_THRESHOLD
    for name, result in decoded.items():
        page = Vpdq.from_hex(result["vpdq"])
        for other, signals in reference.items():
            page_share, _ = page.shares(signals.vpdq, threshold)
            python_share, _ = reference[name].vpdq.shares(signals.vpdq, threshold)
            decision = (page_share >= QUERY_SHARE, python_share >= QUERY_SHARE)
            assert decision[0] == decision[1], (name, other, page_share, python_share)
            if other == name:
                assert decision[0], name
            if "other.webm" in (name, other) and name != other:
                assert not decision[0], (name, other)


def test_a_video_chosen_on_the_page_makes_a_case_platforms_find(
    open_page: Any, live_server: LiveServer, clips: dict[str, bytes], tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    video = tmp_path / "clip.webm"
    video.write_bytes(clips["vp9.webm"])
    photo = tmp_path / "photo.jpg"
    sample_photo("astronaut").save(photo, quality=90)
    tab = open_page()
    page = tab.page
    page.set_input_files("#files", [str(video), str(photo)])
    expect(page.locator("#photos li")).to_have_count(2)
    expect(page.locator("#photos .photo-state").first).to_contain_text(re.compile("frame|ready"))
    expect(page.locator("#photos .photo.ready")).to_have_count(2, timeout=60_000)
    expect(page.locator("#photos").get_by_text("Video fingerprints ready")).to_be_visible()
    preview = json.loads(page.locator("#preview").text_content() or "")
    assert len(preview["images"]) == 1 and len(preview["videos"]) == 1

    page.click("#send")
    expect(page.locator("#created-heading")).to_be_focused()
    number = page.locator("#new-case").text_content() or ""
    store = live_server.store
    case = store.get_case(number)
    kinds = sorted(e.signal_type for e in store.entries(case_id=case.id, status=None))
    assert kinds == ["md5", "md5", "pdq", "sha256", "sha256", "vpdq"]
    sent = next(e for e in store.entries(case_id=case.id) if e.signal_type == "vpdq")
    reference = hash_video(clips["vp9.webm"])
    assert Vpdq.from_hex(sent.value).shares(reference.vpdq, Vpdq.DEFAULT_THRESHOLD)[0] == 100

    page.check("#saved")
    page.click("#continue")
    expect(page.locator("#hashes")).to_contain_text("Video (also finds re-encoded copies)")

    # Another video added to the case: the message counts it as a video, not a photo.
    other = tmp_path / "other.webm"
    other.write_bytes(clips["other.webm"])
    page.click("#add-photos")
    page.set_input_files("#files", [str(other)])
    expect(page.locator("#photos .photo.ready")).to_have_count(1, timeout=60_000)
    page.click("#send")
    expect(page.locator("#status-message")).to_have_text(
        "The fingerprints of 1 photo or video were added."
    )

    # A platform finds a smaller, re-encoded H.264 copy by its bytes.
    platforms = live_server.app.state.unshared.platforms
    _, key = platforms.create_key("a-platform", "platform", actor="test")
    copy = transcode(clips["vp9.webm"], "-vf", "scale=240:-2", "-b:v", "150k")
    with Client(live_server.url, key) as platform:
        _, verdict = platform.match_video(copy)
    assert [m.entry for m in verdict.matches] == [sent.id]


def test_a_video_the_browser_cannot_decode_is_refused_in_words(
    open_page: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    broken = tmp_path / "broken.webm"
    broken.write_bytes(b"\x1a\x45\xdf\xa3" + bytes(range(256)) * 64)
    page = open_page().page
    page.set_input_files("#files", [str(broken)])
    expect(page.locator("#photos .photo.error")).to_contain_text(
        "This browser can't play this video", timeout=30_000
    )


def test_a_video_shows_its_progress_and_stops_when_removed(
    open_page: Any, clips: dict[str, bytes], tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    video = tmp_path / "long.mp4"
    video.write_bytes(clips.get("kodak-h264.mp4", clips["h264.mp4"]))
    page = open_page().page
    page.set_input_files("#files", [str(video)])
    state = page.locator("#photos .photo-state")
    expect(state).to_contain_text(re.compile(r"frame \d+ of \d+"), timeout=30_000)
    page.locator("#photos button").click()
    expect(page.locator("#photos li")).to_have_count(0)
    # Nothing of the removed video comes back, and the page goes on with what is chosen next.
    photo = tmp_path / "photo.jpg"
    sample_photo("coffee").save(photo, quality=90)
    page.set_input_files("#files", [str(photo)])
    expect(page.locator("#photos .photo.ready")).to_have_count(1, timeout=30_000)
    page.wait_for_timeout(1000)
    expect(page.locator("#photos li")).to_have_count(1)
