"""Entry values as long as a video's vPDQ (migration 7), in each store: added once per bank,
found by value, carried by the feed, and a store made before step 7 takes it with its data."""

from __future__ import annotations

import numpy as np
import pytest

from tests.bank.helpers import pdq, raw
from unshared.bank import open_store, sqlstore
from unshared.bank.migrations import MIGRATIONS
from unshared.video import MAX_FRAMES, Vpdq


def video(seed: int, frames: int) -> Vpdq:
    return Vpdq(np.random.default_rng(seed).integers(0, 256, 32 * frames, np.uint8).tobytes())


def test_the_longest_vpdq_is_stored_once_and_found_by_value(store_url: str) -> None:
    longest, other = video(1, MAX_FRAMES), video(2, 100)
    with open_store(store_url) as store:
        store.create_bank("videos")
        first = store.add_entries("videos", [longest, other], source="t", actor="t")
        again = store.add_entries("videos", [longest], source="t", actor="t")
        assert again[0].id == first[0].id  # the same value is not added twice
        assert [e.id for e in store.find_entries("vpdq", longest.hex)] == [first[0].id]
        assert store.get_entry(first[0].id).signal == longest
        assert [c.value for c in store.changes()][:2] == [longest.hex, other.hex]


def test_a_store_at_step_6_takes_step_7_with_its_data(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlstore, "MIGRATIONS", MIGRATIONS[:6])
    monkeypatch.setattr(sqlstore, "LATEST", 6)
    with open_store(store_url) as old:
        old.create_bank("b")
    monkeypatch.undo()
    # Rows as the code before step 7 wrote them; a long value did not pass then.
    insert = (
        "INSERT INTO entries (bank_id, signal_type, value, status, added_at)"
        " SELECT id, '{}', '{}', 'active', '2024-01-01T00:00:00+00:00' FROM banks"
    )
    raw(store_url, insert.format("pdq", pdq(1).hex))
    with pytest.raises(Exception, match=r"(?i)check"):
        raw(store_url, insert.format("vpdq", video(3, 10).hex))
    ((kept_id,),) = raw(store_url, "SELECT id FROM entries")
    with open_store(store_url) as new:
        assert new.schema_versions() == [step.version for step in MIGRATIONS]
        assert new.get_entry(kept_id).signal == pdq(1)
        (added,) = new.add_entries("b", [video(3, 10)], source="t", actor="t")
        assert new.find_entries("vpdq", video(3, 10).hex)[0].id == added.id
        assert new.add_entries("b", [pdq(1)], source="t", actor="t")[0].id == kept_id
    too_long = "ab" * 131_073
    with pytest.raises(Exception, match=r"(?i)check"):
        raw(store_url, f"UPDATE entries SET value = '{too_long}' WHERE id = {kept_id}")
