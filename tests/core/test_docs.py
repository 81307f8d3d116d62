"""The generated docs (CLI reference, API endpoint table) match the code."""

from __future__ import annotations

import subprocess
import sys

from tests.imaging import REPO


def test_generated_docs_are_current() -> None:
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_docs.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
