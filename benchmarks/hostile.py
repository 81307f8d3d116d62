"""What each hostile file of ``tests/hostile.py`` costs ``unshared hash``: time, peak memory,
answer.

Each file is built in a temporary folder and hashed by the real CLI in a fresh process (one
worker), timed, with its peak resident memory from ``getrusage(RUSAGE_CHILDREN)`` of a process
that runs it alone. A run is stopped at ``--timeout`` seconds and its address space capped at
``--cap-mb`` (``prlimit``) (so that measuring the code before the fix does not take the
machine's memory): a run that hits either says so.

    .venv/bin/python benchmarks/hostile.py [--timeout S] [--cap-mb MB] [--only NAME]

To measure other code (the code before a fix, say), put its ``src`` first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile import CLI, HOSTILE, run_measured


def measure(path: Path, timeout: float, cap_mb: int) -> tuple[float, float, str]:
    """Seconds, peak MiB and the answer (an error code or ``hash``) of one ``unshared hash``."""
    prefix = ["prlimit", f"--as={cap_mb << 20}"] if cap_mb else []
    command = [*prefix, *CLI, "hash", "--json", "-w", "1", str(path)]
    seconds, peak, code, stdout, stderr = run_measured(command, timeout)
    lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    if code is None:
        answer = f"still running at {timeout:g} s (stopped)"
    elif lines:
        answer = lines[0].get("code", "hash")
    else:
        answer = f"exit {code}: {stderr.strip().splitlines()[-1:]}"
    return seconds, peak / (1 << 20), answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=150.0)
    parser.add_argument("--cap-mb", type=int, default=6144)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    print(f"{'file':24} {'bytes':>8} {'seconds':>8} {'peak MiB':>9}  answer")
    with tempfile.TemporaryDirectory() as folder:
        for name, build in HOSTILE.items():
            if args.only and args.only not in name:
                continue
            path = Path(folder) / f"{name}.{name.split('-')[0]}"
            path.write_bytes(build())
            seconds, peak, answer = measure(path, args.timeout, args.cap_mb)
            size = path.stat().st_size
            print(f"{name:24} {size:>8,} {seconds:>8.2f} {peak:>9,.0f}  {answer}", flush=True)


if __name__ == "__main__":
    main()
