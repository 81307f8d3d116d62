"""The real ``unshared hash`` over hostile files, and its workers when it is killed (issue 10)."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.hostile import CLI, HOSTILE, alive, descendants, run_measured
from tests.imaging import encode

GIB = 1 << 30
#: fcntl.F_SETPIPE_SZ, named in the module only from Python 3.10 on some platforms.
F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_answered_quickly_within_memory(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.{name.split('-')[0]}"
    path.write_bytes(HOSTILE[name]())
    seconds, peak, code, stdout, stderr = run_measured([*CLI, "hash", "--json", str(path)], 30)
    assert seconds < 5, f"{name}: {seconds:.1f} s"
    assert peak < GIB, f"{name}: {peak >> 20} MiB"
    assert code is not None, stderr
    (result,) = [json.loads(line) for line in stdout.splitlines()]
    if code == 0:
        assert result["pdq"]
    else:
        assert result["code"] in {"image_too_large", "corrupt_image", "low_quality"}, result


def _busy_folder(folder: Path, count: int = 120) -> Path:
    """``count`` copies of one 2000 x 1500 PNG: seconds of hashing on two workers."""
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, (1500, 2000, 3), dtype=np.uint8)
    data = encode(Image.fromarray(pixels), "PNG", compress_level=1)
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03}.png").write_bytes(data)
    return folder


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_and_wait_for_workers(folder: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    cli = subprocess.Popen(
        [*CLI, "hash", "--json", "-w", "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        # Ctrl-C as a terminal delivers it: an ignored SIGINT is inherited, and Python started
        # with it ignored never raises KeyboardInterrupt. A test run earlier in the same pytest
        # process can leave it ignored (the cause of this test's failures in full runs).
        preexec_fn=_default_sigint,
    )
    # The smallest pipe (a page: about 13 lines of results), left unread, holds the CLI in its
    # writes: it cannot finish every file before the test signals it, however slowly the test
    # itself gets a core (it once did, and exited 0 after a late Ctrl-C).
    assert cli.stdout is not None
    fcntl.fcntl(cli.stdout.fileno(), F_SETPIPE_SZ, 4096)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        workers = descendants(cli.pid)
        if len(workers) >= 2:
            return cli, workers
        time.sleep(0.02)
    cli.kill()
    raise AssertionError("the CLI started no workers")


def _states(cli: int, workers: list[int]) -> str:
    """Each process's state, parent and command line, from /proc: for a failure message."""
    lines = []
    for pid in [cli, *workers]:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            lines.append(f"{pid}: state {stat[0]}, parent {stat[1]}, {command[:120]!r}")
        except FileNotFoundError:
            lines.append(f"{pid}: gone")
    return "\n".join(lines)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_workers_end_with_the_cli(tmp_path: Path, how: signal.Signals) -> None:
    """``kill -9`` (nothing of ours runs) and Ctrl-C (the CLI stops its pool) alike leave no
    worker hashing on: with SIGKILL they die through PR_SET_PDEATHSIG. Ctrl-C comes while the
    CLI waits to write its output (piped to a reader that stopped reading): it once left the
    workers to finish their chunks while the CLI exited."""
    cli, workers = _start_and_wait_for_workers(_busy_folder(tmp_path / "photos"))
    try:
        assert cli.stdout is not None
        cli.stdout.readline()  # hashing is under way
        time.sleep(3)  # and the CLI is held in its writes to the full pipe: signalled there too
        os.kill(cli.pid, how)
        # Generous: on a machine loaded by other work the CLI may wait seconds for a core
        # before it handles the signal; workers left hashing would outlive any deadline.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(alive(pid) for pid in workers):
            time.sleep(0.05)
        # Say what was left, and where, if any.
        assert not [pid for pid in workers if alive(pid)], _states(cli.pid, workers)
        assert cli.wait(timeout=30) != 0
    finally:
        cli.kill()
        cli.wait()
        if cli.stdout is not None:
            cli.stdout.close()
        for pid in workers:  # only if the test failed: never leave them behind
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
