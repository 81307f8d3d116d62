"""A query (an image's signals) -> a verdict, through the live index and the store.

The index finds candidates, one query per signal type in the query, whatever the type (the
live index holds one index per registered type); the store has the last word: every candidate
entry is read back and must still be active, so a withdrawal takes effect for the very next
match even where an index has not yet replayed it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from unshared.bank.models import Bank
from unshared.bank.store import EntryReader
from unshared.index.live import LiveIndex
from unshared.match.policy import FEATURES, Hit, Verdict, decide, threshold
from unshared.match.query import DEFAULT_MIN_QUALITY, Probe, Query
from unshared.signals import SIGNAL_TYPES, Signal

if TYPE_CHECKING:  # OpenCV is loaded only where protect banks are used
    from unshared.features import FeatureIndex, Features

#: An index candidate: entry id, distance, variant, the signal that hit when not the entry's
#: own, and the query's value when the entry's type judges a match itself.
Candidate = tuple[int, int, str, str | None, Signal | None]


class Banks:
    """The banks' settings, kept in memory: they never change once made, and every match needs
    them. Read again when a bank is made here (``refresh``), or when the index or a candidate
    names a bank not seen yet (made by another process, heard of through the feed)."""

    def __init__(self, store: EntryReader) -> None:
        self.store = store
        self._banks: dict[str, Bank] | None = None
        #: How many times the settings were read: what is built on them checks it.
        self.reads = 0

    def get(self, names: frozenset[str] = frozenset()) -> dict[str, Bank]:
        """Every bank's settings, read again if any of ``names`` is missing from them."""
        banks = self._banks
        if banks is None or not names <= banks.keys():
            banks = self.refresh()
        return banks

    def refresh(self) -> dict[str, Bank]:
        """Read every bank's settings again, now."""
        self._banks = {bank.name: bank for bank in self.store.list_banks()}
        self.reads += 1
        return self._banks


class Matcher:
    def __init__(
        self,
        store: EntryReader,
        index: LiveIndex,
        min_quality: int = DEFAULT_MIN_QUALITY,
        features: FeatureIndex | None = None,
        banks: Banks | None = None,
    ) -> None:
        self.store = store
        self.index = index
        self.min_quality = min_quality
        self.features = features
        self.banks = banks or Banks(store)
        self._radii: dict[str, tuple[dict[str, Bank], int]] = {}

    def match(self, query: Query, *, catch_up: bool = True) -> Verdict:
        """The verdict on ``query``. Every candidate the indexes give is read back from the store,
        all in one read, and must still be active: a withdrawal counts for the very next match
        even where an index has not replayed it yet."""
        if catch_up:
            self.index.catch_up(self.store)
        banks = self.banks.get(self.index.bank_names)
        probes, notes = query.probes(self.min_quality)
        found = self._candidates(probes, banks)
        found.extend(self._feature_candidates(query.features))
        if not found:
            return decide([], banks, notes)
        entries = self.store.get_entries([c[0] for c in found])
        if any(entry.bank not in banks for entry in entries.values()):
            banks = self.banks.refresh()  # made by another process since we last looked
        # An id deleted under us is left out; the feed will catch the index up.
        hits = [
            Hit(entries[entry_id], distance, variant, signal=signal, query=value)
            for entry_id, distance, variant, signal, value in found
            if entry_id in entries
        ]
        return decide(hits, banks, notes)

    def _feature_candidates(self, features: Features | None) -> list[Candidate]:
        """Stage 2: images of protect banks that ``features`` shows, verified geometrically.
        The index is keyed by one entry of each image, read back with the other candidates so
        that a withdrawn or disabled entry stops matching at once."""
        if features is None or self.features is None or len(self.features) == 0:
            return []
        return [
            (entry_id, inliers, FEATURES, FEATURES, None)
            for entry_id, inliers in self.features.matches(features)
        ]

    def _candidates(self, probes: Sequence[Probe], banks: dict[str, Bank]) -> list[Candidate]:
        """Stage 1: the entries near each probe, one index query per signal type, out to the
        widest threshold any bank has for that type (``decide`` applies each bank's own)."""
        if not banks:
            return []
        by_type: dict[str, list[Probe]] = {}
        for probe in probes:
            by_type.setdefault(probe[0].name, []).append(probe)
        asked = [
            (name, [signal.value for signal, _ in group], self._radius(name, banks))
            for name, group in by_type.items()
        ]
        out: list[Candidate] = []
        for group, found in zip(by_type.values(), self.index.query_each(asked), strict=True):
            # A ``frames`` type's candidates are judged against the query's value (``decide``).
            judged = SIGNAL_TYPES.get(group[0][0].name).index_kind == "frames"
            for (signal, variant), hits in zip(group, found, strict=True):
                if len(hits.ids):  # most uploads: no hit at all
                    out.extend(
                        (int(i), int(d), variant, None, signal if judged else None)
                        for i, d in zip(hits.ids, hits.distances, strict=True)
                    )
        return out

    def _radius(self, signal_type: str, banks: dict[str, Bank]) -> int:
        """The widest threshold any bank has for ``signal_type``: ``decide`` applies each
        bank's own. Kept while the banks' settings are the same ones (the same dict: ``Banks``
        makes a new one when it reads them again)."""
        kept = self._radii.get(signal_type)
        if kept is not None and kept[0] is banks:
            return kept[1]
        radius = max(threshold(b, signal_type) for b in banks.values())
        self._radii[signal_type] = (banks, radius)
        return radius
