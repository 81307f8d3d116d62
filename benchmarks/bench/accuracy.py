"""The accuracy benchmark: is an edited copy of a registered photo still caught, and is an
unrelated photo ever flagged? Unshared's matcher and two baselines, on the same copies.

    photos -> registered in a fresh bank -> seeded transformed copies, saved as JPEG quality 95
      -> ours:  Unshared.match_image_signals(copy)      (hashing and matching, as uploads are)
      -> PDQ:   python-threatexchange's PDQ, distance <= 31 to each original
      -> pHash: imagehash.phash (64 bits), distance <= 10 to each original
      -> recall per transform and family, false matches over unrelated pairs, cost per query

Every copy is one query. Its true pair is (copy, its original); every other registered original
makes an unrelated pair with it, except the donor photo of an edit that pastes part of the donor
in (that pair is left out, and its matches are counted apart). The unchanged originals are
queried as well, adding N x (N - 1) unrelated pairs.

The heavy bench extras (imagehash, python-threatexchange, matplotlib) are imported where used.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import platform
import random
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from importlib.util import find_spec
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from bench import DEFAULT_SEED
from bench.transforms import TRANSFORMS, families, rng_for
from unshared.bank import BankKind
from unshared.config import Settings
from unshared.errors import InvalidInput, UnsharedError
from unshared.service import Unshared

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: The bank kinds the benchmark can register the photos in (the bank is named after it).
BANK_KINDS: tuple[BankKind, ...] = ("ncii", "protect")
SUFFIXES = frozenset({".jpg", ".jpeg", ".png"})
#: Every copy is saved as this before it is matched: what a platform re-encodes an upload to.
COPY_FORMAT, COPY_QUALITY = "JPEG", 95
PDQ_THRESHOLD = 31
#: pHash's usual cut-off; imagehash documents none (see docs/accuracy.md).
PHASH_THRESHOLD = 10
METHODS = ("ours", "pdq", "phash")
LABELS = {"ours": "Unshared", "pdq": "PDQ ≤ 31", "phash": "pHash ≤ 10"}
BITS = {"pdq": 256, "phash": 64}
PER_QUERY = "per_query"
ORIGINAL = "original"  # the "transform" of an unchanged original's own file
DONOR_KEY = "(donor)"  # draws the donor photo; no transform has this name

#: ``progress(phase, done, total)``
ProgressFn = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Target:
    """A recall the issue asks of the matcher, for the transforms that it covers."""

    what: str
    recall: float
    transforms: tuple[str, ...]


def targets() -> tuple[Target, ...]:
    fam = families()
    crops = ("crop_center_90", "crop_center_80", "crop_offset_90", "crop_offset_80")
    borders = tuple(n for n in fam["border"] if n != "letterbox")
    edits = tuple(n for n in fam["edit"] if n.endswith(("_20", "_35")))
    return (
        Target("recompression", 0.99, fam["recompression"]),
        Target("resizing", 0.99, fam["resize"]),
        Target("colour and filter changes", 0.99, fam["colour_filter"]),
        Target("blur and noise", 0.99, fam["blur_noise"]),
        Target("overlays", 0.99, fam["overlay"]),
        Target("90-degree rotations and flips", 0.99, fam["rotate90_flip"]),
        Target("crops keeping 80% of each side", 0.95, crops),
        Target("borders up to 25% (meme captions too)", 0.95, borders),
        Target("letterboxes", 0.95, ("letterbox",)),
        Target("screenshots", 0.95, fam["screenshot"]),
        Target("rotations up to 10 degrees", 0.90, fam["small_rotation"]),
        Target("edits up to 35% of the area", 0.90, edits),
        # Issue 13: what abusers do with a person's photo, and real screenshots of it.
        Target("body-region replacement, 40-60%", 0.95, fam["body_swap"]),
        Target("fakes screenshotted or recompressed", 0.95, fam["body_swap_shared"]),
        Target("tight crops to 60%", 0.95, fam["tight_crop"]),
        Target("app screenshots, layered chrome", 0.95, fam["app_screenshot"]),
        Target("padded with a blurred copy", 0.95, fam["blurred_padding"]),
    )


def target_of(name: str) -> float | None:
    return next((t.recall for t in targets() if name in t.transforms), None)


@dataclass(frozen=True, slots=True)
class Options:
    photos: Path
    out: Path
    limit: int | None = None
    seed: int = DEFAULT_SEED
    transforms: tuple[str, ...] = ()  # empty: all of them
    workers: int | None = None  # None: every core
    command: str = ""
    bank_kind: BankKind = "ncii"  # protect: PDQ and the local-feature stage


@dataclass(frozen=True, slots=True)
class Measured:
    """One query: what each method made of one copy (or of an unchanged original)."""

    photo: int
    transform: str
    error: str = ""  # the transform failed, so there is no copy
    entries: tuple[int, ...] = ()  # the entries of ours' verdict, when it matched
    distances: tuple[int, ...] = ()
    ours_error: str = ""
    pdq: bytes = b""
    pdq_quality: int = 0
    phash: bytes = b""
    wall_ms: tuple[float, ...] = ()  # per method, in METHODS order
    cpu_ms: tuple[float, ...] = ()  # the same in this process's CPU time: fair on a busy machine


def find_photos(folder: Path, limit: int | None = None, seed: int = DEFAULT_SEED) -> list[Path]:
    """JPEG and PNG files under ``folder`` (recursive, sorted); with ``limit``, a seeded sample."""
    found = sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if limit is not None and limit < len(found):
        found = sorted(random.Random(seed).sample(found, limit))
    return found


def donor_index(seed: int, index: int, count: int) -> int | None:
    """The other photo whose pixels an edit of photo ``index`` may paste in."""
    if count < 2:
        return None
    pick = int(rng_for(seed, DONOR_KEY, index).integers(count - 1))
    return pick + (pick >= index)


def reads_donor(name: str) -> bool:
    """Whether a transform's output depends on its donor: tried with two different donors."""
    rng = np.random.default_rng(0)
    base, one, two = (
        Image.fromarray(rng.integers(0, 256, (48, 64, 3), dtype=np.uint8)) for _ in range(3)
    )
    transform = TRANSFORMS[name]
    first = transform.apply(base, rng_for(0, name, 0), one)
    return first.tobytes() != transform.apply(base, rng_for(0, name, 0), two).tobytes()


def encode_copy(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=COPY_FORMAT, quality=COPY_QUALITY)
    return buffer.getvalue()


# -- measuring, in worker processes ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Job:
    home: str
    paths: tuple[str, ...]
    seed: int
    names: tuple[str, ...]


class _Measurer:
    """One process's matcher, opened read-only on the benchmark's bank, and the baselines."""

    def __init__(self, job: _Job) -> None:
        import faiss

        # One search thread per process: the workers already use the cores (as in the server).
        faiss.omp_set_num_threads(1)
        self.job = job
        self.app = Unshared(Settings.load(env={}, home=Path(job.home)))
        # The indexes loaded, the baselines imported and every path run once before any clock
        # starts, so the first query does not pay for them.
        self.app.warm()
        self.measure(0, ORIGINAL, Path(job.paths[0]).read_bytes())

    def photo(self, index: int) -> list[Measured]:
        data = Path(self.job.paths[index]).read_bytes()
        out = [self.measure(index, ORIGINAL, data)]
        image = _open_rgb(data)
        donor_at = donor_index(self.job.seed, index, len(self.job.paths))
        donor = None if donor_at is None else _open_rgb(Path(self.job.paths[donor_at]).read_bytes())
        for name in self.job.names:
            try:
                copy = TRANSFORMS[name].apply(image, rng_for(self.job.seed, name, index), donor)
            except (ValueError, OSError) as exc:
                out.append(Measured(index, name, error=str(exc)))
                continue
            out.append(self.measure(index, name, encode_copy(copy)))
        return out

    def measure(self, index: int, name: str, data: bytes) -> Measured:
        import imagehash
        from threatexchange.signal_type.pdq.pdq_hasher import pdq_from_bytes

        clock = _Clock()
        entries: tuple[int, ...] = ()
        distances: tuple[int, ...] = ()
        ours_error = ""
        try:
            _, verdict = self.app.match_image_signals(data)
            if verdict.matched:
                entries = tuple(m.entry for m in verdict.matches)
                distances = tuple(m.distance for m in verdict.matches)
        except UnsharedError as exc:
            ours_error = exc.message
        laps = [clock.lap()]
        pdq_hex, quality = pdq_from_bytes(data)
        laps.append(clock.lap())
        with Image.open(io.BytesIO(data)) as decoded:
            phash = imagehash.phash(decoded)
        laps.append(clock.lap())
        return Measured(
            index,
            name,
            entries=entries,
            distances=distances,
            ours_error=ours_error,
            pdq=bytes.fromhex(pdq_hex),
            pdq_quality=int(quality),
            phash=np.packbits(np.asarray(phash.hash, dtype=np.uint8).ravel()).tobytes(),
            wall_ms=tuple(wall for wall, _ in laps),
            cpu_ms=tuple(cpu for _, cpu in laps),
        )


class _Clock:
    """Milliseconds since the last lap, on the wall clock and in this process's CPU time."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        out = (1000 * (wall - self.wall), 1000 * (cpu - self.cpu))
        self.wall, self.cpu = wall, cpu
        return out


def _open_rgb(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB")


_MEASURER: _Measurer | None = None


def _start_worker(job: _Job) -> None:
    global _MEASURER
    _MEASURER = _Measurer(job)


def _measure_photo(index: int) -> list[Measured]:
    assert _MEASURER is not None, "the pool's initializer did not run"
    return _MEASURER.photo(index)


def _measure_all(job: _Job, workers: int, progress: ProgressFn) -> list[Measured]:
    total = len(job.paths)
    progress("copies", 0, total)
    by_photo: dict[int, list[Measured]] = {}
    if workers == 1:
        measurer = _Measurer(job)
        try:
            for i in range(total):
                by_photo[i] = measurer.photo(i)
                progress("copies", i + 1, total)
        finally:
            measurer.app.close()
    else:
        # Spawned, not forked: the parent may run a progress-bar thread while it starts them.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, context, _start_worker, (job,)) as pool:
            futures = {pool.submit(_measure_photo, i): i for i in range(total)}
            for done, future in enumerate(as_completed(futures), 1):
                by_photo[futures[future]] = future.result()
                progress("copies", done, total)
    return [m for i in range(total) for m in by_photo[i]]


# -- the run --------------------------------------------------------------------------------


def run(options: Options, progress: ProgressFn | None = None) -> dict[str, Any]:
    """Register, transform, match and compare; the results as one JSON-ready dict."""
    names = options.transforms or tuple(TRANSFORMS)
    unknown = [n for n in names if n not in TRANSFORMS]
    if unknown:
        raise InvalidInput(f"unknown transforms {unknown}; known: {', '.join(TRANSFORMS)}")
    missing = [m for m in ("imagehash", "threatexchange", "matplotlib") if not find_spec(m)]
    if missing:
        raise InvalidInput(f"the benchmark needs the bench extra (missing {', '.join(missing)})")
    found = find_photos(options.photos, options.limit, options.seed)
    if not found:
        raise InvalidInput(f"no JPEG or PNG photos under {options.photos}")
    bank = options.bank_kind
    if bank not in BANK_KINDS:
        raise InvalidInput(f"the bank kind is one of {', '.join(BANK_KINDS)}, not {bank!r}")
    report = progress or (lambda phase, done, total: None)
    workers = max(1, min(options.workers or os.cpu_count() or 1, len(found)))
    versions = _versions()  # before anything runs: the commit is that of the code measured
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="unshared-accuracy-") as home:
        app = Unshared(Settings.load(env={}, home=Path(home)))
        try:
            app.create_bank(bank, bank)
            photos, skipped, owner = _register(app, bank, found, report)
            thresholds = {b.name: b.threshold("pdq") for b, _ in app.list_banks()}
        finally:
            app.close()  # saves the index, which every worker then loads
        if not photos:
            raise InvalidInput("none of the photos could be registered", skipped=len(skipped))
        job = _Job(home, tuple(str(p) for p in photos), options.seed, names)
        measured = _measure_all(job, workers, report)
    seconds = time.perf_counter() - started
    results = {
        "benchmark": "accuracy",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": options.command,
        "seed": options.seed,
        "workers": workers,
        "seconds": round(seconds, 1),
        "bank_kind": bank,
        "machine": _machine(),
        "versions": versions,
        "photos": {
            "folder": str(options.photos),
            "found": len(find_photos(options.photos)),
            "limit": options.limit,
            "used": len(photos),
            "paths": [str(p.relative_to(options.photos)) for p in photos],
            "skipped": [
                {"path": str(p.relative_to(options.photos)), "why": why} for p, why in skipped
            ],
        },
        "copies": f"saved as {COPY_FORMAT} quality {COPY_QUALITY} (Pillow, 4:2:0) before matching",
        "methods": {
            "ours": f"Unshared.match_image_signals; a {bank} bank, PDQ threshold"
            f" {thresholds[bank]}" + (", local features verified" if bank == "protect" else ""),
            "pdq": f"python-threatexchange pdq_from_bytes, distance <= {PDQ_THRESHOLD}",
            "phash": f"imagehash.phash (64 bits), distance <= {PHASH_THRESHOLD}",
        },
    }
    results.update(_analyse(photos, names, measured, owner, options.seed))
    return results


def _register(
    app: Unshared, bank: str, found: list[Path], progress: ProgressFn
) -> tuple[list[Path], list[tuple[Path, str]], dict[int, int]]:
    """Register every photo; an entry id -> its photo's index among those registered."""
    photos: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    owner: dict[int, int] = {}
    for done, path in enumerate(found, 1):
        try:
            entries = app.register_image(bank, path.read_bytes(), source="bench")
        except UnsharedError as exc:  # too plain a picture, or not an image
            skipped.append((path, exc.message))
        else:
            owner.update((e.id, len(photos)) for e in entries)
            photos.append(path)
        progress("registering", done, len(found))
    return photos, skipped, owner


def _machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "platform": platform.platform(),
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
    }


def _versions() -> dict[str, str]:
    """Package versions, and the commit of this checkout: the matcher measured is the code's."""
    out = {"commit": _commit()}
    for name in ("unshared", "numpy", "pillow", "pdqhash", "threatexchange", "imagehash"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _commit() -> str:
    import subprocess

    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=here, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", ":/src"],
            cwd=here,
            capture_output=True,
            text=True,
        )
    except OSError:
        return "unknown"
    if head.returncode:
        return "unknown"
    return head.stdout.strip() + (" with uncommitted changes in src" if dirty.stdout else "")


# -- analysis -------------------------------------------------------------------------------


def _analyse(
    photos: list[Path],
    names: Sequence[str],
    measured: list[Measured],
    owner: dict[int, int],
    seed: int,
) -> dict[str, Any]:
    n = len(photos)
    failed = [m for m in measured if m.error]
    rows = [m for m in measured if not m.error]
    donor_names = {name for name in names if reads_donor(name)}
    photo = np.array([m.photo for m in rows], dtype=np.int64)
    donor = np.array(
        [
            d
            if m.transform in donor_names and (d := donor_index(seed, m.photo, n)) is not None
            else -1
            for m in rows
        ],
        dtype=np.int64,
    )
    is_original = np.array([m.transform == ORIGINAL for m in rows])
    pairs = n - 1 - (donor >= 0)  # unrelated pairs per query
    caught: dict[str, NDArray[np.bool_]] = {}
    false: dict[str, NDArray[np.int64]] = {}
    donor_hits: dict[str, int] = {}
    wall = np.array([m.wall_ms for m in rows]).reshape(len(rows), len(METHODS))
    cpu = np.array([m.cpu_ms for m in rows]).reshape(len(rows), len(METHODS))
    cost = {
        "wall": dict(zip(METHODS, wall.T, strict=True)),
        "cpu": dict(zip(METHODS, cpu.T, strict=True)),
    }
    distances: dict[str, dict[str, Any]] = {}
    true_distance: dict[str, NDArray[np.int64]] = {}

    caught["ours"], false["ours"], donor_hits["ours"] = _ours(rows, photo, donor, owner)
    for method in ("pdq", "phash"):
        codes = np.frombuffer(b"".join(getattr(m, method) for m in rows), dtype=np.uint8)
        codes = codes.reshape(len(rows), -1)
        originals = np.empty((n, codes.shape[1]), dtype=np.uint8)
        originals[photo[is_original]] = codes[is_original]
        compared = _compare(method, codes, originals, photo, donor)
        true_distance[method] = compared.true
        caught[method] = compared.true <= _threshold(method)
        false[method], donor_hits[method] = compared.false, compared.donor_hits
        for kind in ("wall", "cpu"):
            cost[kind][method] = cost[kind][method] + compared.ms[kind]
        distances[method] = {
            "bits": BITS[method],
            "threshold": _threshold(method),
            "unrelated": compared.unrelated.tolist(),
            "true": {},
        }

    transform_of = np.array([m.transform for m in rows])
    fams = {f: [t for t in ts if t in names] for f, ts in families().items()}
    fams = {f: ts for f, ts in fams.items() if ts}
    per_transform = []
    for family, members in fams.items():
        for name in members:
            chosen = transform_of == name
            per_transform.append(
                {
                    "name": name,
                    "family": family,
                    "params": {k: str(v) for k, v in TRANSFORMS[name].params.items()},
                    "target": target_of(name),
                    "copies": int(chosen.sum()),
                    "failed": sum(m.transform == name for m in failed),
                    "recall": {k: _mean(caught[k][chosen]) for k in METHODS},
                    "false_matches": {k: int(false[k][chosen].sum()) for k in METHODS},
                    "median_distance": {
                        k: _median(true_distance[k][chosen]) for k in ("pdq", "phash")
                    },
                    "pdq_quality_under_50": int(
                        sum(m.pdq_quality < 50 for m, c in zip(rows, chosen, strict=True) if c)
                    ),
                }
            )
        chosen = np.isin(transform_of, members)
        for method in ("pdq", "phash"):
            histogram = np.bincount(true_distance[method][chosen], minlength=BITS[method] + 1)
            distances[method]["true"][family] = histogram.tolist()
    copies = ~is_original
    per_family = [
        {
            "name": family,
            "transforms": len(members),
            "copies": int(np.isin(transform_of, members).sum()),
            "recall": {k: _mean(caught[k][np.isin(transform_of, members)]) for k in METHODS},
        }
        for family, members in fams.items()
    ]
    false_matches = {}
    for method in METHODS:
        parts = {
            "copies": (copies, "each copy against every other original"),
            "originals": (is_original, "each unchanged original against every other one"),
        }
        entry: dict[str, Any] = {}
        for part, (chosen, what) in parts.items():
            entry[part] = {
                "what": what,
                "pairs": int(pairs[chosen].sum()),
                "false": int(false[method][chosen].sum()),
            }
        total_pairs, total_false = int(pairs.sum()), int(false[method].sum())
        entry["total"] = {
            "pairs": total_pairs,
            "false": total_false,
            "rate": total_false / total_pairs if total_pairs else 0.0,
            "upper95": 3 / total_pairs if total_pairs and not total_false else None,
        }
        entry["donor_pairs_left_out"] = int((donor >= 0).sum())
        entry["donor_matches"] = donor_hits[method]
        false_matches[method] = entry
    all_recall = {k: _mean(caught[k][copies]) for k in METHODS}
    return {
        "queries": len(rows),
        "transform_failures": [
            {"photo": photos[m.photo].name, "transform": m.transform, "error": m.error}
            for m in failed
        ],
        "ours_errors": sum(bool(m.ours_error) for m in rows),
        "donor_transforms": sorted(donor_names),
        "recall_all": all_recall,
        "transforms": per_transform,
        "families": per_family,
        "false_matches": false_matches,
        "cost_ms": {
            kind: {
                k: {
                    "mean": round(float(ms[k].mean()), 2),
                    "median": round(float(np.median(ms[k])), 2),
                    "p95": round(float(np.percentile(ms[k], 95)), 2),
                }
                for k in METHODS
            }
            for kind, ms in cost.items()
        },
        "targets": _targets_met(per_transform),
        "distances": distances,
        "ours_point": {
            "miss": 1 - all_recall["ours"],
            "false_match_rate": false_matches["ours"]["total"]["rate"],
        },
        # One row per query, for digging into failures; written as queries.csv, not in the JSON.
        PER_QUERY: {
            "photo": photo.tolist(),
            "transform": transform_of.tolist(),
            **{f"{k}_caught": caught[k].astype(int).tolist() for k in METHODS},
            "ours_distance": [_own_distance(m, owner) for m in rows],
            **{f"{k}_distance": true_distance[k].tolist() for k in ("pdq", "phash")},
            **{f"{k}_false": false[k].tolist() for k in METHODS},
            "pdq_quality": [m.pdq_quality for m in rows],
            **{f"{k}_cpu_ms": np.round(cost["cpu"][k], 3).tolist() for k in METHODS},
        },
    }


def _own_distance(m: Measured, owner: dict[int, int]) -> int | None:
    """How far ours found the copy's own original, if it did."""
    own = [d for e, d in zip(m.entries, m.distances, strict=True) if owner.get(e) == m.photo]
    return min(own, default=None)


def _threshold(method: str) -> int:
    return PDQ_THRESHOLD if method == "pdq" else PHASH_THRESHOLD


def _mean(values: NDArray[Any]) -> float:
    return float(values.mean()) if values.size else 0.0


def _median(values: NDArray[Any]) -> float | None:
    return float(np.median(values)) if values.size else None


def _ours(
    rows: list[Measured], photo: NDArray[np.int64], donor: NDArray[np.int64], owner: dict[int, int]
) -> tuple[NDArray[np.bool_], NDArray[np.int64], int]:
    """Caught: the verdict holds an entry of the copy's original. False: one of another photo."""
    caught = np.zeros(len(rows), dtype=np.bool_)
    false = np.zeros(len(rows), dtype=np.int64)
    donor_hits = 0
    for k, m in enumerate(rows):
        images = {owner[e] for e in m.entries if e in owner}
        caught[k] = int(photo[k]) in images
        others = images - {int(photo[k])}
        if donor[k] >= 0 and int(donor[k]) in others:
            donor_hits += 1
            others.discard(int(donor[k]))
        false[k] = len(others)
    return caught, false, donor_hits


@dataclass(frozen=True, slots=True)
class _Compared:
    true: NDArray[np.int64]  # each query's distance to its own original
    false: NDArray[np.int64]  # how many unrelated originals are within the threshold
    donor_hits: int
    unrelated: NDArray[np.int64]  # histogram of unrelated-pair distances
    ms: dict[str, float]  # the brute-force comparison's share of one query, wall and CPU


def _compare(
    method: str,
    codes: NDArray[np.uint8],
    originals: NDArray[np.uint8],
    photo: NDArray[np.int64],
    donor: NDArray[np.int64],
) -> _Compared:
    """Every query against every original, in blocks: xor and popcount on 64-bit words."""
    queries, refs = codes.view(np.uint64), originals.view(np.uint64)
    limit = _threshold(method)
    true = np.empty(len(codes), dtype=np.int64)
    false = np.zeros(len(codes), dtype=np.int64)
    unrelated = np.zeros(BITS[method] + 1, dtype=np.int64)
    donor_hits, wall, cpu = 0, 0.0, 0.0
    step = max(1, 2**22 // (len(refs) * refs.shape[1]))
    for start in range(0, len(queries), step):
        block = slice(start, start + step)
        clock = _Clock()
        d = np.bitwise_count(queries[block, None, :] ^ refs[None, :, :]).sum(axis=2, dtype=np.int64)
        within = d <= limit
        lap = clock.lap()
        wall, cpu = wall + lap[0], cpu + lap[1]
        rows = np.arange(len(d))
        own, theirs = photo[block], donor[block]
        true[block] = d[rows, own]
        unrelated_pair = np.ones(d.shape, dtype=np.bool_)
        unrelated_pair[rows, own] = False
        has = theirs >= 0
        unrelated_pair[rows[has], theirs[has]] = False
        donor_hits += int(within[rows[has], theirs[has]].sum())
        false[block] = (within & unrelated_pair).sum(axis=1)
        unrelated += np.bincount(d[unrelated_pair], minlength=BITS[method] + 1)
    share = {"wall": wall / max(1, len(codes)), "cpu": cpu / max(1, len(codes))}
    return _Compared(true, false, donor_hits, unrelated, share)


def _targets_met(per_transform: list[dict[str, Any]]) -> list[dict[str, Any]]:
    recall = {t["name"]: t["recall"]["ours"] for t in per_transform}
    out = []
    for target in targets():
        present = [n for n in target.transforms if n in recall]
        if not present:
            continue
        worst = min(present, key=lambda n: recall[n])
        out.append(
            {
                "what": target.what,
                "recall": target.recall,
                "transforms": present,
                "worst": worst,
                "worst_recall": recall[worst],
                "met": recall[worst] >= target.recall,
            }
        )
    return out


def rows_for_det(results: dict[str, Any], method: str) -> Iterator[tuple[int, float, float]]:
    """(threshold, miss rate, false-match rate) of a baseline at every distance, all copies."""
    dist = results["distances"][method]
    unrelated = np.asarray(dist["unrelated"], dtype=np.float64)
    true = np.sum([np.asarray(h, dtype=np.float64) for h in dist["true"].values()], axis=0)
    for t in range(dist["bits"] + 1):
        miss = true[t + 1 :].sum() / max(1.0, true.sum())
        fmr = unrelated[: t + 1].sum() / max(1.0, unrelated.sum())
        yield t, float(miss), float(fmr)


# -- reporting ------------------------------------------------------------------------------


def write(results: dict[str, Any], out: Path) -> list[Path]:
    """results.json, results.md and the plots in ``out``; the paths written."""
    import csv
    import json

    out.mkdir(parents=True, exist_ok=True)
    written = [out / "results.json", out / "results.md", out / "queries.csv"]
    summary = {k: v for k, v in results.items() if k != PER_QUERY}
    written[0].write_text(json.dumps(summary, indent=1) + "\n")
    written[1].write_text(markdown(summary))
    columns = results.get(PER_QUERY, {})
    with written[2].open("w", newline="") as fh:
        table = csv.writer(fh)
        table.writerow(columns)
        paths = summary["photos"]["paths"]
        for row in zip(*columns.values(), strict=True):
            table.writerow((paths[row[0]], *row[1:]))
    written += plot(summary, out)
    return written


def _pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}%"


def _rate(entry: dict[str, Any]) -> str:
    total = entry["total"]
    if total["false"]:
        return f"{total['false']:,} of {total['pairs']:,} ({total['rate']:.2e})"
    return f"0 of {total['pairs']:,} (≤ {total['upper95']:.1e} at 95%)"


def markdown(results: dict[str, Any]) -> str:
    """The tables of results.md (docs/accuracy.md quotes them)."""
    heads = " | ".join(LABELS[k] for k in METHODS)
    photos, fm = results["photos"], results["false_matches"]
    lines = [
        "# Accuracy benchmark",
        "",
        f"- command: `{results['command']}` at commit {results['versions']['commit']}",
        f"- date: {results['date']}; seed {results['seed']}; {results['seconds']:.0f} s with"
        f" {results['workers']} workers on {results['machine']['cpu']}"
        f" ({results['machine']['cores']} cores)",
        f"- Unshared: {results['methods']['ours']}",
        f"- photos: {photos['used']} registered of {photos['found']} found"
        + (f" (seeded sample of {photos['limit']})" if photos["limit"] else "")
        + f", {len(photos['skipped'])} refused; {results['queries']:,} queries; copies"
        f" {results['copies']}",
        "",
        "## Recall by family",
        "",
        f"| family | transforms | copies | {heads} |",
        "|---|---:|---:|" + "---:|" * len(METHODS),
    ]
    for f in results["families"]:
        recall = " | ".join(_pct(f["recall"][k]) for k in METHODS)
        lines.append(f"| {f['name']} | {f['transforms']} | {f['copies']:,} | {recall} |")
    everything = " | ".join(f"**{_pct(results['recall_all'][k])}**" for k in METHODS)
    lines.append(f"| **all copies** | | | {everything} |")
    lines += [
        "",
        "## Recall by transform",
        "",
        f"| family | transform | copies | {heads} | target | ours meets it |",
        "|---|---|---:|" + "---:|" * len(METHODS) + "---:|:---:|",
    ]
    for t in results["transforms"]:
        recall = " | ".join(_pct(t["recall"][k]) for k in METHODS)
        met = "" if t["target"] is None else ("yes" if t["recall"]["ours"] >= t["target"] else "no")
        lines.append(
            f"| {t['family']} | {t['name']} | {t['copies']:,} | {recall}"
            f" | {_pct(t['target'])} | {met} |"
        )
    lines += [
        "",
        "## False matches",
        "",
        "| method | copies vs other originals | originals vs each other | total | rate |",
        "|---|---:|---:|---:|---|",
    ]
    for k in METHODS:
        e = fm[k]
        lines.append(
            f"| {LABELS[k]} | {e['copies']['false']:,} of {e['copies']['pairs']:,}"
            f" | {e['originals']['false']:,} of {e['originals']['pairs']:,}"
            f" | {e['total']['false']:,} | {_rate(e)} |"
        )
    donors = fm["ours"]["donor_pairs_left_out"]
    if donors:
        hits = ", ".join(f"{LABELS[k]} {fm[k]['donor_matches']:,}" for k in METHODS)
        lines += [
            "",
            f"Left out: the {donors:,} pairs of a donor edit's copy and its donor photo, whose"
            f" pixels it contains; matched to the donor: {hits}.",
        ]
    lines += [
        "",
        "## Cost per query",
        "",
        "Milliseconds per copy in CPU time of the process that did it (the wall clock, in the"
        " last column, also counts waiting for a core on a shared machine): ours is decoding,"
        " hashing the upload and its trimmed views in 8 orientations (and, for a protect bank,"
        " its local features) and matching through the indexes and the store; the baselines"
        " are hashing, plus their brute-force comparison with every original.",
        "",
        "| method | CPU mean | CPU median | CPU 95th percentile | wall mean |",
        "|---|---:|---:|---:|---:|",
    ]
    for k in METHODS:
        c, w = results["cost_ms"]["cpu"][k], results["cost_ms"]["wall"][k]
        lines.append(
            f"| {LABELS[k]} | {c['mean']:.1f} | {c['median']:.1f} | {c['p95']:.1f}"
            f" | {w['mean']:.1f} |"
        )
    lines += [
        "",
        "## The issue's targets, for ours",
        "",
        "| target | recall | worst transform | its recall | met |",
        "|---|---:|---|---:|:---:|",
    ]
    for t in results["targets"]:
        lines.append(
            f"| {t['what']} | ≥ {_pct(t['recall'])} | {t['worst']} | {_pct(t['worst_recall'])}"
            f" | {'yes' if t['met'] else 'no'} |"
        )
    zero = fm["ours"]["total"]["false"] == 0
    lines.append(
        f"| no false matches | 0 | | {fm['ours']['total']['false']:,} | {'yes' if zero else 'no'} |"
    )
    return "\n".join(lines) + "\n"


# -- plots ----------------------------------------------------------------------------------

COLOURS = {"ours": "#0072B2", "pdq": "#E69F00", "phash": "#009E73"}  # Okabe-Ito: tell-apart safe
Row = tuple[str, dict[str, float] | None, float | None]  # label, recall per method, target


def plot(results: dict[str, Any], out: Path) -> list[Path]:
    """PNG plots, drawn with matplotlib's object API (no pyplot, no global backend)."""
    families_rows: list[Row] = [
        (f"{f['name']} ({f['transforms']})", f["recall"], None) for f in results["families"]
    ]
    groups: list[list[Row]] = []
    for f in results["families"]:
        groups.append([(f["name"], None, None)])  # a heading row
        groups[-1] += [
            (t["name"], t["recall"], t["target"])
            for t in results["transforms"]
            if t["family"] == f["name"]
        ]
    paths = [out / n for n in ("recall_families.png", "recall_transforms.png", "det.png")]
    _recall_figure([families_rows], "Recall by family: share of copies caught", paths[0])
    _recall_figure(_balance(groups), "Recall by transform (| = the issue's target)", paths[1])
    _det_figure(results, paths[2])
    return paths


def _balance(groups: list[list[Row]]) -> list[list[Row]]:
    """Two columns of whole groups, cut where the first holds about half of the rows."""
    sizes = list(accumulate(map(len, groups)))
    cut = next(i for i, size in enumerate(sizes, 1) if size >= sizes[-1] / 2)
    left = [row for group in groups[:cut] for row in group]
    right = [row for group in groups[cut:] for row in group]
    return [left, right] if right else [left]


def _recall_figure(columns: list[list[Row]], title: str, path: Path) -> None:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    # A heading row (recall None) takes less room than a row of bars.
    places = [np.cumsum([0.0] + [0.7 if r[1] is None else 1.0 for r in c[:-1]]) for c in columns]
    height = max(float(p[-1]) for p in places) + 1
    fig = Figure(figsize=(7.5 * len(columns), 1.3 + 0.4 * height), layout="constrained")
    axes = fig.subplots(1, len(columns), squeeze=False)[0]
    bar = 0.27
    for ax, rows, ys in zip(axes, columns, places, strict=True):
        for y, (_, recall, target) in zip(ys, rows, strict=True):
            if recall is None:
                continue
            for k, method in enumerate(METHODS):
                offset = (k - 1) * bar
                ax.barh(y + offset, recall[method], bar, color=COLOURS[method])
                ax.text(
                    recall[method] + 0.008,
                    y + offset,
                    _bar_label(recall[method]),
                    va="center",
                    fontsize=6.5,
                    color="#333333",
                )
            if target is not None:
                ax.plot([target, target], [y - 0.45, y + 0.45], color="black", lw=1.6)
        ax.set_yticks(ys, [r[0] for r in rows], fontsize=8.5)
        for tick, row in zip(ax.get_yticklabels(), rows, strict=True):
            if row[1] is None:
                tick.set_fontweight("bold")
                tick.set_fontsize(9.5)
        ax.set_ylim(height - 0.5, -0.6)
        ax.set_xlim(0, 1.08)
        ax.set_xticks(np.linspace(0, 1, 11), [f"{v}%" for v in range(0, 101, 10)], fontsize=8)
        ax.grid(axis="x", color="#dddddd", lw=0.6)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
    handles: list[Patch | Line2D] = [Patch(color=COLOURS[k], label=LABELS[k]) for k in METHODS]
    if any(r[2] is not None for c in columns for r in c):
        handles.append(Line2D([], [], color="black", lw=1.6, label="target"))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=9)
    fig.suptitle(title, fontsize=12)
    _save(fig, path)


def _bar_label(recall: float) -> str:
    # Near the targets a whole percent hides the difference between 99.4% and 100%.
    return f"{100 * recall:.1f}" if 0.9 <= recall < 1 else f"{100 * recall:.0f}"


def _det_figure(results: dict[str, Any], path: Path) -> None:
    """Top: miss rate against false-match rate as a baseline's threshold moves (DET); ours is a
    point. Bottom: miss rate against the threshold itself, with where false matches begin."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(13, 10.5), layout="constrained")
    axes = fig.subplots(2, 2)
    family_colours = dict(zip(results["distances"]["pdq"]["true"], _palette(), strict=False))
    point = results["ours_point"]
    for column, method in enumerate(("pdq", "phash")):
        dist = results["distances"][method]
        name, t = LABELS[method].split(" ")[0], dist["threshold"]
        unrelated = np.asarray(dist["unrelated"], dtype=np.float64)
        floor = 0.5 / unrelated.sum()
        fmr = np.maximum(np.cumsum(unrelated) / unrelated.sum(), floor)
        pooled = list(rows_for_det(results, method))
        det, by_threshold = axes[0, column], axes[1, column]
        for family, histogram in dist["true"].items():
            true = np.asarray(histogram, dtype=np.float64)
            miss = 1 - np.cumsum(true) / max(1.0, true.sum())
            det.plot(fmr, miss, color=family_colours[family], lw=1.1, label=family)
            by_threshold.plot(miss, color=family_colours[family], lw=1.1)
        pooled_miss = [r[1] for r in pooled]
        det.plot(
            np.maximum([r[2] for r in pooled], floor),
            pooled_miss,
            color="black",
            lw=2.4,
            label="all copies",
        )
        det.plot([max(pooled[t][2], floor)], [pooled[t][1]], "o", color="black", ms=8)
        det.annotate(
            f"≤ {t}",
            (max(pooled[t][2], floor), pooled[t][1]),
            xytext=(8, 6),
            textcoords="offset points",
            fontsize=10,
            fontweight="bold",
        )
        det.plot(
            [max(point["false_match_rate"], floor)],
            [point["miss"]],
            "*",
            ms=16,
            color=COLOURS["ours"],
            mec="white",
            label="Unshared (all copies)",
        )
        det.set_xscale("log")
        det.set_xlim(floor / 2, 1.0)
        det.set_xlabel(f"false-match rate over unrelated pairs (0 is drawn at {floor:.0e})")
        det.set_title(f"{name}: miss rate against false-match rate, every threshold")
        # Below: the same curves against the threshold, where the zero-false-match stretch shows.
        by_threshold.plot(pooled_miss, color="black", lw=2.4)
        by_threshold.axvline(t, color="black", ls="--", lw=1.2)
        by_threshold.annotate(
            f"≤ {t}",
            (t, 1.0),
            xytext=(4, -12),
            textcoords="offset points",
            fontsize=10,
            fontweight="bold",
        )
        nearest = int(np.flatnonzero(unrelated)[0]) if unrelated.any() else dist["bits"]
        right = min(dist["bits"], 128)
        by_threshold.axvspan(
            nearest,
            right,
            color="#f2c4c4",
            alpha=0.6,
            lw=0,
            label=f"false matches (nearest unrelated pair: {nearest})",
        )
        if method == "pdq":
            by_threshold.plot([t], [point["miss"]], "*", ms=16, color=COLOURS["ours"], mec="white")
        by_threshold.set_xlim(0, right)
        by_threshold.set_xlabel(f"{name} threshold (Hamming distance, of {dist['bits']} bits)")
        by_threshold.set_title(f"{name}: miss rate against the threshold")
        by_threshold.legend(loc="lower left", fontsize=8.5)
        for ax in (det, by_threshold):
            ax.set_ylim(-0.02, 1.02)
            ax.set_yticks(np.linspace(0, 1, 11), [f"{v}%" for v in range(0, 101, 10)])
            ax.grid(color="#dddddd", lw=0.6)
            ax.set_ylabel("miss rate (copies not caught)")
    axes[0, 1].legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8.5)
    fig.suptitle("Where the baselines could operate: misses against false matches", fontsize=12)
    _save(fig, path)


def _save(fig: Figure, path: Path) -> None:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    with Image.open(buffer) as image:
        # A 256-colour palette keeps these flat-coloured charts sharp at a third of the size.
        palette = image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE)
        palette.save(path, optimize=True)


def _palette() -> list[str]:
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    cmap = colormaps["tab20"]
    return [to_hex(cmap(i)) for i in (0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 1, 3, 5, 7)]
