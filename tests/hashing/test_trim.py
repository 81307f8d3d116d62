"""The frame trimmer, one generated picture per rule: the photo's box is found inside layered app
chrome (bars of several shades with text and a rounded reply box, dark and light), inside its own
blurred copy (with and without chrome drawn over it), inside a chat bubble too small for a margin
rule's old floor, a fake's smooth body in a chat bubble is not walked over, a product shot on
white the screen's width is found in a viewer, and a saturated photo is not taken for a margin;
a query never gets more views than it may carry; and a platform that sends hashes only sends
the trimmed views' hashes that find it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from tests.imaging import sample_photo
from unshared.hashing.batch import hash_uploads
from unshared.hashing.normalise import MIN_KEEP, MOST_VIEWS, trimmed_views
from unshared.hashing.pdq import pdq_of_pixels
from unshared.match.query import MAX_TRIMMED_VIEWS

RGB = tuple[int, int, int]


def photo(width: int = 300, height: int = 225) -> Image.Image:
    return sample_photo("chelsea").convert("RGB").resize((width, height))


def found(canvas: Image.Image, box: tuple[int, int, int, int], slack: int = 2) -> bool:
    """Whether one trimmed view is ``box`` (left, top, right, bottom) to within ``slack``
    pixels a side, and hashes within PDQ 31 of the photo it holds."""
    rgb = np.asarray(canvas)
    inner = np.ascontiguousarray(rgb[box[1] : box[3], box[0] : box[2]])
    want = pdq_of_pixels(inner)[0]
    width, height = box[2] - box[0], box[3] - box[1]
    return any(
        abs(view.shape[1] - width) <= 2 * slack
        and abs(view.shape[0] - height) <= 2 * slack
        and pdq_of_pixels(np.ascontiguousarray(view))[0].distance(want) <= 31
        for view in trimmed_views(rgb)
    )


def bar(draw: ImageDraw.ImageDraw, top: int, height: int, width: int, colour: RGB) -> None:
    draw.rectangle((0, top, width, top + height - 1), fill=colour)


def chrome(
    theme: str,
    shown: Image.Image,
    size: tuple[int, int] = (540, 1200),
    at: tuple[int, int] = (0, 0),
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A screen with a status bar, an app bar of another shade with a name and icons, a viewer
    background, a reply bar with a rounded reply box of a third shade, and ``shown`` at ``at``
    (its top left; centred between the bars when (0, 0))."""
    dark = theme == "dark"
    ink: RGB = (255, 255, 255) if dark else (0, 0, 0)
    width, height = size
    canvas = Image.new("RGB", size, (0, 0, 0) if dark else (242, 242, 247))
    draw = ImageDraw.Draw(canvas)
    bar(draw, 0, 54, width, (28, 28, 30) if dark else (200, 200, 205))
    draw.text((40, 20), "9:41", fill=ink)
    for i in range(4):
        draw.rectangle((width - 120 + 8 * i, 34 - 3 * i, width - 115 + 8 * i, 38), fill=ink)
    bar(draw, 54, 62, width, (23, 33, 43) if dark else (0, 128, 105))
    draw.ellipse((40, 66, 78, 104), fill=(155, 89, 182))
    draw.text((90, 76), "Alex  online", fill=(255, 255, 255))
    bar(draw, height - 100, 100, width, (31, 44, 52) if dark else (246, 246, 246))
    draw.rounded_rectangle(
        (12, height - 90, width - 70, height - 44), radius=23, fill=(44, 44, 46) if dark else ink
    )
    draw.text((40, height - 74), "Reply", fill=(140, 140, 145))
    draw.ellipse((width - 58, height - 90, width - 14, height - 46), fill=(0, 168, 132))
    left, top = at
    if at == (0, 0):
        left = (width - shown.width) // 2
        top = 116 + (height - 216 - shown.height) // 2
    canvas.paste(shown, (left, top))
    return canvas, (left, top, left + shown.width, top + shown.height)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_layered_chrome(theme: str) -> None:
    # Bars of three shades above and below: no one margin colour to walk over.
    canvas, box = chrome(theme, photo(540, 405))
    assert found(canvas, box)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_chat_bubble_smaller_than_the_old_floor(theme: str) -> None:
    # The photo takes 62% of the width and under 30% of the height, off to one side, with a
    # text bubble under it.
    shown = photo(336, 252)
    canvas, box = chrome(theme, shown, at=(190, 700))
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle((300, 980, 526, 1020), radius=12, fill=(211, 228, 246))
    draw.text((316, 992), "who sent you this", fill=(0, 0, 0))
    assert shown.height < MIN_KEEP * 2 * canvas.height
    assert found(canvas, box)


def smooth_body(shown: Image.Image) -> Image.Image:
    """``shown`` with a smooth skin-like tone over a torso that widens to its bottom edge, as a
    fake made from it: each row of the tone is flat to a grey level, and it fills the bottom
    rows from side to side."""
    pixels = np.asarray(shown).copy()
    height, width = pixels.shape[:2]
    for y in range(int(0.4 * height), height):
        grown = (y - 0.4 * height) / (0.6 * height)
        half = int(width * (0.25 + 0.3 * grown))
        left, right = max(0, width // 2 - half), min(width, width // 2 + half)
        pixels[y, left:right] = np.array((224, 172, 140)) * (0.9 + 0.1 * grown)
    return Image.fromarray(pixels)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_smooth_fake_in_a_chat_bubble_is_not_walked_over(theme: str) -> None:
    # The fake's flat body is 70% of the screen's rows, but not of the colour at their ends:
    # the walk from the reply box stops at the bubble, and the trimmed view a protect bank
    # takes its features from (the smallest, under half the screen) is the photo.
    shown = smooth_body(photo(400, 330))
    canvas, box = chrome(theme, shown, at=(16, 600))
    bubble = (box[0] - 4, box[1] - 4, box[2] + 4, box[3] + 4)
    ImageDraw.Draw(canvas).rounded_rectangle(bubble, radius=12, fill=(211, 228, 246))
    canvas.paste(shown, box[:2])
    assert found(canvas, box)
    area = canvas.width * canvas.height
    smallest = min(
        (view for view in trimmed_views(np.asarray(canvas)) if view.size <= 3 * area / 2),
        key=lambda view: view.size,
    )
    assert abs(smallest.shape[0] - shown.height) <= 10
    assert abs(smallest.shape[1] - shown.width) <= 10


def on_white(width: int, height: int, frame: int = 0) -> Image.Image:
    """A product shot: the photo small in the middle of a white picture, whose border is
    ``frame`` pixels of light grey."""
    shot = Image.new("RGB", (width, height), (225, 225, 225))
    ImageDraw.Draw(shot).rectangle(
        (frame, frame, width - frame - 1, height - frame - 1), fill=(255, 255, 255)
    )
    shot.paste(photo(width // 2, height // 2), (width // 4, height // 4))
    return shot


@pytest.mark.parametrize("frame", [0, 6])
def test_a_product_shot_the_screens_width_in_a_viewer(frame: int) -> None:
    # Every walk goes on over the shot's white top and sides; its top and bottom edges against
    # the dark viewer are straight (a thin frame's edge too, right outside the walk's box), and
    # a viewer shows a photo the screen's width.
    canvas, box = chrome("dark", on_white(540, 405, frame))
    assert found(canvas, box)


def blurred_canvas(shown: Image.Image, size: tuple[int, int]) -> Image.Image:
    scale = max(size[0] / shown.width, size[1] / shown.height)
    cover = shown.resize((round(shown.width * scale) + 1, round(shown.height * scale) + 1))
    cover = cover.crop((0, 0, *size)).filter(ImageFilter.GaussianBlur(0.05 * max(size)))
    return cover


@pytest.mark.parametrize(("size", "shown"), [((540, 960), (540, 405)), ((400, 400), (400, 300))])
def test_blurred_padding(size: tuple[int, int], shown: tuple[int, int]) -> None:
    # The photo centred on its own blurred, enlarged copy: a story, a "no crop" square.
    picture = photo(*shown)
    canvas = blurred_canvas(picture, size)
    left, top = (size[0] - shown[0]) // 2, (size[1] - shown[1]) // 2
    canvas.paste(picture, (left, top))
    assert found(canvas, (left, top, left + shown[0], top + shown[1]))


def test_blurred_padding_with_chrome_over_it() -> None:
    # A story: status text, progress segments, a name and an outlined reply box drawn in white
    # over the blur.
    picture = photo(540, 405)
    canvas = blurred_canvas(picture, (540, 960))
    top = (960 - 405) // 2
    canvas.paste(picture, (0, top))
    draw = ImageDraw.Draw(canvas)
    draw.text((30, 18), "9:41", fill=(255, 255, 255))
    for i in range(3):
        draw.rectangle((8 + i * 176, 62, 176 + i * 176, 65), fill=(255, 255, 255))
    draw.text((50, 84), "alex  3h", fill=(255, 255, 255))
    draw.rounded_rectangle((14, 874, 440, 920), radius=23, outline=(255, 255, 255), width=2)
    assert found(canvas, (0, top, 540, top + 405))


def saturated(seed: int, size: tuple[int, int] = (300, 240)) -> Image.Image:
    # Magenta with texture in red and blue only: green alone would call it one flat colour.
    rng = np.random.default_rng(seed)
    pixels = np.zeros((size[1], size[0], 3), np.uint8)
    pixels[..., 0] = rng.integers(150, 255, size[::-1])
    pixels[..., 2] = rng.integers(100, 200, size[::-1])
    return Image.fromarray(pixels)


def test_a_saturated_photo_is_not_taken_for_margin() -> None:
    canvas, box = chrome("light", saturated(3))
    assert found(canvas, box)
    assert trimmed_views(np.asarray(saturated(4))) == []


def test_never_more_views_than_a_query_may_carry() -> None:
    assert MOST_VIEWS == MAX_TRIMMED_VIEWS


def test_hashes_only_carry_the_trimmed_views(tmp_path: Path) -> None:
    # What a platform's CLI (`unshared match --server`) and client send: hashes made where the
    # file is, the trimmed views' among them. The screenshot's whole picture is far from the
    # photo's hash; one trimmed view is within the bank's threshold.
    picture = photo(540, 405)
    canvas, _ = chrome("dark", picture)
    path = tmp_path / "screenshot.jpg"
    canvas.save(path, quality=95)
    original = pdq_of_pixels(np.asarray(picture))[0]
    (result,) = list(hash_uploads([path], workers=1))
    assert result.signals is not None
    assert result.signals.pdq.distance(original) > 31
    assert result.trimmed and len(result.trimmed) % 8 == 0
    assert min(h.distance(original) for h in result.trimmed) <= 31
