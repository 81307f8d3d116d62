"""How soon a change made through one server process counts in another over the same PostgreSQL.

Starts two ``unshared serve`` processes on 127.0.0.1 over a fresh schema of the local PostgreSQL,
each with its own data folder (as on two hosts), ``feed_poll`` as given. Then, ``--cases``
times: a case made through A, and B asked to match its hash until it does (an addition counts
elsewhere once B's feed follower has read it: the bound is ``feed_poll`` plus the time to read
and apply it); the case withdrawn through A, and B asked at once, then until it stops (a
withdrawal counts at once: every candidate is read back from the store).

    .venv/bin/python benchmarks/processes.py --cases 20 --feed-poll 0.25
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import numpy as np
import psycopg
from psycopg import sql

from unshared.actions.platforms import Platforms
from unshared.bank import open_store

POSTGRES = os.environ.get("UNSHARED_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def schema() -> Iterator[str]:
    name = f"unshared_bench_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(POSTGRES, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


@contextmanager
def serve(store_url: str, home: Path, feed_poll: float) -> Iterator[str]:
    unshared = shutil.which("unshared", path=str(Path(sys.executable).parent))
    assert unshared
    port = _port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNSHARED_")}
    env |= {
        "UNSHARED_STORE_URL": store_url,
        "UNSHARED_FEED_POLL": str(feed_poll),
        "UNSHARED_CASE_CREATIONS_PER_HOUR": "100000",
    }
    home.mkdir(parents=True)
    with (home / "server.log").open("wb") as log:
        process = subprocess.Popen(
            [unshared, "--home", str(home), "serve", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError((home / "server.log").read_text())
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--feed-poll", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    added: list[float] = []
    withdrawn: list[float] = []
    at_once = 0
    with ExitStack() as stack:
        store_url = stack.enter_context(schema())
        with open_store(store_url) as store:
            _, key = Platforms(store, 1000).create_key("bench", "platform", actor="bench")
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        a_url, b_url = (
            stack.enter_context(serve(store_url, tmp / n, args.feed_poll)) for n in ("a", "b")
        )
        a = stack.enter_context(httpx.Client(base_url=a_url, timeout=30))
        b = stack.enter_context(httpx.Client(base_url=b_url, timeout=30))
        auth = {"Authorization": f"Bearer {key}"}

        def matched(pdq: str) -> bool:
            r = b.post("/v1/match", json={"pdq": [pdq]}, headers=auth)
            r.raise_for_status()
            return bool(r.json()["matched"])

        for _ in range(args.cases):
            pdq = rng.integers(0, 256, 32, dtype=np.uint8).tobytes().hex()
            made = a.post("/v1/cases", json={"images": [{"pdq": pdq, "quality": 90}]})
            made.raise_for_status()
            start = time.perf_counter()
            while not matched(pdq):
                pass
            added.append(time.perf_counter() - start)
            body = made.json()
            a.post(f"/v1/cases/{body['case']}/withdraw", json={"pin": body["pin"]})
            start = time.perf_counter()
            at_once += not matched(pdq)
            while matched(pdq):
                pass
            withdrawn.append(time.perf_counter() - start)
            time.sleep(float(rng.uniform(0, args.feed_poll)))  # land anywhere in B's poll

    def ms(values: list[float], q: float) -> str:
        return f"{np.percentile(np.array(values) * 1e3, q):.0f} ms"

    print(f"{args.cases} cases, feed_poll {args.feed_poll} s, two processes over PostgreSQL")
    print(
        f"an addition through A matched through B after: median {ms(added, 50)}, "
        f"p95 {ms(added, 95)}, max {ms(added, 100)}"
    )
    print(
        f"a withdrawal through A: B's very next match no longer matched in {at_once} of "
        f"{args.cases}; until it stopped: max {ms(withdrawn, 100)}"
    )


if __name__ == "__main__":
    main()
