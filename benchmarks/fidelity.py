"""How far our fast PDQ is from the reference pipeline on pictures full of fine detail.

The reference is python-threatexchange's ``pdq_from_file``: the full decode, given to
``pdqhash``. We shrink before hashing (``src/unshared/hashing/decode.py``). Upscaled photos (the
12 MP set of ``hash_throughput.py``) hold no fine detail, so any shrink agrees there; this
benchmark builds pictures that do, without resampling blur:

- mosaics of crops of the shared photos at their native resolution, ``TILE`` pixels each, drawn
  with the seed: a ``1mp`` set (3 x 3 crops, 1200 x 900) and a ``12mp`` set (10 x 10 crops,
  4000 x 3000);
- every other mosaic unsharp-masked (radius 2, 150 %, threshold 2), as phones sharpen;

each saved as PNG, JPEG quality 90, WebP quality 90 and HEIC quality 90 in a temporary folder.
It reports, per set and format, our distance to the reference (median, p99, max) and the time
each pipeline takes per picture (one process), and how far each picture's PNG is from its own
JPEG copy, by our hash and by the reference's: a plain recompression must not look like another
picture.

    .venv/bin/python benchmarks/fidelity.py [--photos DIR] [--count N] [--seed S]
        [--formats PNG,JPEG,WEBP,HEIF] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pillow_heif
from PIL import Image, ImageFilter
from threatexchange.signal_type.pdq.pdq_hasher import pdq_from_file

from unshared.hashing import hash_bytes
from unshared.signals import Pdq

pillow_heif.register_heif_opener()  # to save the HEIC copies

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PHOTOS = REPO.parent / "shared" / "data" / "photos"
TILE = (400, 300)
#: Mosaic sets: name -> (columns, rows) of crops.
SETS = {"1mp": (3, 3), "12mp": (10, 10)}
SAVE: dict[str, dict[str, Any]] = {
    "PNG": {"compress_level": 1},
    "JPEG": {"quality": 90},
    "WEBP": {"quality": 90},
    "HEIF": {"quality": 90},
}
SUFFIX = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp", "HEIF": ".heic"}
BOUND = 16  # bits: the issue's bound on the distance to the reference


@dataclass(slots=True)
class Tally:
    distances: list[int] = field(default_factory=list)
    ours_ms: list[float] = field(default_factory=list)
    reference_ms: list[float] = field(default_factory=list)


def mosaic(photos: Sequence[Path], cols: int, rows: int, pick: random.Random) -> Image.Image:
    """Crops of photos at their native resolution, side by side: fine detail, no blur."""
    width, height = TILE
    out = Image.new("RGB", (cols * width, rows * height))
    for j in range(rows):
        for i in range(cols):
            with Image.open(pick.choice(photos)) as photo:
                rgb = photo.convert("RGB")
            if rgb.width < width or rgb.height < height:  # a rare small photo: pad, not scale
                padded = Image.new("RGB", (max(width, rgb.width), max(height, rgb.height)))
                padded.paste(rgb)
                rgb = padded
            x = pick.randrange(rgb.width - width + 1)
            y = pick.randrange(rgb.height - height + 1)
            out.paste(rgb.crop((x, y, x + width, y + height)), (i * width, j * height))
    return out


def reference(path: Path) -> tuple[Pdq, float]:
    start = time.perf_counter()
    hex_ = pdq_from_file(path)[0]
    return Pdq.from_hex(hex_), (time.perf_counter() - start) * 1000


def ours(path: Path) -> tuple[Pdq, float]:
    start = time.perf_counter()
    pdq = hash_bytes(path.read_bytes(), min_quality=0).pdq
    return pdq, (time.perf_counter() - start) * 1000


def summary(values: Sequence[float]) -> dict[str, float]:
    array = np.asarray(values)
    return {
        "median": float(np.median(array)),
        "p99": float(np.percentile(array, 99, method="inverted_cdf")),
        "max": float(array.max()),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    photos = sorted(
        p for p in args.photos.rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png"}
    )
    pick = random.Random(args.seed)
    tallies: dict[tuple[str, str], Tally] = {}
    recompression: dict[str, dict[str, list[int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (cols, rows) in SETS.items():
            recompression[name] = {"ours": [], "reference": []}
            for index in range(args.count):
                picture = mosaic(photos, cols, rows, pick)
                if index % 2:
                    picture = picture.filter(ImageFilter.UnsharpMask(2, 150, 2))
                hashes: dict[str, tuple[Pdq, Pdq]] = {}
                for fmt in args.formats:
                    path = Path(tmp) / f"{name}-{index}{SUFFIX[fmt]}"
                    picture.save(path, fmt, **SAVE[fmt])
                    theirs, their_ms = reference(path)
                    mine, my_ms = ours(path)
                    tally = tallies.setdefault((name, fmt), Tally())
                    tally.distances.append(mine.distance(theirs))
                    tally.ours_ms.append(my_ms)
                    tally.reference_ms.append(their_ms)
                    hashes[fmt] = (mine, theirs)
                    path.unlink()
                if "PNG" in hashes and "JPEG" in hashes:
                    (png_ours, png_ref), (jpg_ours, jpg_ref) = hashes["PNG"], hashes["JPEG"]
                    recompression[name]["ours"].append(png_ours.distance(jpg_ours))
                    recompression[name]["reference"].append(png_ref.distance(jpg_ref))
                print(f"{name} {index + 1}/{args.count}", file=sys.stderr, flush=True)
    return {
        "command": shlex.join(sys.orig_argv),
        "seed": args.seed,
        "count": args.count,
        "distance": [
            {
                "set": name,
                "format": fmt,
                "images": len(t.distances),
                **summary(t.distances),
                "over_bound": sum(d > BOUND for d in t.distances),
                "ours_ms": float(np.median(t.ours_ms)),
                "reference_ms": float(np.median(t.reference_ms)),
            }
            for (name, fmt), t in tallies.items()
        ],
        "recompression": [
            {"set": name, "pipeline": who, **summary(values)}
            for name, by in recompression.items()
            for who, values in by.items()
            if values
        ],
    }


def report(result: dict[str, Any]) -> None:
    print(f"Command: `{result['command']}`  \nSeed: {result['seed']}\n")
    print("PDQ distance from the reference pipeline (bits), and median time per picture:\n")
    print(
        f"| set | format | images | median | p99 | max | over {BOUND} | ours, ms | reference, ms |"
    )
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|")
    for row in result["distance"]:
        print(
            f"| {row['set']} | {row['format']} | {row['images']} | {row['median']:g} |"
            f" {row['p99']:g} | {row['max']:g} | {row['over_bound']} | {row['ours_ms']:.0f} |"
            f" {row['reference_ms']:.0f} |"
        )
    print("\nA picture's PNG vs its own JPEG q90 copy (bits):\n")
    print("| set | pipeline | median | p99 | max |")
    print("|---|---|--:|--:|--:|")
    for row in result["recompression"]:
        print(
            f"| {row['set']} | {row['pipeline']} | {row['median']:g} | {row['p99']:g} |"
            f" {row['max']:g} |"
        )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=Path, default=DEFAULT_PHOTOS, help="dev photos folder")
    parser.add_argument("--count", type=int, default=12, help="mosaics per set")
    parser.add_argument("--seed", type=int, default=20240601, help="seed of the mosaics")
    parser.add_argument(
        "--formats",
        type=lambda text: [f.strip().upper() for f in text.split(",")],
        default=list(SAVE),
        help="comma-separated, of " + ",".join(SAVE),
    )
    parser.add_argument("--out", type=Path, help="also write the results here as JSON")
    args = parser.parse_args(argv)
    unknown = set(args.formats) - set(SAVE)
    if unknown:
        parser.error(f"unknown formats: {', '.join(sorted(unknown))}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.photos.is_dir():
        print(
            f"skipped: no photos at {args.photos} (see ../shared/data/README.md)", file=sys.stderr
        )
        return 0
    result = run(args)
    report(result)
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
