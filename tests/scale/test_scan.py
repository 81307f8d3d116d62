"""``unshared scan`` on a local Ray instance (one per module): the same lines as ``unshared match
--json`` over generated pictures and their copies; killed midway (SIGKILL) and started again,
it finishes without scanning again what it had written."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
import ray
from PIL import Image

from tests.waiting import eventually
from unshared.config import Settings
from unshared.scale.results import to_parquet
from unshared.scale.scan import scan, start_ray
from unshared.service import Unshared

ORIGINALS = 6
#: What always matches: the originals and their re-encoded copies.
KINDS = (("original", "png"), ("copy", "jpg"))


def picture(seed: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A colour field from a seeded 12x12 grid: a distinct, robust PDQ per seed."""
    grid = np.random.default_rng(seed).integers(0, 256, (12, 12, 3), dtype=np.uint8)
    return Image.fromarray(grid).resize(size, Image.Resampling.BICUBIC)


def make_folder(folder: Path, others: int) -> list[Path]:
    """``ORIGINALS`` pictures, a re-encoded and a resized copy of each, ``others`` unrelated
    pictures and one file that is not an image; the originals' paths."""
    folder.mkdir(parents=True)
    originals = []
    for i in range(ORIGINALS):
        image = picture(i)
        image.save(folder / f"original-{i}.png")
        image.save(folder / f"copy-{i}.jpg", quality=70)
        image.resize((200, 150)).save(folder / f"small-{i}.webp")
        originals.append(folder / f"original-{i}.png")
    for i in range(others):
        picture(1000 + i).save(folder / f"other-{i:03}.jpg", quality=85)
    (folder / "broken.jpg").write_bytes(b"not an image at all")
    return originals


@pytest.fixture(scope="module")
def ray_address() -> Iterator[str]:
    start_ray(None, 2)
    yield str(ray.get_runtime_context().gcs_address)
    ray.shutdown()


@pytest.fixture
def bank(tmp_path: Path) -> tuple[Settings, Path]:
    """A data folder whose bank holds the originals; the pictures' folder."""
    settings = Settings.load(env={}, home=tmp_path / "home")
    folder = tmp_path / "backlog"
    originals = make_folder(folder, others=6)
    with Unshared(settings) as app:
        app.create_bank("backlog")
        assert all(r.ok for r, _ in app.add_images("backlog", originals, workers=1))
    return settings, folder


def test_scan_gives_the_lines_match_gives(
    ray_address: str, bank: tuple[Settings, Path], tmp_path: Path
) -> None:
    settings, folder = bank
    with Unshared(settings) as app:
        files = sorted(str(p) for p in folder.iterdir())
        want = {}
        for result, verdict in app.match_files([Path(f) for f in files], workers=1):
            if verdict is None:
                assert result.error is not None
                line = {"path": str(result.path), "error": result.error.message}
                want[str(result.path)] = {**line, "code": result.error.code}
            else:
                want[str(result.path)] = {"path": str(result.path), **verdict.to_dict()}
        snapshot = app.snapshot()
    out = tmp_path / "matches.jsonl"
    summary = scan(snapshot, settings, [str(folder)], out, workers=2)
    got = {row["path"]: row for row in map(json.loads, out.read_text().splitlines())}
    assert got == want
    matched = {Path(path).name for path, row in got.items() if row.get("matched")}
    assert {f"{kind}-{i}.{ext}" for i in range(ORIGINALS) for kind, ext in KINDS} <= matched
    assert not any(name.startswith("other-") for name in matched)
    assert (summary.scanned, summary.skipped, summary.failed) == (len(files), 0, 1)
    assert summary.matched == len(matched)

    assert to_parquet(out, tmp_path / "m.parquet") == len(files)
    table = pq.read_table(tmp_path / "m.parquet")
    assert set(table.column("path").to_pylist()) == set(want)

    again = scan(snapshot, settings, [str(folder)], out, workers=2)
    assert (again.scanned, again.skipped) == (0, len(files))

    # Read by a Ray Data source instead (any storage Ray reads): the same lines.
    through_ray = tmp_path / "through-ray.jsonl"
    scan(snapshot, settings, [f"file://{folder}"], through_ray, workers=2)
    lines = [json.loads(line) for line in through_ray.read_text().splitlines()]
    assert {row["path"]: row for row in lines} == want


def test_killed_midway_it_resumes_where_it_stopped(
    ray_address: str, bank: tuple[Settings, Path], tmp_path: Path
) -> None:
    settings, folder = bank
    for i in range(150):  # enough work that the kill lands midway
        picture(5000 + i, (640, 480)).save(folder / f"more-{i:03}.png")
    total = len(list(folder.iterdir()))
    out = tmp_path / "matches.jsonl"
    unshared = shutil.which("unshared", path=str(Path(sys.executable).parent))
    assert unshared
    command = [unshared, "--home", str(settings.home), "scan", str(folder), "-o", str(out)]
    command += ["--address", ray_address, "--workers", "2"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNSHARED_")}
    with (tmp_path / "first.log").open("wb") as log:
        first = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    assert eventually(lambda: out.exists() and out.read_text().count("\n") >= 8, every=0.01)
    first.send_signal(signal.SIGKILL)
    first.wait()
    time.sleep(0.5)  # anything still in flight from the killed driver has landed by now
    done = {json.loads(line)["path"] for line in out.read_bytes().splitlines() if line.strip()}
    assert 8 <= len(done) < total

    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr
    summary = json.loads(second.stdout.splitlines()[-1])
    lines = [json.loads(line)["path"] for line in out.read_text().splitlines()]
    assert len(lines) == len(set(lines)) == total  # every image once
    assert summary["scanned"] == total - summary["skipped"]
    assert summary["skipped"] >= len(done) - 1  # the line cut short by the kill is done again
    assert summary["matched"] >= 2 * ORIGINALS
