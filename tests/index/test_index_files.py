"""Index files: damaged, truncated or foreign ones are refused; a write is all or nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from tests.index.codes import random_codes
from unshared.errors import InvalidInput, NotFound
from unshared.index import (
    BruteForceIndex,
    CorruptIndex,
    ExactIndex,
    MihIndex,
    load_hamming_index,
)
from unshared.index.files import MAGIC, read_index_file, write_index_file


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    rng = np.random.default_rng(0)
    index = MihIndex(delta_max=100)
    index.add(np.arange(2000), random_codes(rng, 2000))
    index.add([5000], random_codes(rng, 1))  # one pending add, saved as such
    path = tmp_path / "pdq.idx"
    index.save(path, {"feed_seq": 12})
    return path


def damaged(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x40
    path.write_bytes(bytes(data))


def test_a_good_file_loads(saved: Path) -> None:
    index, meta = MihIndex.load(saved)
    assert meta == {"feed_seq": 12} and len(index) == 2001


def test_a_file_from_before_the_next_bits_loads_and_answers_the_same(saved: Path) -> None:
    """Files written before the tables kept each row's next 16 bits have none: loading one
    makes them from the codes, and its answers are the new file's."""
    params, arrays, meta = read_index_file(saved, MihIndex.kind)
    old = saved.with_name("old.idx")
    write_index_file(
        old, MihIndex.kind, params, {k: v for k, v in arrays.items() if k != "nexts"}, meta
    )
    (now, _), (before, _) = MihIndex.load(saved), MihIndex.load(old)
    queries = np.concatenate([arrays["codes"][:50], random_codes(np.random.default_rng(1), 5)])
    queries[:50, :3] ^= np.uint8(0x11)  # 6 bits off each stored code
    for a, b in zip(now.query(queries, 31), before.query(queries, 31), strict=True):
        assert a.ids.tolist() == b.ids.tolist()
    assert sum(len(h.ids) for h in now.query(queries, 31)) >= 50


@pytest.mark.parametrize("where", [0, 20, 200, -1, -5000, -70000], ids=lambda w: f"byte{w}")
def test_a_flipped_byte_is_caught(saved: Path, where: int) -> None:
    damaged(saved, where % saved.stat().st_size)
    with pytest.raises(CorruptIndex):
        MihIndex.load(saved)


@pytest.mark.parametrize("keep", [0, 5, 100, 0.5, 0.999])
def test_a_truncated_file_is_caught(saved: Path, keep: float) -> None:
    data = saved.read_bytes()
    saved.write_bytes(data[: int(keep * len(data)) if keep < 1 else int(keep)])
    with pytest.raises(CorruptIndex):
        MihIndex.load(saved)


def test_another_kind_of_index_is_refused(saved: Path, tmp_path: Path) -> None:
    with pytest.raises(CorruptIndex, match="'mih' index, not 'brute'"):
        BruteForceIndex.load(saved)
    exact = tmp_path / "md5.idx"
    ExactIndex(16).save(exact)
    with pytest.raises(CorruptIndex):
        load_hamming_index(exact)
    not_an_index = tmp_path / "notes.txt"
    not_an_index.write_text("hello")
    with pytest.raises(CorruptIndex, match="not an Unshared index"):
        MihIndex.load(not_an_index)


def test_a_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        MihIndex.load(tmp_path / "absent.idx")


def test_meta_must_be_json(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        BruteForceIndex().save(tmp_path / "x.idx", {"when": object()})
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = saved.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        BruteForceIndex().save(saved, {"feed_seq": 13})
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]  # no temporary left


def test_a_killed_writer_leaves_a_whole_file(tmp_path: Path) -> None:
    """SIGKILL a process that keeps rewriting an index: what is on disk always loads."""
    path = tmp_path / "pdq.idx"
    writer = textwrap.dedent(
        f"""
        import numpy as np, sys
        from unshared.index import MihIndex
        index = MihIndex()
        codes = np.random.default_rng(1).integers(0, 256, (300_000, 32), dtype=np.uint8)
        index.add(np.arange(300_000), codes)
        seq = 0
        while True:
            index.save({str(path)!r}, {{"feed_seq": seq}})
            print(seq, flush=True)
            seq += 1
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", writer], stdout=subprocess.PIPE, text=True, cwd=Path.cwd()
    ) as process:
        try:
            assert process.stdout is not None
            process.stdout.readline()  # one whole save has happened
            time.sleep(0.15)  # now, most likely, in the middle of another
        finally:
            process.send_signal(signal.SIGKILL)
    index, meta = MihIndex.load(path)
    assert len(index) == 300_000 and meta["feed_seq"] >= 0


def test_magic_is_fixed() -> None:
    # Changing it would orphan every saved index: a new format needs a new FORMAT number instead.
    assert MAGIC == b"UNSHIDX\n"
