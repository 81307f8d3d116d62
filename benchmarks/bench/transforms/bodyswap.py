"""Body-region replacement: the middle and lower part of a photo replaced, the top and the
background around it kept, as the "nudify" apps make a fake from an ordinary photo.

The region is geometry only, drawn from the seed, and never looks at what the picture shows (no
face or body detection): a silhouette of a neck, rounded shoulders and a torso widening to the
bottom edge, centred near the middle, whose size is searched for so that it covers the nominal
share of the picture. Its edge is feathered, as a generated body is blended in. What goes in:

- ``fill``: a smooth, shaded skin-like tone (a generated body is smooth: few corners);
- ``donor``: part of a photo that is never registered (scikit-image's bundled sample photos),
  enlarged, moved and maybe mirrored, so the copy holds content no bank knows;
- ``inpaint``: OpenCV's inpainting from the region's edge.

The shared derivatives pass such a fake through what happens next to it: a phone screenshot of a
chat (``screen.chat_screenshot``) and recompression, or a messenger's downscale and recompression.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFilter

from bench.transforms.base import Transform, cover
from bench.transforms.screen import chat_screenshot

How = Literal["fill", "donor", "inpaint"]
Mask = NDArray[np.bool_]

#: Donor photos: scikit-image's bundled colour photos, none of them in any benchmark bank.
DONORS = (
    "astronaut",
    "chelsea",
    "coffee",
    "rocket",
    "hubble_deep_field",
    "immunohistochemistry",
    "retina",
)
#: Skin-like base tones for the fill, from light to dark.
TONES = ((236, 200, 176), (224, 172, 140), (198, 142, 110), (160, 108, 80), (112, 74, 54))
INPAINT_RADIUS = 3
#: The feathered edge, as a share of the longer side.
FEATHER = 0.006


def _silhouette(size: tuple[int, int], shape: NDArray[np.float64], scale: float) -> Mask:
    """The region for one scale: ``shape`` is (centre x, shoulder y, shoulder width, bottom
    width, neck width), as shares of the picture's width and height."""
    width, height = size
    cx, shoulders, top_w, bottom_w, neck_w = shape
    x = cx * width
    y = shoulders * height
    half_top, half_bottom = scale * top_w * width / 2, scale * bottom_w * width / 2
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    # Rounded shoulders: an ellipse as wide as the shoulders, its top at the shoulder line.
    curve = min(0.5 * half_top, 0.25 * (height - y) + 1)
    draw.ellipse((x - half_top, y, x + half_top, y + 2 * curve), fill=255)
    draw.polygon(
        [
            (x - half_top, y + curve),
            (x + half_top, y + curve),
            (x + half_bottom, height),
            (x - half_bottom, height),
        ],
        fill=255,
    )
    neck = scale * neck_w * width / 2
    draw.rectangle((x - neck, y - 0.06 * height, x + neck, y + curve), fill=255)
    return np.asarray(mask) > 0


def body_mask(size: tuple[int, int], fraction: float, rng: np.random.Generator) -> Mask:
    """A ``(height, width)`` silhouette covering ``fraction`` of the picture (to within a
    percent), its top (the shoulder line) at 28-45% of the height, lower when the share is
    large enough to need it, so that the top of the picture stays whole."""
    if not 0 < fraction < 1:
        raise ValueError(f"the replaced share must be between 0 and 1, not {fraction}")
    width, height = size
    # Below the shoulder line a 0.95-wide band must be able to hold the share.
    lowest = min(0.45, 1 - fraction / 0.95)
    shoulders = float(rng.uniform(min(0.28, lowest), lowest))
    top_w = float(rng.uniform(0.45, 0.7))
    shape = np.array(
        [
            rng.uniform(0.42, 0.58),
            shoulders,
            top_w,
            top_w * float(rng.uniform(0.85, 1.25)),
            top_w * float(rng.uniform(0.25, 0.35)),
        ]
    )
    target = fraction * width * height
    low, high = 0.0, 4.0
    for _ in range(30):
        mid = (low + high) / 2
        if _silhouette(size, shape, mid).sum() < target:
            low = mid
        else:
            high = mid
    return _silhouette(size, shape, high)


@cache
def _donor_photo(name: str) -> Image.Image:
    from skimage import data  # the bench extra; only this edit needs it

    pixels = getattr(data, name)()
    return Image.fromarray(np.asarray(pixels, dtype=np.uint8)).convert("RGB")


def held_out_donor(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    """A never-registered photo, seeded: mirrored or not, enlarged 1-1.6 times past covering
    ``size`` and cut at a seeded place."""
    photo = _donor_photo(DONORS[int(rng.integers(len(DONORS)))])
    if rng.random() < 0.5:
        photo = photo.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    zoom = float(rng.uniform(1.0, 1.6))
    big = (round(size[0] * zoom), round(size[1] * zoom))
    enlarged = cover(photo, big)
    left = int(rng.integers(0, big[0] - size[0] + 1))
    top = int(rng.integers(0, big[1] - size[1] + 1))
    return enlarged.crop((left, top, left + size[0], top + size[1]))


def skin_fill(size: tuple[int, int], mask: Mask, rng: np.random.Generator) -> NDArray[np.float64]:
    """A smooth, shaded tone: a seeded base colour, light from one side, darker at the region's
    edges, and faint grain."""
    width, height = size
    tone = np.array(TONES[int(rng.integers(len(TONES)))], dtype=np.float64)
    tone *= rng.uniform(0.92, 1.08, 3)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float64)
    angle = float(rng.uniform(0, 2 * np.pi))
    ramp = (np.cos(angle) * xs / width + np.sin(angle) * ys / height) * 0.2
    inside = np.asarray(
        Image.fromarray(mask.astype(np.uint8) * 255).filter(
            ImageFilter.GaussianBlur(0.06 * max(size))
        ),
        dtype=np.float64,
    )
    light = 0.8 + ramp + 0.25 * inside / 255
    grain = rng.normal(0, 1.5, (height, width, 1))
    shaded: NDArray[np.float64] = np.clip(tone[None, None, :] * light[:, :, None] + grain, 0, 255)
    return shaded


def _inpaint(pixels: NDArray[np.uint8], mask: Mask) -> NDArray[np.uint8]:
    import cv2  # the bench extra; only this edit needs it

    painted = cv2.inpaint(pixels, mask.astype(np.uint8) * 255, INPAINT_RADIUS, cv2.INPAINT_TELEA)
    return np.asarray(painted, dtype=np.uint8)


def body_swap(image: Image.Image, rng: np.random.Generator, percent: int, how: How) -> Image.Image:
    """``image`` with ``percent`` of it, the body region, replaced ``how``."""
    mask = body_mask(image.size, percent / 100, rng)  # drawn first, so tests can redraw it
    pixels = np.asarray(image, dtype=np.uint8)
    if how == "fill":
        new = skin_fill(image.size, mask, rng)
    elif how == "donor":
        new = np.asarray(held_out_donor(image.size, rng), dtype=np.float64)
    else:
        new = _inpaint(pixels.copy(), mask).astype(np.float64)
    radius = max(0.5, FEATHER * max(image.size))
    alpha = Image.fromarray(mask.astype(np.uint8) * 255).filter(ImageFilter.GaussianBlur(radius))
    weight = np.asarray(alpha, dtype=np.float64)[:, :, None] / 255
    blended = weight * new + (1 - weight) * pixels
    return Image.fromarray(np.clip(np.rint(blended), 0, 255).astype(np.uint8))


def _params(percent: int, how: How) -> dict[str, object]:
    params: dict[str, object] = {
        "area": percent / 100,
        "region": "neck, shoulders and torso to the bottom edge; top 28-45% kept",
        "how": how,
        "edge": f"feathered, {FEATHER:.1%} of the longer side",
    }
    if how == "donor":
        params["donor"] = "scikit-image sample photo, never registered"
    if how == "inpaint":
        params["method"] = f"cv2.INPAINT_TELEA, radius {INPAINT_RADIUS}"
    return params


def swap(percent: int, how: How) -> Transform:
    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        return body_swap(image, rng, percent, how)

    return Transform(
        f"bodyswap_{how}_{percent}", "body_swap", _params(percent, how), run, seeded=True
    )


def _jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        return decoded.convert("RGB")


def shared(percent: int, how: How, via: Literal["screenshot", "messenger"]) -> Transform:
    """A fake passed on: screenshotted in a chat (theme seeded) and recompressed at quality
    80, or downscaled to half by a messenger and recompressed at quality 60."""

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        swap_rng, share_rng = rng.spawn(2)
        fake = body_swap(image, swap_rng, percent, how)
        if via == "screenshot":
            theme: Literal["light", "dark"] = "light" if share_rng.random() < 0.5 else "dark"
            return _jpeg(chat_screenshot(fake, share_rng, theme), 80)
        half = fake.resize(
            (max(8, fake.width // 2), max(8, fake.height // 2)), Image.Resampling.BICUBIC
        )
        return _jpeg(half, 60)

    params = _params(percent, how)
    params["shared"] = (
        "chat screenshot (theme seeded), JPEG quality 80"
        if via == "screenshot"
        else "halved, JPEG quality 60"
    )
    return Transform(
        f"bodyswap_{how}_{percent}_{via}", "body_swap_shared", params, run, seeded=True
    )


BODY_SWAPS: tuple[Transform, ...] = tuple(
    swap(percent, how) for how in ("fill", "donor", "inpaint") for percent in (40, 50, 60)
)
SHARED_SWAPS: tuple[Transform, ...] = (
    shared(40, "donor", "screenshot"),
    shared(50, "inpaint", "screenshot"),
    shared(60, "fill", "screenshot"),
    shared(50, "donor", "messenger"),
)
