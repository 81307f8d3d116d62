"""Cheap query normalisation: cut away the margins an upload gained around the photo.

Borders, letterbox bars, blurred story backgrounds, phone-screenshot chrome and meme caption bars
all change PDQ's whole-picture DCT by far more than its threshold, while the photo inside is
untouched. ``trim_borders`` finds that photo's box by walking in from each side over rows (then
columns) that are *flat*: either mostly one colour, the colour of the outermost line (solid bars,
with sparse text or icons on them), or nearly without detail (a blurred background).

It runs on the reduced decode (a few hundred pixels a side) in well under a millisecond, and the
matcher hashes the trimmed view as well as the whole upload, so trimming too much only loses
that one extra view.
"""

from __future__ import annotations

import numpy as np

#: A line is in a solid margin when this share of its pixels is within ``COLOUR_TOLERANCE`` grey
#: levels of the margin's colour (the rest may be caption text, status-bar icons, JPEG ringing).
SOLID_SHARE = 0.6
COLOUR_TOLERANCE = 14
#: A line is in a blurred margin when its mean absolute step between neighbours is under this.
FLAT_DETAIL = 1.2
#: Ignore trims under this share of a side (JPEG edges), and give up if the box left is smaller.
MIN_TRIM = 0.02
MIN_KEEP = 0.3


def trim_borders(rgb: np.ndarray) -> np.ndarray | None:
    """The ``(h, w, 3)`` picture without its uniform or featureless margins (a view, not a copy),
    or ``None`` when there is nothing worth trimming."""
    # Green stands in for luma: bars and blur are flat in every channel alike.
    grey = rgb[:, :, 1].astype(np.int16)
    height, width = grey.shape
    top, bottom = _margins(grey)
    left, right = _margins(grey[top : height - bottom].T)
    if left or right:  # the columns may have hidden part of a top or bottom bar
        top2, bottom2 = _margins(grey[:, left : width - right])
        top, bottom = max(top, top2), max(bottom, bottom2)
    box_h, box_w = height - top - bottom, width - left - right
    if box_h < MIN_KEEP * height or box_w < MIN_KEEP * width:
        return None
    if top + bottom < MIN_TRIM * height and left + right < MIN_TRIM * width:
        return None
    return rgb[top : height - bottom, left : width - right]


def _margins(grey: np.ndarray) -> tuple[int, int]:
    """How many flat rows ``grey`` has at its top and at its bottom."""
    if grey.shape[0] < 8 or grey.shape[1] < 8:
        return 0, 0
    flat = _flat_rows(grey)
    top = int(np.argmin(flat)) if not flat.all() else len(flat)
    bottom = int(np.argmin(flat[::-1])) if not flat.all() else len(flat)
    if top + bottom >= len(flat):
        return 0, 0
    return top, bottom


def _flat_rows(grey: np.ndarray) -> np.ndarray:
    detail = np.abs(np.diff(grey, axis=1)).mean(axis=1, dtype=np.float32)
    solid = np.zeros(len(grey), bool)
    for edge in (0, len(grey) - 1):  # the margin colour is the outermost line's
        colour = int(np.median(grey[edge]))
        share = (np.abs(grey - colour) <= COLOUR_TOLERANCE).mean(axis=1, dtype=np.float32)
        solid |= share >= SOLID_SHARE
    flat: np.ndarray = solid | (detail < FLAT_DETAIL)
    return flat
