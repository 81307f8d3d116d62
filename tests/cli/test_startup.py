"""The command starts fast because it imports only what the command it runs needs.

These tests check which modules are loaded, not how long it takes (timings belong to
``benchmarks/startup.py``): an eager import of a heavy library at module level fails them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.main
from PIL import Image

from tests.imaging import encode

#: Libraries that cost tens to hundreds of milliseconds to import, none needed to print help.
HEAVY = (
    "numpy",
    "PIL",
    "pillow_heif",
    "pdqhash",
    "pydantic",
    "concurrent.futures.process",
    "PIL.TiffImagePlugin",
    "PIL.PdfImagePlugin",
    "cv2",
    "faiss",
    "fastapi",
    "uvicorn",
    "httpx",
    "psycopg",
    "ray",
    "pyarrow",
    "unshared.service",
    "unshared.hashing",
    "unshared.bank",
    "unshared.index",
    # Lighter, but loaded only by the commands that use them:
    "rich.console",  # printing, not help
    "rich.markup",
    "rich.markdown",  # Typer's Rich help, with its tracebacks and pretty-printer
    "rich.traceback",
    "typer.rich_utils",
    "rich.progress",  # a progress bar, drawn on a terminal only
    "multiprocessing",  # a process pool, for more than one file
    "unshared.hashing.pool",
    "unshared.hashing.video",  # a video's hasher: ffprobe, temporary files
    "tomllib",  # a settings file, read when there is one
)
#: Of those, what hashing a JPEG on this device needs: no server, bank, index or network, no
#: pydantic for the command's parameters, no process pool or video hasher for one picture, no
#: Pillow plugin or pillow-heif for formats it is not (see
#: ``unshared.hashing.decode._load_openers``), and of Rich only its console.
HASHING = ("numpy", "PIL", "pdqhash", "unshared.hashing")
PRINTING = ("rich.console", "rich.markup")

_PROBE = """
import json, sys
import unshared.cli
for argv in {argvs!r}:
    try:
        unshared.cli.app(argv, prog_name="unshared")
    except SystemExit as exc:
        assert not exc.code, (argv, exc.code)
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def loaded_after(*argvs: list[str]) -> list[str]:
    """The heavy modules loaded by a fresh interpreter that imports the CLI and runs ``argvs``."""
    probe = _PROBE.format(argvs=list(argvs), heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    return list(json.loads(done.stdout.splitlines()[-1]))


def test_importing_the_cli_loads_no_heavy_library() -> None:
    assert loaded_after() == []


def test_help_of_every_command_loads_no_heavy_library() -> None:
    helps = [
        ["--help"],
        ["hash", "--help"],
        ["bank", "--help"],
        ["bank", "add", "--help"],
        ["match", "--help"],
        ["sync", "--help"],
        ["report", "--help"],
        ["case", "--help"],
        ["serve", "--help"],
        ["keys", "--help"],
        ["evidence", "--help"],
    ]
    assert loaded_after(*helps) == []


def test_hashing_a_file_loads_only_the_image_libraries(tmp_path: Path, photo: Image.Image) -> None:
    image = tmp_path / "a.jpg"
    image.write_bytes(encode(photo, "JPEG"))
    argv = ["--home", str(tmp_path / "home"), "hash", "--json", str(image)]
    assert loaded_after(argv) == sorted([*HASHING, *PRINTING])


def test_printing_the_table_of_a_file_loads_no_progress_bar_when_piped(
    tmp_path: Path, photo: Image.Image
) -> None:
    image = tmp_path / "a.jpg"
    image.write_bytes(encode(photo, "JPEG"))
    argv = ["--home", str(tmp_path / "home"), "hash", str(image)]
    assert loaded_after(argv) == sorted([*HASHING, *PRINTING])


def test_a_settings_file_is_still_read(tmp_path: Path, photo: Image.Image) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "unshared.toml").write_text("pdq_min_quality = 101\n")
    image = tmp_path / "a.jpg"
    image.write_bytes(encode(photo, "JPEG"))
    probe = _PROBE.split("for argv")[0] + (
        f"unshared.cli.app(['--home', {str(home)!r}, 'hash', {str(image)!r}], prog_name='unshared')"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 1 and "PDQ quality" in done.stdout, done.stderr


def test_hashing_a_heic_file_loads_pillow_heif(tmp_path: Path, photo: Image.Image) -> None:
    image = tmp_path / "a.heic"
    image.write_bytes(encode(photo, "HEIF", quality=90))
    argv = ["--home", str(tmp_path / "home"), "hash", "--json", str(image)]
    assert loaded_after(argv) == sorted([*HASHING, *PRINTING, "pillow_heif"])


def test_a_number_given_is_still_checked_by_typer(tmp_path: Path) -> None:
    # Plain parameters skip Typer's pydantic coercion (``unshared.cli.coercion``); a number
    # still goes through it, bounds and all.
    probe = _PROBE.split("for argv")[0] + (
        "unshared.cli.app(['hash', '--workers', '0', 'x.jpg'], prog_name='unshared')"
    )
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert done.returncode == 2, done.stderr
    assert "--workers" in done.stderr and "greater than or equal to 1" in done.stderr


def test_importing_unshared_loads_no_heavy_library() -> None:
    probe = f"import sys, unshared; print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_top_level_command_builds_no_command_group(
    tmp_path: Path, photo: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Typer builds each command from its annotations: ``unshared hash`` builds no group's.
    import unshared.cli

    built: list[object] = []

    def get_group(sub: typer.Typer) -> object:
        built.append(sub)
        return typer.main.get_group(sub)

    monkeypatch.setattr(unshared.cli, "get_group", get_group)
    image = tmp_path / "a.jpg"
    image.write_bytes(encode(photo, "JPEG"))
    argv = ["--home", str(tmp_path / "home"), "hash", "--json", str(image)]
    with pytest.raises(SystemExit) as done:
        unshared.cli.app(argv, prog_name="unshared")
    assert done.value.code == 0 and built == []
    with pytest.raises(SystemExit):
        unshared.cli.app(["bank", "--help"], prog_name="unshared")
    assert built == [unshared.cli.bank.bank_app]
