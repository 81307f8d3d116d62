"""vPDQ as a signal type: its value object, its frame index against a brute-force scan, and
matching by the share of frames each way at each bank's thresholds, through the real service."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from unshared.config import Settings
from unshared.errors import InvalidInput, MalformedSignal
from unshared.index.frames import ByFrames
from unshared.index.live import LiveIndex
from unshared.match import Query
from unshared.service import Unshared
from unshared.signals import SIGNAL_TYPES, Pdq
from unshared.video import MAX_FRAMES, Vpdq, frame_distances

RNG_SEED = 15


def random_frames(rng: np.random.Generator, n: int) -> list[Pdq]:
    return [Pdq(rng.integers(0, 256, 32, dtype=np.uint8).tobytes()) for _ in range(n)]


def nudged(frame: Pdq, bits: int) -> Pdq:
    value = int.from_bytes(frame.value, "big") ^ ((1 << bits) - 1) << 100
    return Pdq(value.to_bytes(32, "big"))


def test_the_value_round_trips_and_refuses_what_is_not_frames() -> None:
    frames = random_frames(np.random.default_rng(RNG_SEED), 3)
    video = Vpdq.of_frames([frames[0], frames[1], frames[0], frames[2]])
    assert video.frames == tuple(frames)  # distinct frames, in order
    assert Vpdq.from_hex(video.hex) == video
    assert Vpdq.from_hex(",".join(f.hex for f in frames).upper()) == video
    assert SIGNAL_TYPES.parse("vpdq", video.hex) == video
    assert video.distance(video) == 0
    assert Vpdq.of_frames([nudged(f, 7) for f in frames]).distance(video) == 7
    # python-threatexchange's serialization: low-quality frames dropped, repeats kept once.
    pytx = [
        f"{f.hex},{q},{t:.3f}"
        for f, q, t in zip([*frames, frames[0]], [100, 80, 60, 90], range(4), strict=True)
    ]
    low = f"{random_frames(np.random.default_rng(1), 1)[0].hex},20,9.000"
    assert Vpdq.from_hex(json.dumps([*pytx, low])) == video
    # Written in that form (what the pytx exchange hands pytx's vPDQ extension) and read back.
    written = json.loads(video.pytx_form())
    assert [w.split(",")[0] for w in written] == [f.hex for f in frames]
    assert all(w.split(",")[1] == "50" for w in written)
    assert Vpdq.from_hex(video.pytx_form()) == video
    for bad in ["", "ab", frames[0].hex + "0", "zz" * 32, '["ab,100,0.0"]', "[1]", "[,"]:
        with pytest.raises(MalformedSignal):
            Vpdq.from_hex(bad)
    with pytest.raises(MalformedSignal):
        Vpdq(bytes(32 * (MAX_FRAMES + 1)))


def test_the_frame_index_finds_what_a_scan_finds() -> None:
    rng = np.random.default_rng(RNG_SEED)
    videos = [Vpdq.of_frames(random_frames(rng, int(rng.integers(1, 40)))) for _ in range(60)]
    index = ByFrames(Vpdq)
    index.add(np.arange(1, 61, dtype=np.int64), [v.value for v in videos])
    assert len(index) == 60
    queries = [
        Vpdq.of_frames([nudged(f, int(rng.integers(0, 40))) for f in v.frames[:5]])
        for v in videos[:20]
    ]
    for radius in (0, 10, 31, 90):
        for query, hits in zip(
            queries, index.query([q.value for q in queries], radius), strict=True
        ):
            expected = {
                i + 1: int(frame_distances(query.value, v.value).min())
                for i, v in enumerate(videos)
                if frame_distances(query.value, v.value).min() <= radius
            }
            assert dict(zip(hits.ids.tolist(), hits.distances.tolist(), strict=True)) == expected
    assert index.remove(np.array([1, 2, 999])) == 2
    assert len(index) == 58
    assert 1 not in index.query([videos[0].value], 0)[0].ids


def test_videos_match_by_the_share_of_frames_at_each_banks_thresholds(tmp_path: Path) -> None:
    rng = np.random.default_rng(RNG_SEED)
    stored = Vpdq.of_frames(random_frames(rng, 20))
    settings = Settings.load(env={}, home=tmp_path)
    with Unshared(settings) as app:
        app.create_bank("ncii")  # vPDQ's defaults: frames within 31, 80% of the query's found
        app.create_bank("every-frame", thresholds={"vpdq.query_share": 100})
        app.create_bank("whole-video", thresholds={"vpdq.bank_share": 50, "vpdq": 12})
        for bank in ("ncii", "every-frame", "whole-video"):
            app.lists.import_file(bank, io.StringIO(f"vpdq {stored.hex}\n"), "lines")
        assert len(app.index.of("vpdq")) == 3

        def banks(query: Vpdq) -> dict[str, int]:
            verdict = app.match(Query(others=(query,)))
            assert all(m.signal == "vpdq" for m in verdict.matches)
            return {m.bank: m.distance for m in verdict.matches}

        # 18 of 20 frames re-encoded (10 bits off) and 2 unrelated: 90% of the query found.
        recoded = Vpdq.of_frames(
            [nudged(f, 10) for f in stored.frames[:18]] + random_frames(rng, 2)
        )
        assert banks(recoded) == {"ncii": 10, "whole-video": 10}
        # A 5-frame clip of it: every query frame found, but a quarter of the bank's video.
        clip = Vpdq.of_frames(stored.frames[5:10])
        assert banks(clip) == {"ncii": 0, "every-frame": 0}
        # Frames 20 bits off: past whole-video's frame threshold of 12.
        assert banks(Vpdq.of_frames([nudged(f, 20) for f in stored.frames])) == {
            "ncii": 0,
            "every-frame": 0,
        }
        # Half the frames: under the 80% every bank here asks of the query.
        half = Vpdq.of_frames(list(stored.frames[:10]) + random_frames(rng, 10))
        assert banks(half) == {}
        assert banks(Vpdq.of_frames(random_frames(rng, 20))) == {}

        entry = next(e for e in app.store.entries(bank="ncii") if e.signal_type == "vpdq")
        app.withdraw_entry("ncii", entry.id)
        assert banks(clip) == {"every-frame": 0}
        folder = app.index_folder

    with Unshared(settings) as app:
        reloaded = LiveIndex.open(app.store, folder)
        assert reloaded.loaded and len(reloaded.of("vpdq")) == 2


def test_share_thresholds_are_percentages(tmp_path: Path) -> None:
    with Unshared(Settings.load(env={}, home=tmp_path)) as app:
        for bad in ({"vpdq.query_share": 101}, {"vpdq.nothing": 1}, {"vpdq": 257}):
            with pytest.raises(InvalidInput):
                app.create_bank("bad", thresholds=bad)
