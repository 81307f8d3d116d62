"""A signal type is a class and a registry line: the bank stores it, the live index indexes it
by what it declares, and the matcher matches it, with no edit anywhere else."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from unshared.config import Settings
from unshared.index.live import LiveIndex
from unshared.match import Query
from unshared.service import Unshared
from unshared.signals import SIGNAL_TYPES, IndexKind, Signal


@dataclass(frozen=True, slots=True, repr=False)
class Wave64(Signal):
    """Made up for this test: a 64-bit perceptual hash, compared by Hamming distance."""

    name: ClassVar[str] = "wave64"
    nbytes: ClassVar[int] = 8
    index_kind: ClassVar[IndexKind] = "hamming"
    DEFAULT_THRESHOLD: ClassVar[int] = 6


@pytest.fixture
def wave64() -> Iterator[type[Wave64]]:
    SIGNAL_TYPES.register(Wave64)  # the registry line
    try:
        yield Wave64
    finally:
        SIGNAL_TYPES.unregister(Wave64.name)


def flipped(signal: Wave64, bits: int) -> Wave64:
    value = int.from_bytes(signal.value, "big") ^ ((1 << bits) - 1) << 20
    return Wave64(value.to_bytes(8, "big"))


def test_a_registered_type_is_indexed_and_matched(tmp_path: Path, wave64: type[Wave64]) -> None:
    stored = wave64.from_hex("0123456789abcdef")
    settings = Settings.load(env={}, home=tmp_path)
    with Unshared(settings) as app:
        app.create_bank("strict", thresholds={"wave64": 3})
        app.create_bank("loose")  # the type's default, 6
        for bank in ("strict", "loose"):
            app.lists.import_file(bank, io.StringIO(f"wave64 {stored.hex}\n"), "lines")
        assert len(app.index.of("wave64")) == 2

        for bits, banks in [(0, {"strict", "loose"}), (3, {"strict", "loose"}), (5, {"loose"})]:
            verdict = app.match(Query(others=(flipped(stored, bits),)))
            assert {m.bank for m in verdict.matches} == banks, bits
            assert {(m.signal, m.distance) for m in verdict.matches} == {("wave64", bits)}
        assert not app.match(Query(others=(flipped(stored, 7),))).matches
        folder = app.index_folder

    # Saved beside the others, and read back.
    assert (folder / "wave64.index").is_file()
    with Unshared(settings) as app:
        reloaded = LiveIndex.open(app.store, folder)
        assert reloaded.loaded and len(reloaded.of("wave64")) == 2
