"""The matcher over a real SQLite store and a live index: thresholds, variants, allow-lists,
the quality gate, and withdrawals that take effect for the very next match."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PIL import Image

from tests.imaging import encode
from unshared.bank import SQLiteStore, hash_pin, new_pin
from unshared.config import Settings
from unshared.errors import InvalidInput
from unshared.hashing import hash_bytes
from unshared.index.live import LiveIndex
from unshared.match import Query
from unshared.service import Unshared
from unshared.signals import Pdq, SignalSet


@pytest.fixture
def app(tmp_path: Path) -> Unshared:
    return Unshared(Settings.load(env={}, home=tmp_path))


def signals_of(image: Image.Image, **kw: bool) -> SignalSet:
    return hash_bytes(encode(image, "PNG"), min_quality=0, **kw)


def flip_bits(pdq: Pdq, n: int) -> Pdq:
    value = int.from_bytes(pdq.value, "big") ^ ((1 << n) - 1)
    return Pdq(value.to_bytes(32, "big"))


def test_threshold_is_per_bank(app: Unshared, photo: Image.Image) -> None:
    app.create_bank("strict", thresholds={"pdq": 10})
    app.create_bank("loose")
    original = signals_of(photo)
    app.add_signals("strict", original, source="test", actor="test")
    app.add_signals("loose", original, source="test", actor="test")
    for distance, banks in [(0, {"strict", "loose"}), (10, {"strict", "loose"}), (11, {"loose"})]:
        verdict = app.match(Query(pdq=(flip_bits(original.pdq, distance),)))
        assert {m.bank for m in verdict.matches} == banks, distance
        assert all(m.distance == distance for m in verdict.matches)
    assert not app.match(Query(pdq=(flip_bits(original.pdq, 32),))).matched


def test_rotated_upload_matches_through_its_variants(app: Unshared, photo: Image.Image) -> None:
    app.create_bank("ncii")
    app.add_signals("ncii", signals_of(photo), source="test", actor="test")
    turned = photo.transpose(Image.Transpose.ROTATE_270)
    plain = app.match(Query(pdq=(signals_of(turned).pdq,)))
    assert not plain.matched
    verdict = app.match(Query.of(signals_of(turned, dihedral=True)))
    assert verdict.matched
    assert [m.variant for m in verdict.matches] == ["rotate_90"]


def test_allow_bank_overrules_and_says_so(app: Unshared, photos: list[Image.Image]) -> None:
    app.create_bank("ncii")
    app.create_bank("memes", kind="allow")
    meme, private = signals_of(photos[0]), signals_of(photos[1])
    app.add_signals("ncii", meme, source="test", actor="test")
    app.add_signals("ncii", private, source="test", actor="test")
    app.add_signals("memes", meme, source="test", actor="test")
    verdict = app.match(Query.of(meme))
    assert verdict.suppressed and not verdict.matched
    assert {m.bank for m in verdict.allowed} == {"memes"}
    assert verdict.matches and verdict.notes
    assert app.match(Query.of(private)).matched


def test_quality_gate_keeps_exact_matching(app: Unshared) -> None:
    flat = hash_bytes(encode(Image.new("RGB", (100, 100), "grey"), "PNG"), min_quality=0)
    assert flat.quality < 50
    app.create_bank("ncii")
    app.add_signals("ncii", flat, source="test", actor="test")
    verdict = app.match(Query.of(flat))
    assert {m.signal for m in verdict.matches} == {"md5", "sha256"}
    assert any("quality" in note for note in verdict.notes)


def test_withdrawal_is_immediate_even_before_the_index_hears(
    app: Unshared, photo: Image.Image
) -> None:
    app.create_bank("ncii")
    entries = app.add_signals("ncii", signals_of(photo), source="test", actor="test")
    query = Query.of(signals_of(photo))
    assert app.match(query).matched
    for entry in entries:
        app.store.set_entry_status(entry.id, "withdrawn", actor="test")
    # No catch-up: the index still holds the entries, the store has the last word.
    assert not app.matcher.match(query, catch_up=False).matches
    assert not app.match(query).matches
    assert len(app.index) == 0


def test_case_withdrawal(app: Unshared, photo: Image.Image) -> None:
    app.create_bank("ncii")
    case = app.store.create_case(hash_pin(new_pin()))
    app.add_signals("ncii", signals_of(photo), case_id=case.id, source="test", actor="test")
    query = Query.of(signals_of(photo))
    matches = app.match(query).matches
    assert {app.store.get_entry(m.entry).case_id for m in matches} == {case.id}
    # A platform learns the entry, bank and distance, never which hashes are one person's.
    assert all("case" not in m.to_dict() for m in matches)
    app.store.withdraw_case(case.id)
    assert not app.match(query).matches


def test_index_is_saved_reloaded_and_rebuilt(tmp_path: Path, photos: list[Image.Image]) -> None:
    settings = Settings.load(env={}, home=tmp_path)
    with Unshared(settings) as app:
        app.create_bank("ncii")
        for image in photos:
            app.add_signals("ncii", signals_of(image), source="test", actor="test")
        assert app.match(Query.of(signals_of(photos[0]))).matched
        folder = app.index_folder
    assert (folder / "pdq.index").is_file()
    store = SQLiteStore(tmp_path / "unshared.db")
    loaded = LiveIndex.open(store, folder)
    assert loaded.loaded and len(loaded.of("pdq")) == len(photos)
    # Changes made while no index was open are replayed on open.
    store.add_entries("ncii", [flip_bits(signals_of(photos[0]).pdq, 40)])
    assert len(LiveIndex.open(store, folder).of("pdq")) == len(photos) + 1
    # A damaged file is rebuilt from the store, not trusted.
    (folder / "pdq.index").write_bytes(b"garbage")
    rebuilt = LiveIndex.open(store, folder)
    assert not rebuilt.loaded and len(rebuilt.of("pdq")) == len(photos) + 1
    store.close()


def test_bad_queries() -> None:
    with pytest.raises(InvalidInput):
        Query()
    with pytest.raises(InvalidInput):
        Query(pdq=(Pdq(bytes(32)),), quality=101)


class CountingStore:
    """The real store, with a tally of the calls the test's own thread makes to it (a feed
    follower's calls are not a request's)."""

    def __init__(self, store: SQLiteStore) -> None:
        self._store = store
        self._thread = threading.get_ident()
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> object:
        attribute = getattr(self._store, name)
        if callable(attribute) and not name.startswith("_"):

            def counted(*args: object, **kwargs: object) -> object:
                if threading.get_ident() == self._thread:
                    self.calls.append(name)
                return attribute(*args, **kwargs)

            return counted
        return attribute


def test_a_match_reads_its_candidates_at_once_and_counts_them(
    tmp_path: Path, photos: list[Image.Image]
) -> None:
    store = CountingStore(SQLiteStore(tmp_path / "db.sqlite"))
    app = Unshared(Settings.load(env={}, home=tmp_path), store)  # type: ignore[arg-type]
    app.create_bank("ncii")
    for image in photos[:3]:
        app.add_signals("ncii", signals_of(image), source="test", actor="test")
    app.warm()
    app.match(Query.of(signals_of(photos[4])))
    store.calls.clear()

    stranger = app.match(Query.of(signals_of(photos[4], dihedral=True)))
    assert not stranger.matches
    assert store.calls == ["changes"]  # the feed, to catch the index up: nothing else
    store.calls.clear()

    # A copy found by its PDQ (8 variants), MD5 and SHA-256 alike: 3 candidates, one read.
    verdict = app.match(Query.of(signals_of(photos[0], dihedral=True)))
    assert len(verdict.matches) == 3
    assert store.calls == ["changes", "get_entries", "record_matches"]
    assert set(store.match_counts([m.entry for m in verdict.matches]).values()) == {1}


def test_a_served_match_reads_no_feed_and_a_write_counts_at_once(
    tmp_path: Path, photos: list[Image.Image]
) -> None:
    """Following the feed (as a server does), a match that finds nothing makes no store call
    and one that matches two (its candidates, its counts); writes made here reach the index
    before they return."""
    store = CountingStore(SQLiteStore(tmp_path / "db.sqlite"))
    settings = Settings.load(env={}, home=tmp_path, feed_poll=0.05)
    with Unshared(settings, store) as app:  # type: ignore[arg-type]
        app.create_bank("ncii")
        app.add_signals("ncii", signals_of(photos[0]), source="test", actor="test")
        app.warm()
        app.follow()
        store.calls.clear()

        assert not app.match(Query.of(signals_of(photos[4], dihedral=True))).matches
        assert store.calls == []
        assert len(app.match(Query.of(signals_of(photos[0], dihedral=True))).matches) == 3
        assert store.calls == ["get_entries", "record_matches"]

        # Added and withdrawn here: in the index, and out of it, before the call returns.
        app.create_bank("second", thresholds={"pdq": 10})
        added = app.add_signals("second", signals_of(photos[1]), source="test", actor="test")
        store.calls.clear()
        verdict = app.match(Query.of(signals_of(photos[1])))
        assert {m.bank for m in verdict.matches} == {"second"}
        assert store.calls == ["get_entries", "record_matches"]
        pdq = next(e for e in added if e.signal_type == "pdq")
        app.withdraw_entry("second", pdq.id)
        assert pdq.id not in app.index.of("pdq").index.ids()
        assert {m.signal for m in app.match(Query.of(signals_of(photos[1]))).matches} == {
            "md5",
            "sha256",
        }
