"""Index hits -> matches -> a verdict. Pure policy: no I/O.

- A hit counts only if its entry is active and its distance is within its bank's threshold for
  that signal type (PDQ default 31; exact signals must be equal).
- Each entry appears once, at its smallest distance (a query tries up to 8 rotations and flips).
- A hit of a ``frames`` type (vPDQ) carries the query's value, and the type's ``judge`` decides
  with the bank's thresholds (the share of frames each way) and gives the distance reported.
- A ``features`` hit (stage 2, ``protect`` banks only) is already verified: its distance is the
  count of agreeing keypoints, not compared with a threshold; a PDQ hit on the same entry wins.
- A match in an ``allow`` bank (known-innocent content) suppresses the verdict, and says so: the
  matches are still reported, so an operator can see what was overruled.
- Each match carries its entry's category (``bank.models.CATEGORIES``): ``minor`` tells a
  platform at match time that the image is of a minor, with the duties that brings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from unshared.bank.models import Bank, Category, Entry
from unshared.signals import SIGNAL_TYPES, Signal

#: Names of the dihedral variants, in the order ``hash_bytes(..., dihedral=True)`` gives them.
VARIANTS = (
    "original",
    "rotate_90",
    "rotate_180",
    "rotate_270",
    "flip_top_bottom",
    "flip_left_right",
    "transpose",
    "transverse",
)

#: The signal (and variant) name of a stage-2 hit: local features, verified geometrically.
FEATURES = "features"


@dataclass(frozen=True, slots=True)
class Hit:
    """An index candidate: an entry whose value is ``distance`` from the query's signal."""

    entry: Entry
    distance: int
    variant: str = "original"
    #: The signal that hit, when not the entry's own (``features`` hits carry the PDQ entry).
    signal: str | None = None
    #: The query's value, where the entry's type judges a match itself (``frames`` types).
    query: Signal | None = None

    @property
    def signal_type(self) -> str:
        return self.signal or self.entry.signal_type

    def rank(self) -> tuple[bool, int, bool]:
        """Smaller is better: the entry's own signal, then distance, then the unturned picture."""
        return (self.signal is not None, self.distance, self.variant != "original")


@dataclass(frozen=True, slots=True)
class Match:
    """One matched entry, as a platform sees it: the entry, its bank and how close it came.
    Never the entry's case, which would tell a platform which hashes belong to one person."""

    bank: str
    bank_kind: str
    entry: int
    signal: str
    distance: int
    variant: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    #: The entry's category: ``minor`` for an image of a minor (child sexual abuse material to a
    #: platform, with its own duty to report), else ``None``.
    category: Category | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "bank": self.bank,
            "entry": self.entry,
            "signal": self.signal,
            "distance": self.distance,
            "variant": self.variant,
            "bank_kind": self.bank_kind,
            "category": self.category,
            "metadata": dict(self.metadata),
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a platform should know about one upload.

    ``matches`` are the hits in ``ncii`` and ``protect`` banks; ``allowed`` the hits in ``allow``
    banks. ``matched`` is true when there are matches and no allow-list hit overrules them.
    """

    matches: tuple[Match, ...] = ()
    allowed: tuple[Match, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def suppressed(self) -> bool:
        return bool(self.matches) and bool(self.allowed)

    @property
    def matched(self) -> bool:
        return bool(self.matches) and not self.allowed

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "suppressed": self.suppressed,
            "matches": [m.to_dict() for m in self.matches],
            "allowed": [m.to_dict() for m in self.allowed],
            "notes": list(self.notes),
        }


def threshold(bank: Bank, signal_type: str) -> int:
    """The largest distance at which ``bank`` counts a ``signal_type`` hit as a match."""
    if SIGNAL_TYPES.get(signal_type).index_kind == "exact":
        return 0
    return bank.threshold(signal_type)


def decide(hits: Iterable[Hit], banks: Mapping[str, Bank], notes: Iterable[str] = ()) -> Verdict:
    best: dict[int, Hit] = {}
    for hit in hits:
        entry = hit.entry
        bank = banks.get(entry.bank)
        if bank is None or entry.status != "active":
            continue
        if hit.signal_type == FEATURES:
            if bank.kind != "protect":
                continue
        elif hit.query is not None:
            distance = hit.query.judge(entry.signal, bank.threshold)
            if distance is None:
                continue
            hit = replace(hit, distance=distance)
        elif hit.distance > threshold(bank, entry.signal_type):
            continue
        kept = best.get(entry.id)
        if kept is None or hit.rank() < kept.rank():
            best[entry.id] = hit
    matches: list[Match] = []
    allowed: list[Match] = []
    for hit in sorted(best.values(), key=lambda h: (*h.rank(), h.entry.id)):
        entry = hit.entry
        bank = banks[entry.bank]
        match = Match(
            bank=bank.name,
            bank_kind=bank.kind,
            entry=entry.id,
            signal=hit.signal_type,
            distance=hit.distance,
            variant=hit.variant,
            metadata=entry.metadata,
            category=entry.category,
        )
        (allowed if bank.kind == "allow" else matches).append(match)
    notes = list(notes)
    if matches and allowed:
        notes.append("an allow-list bank holds this image: the matches are overruled")
    return Verdict(matches=tuple(matches), allowed=tuple(allowed), notes=tuple(notes))
