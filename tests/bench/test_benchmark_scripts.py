"""The benchmark scripts still run: each on a few pictures made here, in a second or two."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.imaging import REPO, sample_photo


def test_features_benchmark_runs(tmp_path: Path) -> None:
    for name in ("chelsea", "coffee", "rocket", "astronaut", "hubble_deep_field", "retina"):
        sample_photo(name).save(tmp_path / f"{name}.png")
    command = [sys.executable, "benchmarks/features.py", "--photos", str(tmp_path)]
    done = subprocess.run(
        [*command, "--queries", "2"], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| exact |")]
    assert len(rows) == 5  # one per edit
    assert "| inverted |" in done.stdout
    # The unchanged originals are their own first candidate and verify, with either index.
    for line in done.stdout.splitlines():
        if "| original |" in line:
            assert line.endswith("| 100.0% | 100.0% |"), line
