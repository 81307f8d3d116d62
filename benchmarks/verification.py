"""How far apart stage 2 keeps true copies and chance fits, on real photos.

Registers the ORB features of every photo under ``--photos`` (as ``register_image`` does for a
protect bank), then makes seeded copies of each by ``--transforms`` (as the accuracy benchmark
does) and fits every candidate the feature index gives a copy, its mirror image and the photo
the frame trimmer finds inside it (as ``match_image_signals`` does, which looks at the last two
only when the copy itself shows nothing: every fit here is a superset of the matcher's), plus
the copy's own photo when it is not among them. Each fit is one row: whose photo it is (the
copy's own, the donor an edit pasted from, or unrelated), its inliers, how many of those are
mutual best matches, their spread, scale and angle, and whether ``verify`` accepts it.

Reports, as a markdown table and a JSON file, how many unrelated fits pass each of the checks
and all of them (false matches), the largest unrelated fits, and per transform how many own
photos verify, with and without the mutual-match check; plots inliers against mutual best
matches for both (``verification.png``). See docs/accuracy.md.

    .venv/bin/python benchmarks/verification.py --out DIR [--photos DIR] [--limit N]
        [--transforms a,b,...] [--workers N] [--seed 20240601]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from bench.accuracy import DEFAULT_SEED, donor_index, encode_copy, find_photos
from bench.transforms import TRANSFORMS, rng_for
from unshared.cli import stderr
from unshared.cli.hash import progress_bar
from unshared.features import MIN_INLIERS, MIN_MUTUAL, QUERY_KEYPOINTS, FeatureIndex, extract, fit
from unshared.features.index import MAX_CANDIDATES
from unshared.features.verify import MAX_SCALE, MIN_SPREAD, MIN_SPREAD_STRONG, STRONG_MUTUAL
from unshared.hashing.batch import Views, views_of
from unshared.hashing.decode import decode_for_pdq

PHOTOS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "photos"
#: What the feature stage is there for, and what strains it.
TRANSFORM_NAMES = (
    "jpeg_q30",
    "resize_0.25",
    "crop_center_70",
    "crop_offset_70",
    "rotate_10",
    "rotate_crop_10",
    "border_blurred_25",
    "screenshot_phone_dark",
    "watermark_tiled",
    "edit_fill_35",
    "edit_inpaint_35",
    "edit_donor_35",
    "chain_random",
    "chain_flip_crop_jpeg",
)
KINDS = ("own", "donor", "unrelated")
MUTUAL = f"mutual >= {MIN_MUTUAL}"
QUERY_VIEWS = Views(trimmed=True, keypoints=QUERY_KEYPOINTS, mirrored=True)


@dataclass(frozen=True, slots=True)
class Row:
    photo: int
    transform: str
    candidate: int
    kind: str  # own, donor or unrelated
    rank: int  # among the index's candidates; -1: the own photo, fitted though not among them
    mirrored: bool  # a fit of the copy's mirror image
    inliers: int
    mutual: int
    spread: float
    scale: float
    angle: float
    verified: bool
    inner: bool = False  # a fit of the photo the frame trimmer found inside the copy


@dataclass(frozen=True, slots=True)
class _Job:
    index_folder: str
    paths: tuple[str, ...]
    transforms: tuple[str, ...]
    seed: int


#: What ``verify`` checks of a fit, one by one.
CHECKS: dict[str, Callable[[Row], bool]] = {
    f"inliers >= {MIN_INLIERS}": lambda r: r.inliers >= MIN_INLIERS,
    MUTUAL: lambda r: r.mutual >= MIN_MUTUAL,
    f"spread >= {MIN_SPREAD} ({MIN_SPREAD_STRONG} at {STRONG_MUTUAL} mutual)": lambda r: (
        r.spread >= MIN_SPREAD or (r.mutual >= STRONG_MUTUAL and r.spread >= MIN_SPREAD_STRONG)
    ),
    f"scale within {MAX_SCALE:g}x": lambda r: 1 / MAX_SCALE <= r.scale <= MAX_SCALE,
}


def passes(row: Row, skip: str = "") -> bool:
    return all(check(row) for what, check in CHECKS.items() if what != skip)


_INDEX: FeatureIndex | None = None


def _start_worker(job: _Job) -> None:
    import cv2
    import faiss

    global _INDEX
    faiss.omp_set_num_threads(1)  # one thread a worker, as the server's requests
    cv2.setNumThreads(1)
    _INDEX = FeatureIndex.load(Path(job.index_folder))
    _INDEX.warm()


def _open(path: str) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGB")


def _fit_photo(job: _Job, i: int) -> list[Row]:
    assert _INDEX is not None, "the pool's initializer did not run"
    image = _open(job.paths[i])
    donor_at = donor_index(job.seed, i, len(job.paths))
    donor = _open(job.paths[donor_at]) if donor_at is not None else None
    rows = []
    for name in job.transforms:
        copy = TRANSFORMS[name].apply(image, rng_for(job.seed, name, i), donor)
        # As an upload is hashed: with its mirror image's features, and its trimmed view's.
        _, query = views_of(decode_for_pdq(encode_copy(copy)), QUERY_VIEWS)
        assert query is not None and query.mirror is not None
        views = [(False, False, query), (True, False, query.mirror)]
        if query.inner is not None:
            views.append((False, True, query.inner))
        for mirrored, inner, features in views:
            ranked = [c for c, _ in _INDEX.query(features)[:MAX_CANDIDATES]]
            for rank, candidate in [*enumerate(ranked), *([(-1, i)] if i not in ranked else [])]:
                found = fit(features, _INDEX.get(candidate))
                own, donor_of = candidate == i, candidate == donor_at
                kind = "own" if own else "donor" if donor_of else "unrelated"
                rows.append(
                    Row(
                        i,
                        name,
                        candidate,
                        kind,
                        rank,
                        mirrored,
                        found.inliers,
                        found.mutual,
                        round(found.spread, 5),
                        round(found.scale, 3),
                        round(found.angle, 1),
                        found.plausible and found.inliers >= MIN_INLIERS,
                        inner,
                    )
                )
    return rows


def measure(paths: list[Path], transforms: tuple[str, ...], seed: int, workers: int) -> list[Row]:
    console = stderr()
    with tempfile.TemporaryDirectory(prefix="unshared-verification-") as folder:
        index = FeatureIndex()
        with progress_bar(console) as bar:
            task = bar.add_task("registering", total=len(paths))
            for i, path in enumerate(paths):
                index.add(i, extract(decode_for_pdq(path.read_bytes())))
                bar.advance(task)
        index.save(Path(folder))
        job = _Job(folder, tuple(str(p) for p in paths), transforms, seed)
        rows: list[Row] = []
        context = multiprocessing.get_context("spawn")
        with (
            progress_bar(console) as bar,
            ProcessPoolExecutor(workers, context, _start_worker, (job,)) as pool,
        ):
            task = bar.add_task("fitting copies", total=len(paths))
            for future in as_completed(
                [pool.submit(_fit_photo, job, i) for i in range(len(paths))]
            ):
                rows.extend(future.result())
                bar.advance(task)
    return sorted(rows, key=lambda r: (r.photo, transforms.index(r.transform), r.mirrored, r.rank))


def summarise(rows: list[Row], transforms: tuple[str, ...]) -> dict[str, Any]:
    unrelated = [r for r in rows if r.kind == "unrelated"]
    widest = sorted(unrelated, key=lambda r: (-r.mutual, -r.inliers))[:5]
    per_transform = []
    for name in transforms:
        by_copy: dict[int, list[Row]] = {}
        for r in rows:
            if r.transform == name and r.kind == "own":
                by_copy.setdefault(r.photo, []).append(r)
        # A copy is caught when its own photo verifies, as itself or as its mirror image.
        caught = [any(r.verified for r in fits) for fits in by_copy.values()]
        plain = [any(r.verified and not r.mirrored for r in fits) for fits in by_copy.values()]
        without_mutual = [any(passes(r, skip=MUTUAL) for r in fits) for fits in by_copy.values()]
        mutual = [max(r.mutual for r in fits) for fits in by_copy.values()]
        per_transform.append(
            {
                "transform": name,
                "copies": len(by_copy),
                "verified": float(np.mean(caught)) if caught else None,
                "verified_without_mutual": float(np.mean(without_mutual)) if caught else None,
                "verified_as_mirror": sum(caught) - sum(plain),
                "median_mutual": float(np.median(mutual)) if mutual else None,
            }
        )
    return {
        "fits": {kind: sum(r.kind == kind for r in rows) for kind in KINDS},
        "unrelated": {
            "passing": {what: sum(map(check, unrelated)) for what, check in CHECKS.items()},
            "false_matches": sum(r.verified for r in unrelated),
            "false_matches_without_mutual": sum(passes(r, skip=MUTUAL) for r in unrelated),
            "max_inliers": max((r.inliers for r in unrelated), default=0),
            "max_mutual": max((r.mutual for r in unrelated), default=0),
            "widest": [asdict(r) for r in widest],
        },
        "own": per_transform,
    }


def markdown(summary: dict[str, Any]) -> str:
    u = summary["unrelated"]
    lines = [
        f"{summary['fits']['unrelated']:,} unrelated fits, {summary['fits']['own']:,} of copies"
        f" to their own photo, {summary['fits']['donor']:,} to the donor an edit pasted from.",
        "",
        "| unrelated fits passing | count |",
        "|---|---:|",
        *(f"| {what} | {n:,} |" for what, n in u["passing"].items()),
        f"| all the checks but the mutual one | {u['false_matches_without_mutual']:,} |",
        f"| **all of them: false matches** | **{u['false_matches']:,}** |",
        "",
        f"Most inliers of an unrelated fit: {u['max_inliers']}; most mutual best matches:"
        f" {u['max_mutual']} (a match needs {MIN_INLIERS} and {MIN_MUTUAL}).",
        "",
        "| transform | copies | own photo verified | without the mutual check |"
        " of them, as the mirror image | median mutual |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for t in summary["own"]:
        lines.append(
            f"| {t['transform']} | {t['copies']:,} | {100 * t['verified']:.1f}% |"
            f" {100 * t['verified_without_mutual']:.1f}% | {t['verified_as_mirror']:,} |"
            f" {t['median_mutual']:g} |"
        )
    return "\n".join(lines) + "\n"


def plot(rows: list[Row], path: Path) -> None:
    import matplotlib
    import matplotlib.ticker

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 5), dpi=120)
    rng = np.random.default_rng(0)  # jitter, so that equal counts do not hide each other
    styles = {"unrelated": ("#9a9a9a", "unrelated photo"), "own": ("#1f77b4", "own photo")}
    for kind, (colour, label) in styles.items():
        chosen = [r for r in rows if r.kind == kind]
        x = np.array([r.inliers for r in chosen], float) + rng.uniform(-0.3, 0.3, len(chosen))
        y = np.array([r.mutual for r in chosen], float) + rng.uniform(-0.3, 0.3, len(chosen))
        ax.scatter(x, y, s=4, alpha=0.35, color=colour, label=f"{label} ({len(chosen):,})")
    ax.axvline(MIN_INLIERS - 0.5, color="#d62728", lw=1)
    ax.axhline(MIN_MUTUAL - 0.5, color="#d62728", lw=1)
    # Linear up to twice the bars, where chance fits lie, and logarithmic past them.
    ax.set_xscale("symlog", linthresh=2 * MIN_INLIERS)
    ax.set_yscale("symlog", linthresh=2 * MIN_MUTUAL)
    ticks = [0, 5, 10, 15, 20, 30, 50, 100, 200, 500]
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_ticks(ticks, [str(t) for t in ticks])
        axis.set_minor_locator(matplotlib.ticker.NullLocator())
    ax.set_xlim(left=-1)
    ax.set_ylim(bottom=-1)
    ax.set_xlabel("inliers (agree on one similarity)")
    ax.set_ylabel("of them, mutual best matches")
    ax.set_title(f"Stage 2 fits: a match needs both red lines passed (and spread >= {MIN_SPREAD})")
    ax.legend(loc="upper left", markerscale=4)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--photos", type=Path, default=PHOTOS)
    parser.add_argument("--out", type=Path, required=True, help="folder for the JSON and PNG")
    parser.add_argument("--limit", type=int, help="a seeded sample of this many photos")
    parser.add_argument("--transforms", default=",".join(TRANSFORM_NAMES))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    transforms = tuple(t for t in args.transforms.split(",") if t)
    unknown = [t for t in transforms if t not in TRANSFORMS]
    if unknown:
        parser.error(f"unknown transforms {unknown}; known: {', '.join(TRANSFORMS)}")
    paths = find_photos(args.photos, args.limit, args.seed)
    if len(paths) < 2:
        parser.error(f"need at least 2 photos under {args.photos}")
    rows = measure(paths, transforms, args.seed, max(1, args.workers))
    summary = summarise(rows, transforms)
    args.out.mkdir(parents=True, exist_ok=True)
    results = {"photos": len(paths), "transforms": transforms, "seed": args.seed, **summary}
    (args.out / "verification.json").write_text(json.dumps(results, indent=1) + "\n")
    plot(rows, args.out / "verification.png")
    print(markdown(summary), end="")


if __name__ == "__main__":
    main()
