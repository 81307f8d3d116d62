"""Requests/s and latency of ``/v1/match`` over HTTP, beside a bare FastAPI stack, in one run.

    .venv/bin/python benchmarks/http_match.py                             # 1M hashes, ~4 min
    .venv/bin/python benchmarks/http_match.py --sizes 1000000,10000000    # and 10M
    .venv/bin/python benchmarks/http_match.py --quick                     # a smoke run

(Not ``benchmarks/http.py``: run as a script, that name would hide the standard library's
``http`` package from everything the script imports.)

Two servers, each one uvicorn process pinned to core 0 (``taskset -c 0``):

- **unshared**: ``unshared serve`` over a SQLite bank of N random PDQ hashes plus the PDQ, MD5
  and SHA-256 of ``--real`` photos (added through the service, as a person's case would be);
- **bare**: a FastAPI app with the same request and response models (``schemas.MatchQuery``,
  ``schemas.VerdictOut``) that validates the body and returns a fixed verdict: the HTTP stack
  and nothing else.

Both are up at once but never driven at once: ``wrk -t1 -c8 --latency`` (pinned to core 1, as
is this script) drives one, then the other, ``--repeats`` times in turn, so both see the same
noise. The table gives each server's median over the repeats, and the ratio of the medians.
It also gives the server's CPU time a request (all its threads, from /proc): on a machine shared
with other work, requests/s say how much of a core the server got, CPU time what it needed.

Queries (``--bodies`` JSON bodies, sent in turn): every body is what a platform sends for one
upload, 8 PDQ variants (rotations and flips) with their quality, an MD5 and a SHA-256. A share
``--near`` of them are near copies of banked photos (each photo shrunk to 3/4 and saved as JPEG
quality 70, hashed by Unshared in all 8 orientations): they match. The rest are random hashes:
they match nothing, as most uploads do not.

Building a bank through the store's import takes about a minute a million hashes, so the random
hashes go in with one SQL transaction (entries and their feed changes, as the store writes them;
no history rows), then the service builds its index once and saves it. Store and index are kept
under ``--cache`` (per size and seed), so a rerun starts in seconds; ``--quick`` uses a
temporary folder.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from fastapi import FastAPI
from PIL import Image
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from unshared.api import schemas

REPO = Path(__file__).resolve().parents[1]
PHOTOS = REPO.parent / "shared" / "data" / "photos" / "imagenet-sample-1k" / "images"
SERVER_CORE, LOAD_CORE = 0, 1
BANK = "ncii"
_CHUNK = 100_000
console = Console(stderr=True)


@dataclass
class Run:
    server: str
    size: int
    repeat: int
    per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    #: The server's CPU time (all its threads) per request: what it would serve on a core of its
    #: own is 1000 / cpu_ms a second, however busy the machine was.
    cpu_ms: float


# The bank.


def bank_home(cache: Path, size: int, seed: int, real: int) -> Path:
    """A data folder holding a bank of ``size`` random PDQ hashes and ``real`` photos' hashes,
    its index built and saved; made once, then reused."""
    home = cache / f"bank-{size}-seed{seed}-real{real}"
    if (home / "complete").exists():
        console.print(f"bank of {size:,}: reusing {home}")
        return home
    if home.exists():
        shutil.rmtree(home)  # a build that was cut short
    home.mkdir(parents=True)
    from unshared.config import Settings
    from unshared.service import Unshared

    settings = Settings.load(env={}, home=home)
    with Unshared(settings) as service:
        service.create_bank(BANK, "ncii")
    bulk_insert(Path(settings.resolved_store_url.removeprefix("sqlite:///")), size, seed)
    with step(f"bank of {size:,}: {real} photos and their near copies hashed"):
        photos = list(real_photos(real, seed))
    with Unshared(settings) as service:
        for photo in photos:
            service.add_signals(BANK, photo["bank"], source="bench-real", actor="bench")
        with step(f"bank of {size:,}: the service builds its index and saves it"):
            service.warm()
            service.save_index()
    real_path(home).write_text(json.dumps([p["query"] for p in photos]))
    (home / "complete").touch()
    return home


def bulk_insert(path: Path, size: int, seed: int) -> None:
    """``size`` random PDQ entries and their feed changes in one transaction, as the store would
    write them (its import is about 60x slower); the feed head moves past them."""
    rng = np.random.default_rng(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # one transaction into a new file
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -4000000")  # 4 GB: the indexes stay in memory
        conn.execute("BEGIN IMMEDIATE")
        (bank_id,) = conn.execute("SELECT id FROM banks WHERE name = ?", (BANK,)).fetchone()
        (head,) = conn.execute("SELECT seq FROM feed_head WHERE id = 1").fetchone()
        (first,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()
        when = datetime.now(UTC).isoformat(timespec="microseconds")
        # Rows first, then the table's indexes, each in one sorted pass: 10M random values into
        # live B-trees takes many times longer.
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = 'entries' AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        with bar(f"bank of {size:,}: random PDQ hashes into SQLite", size) as advance:
            for start in range(0, size, _CHUNK):
                count = min(_CHUNK, size - start)
                text = rng.integers(0, 256, (count, 32), dtype=np.uint8).tobytes().hex()
                rows = ((bank_id, text[i : i + 64], when) for i in range(0, len(text), 64))
                conn.executemany(
                    "INSERT INTO entries (bank_id, signal_type, value, status, source, added_at)"
                    " VALUES (?, 'pdq', ?, 'active', 'bench', ?)",
                    rows,
                )
                advance(count)
        with step(f"bank of {size:,}: the entries' {len(indexes)} indexes, built again"):
            for _, sql in indexes:
                conn.execute(sql)
        with step(f"bank of {size:,}: their feed changes"):
            conn.execute(
                "INSERT INTO changes (seq, op, entry_id, status, at)"
                " SELECT ? + id - ?, 'add', id, 'active', added_at FROM entries WHERE id >= ?",
                (head + 1, first, first),
            )
            conn.execute("UPDATE feed_head SET seq = ? WHERE id = 1", (head + size,))
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode = WAL")  # as the store keeps it
            conn.execute("PRAGMA analysis_limit = 1000")
            conn.execute("ANALYZE")
    finally:
        conn.close()


def real_path(home: Path) -> Path:
    return home / "near-copies.json"


def real_photos(count: int, seed: int) -> Iterator[dict[str, Any]]:
    """For each photo: its hashes for the bank, and the hashes of a near copy (shrunk to 3/4,
    JPEG quality 70) as a platform would send them. Photos from the shared data folder, else
    generated pictures."""
    from unshared.hashing import hash_bytes

    for data in photo_bytes(count, seed):
        copy = near_copy(data)
        bank = hash_bytes(data, min_quality=0)
        query = hash_bytes(copy, min_quality=0, dihedral=True)
        yield {
            "bank": bank,
            "query": {
                "pdq": [p.hex for p in query.pdq_dihedral],
                "quality": query.quality,
                "md5": query.md5.hex,
                "sha256": query.sha256.hex,
            },
        }


def photo_bytes(count: int, seed: int) -> Iterator[bytes]:
    files = sorted(PHOTOS.glob("*.JPEG")) + sorted(PHOTOS.glob("*.jpg")) if PHOTOS.exists() else []
    if len(files) >= count:
        picked = np.random.default_rng(seed).choice(len(files), count, replace=False)
        for i in sorted(picked):
            yield files[i].read_bytes()
        return
    rng = np.random.default_rng(seed)
    for _ in range(count):  # smooth random pictures: detailed enough for a good PDQ
        small = rng.integers(0, 256, (12, 16, 3), dtype=np.uint8)
        image = Image.fromarray(small).resize((640, 480), Image.Resampling.BICUBIC)
        out = io.BytesIO()
        image.save(out, "PNG")
        yield out.getvalue()


def near_copy(data: bytes) -> bytes:
    image = Image.open(io.BytesIO(data)).convert("RGB")
    image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def bodies(home: Path, count: int, near: float, seed: int) -> list[dict[str, Any]]:
    """``count`` match bodies in a fixed random order, a share ``near`` of them near copies."""
    rng = np.random.default_rng(seed + 1)
    copies = json.loads(real_path(home).read_text())
    out: list[dict[str, Any]] = []
    for i in range(count):
        if copies and i < round(count * near):
            out.append(copies[i % len(copies)])
            continue
        out.append(
            {
                "pdq": [bytes(rng.integers(0, 256, 32, dtype=np.uint8)).hex() for _ in range(8)],
                "quality": int(rng.integers(50, 101)),
                "md5": bytes(rng.integers(0, 256, 16, dtype=np.uint8)).hex(),
                "sha256": bytes(rng.integers(0, 256, 32, dtype=np.uint8)).hex(),
            }
        )
    return [out[i] for i in rng.permutation(count)]


def platform_key(home: Path) -> str:
    """A new API key of role platform for this run (keys are stored hashed, so none is cached)."""
    from unshared.actions.platforms import Platforms
    from unshared.config import Settings
    from unshared.service import Unshared

    settings = Settings.load(env={}, home=home)
    with Unshared(settings) as service:
        _, key = Platforms(service.store, settings.flood_matches).create_key(
            "bench-http", "platform", actor="bench"
        )
    return key


# The servers.


def bare_app() -> FastAPI:
    """The bare stack: the same body and answer models, the same kind of route (a sync one, run
    in the thread pool), no key, no middleware, no matching."""
    app = FastAPI(docs_url=None, redoc_url=None)
    answer = {"matched": False, "suppressed": False, "matches": [], "allowed": [], "notes": []}

    @app.post("/v1/match", response_model=schemas.VerdictOut, response_model_exclude_none=True)
    def match(body: schemas.MatchQuery) -> dict[str, Any]:
        return answer

    @app.get("/readyz")
    def ready() -> dict[str, str]:
        return {"status": "ready"}

    return app


def serve_bare(port: int) -> None:
    import uvicorn

    from unshared.api.app import server_options

    uvicorn.run(bare_app(), host="127.0.0.1", port=port, log_level="warning", **server_options())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Server:
    def __init__(self, name: str, command: list[str], log: Path) -> None:
        self.name, self.port, self.log = name, free_port(), log
        pinned = ["taskset", "-c", str(SERVER_CORE), *command, "--port", str(self.port)]
        self.process = subprocess.Popen(
            pinned, stdout=subprocess.DEVNULL, stderr=log.open("wb"), env=clean_env()
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 1800) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.TransportError:
                pass
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} stopped:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.2)
        raise SystemExit(f"{self.name} was not ready in {timeout:.0f} s")

    def cpu_seconds(self) -> float:
        """User and system time of the server process so far, all threads."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def clean_env() -> dict[str, str]:
    """This environment without Unshared's settings: the data folder alone decides."""
    return {k: v for k, v in os.environ.items() if not k.startswith("UNSHARED_")}


# The load.

LUA = """-- Written by benchmarks/http_match.py: POST the bodies in turn.
local bodies = {
%(bodies)s
}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %(key)s"

request = function()
  i = i %% #bodies + 1
  return wrk.format(nil, "/v1/match", nil, bodies[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, "errors": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def lua_script(path: Path, key: str, bodies: list[dict[str, Any]]) -> Path:
    lines = ",\n".join(f"[==[{json.dumps(b, separators=(',', ':'))}]==]" for b in bodies)
    path.write_text(LUA % {"bodies": lines, "key": key})
    return path


def check(server: Server, key: str, bodies: list[dict[str, Any]]) -> int:
    """Send every body once (a warm-up): each must get 200. Returns how many matched."""
    matched = 0
    with httpx.Client(base_url=server.url, timeout=60) as client:
        for body in bodies:
            r = client.post("/v1/match", json=body, headers={"Authorization": f"Bearer {key}"})
            if r.status_code != 200:
                raise SystemExit(f"{server.name}: {r.status_code} {r.text[:500]}")
            matched += bool(r.json()["matched"])
    return matched


def drive(server: Server, script: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = ["taskset", "-c", str(LOAD_CORE), args.wrk, "-t1", f"-c{args.connections}"]
    # wrk counts a request unanswered after 2 s as an error: on a starved machine that is the
    # machine, not the server, so it waits as long as a client would.
    command += [f"-d{args.seconds}s", "--timeout", "30s", "--latency", "-s", str(script)]
    command.append(server.url)
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = [line for line in done.stdout.splitlines() if line.startswith("WRK ")]
    if not found:
        raise SystemExit(f"wrk said:\n{done.stdout}\n{done.stderr}")
    result: dict[str, Any] = json.loads(found[-1][4:])
    return result


def measure(size: int, args: argparse.Namespace, work: Path) -> tuple[list[Run], dict[str, Any]]:
    home = bank_home(args.cache, size, args.seed, args.real)
    key = platform_key(home)
    sent = bodies(home, args.bodies, args.near, args.seed)
    script = lua_script(work / f"post-{size}.lua", key, sent)
    python = [sys.executable]
    servers = [
        Server("bare", [*python, __file__, "--serve-bare"], work / f"bare-{size}.log"),
        Server(
            "unshared",
            [*python, "-m", "unshared", "--home", str(home), "serve"],
            work / f"unshared-{size}.log",
        ),
    ]
    info: dict[str, Any] = {}
    runs: list[Run] = []
    try:
        for server in servers:
            with step(f"bank of {size:,}: {server.name} starts"):
                info[f"{server.name}_ready_s"] = round(server.wait_ready(), 1)
            with step(f"bank of {size:,}: {server.name}: every body once"):
                info[f"{server.name}_matched"] = check(server, key, sent)
        for repeat in range(args.repeats):
            for server in servers:
                label = f"bank of {size:,}: {server.name}, run {repeat + 1}/{args.repeats}"
                with step(f"{label} ({args.seconds} s)"):
                    cpu = server.cpu_seconds()
                    r = drive(server, script, args)
                    cpu = server.cpu_seconds() - cpu
                run = Run(
                    server.name,
                    size,
                    repeat + 1,
                    r["requests"] / (r["duration_us"] / 1e6),
                    r["p50_us"] / 1e3,
                    r["p99_us"] / 1e3,
                    r["requests"],
                    r["errors"],
                    1000 * cpu / max(1, r["requests"]),
                )
                console.print(
                    f"  {run.per_second:,.0f} req/s, p50 {run.p50_ms:.1f} ms,"
                    f" p99 {run.p99_ms:.1f} ms, {run.cpu_ms:.2f} CPU ms a request,"
                    f" {run.errors} errors"
                )
                runs.append(run)
        for server in servers:
            info[f"{server.name}_peak_rss_mb"] = round(server.peak_rss_mb())
    finally:
        for server in servers:
            server.stop()
    info["bodies"], info["near"] = len(sent), round(len(sent) * args.near)
    return runs, info


# Reporting.


@contextmanager
def step(what: str) -> Iterator[None]:
    started = time.perf_counter()
    with console.status(what):
        yield
    console.print(f"{what}: {time.perf_counter() - started:.1f} s")


@contextmanager
def bar(what: str, total: int) -> Iterator[Any]:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console) as progress:
        task = progress.add_task(what, total=total)
        yield lambda n: progress.advance(task, n)


def medians(runs: list[Run]) -> list[dict[str, Any]]:
    rows = []
    for size in sorted({r.size for r in runs}):
        bare = [r for r in runs if r.size == size and r.server == "bare"]
        base = statistics.median(r.per_second for r in bare)
        base_cpu = statistics.median(r.cpu_ms for r in bare)
        for name in ("bare", "unshared"):
            mine = [r for r in runs if r.size == size and r.server == name]
            rate = statistics.median(r.per_second for r in mine)
            cpu = statistics.median(r.cpu_ms for r in mine)
            rows.append(
                {
                    "server": name,
                    "size": size,
                    "per_second": rate,
                    "p50_ms": statistics.median(r.p50_ms for r in mine),
                    "p99_ms": statistics.median(r.p99_ms for r in mine),
                    "ratio_to_bare": rate / base,
                    "cpu_ms": cpu,
                    "cpu_ratio_to_bare": base_cpu / cpu,
                    "errors": sum(r.errors for r in mine),
                    "runs": [round(r.per_second) for r in mine],
                }
            )
    return rows


def report(rows: list[dict[str, Any]], infos: dict[int, dict[str, Any]], a: Any) -> None:
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f"\n## /v1/match over HTTP, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n")
    print(f"Command: `{' '.join(['.venv/bin/python', *sys.argv])}`  ")
    print(
        f"Machine: {os.cpu_count()} cores ({platform.machine()}), Python"
        f" {platform.python_version()}; servers on core {SERVER_CORE}, wrk on core {LOAD_CORE};"
        f" load average at the start {a.load_at_start}, at the end {load}.  "
    )
    print(
        f"`wrk -t1 -c{a.connections} -d{a.seconds}s --latency`, {a.repeats} runs a server in"
        f" turn; medians. Bodies: {a.bodies}, {a.near:.0%} near copies of {a.real} banked"
        " photos (they match), the rest random (they match nothing).\n"
    )
    print(
        "| server | bank size | req/s | p50 ms | p99 ms | ratio to bare | runs (req/s) |"
        " CPU ms a request | by CPU: ratio to bare |"
    )
    print("|---|--:|--:|--:|--:|--:|---|--:|--:|")
    for r in rows:
        print(
            f"| {r['server']} | {r['size']:,} | {r['per_second']:,.0f} | {r['p50_ms']:.1f} |"
            f" {r['p99_ms']:.1f} | {r['ratio_to_bare']:.0%} | {', '.join(map(str, r['runs']))} |"
            f" {r['cpu_ms']:.2f} | {r['cpu_ratio_to_bare']:.0%} |"
        )
    ours = {r["size"]: r for r in rows if r["server"] == "unshared"}
    sizes = sorted(ours)
    if len(sizes) > 1:
        first, last = ours[sizes[0]], ours[sizes[-1]]
        print(
            f"\nunshared at {sizes[-1]:,} / at {sizes[0]:,}:"
            f" {last['per_second'] / first['per_second']:.0%} of the requests/s"
            f" ({last['ratio_to_bare'] / first['ratio_to_bare']:.0%} of the ratio to bare);"
            f" by CPU time a request, {first['cpu_ms'] / last['cpu_ms']:.0%}."
        )
    print()
    for size, info in infos.items():
        print(f"- {size:,}: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000000", help="bank sizes, comma-separated")
    parser.add_argument("--seconds", type=int, default=20, help="each wrk run")
    parser.add_argument("--repeats", type=int, default=3, help="wrk runs per server and size")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--bodies", type=int, default=1000, help="distinct bodies, sent in turn")
    parser.add_argument("--near", type=float, default=0.1, help="share of near copies (match)")
    parser.add_argument("--real", type=int, default=200, help="photos in the bank")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--cache", type=Path, help="keeps built banks (default ~/.cache/...)")
    parser.add_argument("--wrk", default=shutil.which("wrk") or "/usr/bin/wrk")
    parser.add_argument("--json", type=Path, help="write the runs and medians here")
    parser.add_argument("--quick", action="store_true", help="20,000 hashes, 5 s runs, 1 repeat")
    parser.add_argument("--build-only", action="store_true", help="build the banks, then stop")
    parser.add_argument("--serve-bare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare(args.port)
        return
    if args.quick:
        args.sizes, args.seconds, args.repeats, args.bodies, args.real = "20000", 5, 1, 100, 10
    sizes = [int(s) for s in args.sizes.split(",")]
    os.sched_setaffinity(0, {LOAD_CORE})  # this script's own work stays off the servers' core
    args.load_at_start = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    with tempfile.TemporaryDirectory(prefix="unshared-http-") as tmp:
        work = Path(tmp)
        if args.cache is None:
            cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
            args.cache = work / "banks" if args.quick else cache_home / "unshared-bench" / "http"
        if args.build_only:
            for size in sizes:
                bank_home(args.cache, size, args.seed, args.real)
            return
        runs: list[Run] = []
        infos: dict[int, dict[str, Any]] = {}
        for size in sizes:
            found, infos[size] = measure(size, args, work)
            runs += found
    rows = medians(runs)
    report(rows, infos, args)
    if args.json:
        settings = {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()}
        out = {"args": settings, "medians": rows, "runs": [asdict(r) for r in runs]}
        args.json.write_text(json.dumps(out | {"info": infos}, indent=2))


if __name__ == "__main__":
    main()
