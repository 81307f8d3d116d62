"""Named, seeded edits of a picture, for measuring how well matching survives them.

Each transform maps an RGB picture to a new RGB picture (the input is never changed) and draws any
randomness from the generator it is given; ``rng_for(seed, name, index)`` makes that generator, so a
benchmark run is reproduced from its seed. Everything here is content-agnostic: geometry, pixel
values and drawn shapes, with regions chosen by seeded random geometry only.

    t = TRANSFORMS["crop_center_80"]
    edited = t.apply(picture, rng_for(seed=1, name=t.name, index=0), donor=None)

Families, in the order the benchmark reports them, are in ``FAMILIES``.
"""

from __future__ import annotations

from PIL import Image

from bench.transforms.base import MIN_SIDE, Registry, Transform, TransformFn, rng_for
from bench.transforms.bodyswap import BODY_SWAPS, SHARED_SWAPS, body_mask
from bench.transforms.chain import chains
from bench.transforms.edit import EDITS, edit_mask, synthetic_texture
from bench.transforms.frame import FRAMES
from bench.transforms.geometry import GEOMETRY, TIGHT_CROPS, inner_rectangle
from bench.transforms.overlay import OVERLAYS
from bench.transforms.pixels import BLUR_NOISE, COLOUR_FILTERS, RECOMPRESSION
from bench.transforms.screen import BLURRED_PADDING, SCREENSHOTS

__all__ = [
    "FAMILIES",
    "MIN_SIDE",
    "TRANSFORMS",
    "Registry",
    "Transform",
    "TransformFn",
    "apply_all",
    "body_mask",
    "edit_mask",
    "families",
    "inner_rectangle",
    "rng_for",
    "synthetic_texture",
]

TRANSFORMS = Registry()
for _t in (*RECOMPRESSION, *GEOMETRY, *FRAMES, *OVERLAYS, *COLOUR_FILTERS, *BLUR_NOISE, *EDITS):
    TRANSFORMS.register(_t)
for _t in chains(TRANSFORMS):
    TRANSFORMS.register(_t)
# The kinds of copy of issue 13: what abusers do with a person's photo, and real screenshots.
for _t in (*BODY_SWAPS, *SHARED_SWAPS, *TIGHT_CROPS, *SCREENSHOTS, *BLURRED_PADDING):
    TRANSFORMS.register(_t)

FAMILIES: tuple[str, ...] = (
    "recompression",
    "resize",
    "crop",
    "border",
    "screenshot",
    "overlay",
    "rotate90_flip",
    "small_rotation",
    "colour_filter",
    "blur_noise",
    "chain",
    "edit",
    "body_swap",
    "body_swap_shared",
    "tight_crop",
    "app_screenshot",
    "blurred_padding",
)


def families() -> dict[str, tuple[str, ...]]:
    """Family -> the names of its transforms, families in ``FAMILIES`` order."""
    grouped = TRANSFORMS.families()
    return {family: grouped[family] for family in FAMILIES}


def apply_all(
    image: Image.Image,
    seed: int,
    index: int,
    donor: Image.Image | None = None,
    names: list[str] | None = None,
) -> dict[str, Image.Image]:
    """Every transform (or those named) applied to one picture, each with its own generator."""
    chosen = list(TRANSFORMS) if names is None else names
    return {
        name: TRANSFORMS[name].apply(image, rng_for(seed, name, index), donor) for name in chosen
    }
