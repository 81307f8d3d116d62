"""Recall and false matches of the matcher's stages, per transform: PDQ alone, PDQ with the
trimmed view, and a protect bank's second stage (ORB features, verified geometrically).

Registers a seeded sample of photos in a throwaway protect bank, makes a seeded copy of each
per transform (saved as JPEG quality 95), and matches every copy and every original with three
queries built from the same decode. A copy's true match is its own photo; every other photo is
an unrelated pair (for edits that paste a donor's pixels in, the donor pair is left out). See
docs/accuracy-matcher.md.

    .venv/bin/python benchmarks/matcher.py [--limit 150] [--seed 20240601]
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
from pathlib import Path

import faiss
from PIL import Image

from unshared.bench.transforms import TRANSFORMS, rng_for
from unshared.config import Settings
from unshared.features import extract
from unshared.hashing import hash_pixels
from unshared.hashing.decode import decode_for_pdq
from unshared.hashing.normalise import trim_borders
from unshared.hashing.pdq import pdq_dihedral_of_pixels
from unshared.match import Query
from unshared.service import Unshared

PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared/data/photos"
NAMES = (
    "original crop_center_80 crop_offset_80 border_solid_25 border_blurred_25 letterbox"
    " screenshot_phone_light meme_caption_top rotate_5 rotate_10 edit_fill_35 edit_donor_35"
    " edit_inpaint_35 jpeg_q50 resize_0.5 flip_lr rotate_90 brightness_1.3"
).split()
METHODS = ("pdq", "pdq+trim", "protect")


def jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    faiss.omp_set_num_threads(1)  # one query at a time; threads only fight on a shared machine
    paths = sorted(p for p in PHOTOS.rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png"})
    random.Random(args.seed).shuffle(paths)
    paths = paths[: args.limit]
    images = [Image.open(p).convert("RGB") for p in paths]
    n = len(images)
    with tempfile.TemporaryDirectory() as home:
        app = Unshared(Settings(home=Path(home)))
        app.create_bank("protect", "protect")
        entry_of = []  # photo -> its entry ids
        for image in images:
            entries = app.register_image("protect", jpeg(image), source="bench")
            entry_of.append({e.id for e in entries})
        photo_of = {e: i for i, ids in enumerate(entry_of) for e in ids}
        matcher = app.matcher
        print(f"{n} photos from {PHOTOS} (seed {args.seed}); {len(app.features)} with features")
        header = "| transform | " + " | ".join(METHODS) + " |"
        print(header + "\n|" + "---|" * (len(METHODS) + 1))
        false = dict.fromkeys(METHODS, 0)
        pairs = 0
        cost = dict.fromkeys(METHODS, 0.0)
        queries = 0
        for name in NAMES:
            hits = dict.fromkeys(METHODS, 0)
            for i, image in enumerate(images):
                donor_at = (i + 1) % n
                copy = (
                    image
                    if name == "original"
                    else TRANSFORMS[name].apply(
                        image, rng_for(args.seed, name, i), donor=images[donor_at]
                    )
                )
                data = jpeg(copy)
                excluded = {i, donor_at} if name.startswith("edit_donor") else {i}
                pairs += n - len(excluded)
                queries += 1
                for method in METHODS:
                    start = time.perf_counter()
                    rgb = decode_for_pdq(data)
                    signals = hash_pixels(data, rgb, min_quality=0, dihedral=True)
                    trimmed: tuple = ()  # type: ignore[type-arg]
                    if method != "pdq":
                        inner = trim_borders(rgb)
                        trimmed = pdq_dihedral_of_pixels(inner)[0] if inner is not None else ()
                    query = Query(
                        pdq=signals.pdq_dihedral,
                        quality=signals.quality,
                        trimmed=trimmed,
                        features=extract(rgb) if method == "protect" else None,
                    )
                    verdict = matcher.match(query, catch_up=False)
                    cost[method] += time.perf_counter() - start
                    found = {photo_of[m.entry] for m in verdict.matches}
                    hits[method] += i in found
                    false[method] += len(found - excluded)
            row = " | ".join(f"{100 * hits[m] / n:.0f}%" for m in METHODS)
            print(f"| {name} | {row} |", flush=True)
        print(f"\nfalse matches over {pairs:,} unrelated pairs: {false}")
        print("ms per query: " + ", ".join(f"{m} {1000 * cost[m] / queries:.1f}" for m in METHODS))
        app.close()


if __name__ == "__main__":
    main()
