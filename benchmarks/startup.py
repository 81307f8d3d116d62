"""How long the ``unshared`` command takes to start: ``--help``, and hashing one small JPEG.

Each command runs ``--runs`` times as a fresh process (``python -m unshared``, as the installed
``unshared`` script does); the median wall time is printed, with the fastest and slowest, and the
median CPU time (user + system): on a machine shared with other jobs, wall time also counts the
waits for a core, CPU time does not.
The JPEG is made here (a seeded noise picture, 320 x 240) in a temporary folder.

    .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def times_of(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each run."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = cpu_of_children(), time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_of_children() - cpu)
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="Runs of each command (default 10).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "small.jpg"
        pixels = np.random.default_rng(0).integers(0, 256, (240, 320, 3), dtype=np.uint8)
        Image.fromarray(pixels).save(image, quality=90)
        unshared = [sys.executable, "-m", "unshared", "--home", str(Path(tmp) / "home")]
        commands = {
            "unshared --help": [*unshared, "--help"],
            "unshared hash small.jpg": [*unshared, "hash", str(image)],
        }
        print(f"{args.runs} runs each; wall time, then CPU time\n")
        print("| command | median | fastest | slowest | median CPU |")
        print("|---|--:|--:|--:|--:|")
        for label, command in commands.items():
            walls, cpus = times_of(command, args.runs)
            print(
                f"| `{label}` | {statistics.median(walls):.3f} s | {min(walls):.3f} s"
                f" | {max(walls):.3f} s | {statistics.median(cpus):.3f} s |"
            )


if __name__ == "__main__":
    main()
