"""Seconds of video hashed per second of CPU: ours (``hash_video``) beside Meta's reference
(the ``vpdq`` binding's ``computeHash``) on the same files, in one run.

The videos are made at the start, with a fixed seed, from the shared Kodak photos: each a slow
pan across a few photos, H.264 in MP4, at two sizes (640x360 and 1280x720, 30 frames a second),
in a temporary folder deleted at the end. Each method hashes every file ``--repeat`` times, the
rounds taking turns; the best round counts. CPU time is this process's (the reference decodes
in threads of it) plus its children's (our ``ffprobe``). Ours hashes one frame a second in one
thread, with the header check and the exact hashes; the reference is run as python-threatexchange
runs it (one frame a second, its own choice of threads) and with one thread.

    .venv/bin/python benchmarks/video.py [--quick] [--seconds S] [--count N] [--repeat N]
        [--seed S] [--photos DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import vpdq
from PIL import Image

from unshared.hashing.video import frames_of, hash_video

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PHOTOS = REPO.parent / "shared" / "data" / "photos" / "kodak24" / "images"
SIZES = ((640, 360), (1280, 720))
FPS = 30


def make_video(photos: list[Path], size: tuple[int, int], seconds: float, out: Path) -> None:
    """A pan across each photo in turn, ``seconds`` in all, piped to FFmpeg as raw frames."""
    width, height = size
    frames = int(seconds * FPS)
    per_photo = max(1, frames // len(photos))
    command = [
        "ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24",
        "-s", f"{width}x{height}", "-r", str(FPS), "-i", "-",
        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", str(out),
    ]  # fmt: skip
    with subprocess.Popen(command, stdin=subprocess.PIPE) as ffmpeg:
        assert ffmpeg.stdin is not None
        for n in range(frames):
            photo = Image.open(photos[min(n // per_photo, len(photos) - 1)]).convert("RGB")
            big = photo.resize((int(width * 1.3), int(height * 1.3)))
            along = (n % per_photo) / max(1, per_photo - 1)
            x, y = int((big.width - width) * along), int((big.height - height) * along)
            ffmpeg.stdin.write(big.crop((x, y, x + width, y + height)).tobytes())
        ffmpeg.stdin.close()
        if ffmpeg.wait():
            raise SystemExit("ffmpeg failed")


def cpu_now() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def timed(work: Callable[[Path], object], path: Path) -> tuple[float, float]:
    """CPU and wall seconds of ``work(path)``."""
    cpu, wall = cpu_now(), time.perf_counter()
    work(path)
    return cpu_now() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=Path, default=DEFAULT_PHOTOS)
    parser.add_argument("--count", type=int, default=3, help="videos of each size")
    parser.add_argument("--seconds", type=float, default=20.0, help="each video's length")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="1 video of each size, 5 s, 1 round")
    args = parser.parse_args()
    if args.quick:
        args.count, args.seconds, args.repeat = 1, 5.0, 1
    photos = sorted(args.photos.glob("*.png")) + sorted(args.photos.glob("*.jpg"))
    if not photos:
        raise SystemExit(f"no photos in {args.photos}")
    rng = random.Random(args.seed)
    print(f"command: {shlex.join([sys.executable, *sys.argv])}")
    print(f"seed {args.seed}; {os.cpu_count()} cores; vpdq {vpdq.__file__}")
    with tempfile.TemporaryDirectory(prefix="unshared-video-bench-") as folder:
        videos: list[tuple[str, Path]] = []
        for width, height in SIZES:
            for i in range(args.count):
                out = Path(folder) / f"{width}x{height}-{i}.mp4"
                make_video(rng.sample(photos, 3), (width, height), args.seconds, out)
                videos.append((f"{width}x{height}", out))
        methods: dict[str, Callable[[Path], object]] = {
            "ours (hash_video)": lambda p: hash_video(p.read_bytes()),
            "reference, 1 thread": lambda p: vpdq.computeHash(
                str(p), seconds_per_hash=1.0, thread_count=1
            ),
            "reference, auto threads": lambda p: vpdq.computeHash(str(p), seconds_per_hash=1.0),
        }
        best: dict[tuple[str, str], tuple[float, float]] = {}
        for _ in range(args.repeat):
            for name, method in methods.items():
                for size in dict.fromkeys(s for s, _ in videos):
                    files = [p for s, p in videos if s == size]
                    cpu = wall = 0.0
                    for path in files:
                        c, w = timed(method, path)
                        cpu, wall = cpu + c, wall + w
                    kept = best.get((name, size))
                    if kept is None or cpu < kept[0]:
                        best[(name, size)] = (cpu, wall)
        # Fidelity: our one-a-second frames against the reference's on the same file.
        worst = 0
        for _, path in videos:
            ours = frames_of(path.read_bytes())
            theirs = vpdq.computeHash(str(path), seconds_per_hash=1.0)
            for a, b in zip(ours, theirs, strict=True):
                worst = max(worst, a.pdq.distance(type(a.pdq).from_hex(b.hex)))
    seconds = args.count * args.seconds
    print(f"\n{args.count} video(s) of {args.seconds:g} s per size, best of {args.repeat}")
    print(f"{'method':26} {'size':>10} {'video s / CPU s':>16} {'video s / wall s':>17}")
    for (name, size), (cpu, wall) in best.items():
        print(f"{name:26} {size:>10} {seconds / cpu:16.1f} {seconds / wall:17.1f}")
    print(f"\nlargest frame distance, ours vs the reference: {worst} bits")


if __name__ == "__main__":
    main()
