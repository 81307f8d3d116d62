"""python-threatexchange's own CLI, run as a platform runs it: ``threatexchange ARGS`` in a
process of its own, with its own home folder (so its state, its config and any key file are
under the test's ``tmp_path``, never the user's home) and this checkout of Unshared importable,
so ``threatexchange config extensions add unshared.pytx`` loads the exchange from here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import unshared

SRC = Path(unshared.__file__).resolve().parent.parent


def pytx(
    home: Path, *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``threatexchange ARGS`` with ``HOME=home``."""
    home.mkdir(parents=True, exist_ok=True)
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("TX_")}
    path = os.pathsep.join(p for p in (str(SRC), inherited.get("PYTHONPATH", "")) if p)
    environ = {
        **inherited,
        "HOME": str(home),
        "TX_STATEDIR": str(home / ".threatexchange"),
        "PYTHONPATH": path,
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "threatexchange", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        env=environ,
        cwd=home,
    )


def ok(done: subprocess.CompletedProcess[str]) -> str:
    """Its standard output, once it is known to have succeeded."""
    assert done.returncode == 0, f"{done.args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def counts(home: Path) -> dict[str, int]:
    """``threatexchange dataset``: how many signals of each type its fetched state holds."""
    out: dict[str, int] = {}
    for line in ok(pytx(home, "dataset")).splitlines():
        name, _, count = line.partition(":")
        if count.strip().isdigit():
            out[name.strip()] = int(count)
    return out
