"""How long the ``unshared`` command takes to start: ``--help``, and hashing one small JPEG.

Each command runs ``--runs`` times as a fresh process (``python -m unshared``, as the installed
``unshared`` script does); the median wall time is printed, with the fastest and slowest, and the
median CPU time (user + system): on a machine shared with other jobs, wall time also counts the
waits for a core, CPU time does not.
The JPEG is made here (a seeded noise picture, 320 x 240) in a temporary folder.

Python's compiled bytecode is kept between runs in a private cache (one warm-up run per command
fills it), as an installed package has it; ``--no-bytecode`` compiles every module on every run
instead (what ``PYTHONDONTWRITEBYTECODE=1`` does to an uncompiled source tree).
``--before SRC`` also times the code in the source folder ``SRC`` (``main``'s, say), each of its
runs right after the same run of the code under test, so both see the same load.

    .venv/bin/python benchmarks/startup.py [--runs N] [--before SRC] [--no-bytecode]
"""

from __future__ import annotations

import argparse
import os
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


def time_of(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    cpu, start = cpu_of_children(), time.perf_counter()
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    return time.perf_counter() - start, cpu_of_children() - cpu


def environment(tmp: Path, name: str, src: Path | None, bytecode: bool) -> dict[str, str]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(tmp / f"pycache-{name}")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="Runs of each command (default 10).")
    parser.add_argument("--before", type=Path, help="Also time the code in this source folder.")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="Compile every module on every run."
    )
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
        bytecode = not args.no_bytecode
        codes = {"": environment(Path(tmp), "after", None, bytecode)}
        if args.before:
            codes[", before"] = environment(Path(tmp), "before", args.before.resolve(), bytecode)
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        load = os.getloadavg()[0]
        for label, command in commands.items():
            for code, env in codes.items():
                if bytecode:
                    time_of(command, env)  # fills the bytecode cache
                times[label, code] = []
            for _ in range(args.runs):
                for code, env in codes.items():
                    times[label, code].append(time_of(command, env))
        print(
            f"{args.runs} runs each; wall time, then CPU time; bytecode"
            f" {'cached' if bytecode else 'compiled every run'}; load average"
            f" {load:.1f} before, {os.getloadavg()[0]:.1f} after\n"
        )
        print("| command | median | fastest | slowest | median CPU |")
        print("|---|--:|--:|--:|--:|")
        for (label, code), runs in times.items():
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            print(
                f"| `{label}`{code} | {statistics.median(walls):.3f} s | {min(walls):.3f} s"
                f" | {max(walls):.3f} s | {statistics.median(cpus):.3f} s |"
            )


if __name__ == "__main__":
    main()
