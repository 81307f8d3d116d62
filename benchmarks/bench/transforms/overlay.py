"""Overlays: text and emoji-like stickers drawn over the photo, hiding part of it."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw

from bench.transforms.base import Transform, font

TEXT = "@someone_reposting"
WATERMARK = "SAMPLE WATERMARK"


def _text_overlay(
    image: Image.Image, rng: np.random.Generator, donor: Image.Image | None
) -> Image.Image:
    # One line of white text with a dark outline across the width, at a seeded height.
    out = image.copy()
    draw = ImageDraw.Draw(out)
    size = 0.1 * image.height
    while size > 6 and draw.textlength(TEXT, font=font(size)) > 0.9 * image.width:
        size *= 0.9
    y = float(rng.uniform(0.2, 0.8)) * image.height
    stroke = max(1, round(size / 12))
    draw.text(
        (image.width / 2, y),
        TEXT,
        fill=(255, 255, 255),
        font=font(size),
        anchor="mm",
        stroke_width=stroke,
        stroke_fill=(0, 0, 0),
    )
    return out


TEXT_OVERLAY = Transform(
    "text_overlay",
    "overlay",
    {"text": TEXT, "height": 0.1, "y": "seeded, 20-80% of the height"},
    _text_overlay,
    seeded=True,
)


def _watermark(
    image: Image.Image, rng: np.random.Generator, donor: Image.Image | None
) -> Image.Image:
    # Half-transparent text tiled over the whole photo, slanted by 30 degrees.
    diagonal = math.ceil(math.hypot(image.width, image.height))
    layer = Image.new("RGBA", (diagonal, diagonal), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    size = max(8.0, 0.06 * min(image.size))
    text_font = font(size)
    step_x = int(draw.textlength(WATERMARK + "   ", font=text_font)) + 1
    step_y = round(3 * size)
    for row, y in enumerate(range(0, diagonal, step_y)):
        for x in range(-(row % 2) * step_x // 2, diagonal, step_x):
            draw.text((x, y), WATERMARK, fill=(255, 255, 255, 110), font=text_font)
    layer = layer.rotate(30, resample=Image.Resampling.BICUBIC)
    left, top = (diagonal - image.width) // 2, (diagonal - image.height) // 2
    layer = layer.crop((left, top, left + image.width, top + image.height))
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


WATERMARK_TILED = Transform(
    "watermark_tiled",
    "overlay",
    {"text": WATERMARK, "opacity": round(110 / 255, 2), "angle": 30, "height": 0.06},
    _watermark,
)

_EMOJI_COLOURS = ((255, 204, 51), (255, 90, 110), (120, 200, 255), (140, 220, 120))


def _emoji(
    draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, colour: tuple[int, ...]
) -> None:
    # A round sticker with two eyes and a smile: simple shapes, no emoji font needed.
    ink = (40, 30, 20)
    draw.ellipse(
        (cx - r, cy - r, cx + r, cy + r), fill=colour, outline=ink, width=max(1, round(r / 12))
    )
    eye = max(1.0, r / 7)
    for dx in (-0.35 * r, 0.35 * r):
        draw.ellipse(
            (cx + dx - eye, cy - 0.3 * r - eye, cx + dx + eye, cy - 0.3 * r + eye), fill=ink
        )
    draw.arc(
        (cx - 0.55 * r, cy - 0.35 * r, cx + 0.55 * r, cy + 0.55 * r),
        20,
        160,
        fill=ink,
        width=max(1, round(r / 10)),
    )


def _emoji_overlay(
    image: Image.Image, rng: np.random.Generator, donor: Image.Image | None
) -> Image.Image:
    out = image.copy()
    draw = ImageDraw.Draw(out)
    radius = 0.09 * min(image.size)
    for _ in range(3):
        cx = float(rng.uniform(radius, image.width - radius))
        cy = float(rng.uniform(radius, image.height - radius))
        colour = _EMOJI_COLOURS[int(rng.integers(len(_EMOJI_COLOURS)))]
        _emoji(draw, cx, cy, radius * float(rng.uniform(0.8, 1.25)), colour)
    return out


EMOJI_OVERLAY = Transform(
    "emoji_overlay",
    "overlay",
    {"stickers": 3, "radius": "0.07-0.11 of the shorter side", "position": "seeded"},
    _emoji_overlay,
    seeded=True,
)

OVERLAYS: tuple[Transform, ...] = (TEXT_OVERLAY, WATERMARK_TILED, EMOJI_OVERLAY)
