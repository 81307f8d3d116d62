"""`unshared hash` end to end, as a person runs it: a real process on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PIL import Image

from tests.imaging import encode
from unshared.hashing import hash_bytes
from unshared.hashing.batch import find_images, hash_files


def run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unshared", "--home", str(home), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def make_folder(root: Path, photos: list[Image.Image]) -> dict[str, bytes]:
    files = {
        "a.jpg": encode(photos[0], "JPEG"),
        "nested/b.png": encode(photos[1], "PNG"),
        "nested/deeper/c.webp": encode(photos[2], "WEBP"),
        "broken.jpg": encode(photos[3], "JPEG")[:500],
        "empty.png": b"",
        "notes.txt": b"not an image, and not named like one",
        ".hidden.jpg": encode(photos[0], "JPEG"),
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return files


def test_folder_with_bad_files_hashes_every_good_one(
    tmp_path: Path, photos: list[Image.Image]
) -> None:
    folder = tmp_path / "photos"
    files = make_folder(folder, photos)
    result = run("hash", "--json", "--workers", "2", folder, home=tmp_path / "home")
    assert result.returncode == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    by_name = {Path(line["path"]).relative_to(folder).as_posix(): line for line in lines}
    assert set(by_name) == {
        "a.jpg",
        "nested/b.png",
        "nested/deeper/c.webp",
        "broken.jpg",
        "empty.png",
    }
    for name in ("a.jpg", "nested/b.png", "nested/deeper/c.webp"):
        expected = hash_bytes(files[name])
        assert by_name[name] == {"path": str(folder / name), **expected.to_dict()}
    assert by_name["broken.jpg"]["code"] == "corrupt_image"
    assert by_name["empty.png"]["code"] == "empty_file"
    assert "error" in by_name["broken.jpg"]
    assert "2 of 5 files could not be hashed" in result.stderr


def test_all_good_files_exit_zero_and_print_a_table(tmp_path: Path, photo: Image.Image) -> None:
    path = tmp_path / "one.png"
    path.write_bytes(encode(photo, "PNG"))
    result = run("hash", path, home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    signals = hash_bytes(path.read_bytes())
    row = next(line for line in result.stdout.splitlines() if "one.png" in line)
    cells = [cell.strip() for cell in row.strip("│ ").split("│")]
    assert cells == [str(path), "100", signals.pdq.hex, signals.md5.hex, signals.sha256.hex]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    result = run("hash", "--json", tmp_path / "nope.jpg", home=tmp_path / "home")
    assert result.returncode == 1
    assert json.loads(result.stdout)["code"] == "not_found"


def test_low_quality_threshold_is_an_option(tmp_path: Path) -> None:
    path = tmp_path / "flat.png"
    path.write_bytes(encode(Image.new("RGB", (200, 200), (90, 90, 90)), "PNG"))
    refused = json.loads(run("hash", "--json", path, home=tmp_path / "h").stdout)
    assert refused["code"] == "low_quality"
    accepted = run("hash", "--json", "--min-quality", "0", path, home=tmp_path / "h")
    assert accepted.returncode == 0
    assert json.loads(accepted.stdout)["quality"] < 50


def test_parallel_and_serial_agree(tmp_path: Path, photos: list[Image.Image]) -> None:
    make_folder(tmp_path, photos)
    paths = find_images([tmp_path])
    serial = list(hash_files(paths, workers=1))
    parallel = list(hash_files(paths, workers=2))
    assert [r.path for r in serial] == [r.path for r in parallel] == paths
    assert [r.signals for r in serial] == [r.signals for r in parallel]
    # Errors cross the process boundary intact.
    assert [type(r.error) for r in serial] == [type(r.error) for r in parallel]
    assert [r.error.detail if r.error else None for r in parallel] == [
        r.error.detail if r.error else None for r in serial
    ]
