"""Two real ``unshared serve`` processes over one PostgreSQL store share one budget of wrong PINs
and one of new cases: a second process is no second chance for a guesser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

from tests.api.conftest import wait_ready
from tests.api.test_api import MD5, assert_error

WRONG = {"pin": "AAAAA-AAAAA"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serve(store_url: str, home: Path, *args: str, **env: str) -> Iterator[str]:
    """``unshared --home HOME serve ARGS`` in a process of its own; yields its URL once ready."""
    unshared = shutil.which("unshared", path=str(Path(sys.executable).parent))
    assert unshared, "the unshared command is not installed next to this Python"
    port = _free_port()
    home.mkdir(parents=True)
    environ = {
        **{k: v for k, v in os.environ.items() if not k.startswith("UNSHARED_")},
        "UNSHARED_STORE_URL": store_url,
        **{f"UNSHARED_{k.upper()}": v for k, v in env.items()},
    }
    with (home / "server.log").open("wb") as log:
        process = subprocess.Popen(
            [unshared, "--home", str(home), "serve", "--port", str(port), *args],
            env=environ,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(
            url, lambda: None if process.poll() is None else (home / "server.log").read_text()
        )
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_two_processes_share_one_budget(postgres_schema_url: str, tmp_path: Path) -> None:
    limits = {"pin_attempts_per_hour": "4", "case_creations_per_hour": "3"}
    with ExitStack() as stack:
        urls = [
            stack.enter_context(_serve(postgres_schema_url, tmp_path / name, **limits))
            for name in ("a", "b")
        ]
        a, b = (stack.enter_context(httpx.Client(base_url=u, timeout=30)) for u in urls)
        made = [http.post("/v1/cases", json={"images": [{"md5": MD5}]}) for http in (a, b, a, b, a)]
        assert [r.status_code for r in made] == [201, 201, 201, 429, 429]
        number, pin = made[0].json()["case"], made[0].json()["pin"]
        # The owner's right PIN, on either server, spends nothing.
        for http in (a, b, a):
            assert http.post(f"/v1/cases/{number}/status", json={"pin": pin}).status_code == 200
        tries = [http.post(f"/v1/cases/{number}/status", json=WRONG) for http in (a, b, a, b, a, b)]
        assert [r.status_code for r in tries] == [401, 401, 401, 401, 429, 429]
        for http in (a, b):
            r = http.post(f"/v1/cases/{number}/withdraw", json={"pin": pin})
            assert_error(r, 429, "rate_limited")
            assert 1 <= int(r.headers["Retry-After"]) <= 3600
