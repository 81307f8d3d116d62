"""Signals: the hashes that stand for an image, as immutable value objects.

A signal is a fixed number of bytes with a type. Types live in a registry that refuses duplicate
names, so the bank, the index and the matcher can look a type up by the name stored beside a value.
A type says how it is indexed (``index_kind``: by Hamming distance over its ``bits``, matching
within a bank's threshold or ``DEFAULT_THRESHOLD``; or exactly), and the live index and the matcher
build and query one index per registered type from that alone (docs/index.md, "Adding a signal
type").

- ``Pdq``: Meta's 256-bit perceptual hash; compared by Hamming distance.
- ``Md5`` and ``Sha256``: of the file's bytes; equal or not (the TAKE IT DOWN Act's "identical
  copies").
- ``Vpdq`` (``unshared.video``): a video's PDQ frame hashes, matched by the share of frames
  (``index_kind`` ``frames``: its own index, and its own ``judge`` per bank).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar, Literal, Self, TypeVar

from unshared.errors import MalformedSignal

IndexKind = Literal["hamming", "exact", "frames"]

_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True, slots=True)
class Signal:
    """A typed, fixed-size hash. Subclasses set ``name``, ``nbytes`` and ``index_kind``, and a
    ``hamming`` type its ``DEFAULT_THRESHOLD``."""

    name: ClassVar[str]
    nbytes: ClassVar[int]
    index_kind: ClassVar[IndexKind]
    #: The distance at or under which two values are the same item, where a bank sets none.
    #: An exact type keeps 0: its values are equal or at their full width.
    DEFAULT_THRESHOLD: ClassVar[int] = 0
    #: Further per-bank thresholds a type takes, ``"<name>.<what>"`` -> (default, largest).
    EXTRA_THRESHOLDS: ClassVar[Mapping[str, tuple[int, int]]] = {}

    value: bytes

    def __post_init__(self) -> None:
        if not isinstance(self.value, bytes) or len(self.value) != self.nbytes:
            raise MalformedSignal(
                f"a {self.name} hash is {self.nbytes} bytes",
                signal=self.name,
            )

    @classmethod
    def from_hex(cls, text: str) -> Self:
        """Parse hex, upper or lower case, surrounding white space ignored."""
        if not isinstance(text, str):
            raise MalformedSignal(f"a {cls.name} hash must be a hex string", signal=cls.name)
        cleaned = text.strip().lower()
        if len(cleaned) != 2 * cls.nbytes or not _HEX.issuperset(cleaned):
            raise MalformedSignal(
                f"a {cls.name} hash is {2 * cls.nbytes} hex digits",
                signal=cls.name,
                got=text[:100],
            )
        return cls(bytes.fromhex(cleaned))

    @property
    def hex(self) -> str:
        return self.value.hex()

    def pytx_form(self) -> str:
        """The value as python-threatexchange writes a signal of this type's name."""
        return self.hex

    @classmethod
    def bits(cls) -> int:
        """The width compared by Hamming distance (and the most a threshold may be)."""
        return 8 * cls.nbytes

    def distance(self, other: Signal) -> int:
        """Bits that differ (Hamming); exact signals are at 0 or at their full width."""
        if type(other) is not type(self):
            raise TypeError(f"cannot compare {self.name} with {other.name}")
        if self.index_kind == "exact":
            return 0 if self.value == other.value else 8 * self.nbytes
        a = int.from_bytes(self.value, "big")
        b = int.from_bytes(other.value, "big")
        return (a ^ b).bit_count()

    def judge(self, stored: Signal, threshold: Callable[[str], int]) -> int | None:
        """The distance to report when ``stored`` matches this query under a bank's
        ``threshold`` (by threshold name), else ``None``: within the type's threshold. A
        ``frames`` type decides its own way."""
        distance = self.distance(stored)
        return distance if distance <= threshold(self.name) else None

    def __str__(self) -> str:
        return self.hex

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.hex!r})"


@dataclass(frozen=True, slots=True, repr=False)
class Pdq(Signal):
    name: ClassVar[str] = "pdq"
    nbytes: ClassVar[int] = 32
    index_kind: ClassVar[IndexKind] = "hamming"

    #: The distance at or under which two PDQ hashes are taken to be the same picture (Meta's
    #: recommended default, used by StopNCII, HMA and python-threatexchange).
    DEFAULT_THRESHOLD: ClassVar[int] = 31
    #: Below this quality a PDQ hash says little about the picture (Meta's recommendation).
    DEFAULT_MIN_QUALITY: ClassVar[int] = 50


@dataclass(frozen=True, slots=True, repr=False)
class Md5(Signal):
    name: ClassVar[str] = "md5"
    nbytes: ClassVar[int] = 16
    index_kind: ClassVar[IndexKind] = "exact"

    @classmethod
    def of(cls, data: bytes) -> Md5:
        return cls(hashlib.md5(data, usedforsecurity=False).digest())


@dataclass(frozen=True, slots=True, repr=False)
class Sha256(Signal):
    name: ClassVar[str] = "sha256"
    nbytes: ClassVar[int] = 32
    index_kind: ClassVar[IndexKind] = "exact"

    @classmethod
    def of(cls, data: bytes) -> Sha256:
        return cls(hashlib.sha256(data).digest())


_T = TypeVar("_T", bound=type[Signal])


class SignalRegistry:
    """Signal types by name; registering a name twice is an error."""

    def __init__(self) -> None:
        self._types: dict[str, type[Signal]] = {}

    def register(self, signal_type: _T) -> _T:
        """Add ``signal_type``; usable as a class decorator. The live indexes made after this
        index it too."""
        if signal_type.name in self._types:
            raise ValueError(f"signal type {signal_type.name!r} is already registered")
        self._types[signal_type.name] = signal_type
        return signal_type

    def unregister(self, name: str) -> None:
        """Forget a type (a test's, or a plugin's being unloaded); entries of it stay stored."""
        self.get(name)
        del self._types[name]

    def get(self, name: str) -> type[Signal]:
        try:
            return self._types[name]
        except KeyError:
            known = ", ".join(sorted(self._types))
            raise MalformedSignal(
                f"unknown signal type {name!r} (known: {known})", signal=name
            ) from None

    def parse(self, name: str, text: str) -> Signal:
        return self.get(name).from_hex(text)

    def threshold_range(self, name: str) -> tuple[int, int]:
        """A threshold's default and largest value, by its name: a type's (its distance), or
        one of its ``EXTRA_THRESHOLDS``; ``MalformedSignal`` for any other name."""
        signal_type = self.get(name.split(".", 1)[0])
        if name == signal_type.name:
            return signal_type.DEFAULT_THRESHOLD, signal_type.bits()
        if name in signal_type.EXTRA_THRESHOLDS:
            return signal_type.EXTRA_THRESHOLDS[name]
        raise MalformedSignal(f"no threshold {name!r}", signal=name)

    def names(self) -> list[str]:
        return sorted(self._types)

    def __iter__(self) -> Iterator[type[Signal]]:
        """The registered types, by name."""
        return iter([self._types[name] for name in sorted(self._types)])

    def __contains__(self, name: object) -> bool:
        return name in self._types


SIGNAL_TYPES = SignalRegistry()
for _t in (Pdq, Md5, Sha256):
    SIGNAL_TYPES.register(_t)


@dataclass(frozen=True, slots=True)
class SignalSet:
    """What one image gives: its PDQ hash with quality, and its exact hashes.

    ``pdq_dihedral`` holds the PDQ of the 8 rotations and flips (identity first) when asked for.
    """

    pdq: Pdq
    quality: int
    md5: Md5
    sha256: Sha256
    pdq_dihedral: tuple[Pdq, ...] = ()

    def signals(self) -> tuple[Signal, ...]:
        return (self.pdq, self.md5, self.sha256)

    def to_dict(self) -> dict[str, str | int]:
        return {
            "pdq": self.pdq.hex,
            "quality": self.quality,
            "md5": self.md5.hex,
            "sha256": self.sha256.hex,
        }


# Registered here, below what it builds on, so that every reader of the registry sees it.
from unshared.video import Vpdq  # noqa: E402

SIGNAL_TYPES.register(Vpdq)
