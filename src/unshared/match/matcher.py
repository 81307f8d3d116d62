"""A query (an image's signals) -> a verdict, through the live index and the store.

The index finds candidates; the store has the last word: every candidate entry is read back
and must still be active, so a withdrawal takes effect for the very next match even where an
index has not yet replayed it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from unshared.bank.models import Bank
from unshared.bank.store import EntryReader
from unshared.errors import InvalidInput
from unshared.index.live import LiveIndex
from unshared.match.policy import FEATURES, VARIANTS, Hit, Verdict, decide, threshold
from unshared.signals import Md5, Pdq, Sha256, SignalSet

if TYPE_CHECKING:  # OpenCV is loaded only where protect banks are used
    from unshared.features import FeatureIndex, Features

#: Most trimmed views one query may carry (``unshared.hashing.normalise.RULES`` makes 3).
MAX_TRIMMED_VIEWS = 3


@dataclass(frozen=True, slots=True)
class Query:
    """What is matched: PDQ hashes (the picture, then optionally its 7 other rotations and
    flips), their quality when known, and the file's exact hashes when known.

    Where the pixels were at hand (``Unshared.match_image_signals``) it may also carry the PDQ
    hashes of views of the picture with its margins trimmed, 8 a view (variants named
    ``trimmed_<variant>``), and
    its local features for ``protect`` banks; both live only as long as the query."""

    pdq: tuple[Pdq, ...] = ()
    quality: int | None = None
    md5: Md5 | None = None
    sha256: Sha256 | None = None
    trimmed: tuple[Pdq, ...] = ()
    features: Features | None = None

    def __post_init__(self) -> None:
        if len(self.pdq) > len(VARIANTS):
            raise InvalidInput(f"at most {len(VARIANTS)} PDQ hashes (the variants) per query")
        views, rest = divmod(len(self.trimmed), len(VARIANTS))
        if rest or views > MAX_TRIMMED_VIEWS:
            raise InvalidInput(
                f"at most {MAX_TRIMMED_VIEWS} trimmed views of {len(VARIANTS)} PDQ hashes each"
            )
        if self.quality is not None and not 0 <= self.quality <= 100:
            raise InvalidInput("PDQ quality is from 0 to 100", quality=self.quality)
        if not (self.pdq or self.md5 or self.sha256):
            raise InvalidInput("a query needs at least one hash")

    @classmethod
    def of(cls, signals: SignalSet) -> Query:
        return cls(
            pdq=signals.pdq_dihedral or (signals.pdq,),
            quality=signals.quality,
            md5=signals.md5,
            sha256=signals.sha256,
        )


class Banks:
    """The banks' settings, kept in memory: they change rarely and every match needs them. Read
    again when told (``refresh``: a bank was made here) or when a candidate names a bank not
    seen yet (made by another process)."""

    def __init__(self, store: EntryReader) -> None:
        self.store = store
        self._banks: dict[str, Bank] | None = None

    def get(self) -> dict[str, Bank]:
        if self._banks is None:
            self._banks = {bank.name: bank for bank in self.store.list_banks()}
        return self._banks

    def refresh(self) -> None:
        self._banks = None


class Matcher:
    def __init__(
        self,
        store: EntryReader,
        index: LiveIndex,
        min_quality: int = Pdq.DEFAULT_MIN_QUALITY,
        features: FeatureIndex | None = None,
        banks: Banks | None = None,
    ) -> None:
        self.store = store
        self.index = index
        self.min_quality = min_quality
        self.features = features
        self.banks = banks or Banks(store)

    def match(self, query: Query, *, catch_up: bool = True) -> Verdict:
        """The verdict on ``query``. Every candidate the indexes give is read back from the store,
        all in one read, and must still be active: a withdrawal counts for the very next match
        even where an index has not replayed it yet."""
        if catch_up:
            self.index.catch_up(self.store)
        banks = self.banks.get()
        notes: list[str] = []
        found: list[tuple[int, int, str, str | None]] = []  # (entry, distance, variant, signal)
        if query.pdq:
            if query.quality is not None and query.quality < self.min_quality:
                notes.append(f"PDQ not used: quality {query.quality} is under {self.min_quality}")
            else:
                found.extend(self._pdq_candidates(query.pdq, banks))
                # The trimmed view's quality is at least the whole picture's: its margins
                # were flat.
                found.extend(self._pdq_candidates(query.trimmed, banks, prefix="trimmed_"))
        for signal in (query.md5, query.sha256):
            if signal is not None:
                ids = self.index.query_exact(signal.name, signal.value)
                found.extend((int(i), 0, "original", None) for i in ids)
        found.extend(self._feature_candidates(query.features))
        if not found:
            return decide([], banks, notes)
        entries = self.store.get_entries([entry_id for entry_id, *_ in found])
        if any(entry.bank not in banks for entry in entries.values()):
            self.banks.refresh()  # made by another process since we last looked
            banks = self.banks.get()
        # An id deleted under us is left out; the feed will catch the index up.
        hits = [
            Hit(entries[entry_id], distance, variant, signal=signal)
            for entry_id, distance, variant, signal in found
            if entry_id in entries
        ]
        return decide(hits, banks, notes)

    def _feature_candidates(
        self, features: Features | None
    ) -> list[tuple[int, int, str, str | None]]:
        """Stage 2: images of protect banks that ``features`` shows, verified geometrically.
        The index is keyed by each image's PDQ entry, read back with the other candidates so
        that a withdrawn or disabled entry stops matching at once."""
        if features is None or self.features is None or len(self.features) == 0:
            return []
        return [
            (entry_id, inliers, FEATURES, FEATURES)
            for entry_id, inliers in self.features.matches(features)
        ]

    def _pdq_candidates(
        self, variants: Sequence[Pdq], banks: dict[str, Bank], prefix: str = ""
    ) -> list[tuple[int, int, str, str | None]]:
        radius = max((threshold(b, "pdq") for b in banks.values()), default=0)
        if not variants or not banks or len(self.index.pdq) == 0:
            return []
        codes = np.frombuffer(b"".join(p.value for p in variants), np.uint8).reshape(-1, 32)
        out: list[tuple[int, int, str, str | None]] = []
        for at, hits in enumerate(self.index.query_pdq(codes, radius)):
            variant = VARIANTS[at % len(VARIANTS)]  # trimmed views come 8 hashes a view
            out.extend(
                (int(i), int(d), prefix + variant, None)
                for i, d in zip(hits.ids, hits.distances, strict=True)
            )
        return out
