"""The accuracy benchmark's runner: files, recall, false matches, determinism and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw

from bench import accuracy
from bench.accuracy import METHODS, Options, find_photos, reads_donor, run, write
from bench.transforms import TRANSFORMS
from tests.imaging import REPO, sample_photo
from unshared.errors import InvalidInput

NAMES = ("jpeg_q70", "resize_0.5", "flip_lr", "edit_donor_20")
SEED = 7
REGISTERED = 5


def shapes(seed: int, size: tuple[int, int] = (240, 180)) -> Image.Image:
    """Seeded ellipses and rectangles on a smooth colour field: plenty of PDQ detail."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, (6, 8, 3), dtype=np.uint8)
    image = Image.fromarray(coarse).resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.uniform(0, size[0]), rng.uniform(0, size[1])
        w, h = rng.uniform(10, size[0] / 2), rng.uniform(10, size[1] / 2)
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x, y, x + w, y + h), fill=colour)
    return image


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five clearly different pictures in two subfolders, a flat one and files to ignore."""
    root = tmp_path_factory.mktemp("photos")
    (root / "cats").mkdir()
    (root / "made").mkdir()
    sample_photo("chelsea").save(root / "cats" / "chelsea.png")
    sample_photo("coffee").reduce(2).save(root / "cats" / "coffee.jpg", quality=92)
    sample_photo("rocket").reduce(2).save(root / "rocket.JPG", quality=92)
    for seed in (1, 2):
        shapes(seed).save(root / "made" / f"shapes_{seed}.png")
    Image.new("RGB", (120, 90), (128, 128, 128)).save(root / "made" / "flat.png")
    (root / "notes.txt").write_text("not a photo")
    shapes(3).save(root / ".hidden.png")
    return root


@pytest.fixture(scope="module")
def results(photos: Path) -> dict[str, Any]:
    return run(Options(photos, photos / "unused", seed=SEED, transforms=NAMES, workers=1))


def by_name(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["name"]: t for t in results["transforms"]}


def test_find_photos_is_recursive_and_samples_by_seed(photos: Path) -> None:
    found = find_photos(photos)
    assert [p.relative_to(photos).as_posix() for p in found] == [
        "cats/chelsea.png",
        "cats/coffee.jpg",
        "made/flat.png",
        "made/shapes_1.png",
        "made/shapes_2.png",
        "rocket.JPG",
    ]
    sample = find_photos(photos, limit=3, seed=1)
    assert len(sample) == 3 and sample == sorted(sample)
    assert sample == find_photos(photos, limit=3, seed=1)
    assert {tuple(find_photos(photos, limit=3, seed=s)) for s in range(8)} != {tuple(sample)}


def test_writes_json_markdown_csv_and_plots(results: dict[str, Any], tmp_path: Path) -> None:
    written = write(results, tmp_path)
    names = {p.name for p in written}
    assert {"results.json", "results.md", "queries.csv", "det.png"} <= names
    assert {"recall_families.png", "recall_transforms.png"} <= names
    summary = json.loads((tmp_path / "results.json").read_text())
    assert summary["seed"] == SEED
    assert summary["photos"]["used"] == REGISTERED
    assert {"pdqhash", "threatexchange", "imagehash"} <= set(summary["versions"])
    assert [t["name"] for t in summary["transforms"]] == list(NAMES)
    assert accuracy.PER_QUERY not in summary
    markdown = (tmp_path / "results.md").read_text()
    for heading in ("Recall by family", "Recall by transform", "False matches", "Cost per query"):
        assert f"## {heading}" in markdown
    rows = (tmp_path / "queries.csv").read_text().splitlines()
    assert len(rows) == 1 + REGISTERED * (1 + len(NAMES))
    for png in tmp_path.glob("*.png"):
        with Image.open(png) as image:
            assert image.format == "PNG" and image.width > 500


def test_a_flat_picture_is_refused_and_left_out(results: dict[str, Any]) -> None:
    (skipped,) = results["photos"]["skipped"]
    assert skipped["path"] == "made/flat.png"
    assert "quality" in skipped["why"]


def test_identity_like_edits_are_always_caught(results: dict[str, Any]) -> None:
    rows = by_name(results)
    for name in ("jpeg_q70", "resize_0.5"):
        assert rows[name]["copies"] == REGISTERED
        assert rows[name]["recall"] == {m: 1.0 for m in METHODS}
    # Only ours tries the mirror images; the plain hashes lose a flipped copy.
    assert rows["flip_lr"]["recall"]["ours"] == 1.0
    assert rows["flip_lr"]["recall"]["pdq"] == 0.0


def test_no_false_matches_between_clearly_different_pictures(results: dict[str, Any]) -> None:
    n, copies = REGISTERED, REGISTERED * len(NAMES)
    for method in METHODS:
        fm = results["false_matches"][method]
        # Each donor edit's copy leaves out the pair with its donor photo.
        assert fm["copies"]["pairs"] == copies * (n - 1) - n
        assert fm["originals"]["pairs"] == n * (n - 1)
        assert fm["donor_pairs_left_out"] == n
        assert fm["total"]["false"] == 0
        assert fm["total"]["upper95"] == pytest.approx(3 / fm["total"]["pairs"])


def test_costs_and_distances_are_recorded(results: dict[str, Any]) -> None:
    for method in METHODS:
        assert results["cost_ms"]["cpu"][method]["mean"] > 0
        assert results["cost_ms"]["wall"][method]["mean"] > 0
    for method, bits in (("pdq", 256), ("phash", 64)):
        dist = results["distances"][method]
        assert len(dist["unrelated"]) == bits + 1
        assert sum(dist["unrelated"]) == results["false_matches"][method]["total"]["pairs"]
        rows = list(accuracy.rows_for_det(results, method))
        assert rows[-1][1:] == (0.0, 1.0)  # at the widest threshold: no misses, all matched


def test_the_same_seed_gives_the_same_results(photos: Path) -> None:
    names = ("noise_gauss_10", "edit_fill_35")

    def once(seed: int) -> dict[str, Any]:
        out = run(Options(photos, photos / "x", limit=3, seed=seed, transforms=names, workers=1))
        return {k: v for k, v in out[accuracy.PER_QUERY].items() if not k.endswith("_ms")}

    first = once(SEED)
    assert first == once(SEED)
    assert first != once(SEED + 1)


def test_donor_reading_transforms_are_found() -> None:
    assert reads_donor("edit_donor_20")
    assert not reads_donor("edit_fill_20")
    assert not reads_donor("chain_random")


def test_every_target_names_known_transforms() -> None:
    for target in accuracy.targets():
        assert target.transforms
        assert set(target.transforms) <= set(TRANSFORMS)


def test_unknown_transform_and_empty_folder_are_refused(photos: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="unknown transforms"):
        run(Options(photos, tmp_path, transforms=("jpeg_q70", "sepiaa")))
    with pytest.raises(InvalidInput, match="no JPEG or PNG"):
        run(Options(tmp_path, tmp_path))
    with pytest.raises(InvalidInput, match="bank kind"):
        run(Options(photos, tmp_path, bank_kind="allow"))


def test_a_protect_bank_adds_the_feature_stage(photos: Path) -> None:
    # A crop that plain PDQ never survives: the protect bank's features catch it.
    names = ("crop_center_80",)
    out = run(Options(photos, photos / "x", seed=SEED, transforms=names, bank_kind="protect"))
    assert out["bank_kind"] == "protect"
    assert "local features" in out["methods"]["ours"]
    (crop,) = out["transforms"]
    assert crop["recall"]["pdq"] == 0
    assert crop["recall"]["ours"] == 1
    assert out["false_matches"]["ours"]["total"]["false"] == 0


@pytest.mark.slow
def test_script_runs_end_to_end_with_worker_processes(photos: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "benchmarks/accuracy.py", "--photos", str(photos)]
    command += ["--out", str(out), "--limit", "4", "--transforms", "jpeg_q70,flip_lr"]
    command += ["--workers", "2", "--seed", "3"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "all copies" in done.stdout
    summary = json.loads((out / "results.json").read_text())
    assert summary["workers"] == 2
    assert summary["command"].startswith("python benchmarks/accuracy.py --photos")
    assert (out / "recall_transforms.png").is_file()
