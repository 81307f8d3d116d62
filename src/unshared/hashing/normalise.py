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
  icons stepped over. A line counts only when its colour is found near both its ends, and the
  walks across the photo read a little past the box (``FRAME``), so that a line's ends are what
  frames the photo: a bar or a background runs on to them, a flat part of the photo (a fake's
  smooth body, a wall) does not. The box loses a chat bubble's rim (``_shave``); a second box
  moves each side out to the nearest straight edge (``_out_to_edges``), for a photo whose own
  border is flat and of the margin's colour, and a third is that one the picture's full width,
  as a viewer shows a photo whose sides have no edge to find.
- **blurred**: lines with little fine detail (mean absolute second difference under
  ``FLAT_DETAIL``, or under ``BLUR_SHARE`` of the picture's 80th percentile): a blurred,
  enlarged copy of the photo behind it, as stories and "no crop" apps frame a picture. Such a
  photo is centred, so the fewer margin lines of two opposite sides are taken for both: the walk
  never follows a photo's own soft edge in.
- **blurred with chrome**: the same, stepping over text and icons drawn over the blur.

Lines are grey levels by luma (green alone would see a saturated red or magenta patch as flat);
a picture whose short side is ``HALVE_FROM`` or more is walked on every other pixel. Every view
is hashed as well as the whole upload, so trimming too much only loses that one extra view; at
most ``MOST_VIEWS`` are given, the blurred rules' last. docs/accuracy.md has what each rule
finds.
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
#: levels between two lines over ``EDGE_SHARE`` of the side, up to ``EDGE_FAR`` of the box's
#: side out.
EDGE_STEP = 6
EDGE_SHARE = 0.9
EDGE_FAR = 0.6
#: The layered rule's lines must have their colour somewhere in this share of the line at each
#: end.
END_SHARE = 0.03
#: The layered rule's walks across the photo (the columns, then the rows again through its
#: columns) read this share of each line past the box at both ends, so that a line's ends are
#: what frames the photo.
FRAME = 0.04
#: A layered box loses a rim of flat lines up to this share of a side.
SHAVE_AT_MOST = 0.03
#: Edges nearer each other than this share of the picture's side are one (a photo's thin
#: frame).
THIN = 0.015
#: A box moved out to its edges at least this share of the picture's width, or with no edge to
#: move its sides to, is also tried the picture's full width.
WIDE_FROM = 0.8
#: Most views given (``unshared.match.query.MAX_TRIMMED_VIEWS``, what a query may carry).
MOST_VIEWS = 5
#: Pictures whose short side is at least this are walked on every other pixel.
HALVE_FROM = 400
MIN_KEEP = 0.15

#: ``(top, bottom, left, right)``
Box = tuple[int, int, int, int]
#: How many of each line's first and last samples lie past the box, around the photo: ``None``
#: when the lines run across the whole picture.
Ends = tuple[int, int] | None
#: ``rule(grey, ends) -> (flat lines, longest run of other lines to step over)``
Rule = Callable[[np.ndarray, Ends], tuple[np.ndarray, int]]


def _solid_lines(grey: np.ndarray) -> np.ndarray:
    flat = np.zeros(len(grey), bool)
    for edge in (0, len(grey) - 1):  # the margin colour is the outermost line's
        colour = int(np.median(grey[edge]))
        share = (np.abs(grey - colour) <= SOLID_TOLERANCE).mean(axis=1, dtype=np.float32)
        flat |= share >= SOLID_SHARE
    return flat


def _solid_with_text(grey: np.ndarray, ends: Ends) -> tuple[np.ndarray, int]:
    return _solid_lines(grey), int(TEXT_GAP * len(grey))


def _layered(grey: np.ndarray, ends: Ends) -> tuple[np.ndarray, int]:
    # A flat line's colour is the median of any fair sample of it: every 8th pixel will do.
    colour = np.median(grey[:, ::8], axis=1).astype(np.int16)
    share = (np.abs(grey - colour[:, None]) <= SOLID_TOLERANCE).mean(axis=1, dtype=np.float32)
    # A bar or a background runs to both ends of the line (on across the box's frame, when the
    # lines cross the photo); a flat patch of the photo (a fake's smooth body, a wall) is framed
    # by whatever is beside the photo. Somewhere near each end, not at it: a bubble's rounded
    # corner takes the very end of its first lines.
    own = max(3, int(END_SHARE * grey.shape[1]))  # where no frame was read: the line's own
    head, tail = (past or own for past in ends or (0, 0))
    reach = np.ones(len(grey), bool)
    for end in (grey[:, :head], grey[:, -tail:]):
        reach &= (np.abs(end - colour[:, None]) <= SOLID_TOLERANCE).any(axis=1)
    return (share >= SOLID_SHARE) & reach, int(TEXT_GAP * len(grey))


def _blurred_lines(grey: np.ndarray) -> np.ndarray:
    detail = np.abs(np.diff(grey, 2, axis=1)).mean(axis=1, dtype=np.float32)
    flat: np.ndarray = detail < max(FLAT_DETAIL, BLUR_SHARE * float(np.percentile(detail, 80)))
    return flat


def _blurred(grey: np.ndarray, ends: Ends) -> tuple[np.ndarray, int]:
    return _blurred_lines(grey), 0


def _blurred_with_chrome(grey: np.ndarray, ends: Ends) -> tuple[np.ndarray, int]:
    return _blurred_lines(grey), int(TEXT_GAP * len(grey))


#: Each rule; whether its margins are taken as centring the photo (the same on both sides); and
#: whether the walks across the photo read a little past the box (``FRAME``).
RULES: tuple[tuple[Rule, bool, bool], ...] = (
    (_solid_with_text, False, False),
    (_layered, False, True),
    (_blurred, True, False),
    (_blurred_with_chrome, True, False),
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
    boxes: list[Box] = []
    found = [_box(lines, *rule) for rule in RULES]
    layered = found[1]
    if layered is not None:
        # Tried before the blurred rules' boxes, which are for other pictures than this one
        # (a query carries at most ``MOST_VIEWS``).
        found[1:2] = _layered_boxes(lines, layered)
    for box in found:
        if box is not None and box not in boxes:
            boxes.append(box)
    return [rgb[top:bottom, left:right] for top, bottom, left, right in boxes[:MOST_VIEWS]]


def _layered_boxes(lines: Lines, box: Box) -> list[Box]:
    """The layered rule's box without its rim, moved out to its edges, and that the picture's
    full width when it is wide or its sides had no edge to move out to."""
    shaved = _shave(lines, box)
    edged = _out_to_edges(lines, shaved)
    # A viewer shows a photo the screen's width: one whose sides are flat and of the viewer's
    # colour (a product shot on white) is cut into by every walk, and has no edge there.
    width = edged[3] - edged[2]
    wide = width >= WIDE_FROM * lines.width or edged[2:] == shaved[2:]
    full = [(edged[0], edged[1], 0, lines.width)] if wide and width < lines.width else []
    return [shaved, edged, *full]


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


def _box(lines: Lines, rule: Rule, centred: bool, framed: bool) -> Box | None:
    height, width = lines.height, lines.width
    top, bottom = _margins(lines.rows, rule, centred)
    columns, ends = _framed(lines.columns, top, height - bottom, framed, lines.step)
    left, right = _margins(columns.T, rule, centred, ends)
    if left or right:  # the columns may have hidden part of a top or bottom bar
        rows, ends = _framed(lines.rows.T, left, width - right, framed, lines.step)
        top2, bottom2 = _margins(rows.T, rule, centred, ends)
        top, bottom = max(top, top2), max(bottom, bottom2)
    box_h, box_w = height - top - bottom, width - left - right
    if box_h < MIN_KEEP * height or box_w < MIN_KEEP * width:
        return None
    if top + bottom < MIN_TRIM * height and left + right < MIN_TRIM * width:
        return None
    return top, height - bottom, left, width - right


def _framed(
    grey: np.ndarray, start: int, end: int, framed: bool, step: int
) -> tuple[np.ndarray, Ends]:
    """``grey``'s lines (its first axis, read every ``step``-th pixel) from ``start`` to ``end``,
    and, when ``framed``, ``FRAME`` of that span more on each side, with how many lines were
    added at each: the frame around the photo."""
    first, last = -(-start // step), end // step
    if not framed:
        return grey[first:last], None
    past = int(np.ceil(FRAME * (last - first)))
    before, after = min(past, first), min(past, len(grey) - last)
    return grey[first - before : last + after], (before, after)


def _shave(lines: Lines, box: Box) -> Box:
    """``box`` without the few flat lines at each side (at most ``SHAVE_AT_MOST`` of it): a chat
    bubble's rim around the photo, whose lines do not run on to the frame and so were not taken
    for margin."""
    top, bottom, left, right = box
    rows = lines.row_span(left, right)
    top += _rim(rows[top:bottom], bottom - top)
    bottom -= _rim(rows[top:bottom][::-1], bottom - top)
    columns = lines.column_span(top, bottom)
    left += _rim(columns[left:right], right - left)
    right -= _rim(columns[left:right][::-1], right - left)
    return top, bottom, left, right


def _rim(inward: np.ndarray, side: int) -> int:
    """How many of ``inward``'s first lines are a rim of one flat colour (after the first, which
    may be a bubble's anti-aliased edge), when it stops within ``SHAVE_AT_MOST`` of ``side``;
    else none."""
    most = int(SHAVE_AT_MOST * side)
    if most < 1 or len(inward) <= most:
        return 0
    # The rim's colour is its second line's: the first may be the bubble's anti-aliased edge.
    head = inward[1 : most + 1]
    share = (np.abs(head - int(np.median(head[0]))) <= SOLID_TOLERANCE).mean(axis=1)
    rim = np.flatnonzero(share < SOLID_SHARE)
    return int(rim[0]) + 1 if len(rim) and rim[0] else 0


def _out_to_edges(lines: Lines, box: Box) -> Box:
    """``box`` with each side moved out, over lines the walk took for margin, to the nearest
    straight edge the whole side long: where a photo whose own border is flat and of the
    margin's colour (snow, a white product shot) ends at its chat bubble or the screen's bars."""
    top, bottom, left, right = box
    rows = lines.row_span(left, right)
    thin = THIN * lines.height
    top -= _edge_out(rows[: top + 1][::-1], bottom - top, thin)
    bottom += _edge_out(rows[bottom - 1 :], bottom - top, thin)
    columns = lines.column_span(top, bottom)
    thin = THIN * lines.width
    left -= _edge_out(columns[: left + 1][::-1], right - left, thin)
    right += _edge_out(columns[right - 1 :], right - left, thin)
    return top, bottom, left, right


def _edge_out(outward: np.ndarray, side: int, thin: float) -> int:
    """How far to move a box's side of ``side`` lines out, over ``outward`` (its outermost line,
    then the lines outside it, running out): to the first straight edge, on over a second one
    within ``thin`` lines (a thin frame's); not further than ``EDGE_FAR`` of the side."""
    lines = min(len(outward), int(EDGE_FAR * side) + 1)
    if lines < 2:
        return 0
    steps = np.abs(np.diff(outward[:lines], axis=0)) > EDGE_STEP
    # An edge right at the box is the photo's own (its content against a frame of its own).
    edges = np.flatnonzero(steps[1:].mean(axis=1) >= EDGE_SHARE) + 1
    if not len(edges):
        return 0
    at = 0
    while at + 1 < len(edges) and edges[at + 1] - edges[0] <= max(2.0, thin):
        at += 1
    return int(edges[at])


def _luma(rgb: np.ndarray) -> np.ndarray:
    """Grey levels by the usual weights (0.30, 0.59, 0.11), in integers: green alone would see a
    saturated red or magenta patch of a photo as one flat colour."""
    weighted: np.ndarray = rgb[:, :, 0] * np.uint16(77) + rgb[:, :, 1] * np.uint16(150)
    weighted += rgb[:, :, 2] * np.uint16(29)
    luma: np.ndarray = np.right_shift(weighted, 8).astype(np.int16)
    return luma


def _margins(grey: np.ndarray, rule: Rule, centred: bool, ends: Ends = None) -> tuple[int, int]:
    """How many margin lines ``grey`` has at its top and at its bottom; when ``centred``, the
    fewer of the two on both sides (a photo's own soft edge is not walked into)."""
    if grey.shape[0] < 8 or grey.shape[1] < 8:
        return 0, 0
    flat, gap = rule(grey, ends)
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
