"""The benchmark scripts still run: each on a few pictures made here, in a second or two."""

from __future__ import annotations

import json
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


def test_verification_benchmark_runs(tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    for name in ("chelsea", "coffee", "rocket", "astronaut", "hubble_deep_field", "retina"):
        sample_photo(name).save(photos / f"{name}.png")
    out = tmp_path / "out"
    command = [sys.executable, "benchmarks/verification.py", "--photos", str(photos)]
    transforms = "crop_center_80,rotate_10,chain_flip_crop_jpeg"
    options = ["--out", str(out), "--transforms", transforms, "--workers", "1"]
    done = subprocess.run(
        [*command, *options], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert done.returncode == 0, done.stderr
    results = json.loads((out / "verification.json").read_text())
    assert (out / "verification.png").read_bytes().startswith(b"\x89PNG")
    assert results["fits"]["own"] == 36  # every copy fitted to its own photo, and its mirror image
    assert results["unrelated"]["false_matches"] == 0
    assert [t["verified"] for t in results["own"]] == [1.0, 1.0, 1.0]
    # Mirrored and cropped: caught through the mirror image alone.
    assert [t["verified_as_mirror"] for t in results["own"]] == [0, 0, 6]
    assert "| **all of them: false matches** | **0** |" in done.stdout


def test_unmatched_benchmark_runs(tmp_path: Path) -> None:
    for name in ("chelsea", "coffee", "rocket", "astronaut", "hubble_deep_field", "retina"):
        sample_photo(name).save(tmp_path / f"{name}.png")
    command = [sys.executable, "benchmarks/unmatched.py", "--photos", str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = {
        line.split(" | ")[0].lstrip("| "): line.split(" | ")[1:3]
        for line in done.stdout.splitlines()
        if line.startswith("| Unshared")
    }
    # Three photos registered, the other three as uploads: none of those match, all of these.
    for kind in ("ncii", "protect"):
        assert rows[f"Unshared, {kind} bank: matches nothing"] == ["3", "0"]
        assert rows[f"Unshared, {kind} bank: a registered photo"] == ["3", "3"]


def test_upload_cost_benchmark_runs(tmp_path: Path) -> None:
    for name in ("chelsea", "coffee", "rocket", "astronaut", "hubble_deep_field", "retina"):
        sample_photo(name).save(tmp_path / f"{name}.png")
    command = [sys.executable, "benchmarks/upload_cost.py", "--photos", str(tmp_path)]
    options = ["--registered", "3", "--uploads", "3", "--grow", "8"]
    done = subprocess.run(
        [*command, *options], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert done.returncode == 0, done.stderr
    # Three photos registered and five made from them; the other three match none of them.
    assert "8 photos registered" in done.stdout and "5 synthetic" in done.stdout
    assert "3 uploads matching nothing (0 matched something)" in done.stdout
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")][1:]
    stages = [line.split(" | ")[0].lstrip("| ") for line in rows]
    assert stages[0] == "decode" and stages[-1] == "**views + matching**"
    assert "matching (FeatureIndex.matches)" in stages


def test_nprobe_benchmark_runs(tmp_path: Path) -> None:
    for name in ("chelsea", "coffee", "rocket", "astronaut", "hubble_deep_field", "retina"):
        sample_photo(name).save(tmp_path / f"{name}.png")
    command = [sys.executable, "benchmarks/nprobe.py", "--photos", str(tmp_path)]
    # An inverted file from the first descriptor, as a bank of a thousand photos has.
    options = ["--exact-limit", "0", "--sample", "3", "--transforms", "jpeg_q30,crop_center_80"]
    done = subprocess.run(
        [*command, *options], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert done.returncode == 0, done.stderr
    rows = [line.split(" | ") for line in done.stdout.splitlines() if line.startswith("| 4 |")]
    assert len(rows) == 1 and rows[0][1:3] == ["6", "0"]  # every copy its own photo, no other
    unmatched = subprocess.run(
        [*command, "--exact-limit", "0", "--unmatched"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert unmatched.returncode == 0, unmatched.stderr
    assert "| 8 | 0 | 0 |" in unmatched.stdout  # three uploads, none of them registered


def test_fuzz_benchmark_runs(tmp_path: Path) -> None:
    command = [sys.executable, "benchmarks/fuzz.py", "--minutes", "0.05", "--out", str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "crashes 0  hangs 0  untyped 0" in done.stdout


def test_hostile_benchmark_runs() -> None:
    command = [sys.executable, "benchmarks/hostile.py", "--only", "webp", "--timeout", "30"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["webp-64x3000000", "webp-64x3000"]
    assert rows[0].endswith("image_too_large")


def test_startup_benchmark_runs() -> None:
    command = [sys.executable, "benchmarks/startup.py", "--runs", "1"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| `unshared")]
    assert [row.split("`")[1] for row in rows] == ["unshared --help", "unshared hash small.jpg"]


def test_http_benchmark_runs(tmp_path: Path) -> None:
    out = tmp_path / "http.json"
    command = [sys.executable, "benchmarks/http_match.py", "--quick", "--seconds", "1"]
    done = subprocess.run(
        [*command, "--json", str(out)], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text())
    assert [(r["server"], r["size"]) for r in results["medians"]] == [
        ("bare", 20_000),
        ("unshared", 20_000),
    ]
    assert all(r["per_second"] > 0 and r["errors"] == 0 for r in results["medians"])
    # Every near copy of a banked photo matched, and nothing else did.
    info = results["info"]["20000"]
    assert info["unshared_matched"] == info["near"] == 10
    assert info["bare_matched"] == 0
    assert "| unshared | 20,000 |" in done.stdout


def test_layouts_benchmark_runs() -> None:
    command = [sys.executable, "benchmarks/layouts.py", "--size", "20000", "--tables", "8,16"]
    done = subprocess.run(
        [*command, "--rounds", "1"], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 8 |")]
    rows += [line for line in done.stdout.splitlines() if line.startswith("| 16 |")]
    assert len(rows) == 2
