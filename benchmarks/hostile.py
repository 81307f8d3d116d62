"""What each hostile file of ``tests/hostile.py`` costs ``unshared hash``: time, peak memory,
answer.

Each file is built in a temporary folder and hashed by the real CLI in a fresh process (one
worker), timed, with its peak resident memory from ``getrusage(RUSAGE_CHILDREN)`` (one child at
a time, so the peak is that run's). A run is stopped at ``--timeout`` seconds and its address
space capped at ``--cap-mb`` (so that measuring the code before the fix does not take the
machine's memory): a run that hits either says so.

    .venv/bin/python benchmarks/hostile.py [--timeout S] [--cap-mb MB] [--only NAME]

To measure other code (the code before a fix, say), put its ``src`` first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile import HOSTILE  # noqa: E402


_CLI = "import sys; sys.argv[0] = 'unshared'; from unshared.cli import main; main()"


def measure(path: Path, timeout: float, cap_mb: int) -> tuple[float, float, str]:
    """Seconds, peak MiB and the answer (an error code or ``hash``) of one ``unshared hash``."""

    def cap() -> None:
        if cap_mb:
            resource.setrlimit(resource.RLIMIT_AS, (cap_mb << 20, cap_mb << 20))

    command = [sys.executable, "-c", _CLI, "hash", "--json", "-w", "1", str(path)]
    start = time.monotonic()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, preexec_fn=cap
        )
    except subprocess.TimeoutExpired:
        answer = f"still running at {timeout:g} s (killed)"
    else:
        lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        if lines:
            answer = lines[0].get("code", "hash")
        else:
            answer = f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"
    seconds = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, answer


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
            # RUSAGE_CHILDREN's peak is the largest over all children so far: run each file in
            # its own measuring process so that the figure is that file's.
            out = subprocess.run(
                [sys.executable, "-c", _ONE, str(path), str(args.timeout), str(args.cap_mb)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            seconds, peak, answer = json.loads(out)
            size = path.stat().st_size
            print(f"{name:24} {size:>8,} {seconds:>8.2f} {peak:>9,.0f}  {answer}", flush=True)


_ONE = """
import json, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from benchmarks.hostile import measure
print(json.dumps(measure(Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]))))
""".format(root=str(Path(__file__).resolve().parent.parent))

if __name__ == "__main__":
    main()
