"""App screenshots with layered chrome, and photos padded with their own blurred copy.

A real phone screenshot is not one colour around the photo (the ``screenshot`` family's tidy
frame): a status bar, an app bar of another shade with a name and icons, a chat background, the
bubble the photo sits in with its rounded corners and the time written over it, a reply box in a
bar of yet another shade. Stories and "no crop" apps pad a photo with a blurred, enlarged copy of
itself, and draw their own chrome over the blur. Everything here is drawn from seeded palettes
and sizes: screens of three sizes, light and dark themes, several colours for each bar, so that
no trimming rule can learn one layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from bench.transforms.base import Transform, cover, font

Theme = Literal["light", "dark"]
RGB = tuple[int, int, int]

_RESAMPLE = Image.Resampling.BICUBIC
#: Phone screens at half their pixel size (1080x2400, 1170x2532, 1284x2778).
SCREENS: tuple[tuple[int, int], ...] = ((540, 1200), (585, 1266), (642, 1389))
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)

# Each bar's colour is drawn on its own, so the layers around the photo differ in shade.
HEADERS: dict[Theme, tuple[tuple[RGB, RGB], ...]] = {  # (bar, ink)
    "light": (
        ((0, 128, 105), WHITE),
        ((81, 125, 162), WHITE),
        ((246, 246, 246), BLACK),
        (WHITE, BLACK),
        ((240, 242, 245), (30, 30, 30)),
    ),
    "dark": (
        ((31, 44, 52), (233, 237, 239)),
        ((23, 33, 43), WHITE),
        ((28, 28, 30), WHITE),
        (BLACK, WHITE),
        ((36, 47, 61), WHITE),
    ),
}
BACKGROUNDS: dict[Theme, tuple[RGB, ...]] = {
    "light": ((236, 229, 221), WHITE, (242, 242, 247), (220, 232, 242), (230, 221, 212)),
    "dark": ((11, 20, 26), BLACK, (14, 22, 33), (18, 18, 18)),
}
BUBBLES: dict[Theme, tuple[RGB, ...]] = {
    "light": ((220, 248, 198), WHITE, (229, 229, 234), (211, 228, 246)),
    "dark": ((0, 92, 75), (38, 38, 40), (43, 82, 120), (32, 44, 51)),
}
INPUT_BARS: dict[Theme, tuple[RGB, ...]] = {
    "light": ((240, 240, 240), WHITE, (246, 246, 246), (232, 232, 237)),
    "dark": ((31, 44, 52), (28, 28, 30), (23, 33, 43), BLACK),
}
REPLY_BOXES: dict[Theme, tuple[RGB, ...]] = {
    "light": (WHITE, (235, 235, 240), (250, 250, 250)),
    "dark": ((42, 57, 66), (44, 44, 46), (36, 47, 61)),
}
ACCENTS: tuple[RGB, ...] = ((0, 168, 132), (51, 144, 236), (10, 132, 255), (0, 122, 255))
AVATARS: tuple[RGB, ...] = ((230, 126, 34), (155, 89, 182), (52, 152, 219), (46, 204, 113))


def _pick(rng: np.random.Generator, options: tuple[RGB, ...]) -> RGB:
    return options[int(rng.integers(len(options)))]


def _ink_on(colour: RGB) -> RGB:
    """Black or white, whichever reads on ``colour``."""
    return BLACK if 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2] > 150 else WHITE


def _shade(colour: RGB, factor: float) -> RGB:
    red, green, blue = (min(255, round(c * factor)) for c in colour)
    return red, green, blue


@dataclass(frozen=True, slots=True)
class Chrome:
    """One screenshot's seeded layout: sizes in pixels and the colour of every layer."""

    screen: tuple[int, int]
    status: RGB
    status_ink: RGB
    header: RGB
    header_ink: RGB
    background: RGB
    bubble: RGB
    input_bar: RGB
    reply_box: RGB
    accent: RGB
    avatar: RGB
    muted: RGB

    @property
    def unit(self) -> float:
        """Pixels per point of a 1266-pixel-high screen: bars scale with the screen."""
        return self.screen[1] / 1266

    def px(self, points: float) -> int:
        return max(1, round(points * self.unit))


def chrome(rng: np.random.Generator, theme: Theme) -> Chrome:
    """A seeded layout: a screen size, and a colour for each bar (often not the same)."""
    screen = SCREENS[int(rng.integers(len(SCREENS)))]
    header, header_ink = HEADERS[theme][int(rng.integers(len(HEADERS[theme])))]
    # The status bar: the app bar's colour, a darker shade of it, or the theme's plain colour.
    how = int(rng.integers(3))
    status = header if how == 0 else _shade(header, 0.82) if how == 1 else _plain(theme)
    return Chrome(
        screen=screen,
        status=status,
        status_ink=_ink_on(status),
        header=header,
        header_ink=header_ink,
        background=_pick(rng, BACKGROUNDS[theme]),
        bubble=_pick(rng, BUBBLES[theme]),
        input_bar=_pick(rng, INPUT_BARS[theme]),
        reply_box=_pick(rng, REPLY_BOXES[theme]),
        accent=_pick(rng, ACCENTS),
        avatar=_pick(rng, AVATARS),
        muted=(142, 142, 147) if theme == "light" else (134, 150, 160),
    )


def _plain(theme: Theme) -> RGB:
    return WHITE if theme == "light" else BLACK


# -- drawing the layers ---------------------------------------------------------------------


def status_bar(draw: ImageDraw.ImageDraw, c: Chrome, top: int = 0) -> int:
    """Clock, signal bars, Wi-Fi arcs and battery on the status bar; its height."""
    width = c.screen[0]
    height = c.px(54)
    ink = c.status_ink
    mid = top + height // 2 + c.px(2)
    draw.text((c.px(46), mid), "9:41", fill=ink, font=font(c.px(19)), anchor="lm")
    base = mid + c.px(6)
    for i in range(4):  # signal strength: four rising bars
        x = width - c.px(142) + i * c.px(7)
        draw.rectangle((x, base - c.px(4 + 3 * i), x + c.px(4), base), fill=ink)
    for r in (4, 8, 12):  # Wi-Fi: three arcs
        x, rr = width - c.px(98), c.px(r)
        draw.arc((x - rr, base - rr, x + rr, base + rr), 225, 315, fill=ink, width=c.px(2))
    body = (width - c.px(72), base - c.px(13), width - c.px(44), base + c.px(1))
    draw.rounded_rectangle(body, radius=c.px(4), outline=ink, width=c.px(2))
    draw.rectangle((body[0] + 3, body[1] + 3, body[0] + c.px(19), body[3] - 3), fill=ink)
    draw.rectangle((body[2] + 2, body[1] + c.px(4), body[2] + c.px(4), body[3] - c.px(4)), fill=ink)
    return height


def app_bar(draw: ImageDraw.ImageDraw, c: Chrome, top: int, title: str, subtitle: str) -> int:
    """Back chevron, avatar, name and subtitle, and two icons on the right; its height."""
    width, height, ink = c.screen[0], c.px(62), c.header_ink
    mid = top + height // 2
    draw.line(
        (c.px(26), mid - c.px(10), c.px(16), mid, c.px(26), mid + c.px(10)),
        fill=ink,
        width=c.px(3),
    )
    r = c.px(19)
    cx = c.px(56)
    draw.ellipse((cx - r, mid - r, cx + r, mid + r), fill=c.avatar)
    draw.text((cx, mid), title[0], fill=WHITE, font=font(c.px(18)), anchor="mm")
    draw.text((cx + r + c.px(12), mid - c.px(9)), title, fill=ink, font=font(c.px(18)), anchor="lm")
    muted = _shade(ink, 0.75) if ink != BLACK else (110, 110, 115)
    draw.text(
        (cx + r + c.px(12), mid + c.px(11)), subtitle, fill=muted, font=font(c.px(13)), anchor="lm"
    )
    # A video camera and a phone handset, drawn from simple shapes.
    x = width - c.px(96)
    draw.rounded_rectangle(
        (x - c.px(12), mid - c.px(8), x + c.px(6), mid + c.px(8)), c.px(3), outline=ink, width=2
    )
    draw.polygon(
        [(x + c.px(8), mid), (x + c.px(16), mid - c.px(7)), (x + c.px(16), mid + c.px(7))],
        fill=ink,
    )
    x = width - c.px(36)
    draw.arc(
        (x - c.px(11), mid - c.px(11), x + c.px(11), mid + c.px(11)), 100, 260, fill=ink, width=4
    )
    return height


def reply_bar(draw: ImageDraw.ImageDraw, c: Chrome, bottom: int, placeholder: str) -> int:
    """The input bar above ``bottom``: a rounded reply box with a placeholder and icons, and a
    round send button in the accent colour; its height."""
    width, height = c.screen[0], c.px(66)
    top = bottom - height
    draw.rectangle((0, top, width, bottom), fill=c.input_bar)
    box = (c.px(12), top + c.px(10), width - c.px(66), bottom - c.px(10))
    outline = _shade(c.reply_box, 0.9) if c.reply_box == c.input_bar else None
    draw.rounded_rectangle(box, radius=(box[3] - box[1]) // 2, fill=c.reply_box, outline=outline)
    mid = (box[1] + box[3]) // 2
    r = c.px(11)
    cx = box[0] + c.px(24)  # an emoji face
    draw.ellipse((cx - r, mid - r, cx + r, mid + r), outline=c.muted, width=2)
    draw.point([(cx - r // 3, mid - r // 4), (cx + r // 3, mid - r // 4)], fill=c.muted)
    draw.text((cx + c.px(22), mid), placeholder, fill=c.muted, font=font(c.px(17)), anchor="lm")
    cx = box[2] - c.px(26)  # a camera
    draw.rounded_rectangle(
        (cx - c.px(11), mid - c.px(8), cx + c.px(11), mid + c.px(9)), 3, outline=c.muted, width=2
    )
    draw.ellipse((cx - 4, mid - 3, cx + 4, mid + 5), outline=c.muted, width=2)
    cx, r = width - c.px(34), c.px(22)  # the send button, with a microphone
    draw.ellipse((cx - r, mid - r, cx + r, mid + r), fill=c.accent)
    draw.rounded_rectangle((cx - 4, mid - c.px(10), cx + 4, mid + c.px(4)), 4, fill=WHITE)
    return height


def home_area(draw: ImageDraw.ImageDraw, c: Chrome, colour: RGB) -> int:
    """The strip under the input bar with the home indicator; its height."""
    width, height = c.screen
    strip = c.px(34)
    draw.rectangle((0, height - strip, width, height), fill=colour)
    ink = _ink_on(colour)
    half = c.px(67)
    draw.rounded_rectangle(
        (width // 2 - half, height - c.px(14), width // 2 + half, height - c.px(9)), 3, fill=ink
    )
    return strip


def _bubble_text(
    draw: ImageDraw.ImageDraw, c: Chrome, text: str, bottom: int, right: bool, colour: RGB
) -> int:
    """A one-line text bubble whose bottom is at ``bottom``; its top."""
    size = c.px(17)
    length = draw.textlength(text, font=font(size))
    height = c.px(40)
    width = c.screen[0]
    left = width - c.px(14) - length - c.px(28) if right else c.px(14)
    box = (left, bottom - height, left + length + c.px(28), bottom)
    draw.rounded_rectangle(box, radius=c.px(12), fill=colour)
    ink = _ink_on(colour)
    draw.text(
        (box[0] + c.px(14), bottom - height // 2), text, fill=ink, font=font(size), anchor="lm"
    )
    return int(box[1])


def _rounded(image: Image.Image, radius: int) -> Image.Image:
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, *image.size), radius=radius, fill=255)
    return mask


def _fit(image: Image.Image, width: int, height: int) -> Image.Image:
    """``image`` scaled to fit ``width`` x ``height``, its aspect ratio kept."""
    scale = min(width / image.width, height / image.height)
    return image.resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale))), _RESAMPLE
    )


def chat_screenshot(image: Image.Image, rng: np.random.Generator, theme: Theme) -> Image.Image:
    """The photo as a message in a chat, screenshotted: status bar, app bar, chat background,
    text bubbles, the photo in its bubble (rounded corners, the time written over it), the input
    bar with its reply box, and the home indicator."""
    c = chrome(rng, theme)
    width, height = c.screen
    canvas = Image.new("RGB", c.screen, c.background)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, width, c.px(54)), fill=c.status)
    top = status_bar(draw, c)
    draw.rectangle((0, top, width, top + c.px(62)), fill=c.header)
    top += app_bar(draw, c, top, "Alex", "online")
    bottom = height - home_area(draw, c, c.input_bar)
    bottom -= reply_bar(draw, c, bottom, "Message")
    # The newest message sits just above the input bar: a reply, sometimes, then the photo.
    at = bottom - c.px(10)
    outgoing = bool(rng.integers(2))
    if rng.random() < 0.5:
        at = _bubble_text(draw, c, "omg who sent you this", at, not outgoing, c.bubble) - c.px(8)
    shown = _fit(image, round(width * float(rng.uniform(0.62, 0.8))), round(0.55 * (at - top)))
    pad = c.px(4)
    bubble_w, bubble_h = shown.width + 2 * pad, shown.height + 2 * pad
    left = width - c.px(12) - bubble_w if outgoing else c.px(12)
    bubble_top = at - bubble_h
    draw.rounded_rectangle((left, bubble_top, left + bubble_w, at), radius=c.px(14), fill=c.bubble)
    canvas.paste(shown, (left + pad, bubble_top + pad), _rounded(shown, c.px(11)))
    stamp = "21:47"
    size = c.px(13)
    x, y = left + pad + shown.width - c.px(10), bubble_top + pad + shown.height - c.px(10)
    draw.text(
        (x, y), stamp, fill=WHITE, font=font(size), anchor="rb", stroke_width=1, stroke_fill=BLACK
    )
    if rng.random() < 0.6 and bubble_top - top > c.px(120):
        above = _bubble_text(draw, c, "look", bubble_top - c.px(8), outgoing, c.bubble)
        if rng.random() < 0.5 and above - top > c.px(60):
            pill = (
                width // 2 - c.px(36),
                above - c.px(44),
                width // 2 + c.px(36),
                above - c.px(18),
            )
            draw.rounded_rectangle(pill, radius=c.px(10), fill=_shade(c.bubble, 0.95))
            draw.text(
                ((pill[0] + pill[2]) // 2, (pill[1] + pill[3]) // 2),
                "Today",
                fill=_ink_on(c.bubble),
                font=font(c.px(13)),
                anchor="mm",
            )
    return canvas


def viewer_screenshot(image: Image.Image, rng: np.random.Generator, theme: Theme) -> Image.Image:
    """The photo opened full-width from a chat, screenshotted: status bar, an app bar of another
    shade with the sender and the date, the photo on the viewer's background, and a reply bar
    with a rounded reply box under it."""
    c = chrome(rng, theme)
    width, height = c.screen
    viewer = _plain(theme) if rng.random() < 0.6 else c.background
    canvas = Image.new("RGB", c.screen, viewer)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, width, c.px(54)), fill=c.status)
    top = status_bar(draw, c)
    draw.rectangle((0, top, width, top + c.px(62)), fill=c.header)
    top += app_bar(draw, c, top, "Alex", "Today, 21:47")
    bottom = height - home_area(draw, c, c.input_bar)
    bottom -= reply_bar(draw, c, bottom, "Reply")
    shown = _fit(image, width, bottom - top)
    canvas.paste(shown, ((width - shown.width) // 2, top + (bottom - top - shown.height) // 2))
    return canvas


# -- blurred padding ------------------------------------------------------------------------


def blurred_backdrop(
    image: Image.Image, size: tuple[int, int], rng: np.random.Generator
) -> Image.Image:
    """``image`` enlarged to cover ``size``, blurred (radius 3-8% of the wider side) and
    sometimes darkened, as stories and "no crop" apps fill the space around a photo."""
    radius = float(rng.uniform(0.03, 0.08)) * max(size)
    blurred = cover(image, size).filter(ImageFilter.GaussianBlur(radius))
    dim = float(rng.choice([1.0, 1.0, rng.uniform(0.55, 0.9)]))
    if dim < 1.0:
        blurred = Image.eval(blurred, lambda v: round(v * dim))
    return blurred


def padded_blurred(shape: Literal["story", "square"]) -> Transform:
    """The photo on a canvas filled by its own blurred copy: a 9:16 story canvas with the photo
    fitted to its width (scaled to a phone story's width), or a square canvas around the photo
    as it is."""

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        if shape == "story":
            width = SCREENS[int(rng.integers(len(SCREENS)))][0]
            size = (width, round(width * 16 / 9))
            shown = _fit(image, width, size[1])
        else:
            side = max(image.size)
            size, shown = (side, side), image
        canvas = blurred_backdrop(image, size, rng)
        canvas.paste(shown, ((size[0] - shown.width) // 2, (size[1] - shown.height) // 2))
        return canvas

    params: dict[str, object] = {
        "canvas": "9:16, a phone's width" if shape == "story" else "square, the longer side",
        "blur_radius": "3-8% of the longer canvas side",
        "darkened": "a third of the time, to 55-90%",
    }
    return Transform(f"padded_blurred_{shape}", "blurred_padding", params, run, seeded=True)


def _story(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
    # A story on a phone: the photo at full width over its blurred copy, the status bar, progress
    # segments, the poster's name and a reply box drawn over the blur in white.
    c = chrome(rng, "dark")
    width, height = c.screen
    canvas = blurred_backdrop(image, c.screen, rng)
    shown = _fit(image, width, height - c.px(200))
    canvas.paste(shown, (0 + (width - shown.width) // 2, (height - shown.height) // 2))
    draw = ImageDraw.Draw(canvas)
    status_bar(draw, c)
    top = c.px(62)
    segments = int(rng.integers(1, 5))
    gap, span = c.px(4), width - c.px(16)
    for i in range(segments):
        left = c.px(8) + i * span / segments
        right = left + span / segments - gap
        colour = WHITE if i == 0 else (200, 200, 200)
        draw.rounded_rectangle((left, top, right, top + c.px(3)), 1, fill=colour)
    mid, r = top + c.px(30), c.px(16)
    draw.ellipse((c.px(14), mid - r, c.px(14) + 2 * r, mid + r), fill=c.avatar, outline=WHITE)
    draw.text(
        (c.px(14) + 2 * r + c.px(10), mid), "alex  3h", fill=WHITE, font=font(c.px(15)), anchor="lm"
    )
    draw.line(  # the close cross
        (width - c.px(34), mid - c.px(9), width - c.px(16), mid + c.px(9)), fill=WHITE, width=3
    )
    draw.line(
        (width - c.px(34), mid + c.px(9), width - c.px(16), mid - c.px(9)), fill=WHITE, width=3
    )
    bottom = height - c.px(40)
    box = (c.px(14), bottom - c.px(46), width - c.px(100), bottom)
    draw.rounded_rectangle(box, radius=c.px(23), outline=WHITE, width=c.px(2))
    draw.text(
        (box[0] + c.px(18), bottom - c.px(23)),
        "Send message",
        fill=WHITE,
        font=font(c.px(15)),
        anchor="lm",
    )
    x = width - c.px(70)  # a heart, and a paper plane
    draw.ellipse((x - 10, bottom - 30, x, bottom - 20), outline=WHITE, width=2)
    draw.ellipse((x, bottom - 30, x + 10, bottom - 20), outline=WHITE, width=2)
    draw.line((x - 9, bottom - 22, x, bottom - 10, x + 9, bottom - 22), fill=WHITE, width=2)
    x = width - c.px(32)
    draw.polygon(
        [(x - 11, bottom - 22), (x + 11, bottom - 32), (x + 3, bottom - 10)], outline=WHITE
    )
    return canvas


def screenshot(kind: Literal["chat", "viewer"], theme: Theme) -> Transform:
    draw = chat_screenshot if kind == "chat" else viewer_screenshot

    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        return draw(image, rng, theme)

    where = (
        "in a rounded bubble, 62-80% of the width, left or right"
        if kind == "chat"
        else "full width, centred between the bars"
    )
    return Transform(
        f"screenshot_{kind}_{theme}",
        "app_screenshot",
        {
            "screens": SCREENS,
            "theme": theme,
            "layers": "status bar, app bar, background, bubbles, reply box, home strip",
            "colours": "seeded per bar",
            "photo": where,
        },
        run,
        seeded=True,
    )


STORY = Transform(
    "screenshot_story",
    "blurred_padding",
    {
        "screens": SCREENS,
        "photo": "full width over its blurred copy",
        "chrome": "status bar, progress, name and reply box drawn over the blur",
    },
    _story,
    seeded=True,
)

SCREENSHOTS: tuple[Transform, ...] = (
    screenshot("chat", "light"),
    screenshot("chat", "dark"),
    screenshot("viewer", "light"),
    screenshot("viewer", "dark"),
)
BLURRED_PADDING: tuple[Transform, ...] = (
    padded_blurred("story"),
    padded_blurred("square"),
    STORY,
)
