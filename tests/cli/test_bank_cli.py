"""Issue 3 end to end through the CLI: create a bank, add photos, match copies, withdraw."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from bench.transforms import TRANSFORMS, rng_for
from tests.cli.test_hash_cli import run
from tests.imaging import encode

COPIES = ["jpeg_q50", "resize_0.5", "flip_lr", "rotate_90", "brightness_1.3", "blur_gauss_2"]


def lines(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_bank_life(tmp_path: Path, photos: list[Image.Image]) -> None:
    home = tmp_path / "home"
    originals, strangers = photos[:3], photos[3:]
    (tmp_path / "bank").mkdir()
    for i, image in enumerate(originals):
        (tmp_path / "bank" / f"{i}.png").write_bytes(encode(image, "PNG"))
    queries = tmp_path / "queries"
    queries.mkdir()
    for i, image in enumerate(originals):
        for name in COPIES:
            copy = TRANSFORMS[name].apply(image, rng_for(7, name, i))
            (queries / f"{i}-{name}.jpg").write_bytes(encode(copy, "JPEG", quality=90))
    for i, image in enumerate(strangers):
        (queries / f"stranger-{i}.jpg").write_bytes(encode(image, "JPEG"))

    assert run("bank", "create", "ncii-test", home=home).returncode == 0
    added = run("bank", "add", "ncii-test", tmp_path / "bank", home=home)
    assert added.returncode == 0, added.stderr
    entries = {Path(str(r["path"])).stem: r["entries"] for r in lines(added.stdout)}
    assert len(entries) == 3 and all(len(e) == 3 for e in entries.values())  # pdq, md5, sha256

    listed = lines(run("bank", "list", "--json", home=home).stdout)
    assert listed == [{"name": "ncii-test", "kind": "ncii", "thresholds": {}, "active_entries": 9}]

    matched = run("match", "--json", queries, home=home)
    assert matched.returncode == 0, matched.stderr
    verdicts = {Path(str(r["path"])).stem: r for r in lines(matched.stdout)}
    for i in range(3):
        for name in COPIES:
            verdict = verdicts[f"{i}-{name}"]
            assert verdict["matched"], f"{i}-{name}"
            found = verdict["matches"]
            assert isinstance(found, list)
            assert {m["entry"] for m in found} == {int(entries[str(i)][0])}
            assert all(m["bank"] == "ncii-test" and m["signal"] == "pdq" for m in found)
    for i in range(2):
        assert verdicts[f"stranger-{i}"]["matches"] == []

    # Withdraw the PDQ entry of photo 0: its copies stop matching at once.
    pdq_entry = entries["0"][0]
    withdrawn = run("bank", "withdraw", "ncii-test", pdq_entry, home=home)
    assert withdrawn.returncode == 0, withdrawn.stderr
    again = {
        Path(str(r["path"])).stem: r
        for r in lines(run("match", "--json", queries, home=home).stdout)
    }
    assert all(not again[f"0-{name}"]["matched"] for name in COPIES)
    assert all(again[f"1-{name}"]["matched"] for name in COPIES)

    # Export then import into a second bank: the same active PDQ hashes.
    exported = run("bank", "export", "ncii-test", home=home)
    hashes = exported.stdout.split()
    assert len(hashes) == 2
    (tmp_path / "list.txt").write_text(exported.stdout)
    assert run("bank", "create", "copy", home=home).returncode == 0
    imported = run("bank", "import", "copy", tmp_path / "list.txt", home=home)
    assert imported.returncode == 0, imported.stderr
    assert sorted(run("bank", "export", "copy", home=home).stdout.split()) == sorted(hashes)


EDITS = ["crop_offset_80", "border_blurred_25", "rotate_10", "edit_inpaint_35"]


def test_a_protect_bank_catches_edits_from_the_command_line(
    tmp_path: Path, photos: list[Image.Image]
) -> None:
    # The batch paths (bank add, match on files, hashed on worker processes) go through the
    # same stages as an upload: trimmed margins and, for protect banks, local features.
    home = tmp_path / "home"
    (tmp_path / "mine").mkdir()
    (tmp_path / "queries").mkdir()
    for i, image in enumerate(photos[:2]):
        (tmp_path / "mine" / f"{i}.png").write_bytes(encode(image, "PNG"))
        for name in EDITS:
            copy = TRANSFORMS[name].apply(image, rng_for(3, name, i))
            (tmp_path / "queries" / f"{i}-{name}.jpg").write_bytes(encode(copy, "JPEG"))
    (tmp_path / "queries" / "stranger.jpg").write_bytes(encode(photos[2], "JPEG"))

    assert run("bank", "create", "mine", "--kind", "protect", home=home).returncode == 0
    added = run("bank", "add", "mine", tmp_path / "mine", "--workers", "2", home=home)
    assert added.returncode == 0, added.stderr
    entries = {Path(str(r["path"])).stem: r["entries"] for r in lines(added.stdout)}

    matched = run("match", "--json", "--workers", "2", tmp_path / "queries", home=home)
    assert matched.returncode == 0, matched.stderr
    verdicts = {Path(str(r["path"])).stem: r for r in lines(matched.stdout)}
    for i in range(2):
        for name in EDITS:
            found = verdicts[f"{i}-{name}"]["matches"]
            assert isinstance(found, list) and found, f"{i}-{name}"
            assert {m["entry"] for m in found} == {int(entries[str(i)][0])}
    assert verdicts["stranger"]["matches"] == []


def test_errors_are_clear(tmp_path: Path) -> None:
    home = tmp_path / "home"
    missing = run("bank", "add", "nope", tmp_path, home=home)
    assert missing.returncode == 3 and "nope" in missing.stderr
    assert run("bank", "create", "dup", home=home).returncode == 0
    again = run("bank", "create", "dup", home=home)
    assert again.returncode == 4
    bad = run("bank", "create", "Bad Name!", home=home)
    assert bad.returncode == 2
    (tmp_path / "bad.txt").write_text("0" * 64 + "\nnot-a-hash\n")
    imported = run("bank", "import", "dup", tmp_path / "bad.txt", home=home)
    assert imported.returncode == 2 and "line 2" in imported.stderr


def test_the_data_folder_and_store_are_for_their_owner_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run("bank", "create", "ncii", home=home).returncode == 0
    (tmp_path / "hashes.txt").write_text("ab" * 32 + "\n")
    assert run("bank", "import", "ncii", tmp_path / "hashes.txt", home=home).returncode == 0
    db = home / "unshared.db"
    assert (home.stat().st_mode & 0o777) == 0o700
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if path.exists():  # -wal and -shm only while a connection is open
            assert (path.stat().st_mode & 0o077) == 0, path
    db.chmod(0o644)  # made by an older version: tightened on the next open
    assert run("bank", "list", home=home).returncode == 0
    assert (db.stat().st_mode & 0o777) == 0o600
