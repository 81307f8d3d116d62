"""A person protects ordinary photos of themselves: a case in the protect bank, made from each
photo's hashes and local features, both made on their device. Never the photo.

The photos someone could edit into a fake (a body swap from a social media photo) are watched
like an operator's protect bank: a platform sending an upload to ``/v1/match/image`` finds an
edited copy through the features (``unshared.features``), which survive crops and a replaced
part where PDQ does not. The features are checked (``features.wire``) and kept by the service
beside its PDQ index (``Unshared.keep_features``), keyed by each photo's PDQ entry, as an
operator's protect path keeps them; withdrawing the case drops them.

What they reveal is more than a hash: a rough outline of the picture can be rebuilt from them.
So the page asks for ordinary photos only, never intimate ones, and says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from unshared.actions.cases import Cases, Created
from unshared.bank import Case, Entry
from unshared.errors import InvalidInput, UnsharedError
from unshared.signals import Pdq, Signal

if TYPE_CHECKING:  # OpenCV is loaded only when photos are protected
    from unshared.features import Features
    from unshared.service import Unshared


@dataclass(frozen=True, slots=True)
class ProtectedPhoto:
    """One ordinary photo's hashes (a PDQ among them, which keys its features) and features."""

    signals: Sequence[Signal]
    features: Features


class Protect:
    """A person's protect cases: made, and added to, through ``Cases`` over the protect bank
    (``protect_bank``); their features kept through the service."""

    def __init__(self, service: Unshared, cases: Cases) -> None:
        if cases.kind != "protect":
            raise ValueError("Protect needs the Cases of a protect bank")
        self.service = service
        self.cases = cases

    def create(
        self, photos: Sequence[ProtectedPhoto], *, idempotency_key: str | None = None
    ) -> Created:
        """A new protect case holding ``photos``, with its PIN (shown once). A retry with the
        same ``idempotency_key`` gets the same case and keeps the same features again."""
        made = self.cases.create(
            [_signals(photo) for photo in photos], idempotency_key=idempotency_key
        )
        self._keep(photos, made.entries)
        return made

    def add(self, case: Case, photos: Sequence[ProtectedPhoto]) -> list[Entry]:
        """Protect more photos in ``case`` (``Conflict`` for a withdrawn case, or not a protect
        case)."""
        entries = self.cases.add(case, [_signals(photo) for photo in photos])
        self._keep(photos, entries)
        return entries

    def _keep(self, photos: Sequence[ProtectedPhoto], entries: Sequence[Entry]) -> None:
        # The store gives one entry per signal, in order: each photo's PDQ entry is its key.
        pdq = [entry for entry in entries if entry.signal_type == Pdq.name]
        if len(pdq) != len(photos):
            raise UnsharedError("the store gave no PDQ entry for each protected photo")
        self.service.keep_features(
            (entry, photo.features) for entry, photo in zip(pdq, photos, strict=True)
        )


def _signals(photo: ProtectedPhoto) -> Sequence[Signal]:
    if sum(isinstance(signal, Pdq) for signal in photo.signals) != 1:
        raise InvalidInput("a protected photo needs its PDQ: its features are kept by it")
    return photo.signals
