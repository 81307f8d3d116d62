"""Frames: the photo kept whole inside a bigger canvas (borders, letterbox, screenshot, caption)."""

from __future__ import annotations

from typing import Literal

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from bench.transforms.base import Transform, cover, font, random_colour

_RESAMPLE = Image.Resampling.BICUBIC
Fill = Literal["solid", "blurred"]


def _padding(length: int, fraction: float) -> tuple[int, int]:
    # ``fraction`` of the length on each side: round the total once so 150 px at 25% gives 225 px.
    total = round(2 * fraction * length)
    return total // 2, total - total // 2


def border(percent: int, fill: Fill) -> Transform:
    """``percent`` of the width left and right and of the height above and below.

    ``solid``: one seeded colour. ``blurred``: the photo itself scaled to cover the canvas and
    blurred behind the centred original, as story and reel apps do.
    """

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        left, right = _padding(image.width, percent / 100)
        top, bottom = _padding(image.height, percent / 100)
        size = (image.width + left + right, image.height + top + bottom)
        if fill == "solid":
            canvas = Image.new("RGB", size, random_colour(rng))
        else:
            radius = max(2.0, 0.04 * max(size))
            canvas = cover(image, size).filter(ImageFilter.GaussianBlur(radius))
        canvas.paste(image, (left, top))
        return canvas

    params: dict[str, object] = {"per_side": percent / 100, "fill": fill}
    if fill == "blurred":
        params["blur_radius"] = "4% of the longer canvas side"
    return Transform(f"border_{fill}_{percent}", "border", params, run, seeded=fill == "solid")


def _letterbox(
    image: Image.Image, rng: np.random.Generator, donor: Image.Image | None
) -> Image.Image:
    # The frame that matches the photo's orientation; the other one if that would add no bars.
    aspects = (16 / 9, 9 / 16) if image.width >= image.height else (9 / 16, 16 / 9)
    for aspect in aspects:
        width = max(image.width, round(image.height * aspect))
        height = max(image.height, round(image.width / aspect))
        if (width, height) != image.size:
            break
    canvas = Image.new("RGB", (width, height), (0, 0, 0))
    canvas.paste(image, ((width - image.width) // 2, (height - image.height) // 2))
    return canvas


LETTERBOX = Transform(
    "letterbox", "border", {"aspect": "16:9 or 9:16", "fill": (0, 0, 0)}, _letterbox
)

# An iPhone-sized screen (1170x2532) at half size, and its bars in those pixels.
SCREEN = (585, 1266)
_STATUS_BAR = 54
_APP_BAR = 56
_TOOL_BAR = 84


def _status_bar(draw: ImageDraw.ImageDraw, width: int, ink: tuple[int, int, int]) -> None:
    draw.text((46, 27), "9:41", fill=ink, font=font(19), anchor="lm")
    # Signal strength: four rising bars.
    for i in range(4):
        x = width - 142 + i * 7
        draw.rectangle((x, 33 - 4 - i * 3, x + 4, 33), fill=ink)
    # Wi-Fi: three arcs over a dot.
    for r in (4, 8, 12):
        draw.arc((width - 98 - r, 33 - r, width - 98 + r, 33 + r), 225, 315, fill=ink, width=2)
    # Battery: outline, charge level and the terminal nub.
    body = (width - 72, 20, width - 44, 34)
    draw.rounded_rectangle(body, radius=4, outline=ink, width=2)
    draw.rectangle((body[0] + 3, body[1] + 3, body[0] + 19, body[3] - 3), fill=ink)
    draw.rectangle((body[2] + 2, 24, body[2] + 4, 30), fill=ink)


def _app_chrome(
    draw: ImageDraw.ImageDraw, size: tuple[int, int], ink: tuple[int, int, int]
) -> None:
    width, height = size
    top = _STATUS_BAR
    mid = top + _APP_BAR // 2
    draw.line((30, mid - 10, 20, mid, 30, mid + 10), fill=ink, width=3)  # back chevron
    draw.text((width // 2, mid), "Photo", fill=ink, font=font(20), anchor="mm")
    for i in range(3):  # "more" dots
        draw.ellipse((width - 40 + i * 9, mid - 2, width - 36 + i * 9, mid + 2), fill=ink)
    bottom = height - _TOOL_BAR
    for i, x in enumerate(np.linspace(60, width - 60, 4)):
        cx = int(x)
        if i % 2 == 0:
            draw.ellipse((cx - 11, bottom + 20, cx + 11, bottom + 42), outline=ink, width=2)
        else:
            draw.rounded_rectangle(
                (cx - 11, bottom + 20, cx + 11, bottom + 42), 4, outline=ink, width=2
            )
    draw.rounded_rectangle((width // 2 - 67, height - 14, width // 2 + 67, height - 9), 3, fill=ink)


def screenshot(theme: Literal["light", "dark"]) -> Transform:
    """The photo as seen full-width in a phone app, screenshotted: bars above and below."""
    background, ink = (
        ((255, 255, 255), (0, 0, 0)) if theme == "light" else ((0, 0, 0), (255, 255, 255))
    )

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        width, height = SCREEN
        canvas = Image.new("RGB", SCREEN, background)
        draw = ImageDraw.Draw(canvas)
        _status_bar(draw, width, ink)
        _app_chrome(draw, SCREEN, ink)
        area_top, area_bottom = _STATUS_BAR + _APP_BAR, height - _TOOL_BAR
        scale = min(width / image.width, (area_bottom - area_top) / image.height)
        shown = image.resize(
            (max(1, round(image.width * scale)), max(1, round(image.height * scale))), _RESAMPLE
        )
        left = (width - shown.width) // 2
        top = area_top + (area_bottom - area_top - shown.height) // 2
        canvas.paste(shown, (left, top))
        return canvas

    return Transform(
        f"screenshot_phone_{theme}",
        "screenshot",
        {"screen": SCREEN, "theme": theme, "photo": "fitted between the bars, centred"},
        run,
    )


CAPTION = "WHEN YOU SEE IT"
CAPTION_BELOW = "YOU CAN'T UNSEE IT"


def _caption_bar(width: int, height: int, text: str) -> Image.Image:
    bar = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(bar)
    size = 0.5 * height
    # Shrink the text until it fits the width with a margin.
    while size > 6 and draw.textlength(text, font=font(size)) > 0.92 * width:
        size *= 0.9
    draw.text((width / 2, height / 2), text, fill=(0, 0, 0), font=font(size), anchor="mm")
    return bar


def meme_caption(where: Literal["top", "top_bottom"]) -> Transform:
    """White bars 20% of the photo's height, with black caption text, added above (and below).

    In the "border" family: the photo stays whole, like a border on one or two sides.
    """

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        bar_height = max(8, round(0.2 * image.height))
        bars = 2 if where == "top_bottom" else 1
        canvas = Image.new("RGB", (image.width, image.height + bars * bar_height), (255, 255, 255))
        canvas.paste(_caption_bar(image.width, bar_height, CAPTION), (0, 0))
        canvas.paste(image, (0, bar_height))
        if where == "top_bottom":
            bottom = _caption_bar(image.width, bar_height, CAPTION_BELOW)
            canvas.paste(bottom, (0, bar_height + image.height))
        return canvas

    return Transform(f"meme_caption_{where}", "border", {"bar_height": 0.2, "bars": where}, run)


FRAMES: tuple[Transform, ...] = (
    *(border(p, "solid") for p in (10, 25)),
    *(border(p, "blurred") for p in (10, 25)),
    LETTERBOX,
    screenshot("light"),
    screenshot("dark"),
    meme_caption("top"),
    meme_caption("top_bottom"),
)
