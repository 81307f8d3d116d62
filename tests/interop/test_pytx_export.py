"""``unshared bank export`` read back by python-threatexchange itself (issue 15).

pytx loads hash lists through its ``local_file`` exchange, which reads ``<type> <hash>`` lines
(or bare hashes with ``--signal-type``) and has no CSV reader at all: our CSV export, handed to
it, loaded 0 hashes and said nothing. ``--format pytx`` writes what it reads.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from tests.cli.test_hash_cli import run
from tests.imaging import encode
from tests.interop.pytx import counts, ok, pytx

pytest.importorskip("threatexchange")


def load_into_pytx(home: Path, listing: Path, *options: str) -> dict[str, int]:
    """Give ``listing`` to a fresh pytx as a local_file collaboration, fetch, and count."""
    ok(pytx(home, "config", "collab", "edit", "local_file", "--create", "unshared-export",
            "--filename", listing, *options))  # fmt: skip
    ok(pytx(home, "fetch"))
    return counts(home)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, photos: list[Image.Image]) -> Path:
    """A bank of 4 photos, one withdrawn, exported in every format."""
    root = tmp_path_factory.mktemp("export")
    home = root / "unshared"
    for i, image in enumerate(photos[:4]):
        (root / "photos").mkdir(exist_ok=True)
        (root / "photos" / f"{i}.png").write_bytes(encode(image, "PNG"))
    assert run("bank", "create", "ncii", home=home).returncode == 0
    added = run("bank", "add", "ncii", root / "photos", home=home)
    assert added.returncode == 0, added.stderr
    first = json.loads(added.stdout.splitlines()[0])["entries"][0]
    assert run("bank", "withdraw", "ncii", first, home=home).returncode == 0
    for fmt in ("csv", "lines", "pytx"):
        done = run("bank", "export", "ncii", "--format", fmt, home=home)
        assert done.returncode == 0, done.stderr
        (root / f"export.{fmt}").write_text(done.stdout)
    return root


def test_csv_export_is_nothing_to_pytx(exported: Path, tmp_path: Path) -> None:
    """The issue's finding, kept as a fact: pytx reads no CSV, and says nothing about it."""
    assert load_into_pytx(tmp_path, exported / "export.csv") == {}


def test_plain_lines_need_the_signal_type(exported: Path, tmp_path: Path) -> None:
    assert load_into_pytx(tmp_path / "untyped", exported / "export.lines") == {}
    typed = load_into_pytx(tmp_path / "typed", exported / "export.lines", "--signal-type", "pdq")
    assert typed == {"pdq": 3}


def test_pytx_export_loads_every_active_pdq(exported: Path, tmp_path: Path) -> None:
    listing = (exported / "export.pytx").read_text().splitlines()
    assert len(listing) == 3 and all(line.startswith("pdq ") for line in listing)
    assert load_into_pytx(tmp_path, exported / "export.pytx") == {"pdq": 3}

    # And back: what pytx writes (``dataset -P --csv``) imports into an Unshared bank.
    (tmp_path / "collab.csv").write_text(ok(pytx(tmp_path, "dataset", "-P", "--csv")))
    home = tmp_path / "unshared"
    assert run("bank", "create", "from-pytx", home=home).returncode == 0
    done = run("bank", "import", "from-pytx", tmp_path / "collab.csv", home=home)
    assert done.returncode == 0, done.stderr
    assert "read 3 records: 3 added" in " ".join(done.stderr.split())
    back = run("bank", "export", "from-pytx", "--format", "pytx", home=home).stdout
    assert sorted(back.splitlines()) == sorted(listing)


def test_a_withdrawal_reaches_a_file_copy_only_from_scratch(exported: Path, tmp_path: Path) -> None:
    """pytx's local_file exchange only ever adds: a hash gone from the next export stays in its
    state until that is cleared. (The ``unshared.pytx`` exchange deletes it on the next fetch.)"""
    listing = tmp_path / "ncii.txt"
    listing.write_text((exported / "export.pytx").read_text())
    assert load_into_pytx(tmp_path / "pytx", listing) == {"pdq": 3}

    home = exported / "unshared"
    rows = list(csv.DictReader(io.StringIO((exported / "export.csv").read_text())))
    active = next(r for r in rows if r["signal_type"] == "pdq" and r["status"] == "active")
    assert run("bank", "withdraw", "ncii", active["entry_id"], home=home).returncode == 0
    again = run("bank", "export", "ncii", "--format", "pytx", home=home)
    listing.write_text(again.stdout)
    assert len(again.stdout.splitlines()) == 2

    ok(pytx(tmp_path / "pytx", "fetch"))
    assert counts(tmp_path / "pytx") == {"pdq": 3}  # still there
    ok(pytx(tmp_path / "pytx", "fetch", "--clear"))
    ok(pytx(tmp_path / "pytx", "fetch"))
    assert counts(tmp_path / "pytx") == {"pdq": 2}
