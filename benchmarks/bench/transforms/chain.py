"""Chains of three transforms, as a picture is edited, reposted and edited again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from PIL import Image

from bench.transforms.base import Transform

FIXED_CHAINS: dict[str, tuple[str, str, str]] = {
    "chain_jpeg_crop_brightness": ("jpeg_q70", "crop_center_90", "brightness_1.3"),
    "chain_resize_text_jpeg": ("resize_0.5", "text_overlay", "jpeg_q50"),
    "chain_border_rotate_saturation": ("border_solid_10", "rotate_3", "saturation_1.5"),
    "chain_flip_crop_jpeg": ("flip_lr", "crop_offset_90", "jpeg_q50"),
}

# What the random chain draws from: edits that leave most of the geometry alone.
RANDOM_POOL: tuple[str, ...] = (
    *("jpeg_q90", "jpeg_q70", "jpeg_q50", "jpeg_q30"),
    *("resize_0.5", "resize_2", "crop_center_90", "border_solid_10"),
    *("brightness_1.3", "brightness_0.7", "contrast_1.3", "contrast_0.7", "gamma_0.7", "gamma_1.5"),
    *("saturation_1.5", "saturation_0.5", "greyscale", "sepia", "vignette"),
    *("blur_gauss_2", "noise_gauss_10", "sharpen", "text_overlay", "emoji_overlay"),
)
RANDOM_LENGTH = 3


def _run_steps(
    steps: Sequence[Transform],
    image: Image.Image,
    rng: np.random.Generator,
    donor: Image.Image | None,
) -> Image.Image:
    # Each step gets its own child generator, so one step's draws never shift another's.
    for step, child in zip(steps, rng.spawn(len(steps)), strict=True):
        image = step.apply(image, child, donor)
    return image


def fixed_chain(name: str, steps: Sequence[Transform]) -> Transform:
    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        return _run_steps(steps, image, rng, donor)

    return Transform(
        name,
        "chain",
        {"steps": tuple(s.name for s in steps)},
        run,
        seeded=any(s.seeded for s in steps),
    )


def random_chain(pool: Sequence[Transform], length: int = RANDOM_LENGTH) -> Transform:
    """``length`` different transforms drawn from ``pool`` with the generator, in drawn order."""

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        picks = rng.choice(len(pool), size=length, replace=False)
        return _run_steps([pool[int(i)] for i in picks], image, rng, donor)

    return Transform(
        "chain_random",
        "chain",
        {"length": length, "pool": tuple(t.name for t in pool)},
        run,
        seeded=True,
    )


def chains(known: Mapping[str, Transform]) -> tuple[Transform, ...]:
    """The fixed chains and the random one, built from transforms already registered."""
    fixed = tuple(
        fixed_chain(name, [known[step] for step in steps]) for name, steps in FIXED_CHAINS.items()
    )
    return (*fixed, random_chain([known[name] for name in RANDOM_POOL]))
