"""Cheap query normalisation: cut away the margins an upload gained around the photo.

Borders, letterbox bars, blurred story backgrounds, phone-screenshot chrome and meme caption bars
all change PDQ's whole-picture DCT by far more than its threshold, while the photo inside is
untouched. PDQ of the photo's box matches only if the box is found to within a few pixels, and
no one rule finds every kind of margin without cutting into some photos, so ``trimmed_views``
walks in from each side over rows (then columns) under four rules and gives every distinct box:

- **solid with text**: most of the line (``SOLID_SHARE``) is within ``SOLID_TOLERANCE`` grey
  levels of the outermost line's colour, stepping over runs of other lines up to ``TEXT_GAP`` of
  the side long when solid lines follow: caption text, status-bar clocks and icons, navigation
  bars. Tight, because a made margin is one exact colour and a photo's plain wall or sky is not.
- **layered**: the same, each line against its own colour: a real app's chrome has a status bar,
  an app bar of another shade, the chat background, a reply box of a third; with their text and
  icons stepped over. A second box moves each side of this one out to the nearest straight edge
  (``_out_to_edges``), for a photo whose own border is flat and of the margin's colour.
- **blurred**: lines with little fine detail (mean absolute second difference under
  ``FLAT_DETAIL``, or under ``BLUR_SHARE`` of the picture's 80th percentile): a blurred,
  enlarged copy of the photo behind it, as stories and "no crop" apps frame a picture. Such a
  photo is centred, so the fewer margin lines of two opposite sides are taken for both: the walk
  never follows a photo's own soft edge in.
- **blurred with chrome**: the same, stepping over text and icons drawn over the blur.

Lines are grey levels by luma (green alone would see a saturated red or magenta patch as flat);
a picture whose short side is ``HALVE_FROM`` or more is walked on every other pixel. Every view
is hashed as well as the whole upload, so trimming too much only loses that one extra view;
docs/accuracy.md has what each rule finds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

#: A line is in a solid margin when this share of its pixels is within ``SOLID_TOLERANCE`` grey
#: levels of the margin's colour (the rest may be caption text, icons, JPEG ringing).
SOLID_SHARE = 0.7
SOLID_TOLERANCE = 3
#: Text on a solid margin: runs of other lines up to this share of the side are stepped over
#: when a solid line follows.
TEXT_GAP = 0.1
#: A line is in a blurred margin when its mean absolute step between neighbours is under this.
FLAT_DETAIL = 0.8
#: Ignore trims under this share of a side (JPEG edges), and give up if the box left is smaller.
MIN_TRIM = 0.02
BLUR_SHARE = 0.2
#: Moving a layered box's sides out to a straight edge: a step of more than ``EDGE_STEP`` grey
#: levels between two lines over ``EDGE_SHARE`` of the side, between ``EDGE_NEAR`` and
#: ``EDGE_FAR`` of the box's side out.
EDGE_STEP = 6
EDGE_SHARE = 0.9
EDGE_NEAR = 0.03
EDGE_FAR = 0.4
#: Pictures whose short side is at least this are walked on every other pixel.
HALVE_FROM = 400
MIN_KEEP = 0.15

#: ``rule(grey) -> (flat lines, longest run of other lines to step over)``
Rule = Callable[[np.ndarray], tuple[np.ndarray, int]]


def _solid_lines(grey: np.ndarray) -> np.ndarray:
    flat = np.zeros(len(grey), bool)
    for edge in (0, len(grey) - 1):  # the margin colour is the outermost line's
        colour = int(np.median(grey[edge]))
        share = (np.abs(grey - colour) <= SOLID_TOLERANCE).mean(axis=1, dtype=np.float32)
        flat |= share >= SOLID_SHARE
    return flat


def _solid_with_text(grey: np.ndarray) -> tuple[np.ndarray, int]:
    return _solid_lines(grey), int(TEXT_GAP * len(grey))


def _layered(grey: np.ndarray) -> tuple[np.ndarray, int]:
    # A flat line's colour is the median of any fair sample of it: every 8th pixel will do.
    colour = np.median(grey[:, ::8], axis=1).astype(np.int16)[:, None]
    share = (np.abs(grey - colour) <= SOLID_TOLERANCE).mean(axis=1, dtype=np.float32)
    return share >= SOLID_SHARE, int(TEXT_GAP * len(grey))


def _blurred_lines(grey: np.ndarray) -> np.ndarray:
    detail = np.abs(np.diff(grey, 2, axis=1)).mean(axis=1, dtype=np.float32)
    flat: np.ndarray = detail < max(FLAT_DETAIL, BLUR_SHARE * float(np.percentile(detail, 80)))
    return flat


def _blurred(grey: np.ndarray) -> tuple[np.ndarray, int]:
    return _blurred_lines(grey), 0


def _blurred_with_chrome(grey: np.ndarray) -> tuple[np.ndarray, int]:
    return _blurred_lines(grey), int(TEXT_GAP * len(grey))


#: Each rule, and whether its margins are taken as centring the photo (the same on both sides).
RULES: tuple[tuple[Rule, bool], ...] = (
    (_solid_with_text, False),
    (_layered, False),
    (_blurred, True),
    (_blurred_with_chrome, True),
)


def trimmed_views(rgb: np.ndarray) -> list[np.ndarray]:
    """The ``(h, w, 3)`` picture without its margins, one view (not a copy) per distinct box the
    rules find; empty when there is nothing worth trimming."""
    # A large picture (a phone screenshot is over half a million pixels) is read on every other
    # pixel along each line: rows through every other column, columns through every other row.
    # Half the work, and every edge still to the pixel.
    step = 2 if min(rgb.shape[:2]) >= HALVE_FROM else 1
    rows = _luma(rgb[:, ::step])
    lines = Lines(rows, _luma(rgb[::step]) if step > 1 else rows, step)
    boxes: list[tuple[int, int, int, int]] = []
    found = [_box(lines, rule, centred) for rule, centred in RULES]
    layered = found[RULES.index((_layered, False))]
    if layered is not None:
        found.append(_out_to_edges(lines, layered))
    for box in found:
        if box is not None and box not in boxes:
            boxes.append(box)
    return [rgb[top:bottom, left:right] for top, bottom, left, right in boxes]


@dataclass(frozen=True, slots=True)
class Lines:
    """A picture's grey levels as the walks read them: ``rows`` (every row, every ``step``-th
    column) and ``columns`` (every ``step``-th row, every column)."""

    rows: np.ndarray
    columns: np.ndarray
    step: int

    @property
    def height(self) -> int:
        return int(self.rows.shape[0])

    @property
    def width(self) -> int:
        return int(self.columns.shape[1])

    def row_span(self, left: int, right: int) -> np.ndarray:
        """Every row, through the columns from ``left`` to ``right``."""
        return self.rows[:, -(-left // self.step) : right // self.step]

    def column_span(self, top: int, bottom: int) -> np.ndarray:
        """Every column (as rows of the transpose), through the rows from ``top`` to
        ``bottom``."""
        return self.columns[-(-top // self.step) : bottom // self.step].T


def _box(lines: Lines, rule: Rule, centred: bool) -> tuple[int, int, int, int] | None:
    height, width = lines.height, lines.width
    top, bottom = _margins(lines.rows, rule, centred)
    left, right = _margins(lines.column_span(top, height - bottom), rule, centred)
    if left or right:  # the columns may have hidden part of a top or bottom bar
        top2, bottom2 = _margins(lines.row_span(left, width - right), rule, centred)
        top, bottom = max(top, top2), max(bottom, bottom2)
    box_h, box_w = height - top - bottom, width - left - right
    if box_h < MIN_KEEP * height or box_w < MIN_KEEP * width:
        return None
    if top + bottom < MIN_TRIM * height and left + right < MIN_TRIM * width:
        return None
    return top, height - bottom, left, width - right


def _out_to_edges(lines: Lines, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """``box`` with each side moved out, over lines the walk took for margin, to the nearest
    straight edge the whole side long: where a photo whose own border is flat and of the
    margin's colour (snow, a white product shot) ends at its chat bubble or the screen's bars."""
    top, bottom, left, right = box
    rows = lines.row_span(left, right)
    top -= _edge_out(rows[:top][::-1], bottom - top)
    bottom += _edge_out(rows[bottom:], bottom - top)
    columns = lines.column_span(top, bottom)
    left -= _edge_out(columns[:left][::-1], right - left)
    right += _edge_out(columns[right:], right - left)
    return top, bottom, left, right


def _edge_out(outside: np.ndarray, side: int) -> int:
    """How far to move a box's side of ``side`` lines out, over ``outside`` (its lines running
    outward): to the first straight edge, unless that is nearer than ``EDGE_NEAR`` of the side
    (the photo's own border against its bubble or bar) or further than ``EDGE_FAR``."""
    lines = min(len(outside), int(EDGE_FAR * side))
    if lines < 2:
        return 0
    steps = np.abs(np.diff(outside[:lines], axis=0)) > EDGE_STEP
    edges = np.flatnonzero(steps.mean(axis=1) >= EDGE_SHARE)
    if not len(edges) or edges[0] + 1 < EDGE_NEAR * side:
        return 0
    return int(edges[0]) + 1


def _luma(rgb: np.ndarray) -> np.ndarray:
    """Grey levels by the usual weights (0.30, 0.59, 0.11), in integers: green alone would see a
    saturated red or magenta patch of a photo as one flat colour."""
    weighted: np.ndarray = rgb[:, :, 0] * np.uint16(77) + rgb[:, :, 1] * np.uint16(150)
    weighted += rgb[:, :, 2] * np.uint16(29)
    luma: np.ndarray = np.right_shift(weighted, 8).astype(np.int16)
    return luma


def _margins(grey: np.ndarray, rule: Rule, centred: bool) -> tuple[int, int]:
    """How many margin lines ``grey`` has at its top and at its bottom; when ``centred``, the
    fewer of the two on both sides (a photo's own soft edge is not walked into)."""
    if grey.shape[0] < 8 or grey.shape[1] < 8:
        return 0, 0
    flat, gap = rule(grey)
    top, bottom = _run(flat, gap), _run(flat[::-1], gap)
    if top + bottom >= len(flat):
        return 0, 0
    if centred:
        both = min(top, bottom)
        both = both if both >= MIN_TRIM * len(flat) / 2 else 0
        # Centred by integer division: the far side may have one line more.
        return both, both + (bottom > both)
    return top, bottom


def _run(flat: np.ndarray, gap: int) -> int:
    """Lines from the start that are flat, stepping over runs of at most ``gap`` others that
    flat lines follow."""
    at = 0
    while at < len(flat):
        if flat[at]:
            at += 1
            continue
        ahead = np.flatnonzero(flat[at + 1 : at + gap + 2]) if gap else np.zeros(0, np.int64)
        if not len(ahead):
            break
        at += 1 + int(ahead[0])
    return at
