"""Edited derivatives: a share of the picture replaced, the way a fake is made from a real photo.

The region is geometry only, drawn from the seed: one rectangle or a union of two or three, each
centred in the middle half of the picture (in both directions), sized together to the nominal
share of the area. Nothing looks at what the picture shows.
"""

from __future__ import annotations

from itertools import combinations
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from bench.transforms.base import Transform, cover, random_colour

Fill = Literal["fill", "donor", "inpaint"]
Mask = NDArray[np.bool_]

INPAINT_RADIUS = 3


Rect = tuple[int, int, int, int]  # left, top, right, bottom (exclusive)


def _rects(
    size: tuple[int, int], centres: NDArray[np.float64], sizes: NDArray[np.float64], scale: float
) -> list[Rect]:
    width, height = size
    rects = []
    for (cx, cy), (w, h) in zip(centres, sizes * scale, strict=True):
        rects.append(
            (
                max(0, round(cx - w / 2)),
                max(0, round(cy - h / 2)),
                min(width, round(cx + w / 2)),
                min(height, round(cy + h / 2)),
            )
        )
    return rects


def _union_area(rects: list[Rect]) -> int:
    # Inclusion-exclusion: exact, and cheap for three rectangles at most.
    total = 0
    for k in range(1, len(rects) + 1):
        for group in combinations(rects, k):
            width = min(r[2] for r in group) - max(r[0] for r in group)
            height = min(r[3] for r in group) - max(r[1] for r in group)
            total += (-1) ** (k + 1) * max(0, width) * max(0, height)
    return total


def edit_mask(size: tuple[int, int], fraction: float, rng: np.random.Generator) -> Mask:
    """A ``(height, width)`` mask covering ``fraction`` of the picture, to within a row or column.

    The rectangles' centres, shares and aspect ratios come from ``rng``; one common scale is then
    searched for, since the union's area only grows with it (overlaps and clipping at the edges
    make it no simple formula).
    """
    if not 0 < fraction < 1:
        raise ValueError(f"the edited fraction must be between 0 and 1, not {fraction}")
    width, height = size
    count = int(rng.choice([1, 2, 3], p=[0.5, 0.25, 0.25]))
    centres = rng.uniform(0.25, 0.75, (count, 2)) * np.array([width, height])
    shares = rng.uniform(0.5, 1.5, count)
    areas = fraction * width * height * shares / shares.sum()
    aspects = np.exp(rng.uniform(np.log(0.5), np.log(2.0), count))  # width / height
    sizes = np.stack([np.sqrt(areas * aspects), np.sqrt(areas / aspects)], axis=1)
    target = fraction * width * height
    low, high = 0.0, 2.0 * max(width, height) / float(sizes.min()) + 1.0
    for _ in range(40):
        mid = (low + high) / 2
        if _union_area(_rects(size, centres, sizes, mid)) < target:
            low = mid
        else:
            high = mid
    below, above = _rects(size, centres, sizes, low), _rects(size, centres, sizes, high)
    closest = below if target - _union_area(below) < _union_area(above) - target else above
    mask = np.zeros((height, width), dtype=np.bool_)
    for left, top, right, bottom in closest:
        mask[top:bottom, left:right] = True
    return mask


def synthetic_texture(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    """A seeded stand-in donor: smooth colour blotches with fine grain."""
    width, height = size
    coarse = rng.integers(0, 256, (max(2, height // 24), max(2, width // 24), 3), dtype=np.uint8)
    smooth = np.asarray(
        Image.fromarray(coarse).resize(size, Image.Resampling.BICUBIC), dtype=np.float64
    )
    grain = rng.normal(0.0, 12.0, (height, width, 1))
    return Image.fromarray(np.clip(np.rint(smooth + grain), 0, 255).astype(np.uint8))


def _inpaint(pixels: NDArray[np.uint8], mask: Mask) -> NDArray[np.uint8]:
    import cv2  # the bench extra; only this edit needs it

    painted = cv2.inpaint(pixels, mask.astype(np.uint8) * 255, INPAINT_RADIUS, cv2.INPAINT_TELEA)
    return np.asarray(painted, dtype=np.uint8)


def edit(percent: int, how: Fill) -> Transform:
    """Replace ``percent`` of the area: a flat seeded colour, a donor photo, or OpenCV inpainting.

    The donor (or, without one, a seeded synthetic texture) is scaled to cover the picture and
    shows through the mask where it lies.
    """
    fraction = percent / 100

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        mask = edit_mask(image.size, fraction, rng)  # drawn first, so tests can redraw it
        pixels = np.array(image, dtype=np.uint8)
        if how == "fill":
            pixels[mask] = random_colour(rng)
        elif how == "donor":
            source = (
                cover(donor, image.size)
                if donor is not None
                else synthetic_texture(image.size, rng)
            )
            pixels[mask] = np.asarray(source, dtype=np.uint8)[mask]
        else:
            pixels = _inpaint(pixels, mask)
        return Image.fromarray(pixels)

    params: dict[str, object] = {"area": fraction, "rectangles": "1-3, seeded", "how": how}
    if how == "donor":
        params["without_donor"] = "seeded synthetic texture"
    if how == "inpaint":
        params["method"] = f"cv2.INPAINT_TELEA, radius {INPAINT_RADIUS}"
    return Transform(f"edit_{how}_{percent}", "edit", params, run, seeded=True)


EDITS: tuple[Transform, ...] = tuple(
    edit(percent, how) for how in ("fill", "donor", "inpaint") for percent in (20, 35, 50)
)
