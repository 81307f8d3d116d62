"""``schemathesis run`` fuzzes every operation of the OpenAPI schema against a real server on
127.0.0.1, with an operator's key so it reaches the handlers behind authentication: no 500s."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.conftest import live_server


def test_schemathesis_finds_no_server_errors(tmp_path: Path) -> None:
    runner = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    if runner is None:
        pytest.skip("schemathesis is not installed (the dev extra has it)")
    # Generous limits: the fuzzer must reach the handlers, not the rate limiter.
    with live_server(
        f"sqlite:///{tmp_path / 'db.sqlite'}",
        tmp_path / "home",
        case_creations_per_hour=100_000,
        pin_attempts_per_hour=100_000,
    ) as server:
        run = subprocess.run(
            [
                runner,
                "run",
                f"{server.url}/openapi.json",
                "--checks",
                "not_a_server_error",
                "--max-examples",
                "30",
                "--header",
                f"Authorization: Bearer {server.admin_key}",
                "--seed",
                "1",
            ],
            capture_output=True,
            text=True,
            timeout=900,
            cwd=tmp_path,
        )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    counts = re.search(r"(\d+) generated, (\d+) passed", run.stdout)
    assert counts and int(counts[1]) == int(counts[2]) > 100, run.stdout[-3000:]
