"""The Transform value object, the registry that refuses duplicate names, and seeded randomness."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
from PIL import Image, ImageFont

# Every transform takes these three; ``donor`` is only read by the "pasted from another image" edit.
TransformFn = Callable[[Image.Image, np.random.Generator, Image.Image | None], Image.Image]

MIN_SIDE = 8


@dataclass(frozen=True, slots=True)
class Transform:
    """One named, parameterised edit ``RGB image -> RGB image``.

    ``fn`` returns a new image and never draws on the one it is given. ``seeded`` says whether the
    output depends on the generator; the others ignore it.
    """

    name: str
    family: str
    params: Mapping[str, Any] = field(hash=False)
    fn: TransformFn = field(repr=False, compare=False)
    seeded: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def apply(
        self, image: Image.Image, rng: np.random.Generator, donor: Image.Image | None = None
    ) -> Image.Image:
        """The edited copy; ``image`` is left as it was. Inputs that are not RGB are converted."""
        if image.width < MIN_SIDE or image.height < MIN_SIDE:
            raise ValueError(f"{self.name}: images must be at least {MIN_SIDE}x{MIN_SIDE}")
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        donor_rgb = None if donor is None else donor.convert("RGB")
        out = self.fn(rgb, rng, donor_rgb)
        return out if out.mode == "RGB" else out.convert("RGB")


class Registry(Mapping[str, Transform]):
    """Transforms by name, in the order registered; registering a name twice is an error."""

    def __init__(self) -> None:
        self._transforms: dict[str, Transform] = {}

    def register(self, transform: Transform) -> Transform:
        if transform.name in self._transforms:
            raise ValueError(f"transform {transform.name!r} is already registered")
        self._transforms[transform.name] = transform
        return transform

    def __getitem__(self, name: str) -> Transform:
        return self._transforms[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._transforms)

    def __len__(self) -> int:
        return len(self._transforms)

    def families(self) -> dict[str, tuple[str, ...]]:
        """Family -> its transforms' names, both in the order registered."""
        grouped: dict[str, list[str]] = {}
        for t in self._transforms.values():
            grouped.setdefault(t.family, []).append(t.name)
        return {family: tuple(names) for family, names in grouped.items()}


def rng_for(seed: int, name: str, index: int) -> np.random.Generator:
    """The generator for one (run seed, transform, image) triple, the same in every process.

    The name goes in through a digest because Python's ``hash()`` of a string changes per process.
    """
    name_key = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big")
    return np.random.default_rng(np.random.SeedSequence([seed, name_key, index]))


def side(value: float, limit: int | None = None) -> int:
    """A rounded pixel length, never under ``MIN_SIDE`` (nor over ``limit``, if given)."""
    length = max(MIN_SIDE, round(value))
    return length if limit is None else min(length, limit)


def cover(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``image`` scaled to cover ``size`` and centre-cropped to it (keeps the aspect ratio)."""
    width, height = size
    scale = max(width / image.width, height / image.height)
    scaled = image.resize(
        (max(width, round(image.width * scale)), max(height, round(image.height * scale))),
        Image.Resampling.BICUBIC,
    )
    left, top = (scaled.width - width) // 2, (scaled.height - height) // 2
    return scaled.crop((left, top, left + width, top + height))


def font(size: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled scalable font (Pillow >= 10.1 with FreeType): no font files needed."""
    return ImageFont.load_default(size=max(6.0, size))


def random_colour(rng: np.random.Generator) -> tuple[int, int, int]:
    red, green, blue = (int(c) for c in rng.integers(0, 256, 3))
    return red, green, blue
