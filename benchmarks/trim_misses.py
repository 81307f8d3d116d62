"""Which framed copies the trimmer misses, and why: the boxes its rules chose against the true one.

For a seeded sample of the photos (as ``benchmarks/accuracy.py`` draws it) and each transform
named, makes each copy as the accuracy benchmark does (seeded, saved as JPEG), finds the photo's
true box in it by making the copy again from the photo with an 8-pixel checkerboard added (the
blocks survive the resize into the frame, a blurred backdrop smooths them away), and prints per
transform: copies found (a trimmed view or the whole within PDQ 31 of the photo), missed with
the true box among the boxes (PDQ fails on it anyway), missed with no box near it, and how far
the true box itself hashes from the photo. For a screenshotted fake (a protect bank's) a copy
counts as found when the view its features are taken from (the smallest, at most
``INNER_AT_MOST`` of the screen) is the photo's box. With ``--show DIR`` each miss is written
there with the true box in green and the trimmer's in red. ``--ordinary`` instead counts how
many of the photos themselves get a trimmed view, and the CPU time of trimming them.

    .venv/bin/python benchmarks/trim_misses.py --transforms screenshot_viewer_light,letterbox
        [--photos DIR] [--limit 200] [--seed 20240601] [--show DIR] [--ordinary]
"""

from __future__ import annotations

import argparse
import io
import time
from collections import Counter
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw

from bench.accuracy import DEFAULT_SEED, donor_index, encode_copy, find_photos
from bench.transforms import TRANSFORMS, Transform, bodyswap, rng_for
from unshared.hashing.batch import INNER_AT_MOST
from unshared.hashing.decode import decode_for_pdq
from unshared.hashing.normalise import trimmed_views
from unshared.hashing.pdq import pdq_of_pixels
from unshared.signals import Pdq

PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "photos"
THRESHOLD = 31
Box = tuple[int, int, int, int]  # top, bottom, left, right


def trimmed_boxes(rgb: np.ndarray) -> list[Box]:
    """Where ``trimmed_views`` cut (views share the picture's memory): also for code older than
    ``normalise.trimmed_boxes``, to measure before and after alike."""
    boxes = []
    for view in trimmed_views(rgb):
        offset = view.__array_interface__["data"][0] - rgb.__array_interface__["data"][0]
        top, left = offset // rgb.strides[0], offset % rgb.strides[0] // rgb.strides[1]
        boxes.append((top, top + view.shape[0], left, left + view.shape[1]))
    return boxes


def checkered(image: Image.Image) -> Image.Image:
    """``image`` with 8-pixel blocks moved 50 grey levels towards mid-grey, every other one."""
    rgb = np.asarray(image).astype(np.int16)
    ys, xs = np.indices(rgb.shape[:2])
    on = ((ys // 8 + xs // 8) % 2 == 0)[..., None]
    moved = np.where(rgb > 127, rgb - 50, rgb + 50)
    return Image.fromarray(np.where(on, moved, rgb).astype(np.uint8))


def marked_copy(
    transform: Transform, image: Image.Image, rng: np.random.Generator, donor: Image.Image | None
) -> Image.Image:
    """The copy made again from the checkered photo; a shared fake is checkered after its body
    is replaced, so the whole photo's box shows and not only what the fake kept."""
    if transform.family != "body_swap_shared":
        return transform.apply(checkered(image), rng, donor)
    original = bodyswap.body_swap

    def checkered_fake(*args: Any) -> Image.Image:
        return checkered(original(*args))

    bodyswap.body_swap = checkered_fake
    try:
        return transform.apply(image, rng, donor)
    finally:
        bodyswap.body_swap = original


def true_box(copy: Image.Image, marked: Image.Image) -> Box | None:
    """Where the checkerboard shows: the photo's box in the copy."""
    diff = np.abs(np.asarray(marked, np.float32) - np.asarray(copy, np.float32)).mean(axis=2)
    fine = np.abs(diff - cv2.GaussianBlur(diff, (0, 0), 6)) > 8
    rows, columns = np.flatnonzero(fine.mean(axis=1) > 0.05), np.flatnonzero(fine.mean(0) > 0.05)
    if not len(rows) or not len(columns):
        return None
    return int(rows[0]), int(rows[-1]) + 1, int(columns[0]), int(columns[-1]) + 1


def near(box: Box, other: Box, height: int, width: int, slack: float = 0.02) -> bool:
    sides = (height, height, width, width)
    return all(abs(a - b) <= slack * s for a, b, s in zip(box, other, sides, strict=True))


def crop(rgb: np.ndarray, box: Box) -> np.ndarray:
    top, bottom, left, right = box
    return rgb[top:bottom, left:right]


def pdq(rgb: np.ndarray) -> Pdq:
    return pdq_of_pixels(np.ascontiguousarray(rgb))[0]


def decode(data: bytes) -> np.ndarray:
    return np.asarray(decode_for_pdq(data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=Path, default=PHOTOS)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--transforms", default="")
    parser.add_argument("--show", type=Path)
    parser.add_argument("--ordinary", action="store_true")
    args = parser.parse_args()
    paths = find_photos(args.photos, args.limit, args.seed)
    if args.ordinary:
        ordinary(paths)
        return
    images = [Image.open(io.BytesIO(p.read_bytes())).convert("RGB") for p in paths]
    own = [pdq(decode(p.read_bytes())) for p in paths]
    if args.show:
        args.show.mkdir(parents=True, exist_ok=True)
    print(
        "| transform | copies | found | missed, box among the boxes | missed, no box near |"
        " true box > 31 |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name in args.transforms.split(","):
        counts: Counter[str] = Counter()
        for index, image in enumerate(images):
            at = donor_index(args.seed, index, len(images))
            donor = None if at is None else images[at]
            transform = TRANSFORMS[name]
            copy = transform.apply(image, rng_for(args.seed, name, index), donor)
            marked = marked_copy(transform, image, rng_for(args.seed, name, index), donor)
            truth = true_box(copy, marked)
            rgb = decode(encode_copy(copy))
            height, width = rgb.shape[:2]
            boxes = trimmed_boxes(rgb)
            best = min(
                [pdq(rgb).distance(own[index])]
                + [pdq(crop(rgb, box)).distance(own[index]) for box in boxes]
            )
            counts["copies"] += 1
            if transform.family == "body_swap_shared":
                # A protect bank's features: what counts is the view they are taken from.
                small = [
                    b
                    for b in boxes
                    if (b[1] - b[0]) * (b[3] - b[2]) <= INNER_AT_MOST * height * width
                ]
                view = min(small, key=lambda b: (b[1] - b[0]) * (b[3] - b[2]), default=None)
                best = 0 if view and truth and near(view, truth, height, width) else 99
            if best <= THRESHOLD:
                counts["found"] += 1
                continue
            oracle = None
            if truth is not None:
                oracle = pdq(crop(rgb, truth)).distance(own[index])
                counts["oracle_far"] += oracle > THRESHOLD
            among = truth is not None and any(near(box, truth, height, width) for box in boxes)
            counts["among" if among else "no_box"] += 1
            print(
                f"  {name} #{index} {paths[index].name}: {width}x{height} true {truth}"
                f" (PDQ {oracle}) boxes {boxes} best {best}"
            )
            if args.show:
                shown = Image.fromarray(rgb)
                draw = ImageDraw.Draw(shown)
                if truth:
                    draw.rectangle(
                        (truth[2], truth[0], truth[3] - 1, truth[1] - 1),
                        outline=(0, 255, 0),
                        width=3,
                    )
                for top, bottom, left, right in boxes:
                    draw.rectangle((left, top, right - 1, bottom - 1), outline=(255, 0, 0), width=2)
                shown.save(args.show / f"{name}-{index:03d}.png")
        print(
            f"| {name} | {counts['copies']} | {counts['found']} | {counts['among']} |"
            f" {counts['no_box']} | {counts['oracle_far']} |",
            flush=True,
        )


def ordinary(paths: list[Path]) -> None:
    """How many photos, as they are, get a trimmed view; and the CPU time of trimming them."""
    pictures = [decode(p.read_bytes()) for p in paths]
    with_view = []
    for _ in range(2):  # the first pass warms numpy's paths
        start = time.process_time()
        with_view = [(p.name, trimmed_boxes(rgb)) for p, rgb in zip(paths, pictures, strict=True)]
        cpu = (time.process_time() - start) / len(pictures) * 1000
    for name, boxes in with_view:
        if boxes:
            print(f"  {name}: {boxes}")
    print(
        f"{sum(1 for _, b in with_view if b)} of {len(paths)} photos get a trimmed view;"
        f" trimming {cpu:.2f} ms of CPU a photo"
    )


if __name__ == "__main__":
    main()
