"""A real ``unshared serve`` killed with SIGKILL again and again while people make cases.

Clients act as Unshared's own do: each new case goes with a random ``Idempotency-Key``, and a
request without an answer (refused, cut off, timed out, 5xx) is sent again with the same key
until it gets one. When it is over, every entry of the person bank must belong to a case whose
number and PIN some client was given, and that PIN must open it: no live hash that nobody can
withdraw. Over SQLite and over PostgreSQL.

``CRASH_FIGURES`` (an environment variable naming a file) appends this run's figures to it.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import wait_ready
from unshared.actions.cases import PERSON_BANK, Cases
from unshared.bank import open_store

#: How often the server is killed, per store.
KILLS = 12
WORKERS = 4
SEED = 10


@dataclass
class Tally:
    """What the clients saw, shared by their threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    #: key -> (request body, the answer: case number and PIN)
    acknowledged: dict[str, tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=dict)
    #: Answers lost (no answer, or a 5xx), later sent again with the same key.
    lost: int = 0
    #: Retries answered with a case made by an earlier try whose answer was lost.
    replayed: int = 0
    #: Requests that ended in a 4xx: there must be none.
    refused: list[str] = field(default_factory=list)


class Server:
    """``unshared serve`` in a child process, started and killed at will."""

    def __init__(self, home: Path, store_url: str) -> None:
        self.home = home
        home.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "UNSHARED_STORE_URL": store_url,
            "UNSHARED_CASE_CREATIONS_PER_HOUR": "1000000",
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.log = home / "server.log"

    def start(self) -> None:
        unshared = Path(sys.executable).with_name("unshared")
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [str(unshared), "--home", str(self.home), "serve", "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        process = self.process
        wait_ready(
            self.url, lambda: None if process.poll() is None else self.log.read_text()[-2000:]
        )

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(timeout=30) == -signal.SIGKILL

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


@contextmanager
def running(home: Path, store_url: str) -> Iterator[Server]:
    server = Server(home, store_url)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def new_body(rng: random.Random) -> dict[str, Any]:
    """A new case of 2 to 6 images, each with hashes no other request has."""
    return {
        "images": [
            {"pdq": rng.randbytes(32).hex(), "quality": 90, "md5": rng.randbytes(16).hex()}
            for _ in range(rng.randint(2, 6))
        ]
    }


def client(url: str, tally: Tally, stop: threading.Event, seed: int) -> None:
    """One person's device: a new case, sent until it is answered; then the next."""
    rng = random.Random(seed)
    with httpx.Client(base_url=url, timeout=5) as http:
        while not stop.is_set():
            body, key = new_body(rng), secrets.token_urlsafe(24)
            send_until_answered(http, tally, body, key)


def send_until_answered(
    http: httpx.Client, tally: Tally, body: dict[str, Any], key: str, patience: float = 90
) -> None:
    tried = False
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            r = http.post("/v1/cases", json=body, headers={"Idempotency-Key": key})
        except httpx.TransportError:
            tried = True
            time.sleep(0.05)
            continue
        if r.status_code >= 500:
            tried = True
            time.sleep(0.05)
            continue
        with tally.lock:
            if r.status_code != 201:
                tally.refused.append(f"{r.status_code} {r.text}")
                return
            tally.acknowledged[key] = (body, r.json())
            tally.lost += tried
            tally.replayed += r.headers.get("Idempotent-Replayed") == "true"
        return
    raise TimeoutError("a case request was not answered in time")


def test_a_server_killed_during_case_creations_leaves_no_hash_outside_a_known_case(
    new_store_url: Callable[[], str], store_kind: str, tmp_path: Path
) -> None:
    store_url = new_store_url()
    rng = random.Random(SEED)
    tally = Tally()
    stop = threading.Event()
    started = time.monotonic()
    with running(tmp_path / "home", store_url) as server:
        workers = [
            threading.Thread(target=client, args=(server.url, tally, stop, SEED * 100 + n))
            for n in range(WORKERS)
        ]
        for worker in workers:
            worker.start()
        try:
            for _ in range(KILLS):
                time.sleep(rng.uniform(0.2, 1.0))
                server.kill()
                server.start()
            time.sleep(0.5)
        finally:
            stop.set()
            for worker in workers:
                worker.join(timeout=120)
        assert not any(worker.is_alive() for worker in workers)
        assert not tally.refused, tally.refused[:3]

        # Every hash in the store belongs to a case some client holds the number and PIN of.
        with open_store(store_url) as store:
            cases = Cases(store)
            known: dict[int, set[tuple[str, str]]] = {}
            for body, answer in tally.acknowledged.values():
                case = cases.open(answer["case"], answer["pin"])  # the PIN opens it
                asked = {(t, image[t]) for image in body["images"] for t in ("pdq", "md5")}
                assert case.id not in known
                known[case.id] = asked
            held: dict[int, set[tuple[str, str]]] = {case_id: set() for case_id in known}
            orphans = 0
            for entry in store.entries(bank=PERSON_BANK, status=None):
                if entry.case_id in held:
                    held[entry.case_id].add((entry.signal_type, entry.value))
                else:
                    orphans += 1
            figures = {
                "store": store_kind,
                "kills": KILLS,
                "cases": len(tally.acknowledged),
                "answers_lost": tally.lost,
                "made_before_the_answer_was_lost": tally.replayed,
                "entries": store.count_entries(bank=PERSON_BANK, status=None),
                "orphaned_entries": orphans,
                "seconds": round(time.monotonic() - started, 1),
            }
        if os.environ.get("CRASH_FIGURES"):
            with open(os.environ["CRASH_FIGURES"], "a") as out:
                out.write(json.dumps(figures) + "\n")
        assert orphans == 0, figures
        assert held == known, "a case holds other hashes than its request's"
        # The test is only worth something if kills cut requests off: insist that some were.
        assert tally.lost > 0 and len(tally.acknowledged) >= KILLS, figures

        # Each acknowledged case sent once more with its key: the same case and PIN, nothing new.
        with httpx.Client(base_url=server.url, timeout=30) as http:
            sample = rng.sample(sorted(tally.acknowledged), min(10, len(tally.acknowledged)))
            for key in sample:
                body, answer = tally.acknowledged[key]
                r = http.post("/v1/cases", json=body, headers={"Idempotency-Key": key})
                assert r.status_code == 201 and r.headers["Idempotent-Replayed"] == "true"
                assert r.json() == answer
            # and the PIN opens the case through the API, as a person would check it
            for key in sample[:3]:
                _, answer = tally.acknowledged[key]
                r = http.post(f"/v1/cases/{answer['case']}/status", json={"pin": answer["pin"]})
                assert r.status_code == 200, r.text
        with open_store(store_url) as store:
            assert store.count_entries(status=None) == figures["entries"]  # nothing added


pytestmark = pytest.mark.slow
