"""A video's signals: vPDQ, Meta's frame-level video hash, and the file's MD5 and SHA-256.

vPDQ hashes one frame a second with PDQ. Its value here is the set of distinct frame hashes of
quality 50 or more (vPDQ's own quality filter and de-duplication, applied once when the video is
hashed), as 32 bytes a frame in the order the frames came. Two videos match as vPDQ defines it
(python-threatexchange's vPDQ extension): a frame matches when some frame of the other video is
within the frame threshold; the video matches when the share of the query's frames that match is
at least the bank's ``vpdq.query_share`` (80% by default) and the share of the stored video's
frames that match at least its ``vpdq.bank_share`` (0% by default). The distance a match reports
is the percentage of the query's frames not found (0: every frame was found).

The type's index (``index.frames``) holds every frame in a PDQ-style Hamming index keyed back to
its video's entry; the share-of-frames decision is made by ``Vpdq.judge`` in the match policy,
per bank.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Self

from unshared.errors import MalformedSignal
from unshared.signals import IndexKind, Md5, Pdq, Sha256, Signal

if TYPE_CHECKING:  # numpy is loaded when frames are compared, not with the registry
    import numpy as np

#: The most frames one vPDQ value holds: an hour at vPDQ's one frame a second.
MAX_FRAMES = 3600
_FRAME = Pdq.nbytes


@dataclass(frozen=True, slots=True, repr=False)
class Vpdq(Signal):
    """A video's distinct PDQ frame hashes (``nbytes`` is one frame's width: thresholds are per
    frame, from 0 to 256)."""

    name: ClassVar[str] = "vpdq"
    nbytes: ClassVar[int] = _FRAME
    index_kind: ClassVar[IndexKind] = "frames"
    #: The PDQ distance at or under which two frames are the same (vPDQ's default).
    DEFAULT_THRESHOLD: ClassVar[int] = 31
    #: Frames under this PDQ quality are dropped when a video is hashed (vPDQ's default).
    MIN_FRAME_QUALITY: ClassVar[int] = 50
    EXTRA_THRESHOLDS: ClassVar[Mapping[str, tuple[int, int]]] = {
        "vpdq.query_share": (80, 100),
        "vpdq.bank_share": (0, 100),
    }

    def __post_init__(self) -> None:
        size = len(self.value) if isinstance(self.value, bytes) else -1
        if size <= 0 or size % _FRAME or size // _FRAME > MAX_FRAMES:
            raise MalformedSignal(
                f"a vpdq hash is 1 to {MAX_FRAMES} frames of {_FRAME} bytes", signal=self.name
            )

    @classmethod
    def from_hex(cls, text: str) -> Self:
        """Frames' PDQ hex, one after another (commas, spaces and new lines between them are
        ignored); or python-threatexchange's serialization, a JSON list of
        ``"<pdq hex>,<quality>,<seconds>"`` (frames under quality 50 dropped, repeats kept
        once)."""
        if not isinstance(text, str):
            raise MalformedSignal("a vpdq hash must be a hex string", signal=cls.name)
        if text.lstrip().startswith("["):
            return cls._from_pytx(text)
        cleaned = "".join(text.replace(",", " ").split()).lower()
        if (
            not cleaned
            or len(cleaned) % (2 * _FRAME)
            or not set(cleaned) <= set("0123456789abcdef")
        ):
            raise MalformedSignal(
                f"a vpdq hash is frames of {2 * _FRAME} hex digits each",
                signal=cls.name,
                got=text[:100],
            )
        return cls(bytes.fromhex(cleaned))

    @classmethod
    def _from_pytx(cls, text: str) -> Self:
        try:
            features = [str(f).split(",") for f in json.loads(text)]
            frames = [
                Pdq.from_hex(pdq)
                for pdq, quality, _ in features
                if int(quality) >= cls.MIN_FRAME_QUALITY
            ]
        except (ValueError, TypeError, MalformedSignal):
            raise MalformedSignal(
                "a vpdq hash in python-threatexchange's form is a JSON list of"
                ' "<pdq hex>,<quality>,<seconds>"',
                signal=cls.name,
                got=text[:100],
            ) from None
        seen = dict.fromkeys(f.value for f in frames)
        return cls(b"".join(seen))

    def pytx_form(self) -> str:
        """python-threatexchange's form (its vPDQ extension), which ``from_hex`` reads too: a
        JSON list of ``"<pdq hex>,<quality>,<seconds>"``. Unshared keeps neither a frame's
        quality nor its time, only that it passed vPDQ's quality filter: each frame is written
        with quality 50, that filter's floor (so an index filtering above 50 drops them), and
        its place in the list for its time (pytx matches without times)."""
        return json.dumps(
            [f"{f.hex},{self.MIN_FRAME_QUALITY},{i}.0" for i, f in enumerate(self.frames)]
        )

    @classmethod
    def of_frames(cls, frames: Iterable[Pdq]) -> Vpdq:
        """The distinct ``frames``, in order; ``MalformedSignal`` if none or too many."""
        seen: dict[bytes, None] = {}
        for frame in frames:
            seen.setdefault(frame.value, None)
        return cls(b"".join(seen))

    @property
    def frames(self) -> tuple[Pdq, ...]:
        v = self.value
        return tuple(Pdq(v[i : i + _FRAME]) for i in range(0, len(v), _FRAME))

    def __len__(self) -> int:
        return len(self.value) // _FRAME

    def shares(self, other: Vpdq, threshold: int) -> tuple[float, float]:
        """The percentages of this video's frames within ``threshold`` of some frame of
        ``other``, and of ``other``'s within it of some frame of this one."""
        near = frame_distances(self.value, other.value) <= threshold
        return 100.0 * near.any(axis=1).mean(), 100.0 * near.any(axis=0).mean()

    def distance(self, other: Signal) -> int:
        """The symmetric Hausdorff distance of the two frame sets: the farthest any frame of
        either is from its nearest in the other (0 for the same frames)."""
        if not isinstance(other, Vpdq):
            raise TypeError(f"cannot compare {self.name} with {other.name}")
        d = frame_distances(self.value, other.value)
        return int(max(d.min(axis=1).max(), d.min(axis=0).max()))

    def judge(self, stored: Signal, threshold: Callable[[str], int]) -> int | None:
        """Whether ``stored`` matches this query under a bank's thresholds: the percentage of
        this video's frames not found in it when it does, else ``None``."""
        if not isinstance(stored, Vpdq):
            return None
        query_share, bank_share = self.shares(stored, threshold(self.name))
        if query_share < threshold("vpdq.query_share") or bank_share < threshold("vpdq.bank_share"):
            return None
        return round(100 - query_share)


def frame_distances(a: bytes, b: bytes) -> np.ndarray:
    """The PDQ distance of every frame of ``a`` (rows) to every frame of ``b`` (columns)."""
    import numpy as np

    x = np.frombuffer(a, dtype=np.uint64).reshape(-1, 4)
    y = np.frombuffer(b, dtype=np.uint64).reshape(-1, 4)
    out = np.empty((len(x), len(y)), dtype=np.int32)
    for start in range(0, len(x), 256):  # about 8 MB of XORs at a time
        rows = x[start : start + 256, None, :] ^ y[None, :, :]
        out[start : start + 256] = np.bitwise_count(rows).sum(axis=2)
    return out


@dataclass(frozen=True, slots=True)
class VideoSignals:
    """What one video file gives: its vPDQ and its exact hashes (StopNCII and HMA's video MD5).

    ``frames`` and ``seconds`` say how much was hashed: the frames vPDQ hashed (before quality
    filtering and de-duplication) and the video's duration."""

    vpdq: Vpdq
    md5: Md5
    sha256: Sha256
    frames: int
    seconds: float

    def signals(self) -> tuple[Signal, ...]:
        return (self.vpdq, self.md5, self.sha256)

    def to_dict(self) -> dict[str, str | int | float]:
        return {
            "vpdq": self.vpdq.hex,
            "md5": self.md5.hex,
            "sha256": self.sha256.hex,
            "frames": self.frames,
            "distinct_frames": len(self.vpdq),
            "seconds": round(self.seconds, 3),
        }
