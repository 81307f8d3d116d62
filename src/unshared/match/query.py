"""What is matched: an image's signals, and the variant each stands for.

The matcher sees a query only as ``probes``: (signal, variant) pairs, of any registered type,
each looked up in its type's index. What is particular to pictures (PDQ's 8 rotations and flips,
its views with the margins trimmed, its quality gate) is said here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from unshared.errors import InvalidInput
from unshared.match.policy import VARIANTS
from unshared.signals import Md5, Pdq, Sha256, Signal, SignalSet

if TYPE_CHECKING:  # OpenCV is loaded only where protect banks are used
    from unshared.features import Features

#: Below this PDQ quality a query's PDQ hashes are not used (Meta's recommendation).
DEFAULT_MIN_QUALITY = Pdq.DEFAULT_MIN_QUALITY

#: One signal to look up, with the variant of the upload it stands for.
Probe = tuple[Signal, str]

#: Most trimmed views one query may carry (``unshared.hashing.normalise.RULES`` makes 5).
MAX_TRIMMED_VIEWS = 5


@dataclass(frozen=True, slots=True)
class Query:
    """What is matched: PDQ hashes (the picture, then optionally its 7 other rotations and
    flips), their quality when known, and the file's exact hashes when known.

    Where the pixels were at hand (``Unshared.match_image_signals``) it may also carry the PDQ
    hashes of views of the picture with its margins trimmed, 8 a view (variants named
    ``trimmed_<variant>``), and its local features for ``protect`` banks; both live only as
    long as the query. ``others`` holds values of further registered signal types (a video's,
    say), each looked up in its type's index as it is."""

    pdq: tuple[Pdq, ...] = ()
    quality: int | None = None
    md5: Md5 | None = None
    sha256: Sha256 | None = None
    trimmed: tuple[Pdq, ...] = ()
    features: Features | None = None
    others: tuple[Signal, ...] = ()

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
        if not (self.pdq or self.md5 or self.sha256 or self.others):
            raise InvalidInput("a query needs at least one hash")

    @classmethod
    def of(cls, signals: SignalSet) -> Query:
        return cls(
            pdq=signals.pdq_dihedral or (signals.pdq,),
            quality=signals.quality,
            md5=signals.md5,
            sha256=signals.sha256,
        )

    def probes(self, min_quality: int) -> tuple[list[Probe], list[str]]:
        """Every signal to look up, with its variant, and notes on what was left out: PDQ
        hashes under ``min_quality`` say too little about a picture to match by."""
        probes: list[Probe] = []
        notes: list[str] = []
        if self.pdq and self.quality is not None and self.quality < min_quality:
            notes.append(f"PDQ not used: quality {self.quality} is under {min_quality}")
        elif self.pdq:
            probes.extend(zip(self.pdq, VARIANTS, strict=False))
            # The trimmed views' quality is at least the whole picture's: their margins were
            # flat. They come 8 hashes a view.
            probes.extend(
                (pdq, "trimmed_" + VARIANTS[at % len(VARIANTS)])
                for at, pdq in enumerate(self.trimmed)
            )
        exact = (s for s in (self.md5, self.sha256) if s is not None)
        probes.extend((signal, VARIANTS[0]) for signal in (*exact, *self.others))
        return probes, notes
