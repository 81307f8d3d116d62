"""Geometry: resizes, stretches, crops, quarter turns and flips, small rotations.

Sizes are rounded to whole pixels and never go under 8 (``base.MIN_SIDE``); rotations are
anticlockwise, as in Pillow.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

from bench.transforms.base import Transform, side

_RESAMPLE = Image.Resampling.BICUBIC


def resize(factor: float) -> Transform:
    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        return image.resize((side(image.width * factor), side(image.height * factor)), _RESAMPLE)

    return Transform(f"resize_{factor:g}", "resize", {"factor": factor, "resample": "bicubic"}, run)


def stretch_width(factor: float) -> Transform:
    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        return image.resize((side(image.width * factor), image.height), _RESAMPLE)

    return Transform(
        f"stretch_width_{factor:g}", "resize", {"width_factor": factor, "resample": "bicubic"}, run
    )


def crop(keep_percent: int, *, centred: bool, family: str = "crop") -> Transform:
    """Keep ``keep_percent`` of each side, centred or at a seeded position (edges may touch)."""
    keep = keep_percent / 100

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        width, height = (
            side(image.width * keep, image.width),
            side(image.height * keep, image.height),
        )
        if centred:
            left, top = (image.width - width) // 2, (image.height - height) // 2
        else:
            left = int(rng.integers(0, image.width - width + 1))
            top = int(rng.integers(0, image.height - height + 1))
        return image.crop((left, top, left + width, top + height))

    where = "center" if centred else "offset"
    return Transform(
        f"crop_{where}_{keep_percent}",
        family,
        {"keep": keep, "position": "centre" if centred else "seeded"},
        run,
        seeded=not centred,
    )


_TRANSPOSES = {
    "rotate_90": Image.Transpose.ROTATE_90,
    "rotate_180": Image.Transpose.ROTATE_180,
    "rotate_270": Image.Transpose.ROTATE_270,
    "flip_lr": Image.Transpose.FLIP_LEFT_RIGHT,
    "flip_tb": Image.Transpose.FLIP_TOP_BOTTOM,
}


def transpose(name: str) -> Transform:
    method = _TRANSPOSES[name]

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        return image.transpose(method)

    return Transform(name, "rotate90_flip", {"transpose": method.name}, run)


def inner_rectangle(width: int, height: int, degrees: float) -> tuple[float, float]:
    """The largest axis-aligned rectangle inside a ``width`` x ``height`` one turned by ``degrees``.

    The closed form from StackOverflow question 16702966 ("rotate image and crop out black
    borders"), with its two cases: a thin rectangle, bounded by its short side alone, and the rest.
    """
    sin_a, cos_a = abs(math.sin(math.radians(degrees))), abs(math.cos(math.radians(degrees)))
    long_side, short_side = max(width, height), min(width, height)
    if short_side <= 2 * sin_a * cos_a * long_side or abs(sin_a - cos_a) < 1e-10:
        half = short_side / 2
        if width >= height:
            return half / sin_a, half / cos_a
        return half / cos_a, half / sin_a
    cos_2a = cos_a * cos_a - sin_a * sin_a
    return (width * cos_a - height * sin_a) / cos_2a, (height * cos_a - width * sin_a) / cos_2a


def rotate(degrees: float, *, crop_inner: bool) -> Transform:
    """Turn by a few degrees on the same canvas: black corners, or cropped to the inner part."""
    fill = (0, 0, 0)

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        turned = image.rotate(degrees, resample=_RESAMPLE, expand=False, fillcolor=fill)
        if not crop_inner:
            return turned
        inner_w, inner_h = inner_rectangle(image.width, image.height, degrees)
        # One pixel less on each side, so no resampled edge of the fill is left in.
        width = side(math.floor(inner_w) - 2, image.width)
        height = side(math.floor(inner_h) - 2, image.height)
        left, top = (image.width - width) // 2, (image.height - height) // 2
        return turned.crop((left, top, left + width, top + height))

    if crop_inner:
        return Transform(
            f"rotate_crop_{degrees:g}",
            "small_rotation",
            {"degrees": degrees, "crop": "largest inner rectangle"},
            run,
        )
    return Transform(
        f"rotate_{degrees:g}", "small_rotation", {"degrees": degrees, "fill": fill}, run
    )


GEOMETRY: tuple[Transform, ...] = (
    *(resize(f) for f in (0.25, 0.5, 2.0)),
    stretch_width(1.3),
    *(crop(k, centred=True) for k in (90, 80, 70)),
    *(crop(k, centred=False) for k in (90, 80, 70)),
    *(transpose(name) for name in _TRANSPOSES),
    *(rotate(d, crop_inner=False) for d in (3, 5, 10)),
    *(rotate(d, crop_inner=True) for d in (3, 5, 10)),
)
#: Tight crops, as a fake is cut down to the face: 60% of each side kept.
TIGHT_CROPS: tuple[Transform, ...] = (
    crop(60, centred=True, family="tight_crop"),
    crop(60, centred=False, family="tight_crop"),
)
