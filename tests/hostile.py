"""Hostile image files, built here in memory: small files that claim huge or odd pictures.

Never checked in: each is a few hundred kilobytes at most, made in about a second, from the
formats' own structure (PNG chunks, TIFF tags, WebP's canvas header), as an attacker would.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.imaging import encode, noise_image


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_of_zeros(width: int, height: int, *, bit_depth: int = 8, colour: int = 0) -> bytes:
    """A PNG of ``width`` x ``height`` all-black pixels, its rows deflated as they are written:
    100 x 2,000,000 grey is about 200 KB. ``colour`` is the PNG colour type (0 grey, 2 RGB)."""
    channels = {0: 1, 2: 3}[colour]
    row = b"\x00" * (1 + width * channels * bit_depth // 8)  # filter byte, then the pixels
    packer = zlib.compressobj(9)
    rows_at_once = max(1, (1 << 22) // len(row))
    parts = []
    for top in range(0, height, rows_at_once):
        parts.append(packer.compress(row * min(rows_at_once, height - top)))
    parts.append(packer.flush())
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"".join(parts))
        + _chunk(b"IEND", b"")
    )


def tiff_with_height(height: int, width: int = 100) -> bytes:
    """A deflated grey TIFF of 100 rows of noise whose ImageLength tag says ``height`` (and
    whose one strip says so too): the attack of editing one field of a 12 KB file."""
    pixels = noise_image(3, (width, 100)).convert("L").tobytes()
    data = zlib.compress(pixels, 9)
    entries = [  # tag, type (3 SHORT, 4 LONG), value
        (256, 4, width),
        (257, 4, height),
        (258, 3, 8),
        (259, 3, 8),  # Adobe deflate
        (262, 3, 1),  # black is zero
        (273, 4, 0),  # strip offset, set below
        (277, 3, 1),
        (278, 4, height),
        (279, 4, len(data)),
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    offset = 8 + ifd_size
    ifd = struct.pack("<H", len(entries))
    for tag, kind, value in entries:
        value = offset if tag == 273 else value
        packed = struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
        ifd += struct.pack("<HHI", tag, kind, 1) + packed
    ifd += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + data


def webp_with_height(height: int) -> bytes:
    """A two-frame animated 64x64 WebP whose canvas header (VP8X) says ``height`` rows."""
    frames = [noise_image(seed, (64, 64)) for seed in (1, 2)]
    data = bytearray(encode(frames[0], "WEBP", save_all=True, append_images=frames[1:]))
    at = data.index(b"VP8X")
    # Chunk id, size, flags and 3 reserved bytes, then width - 1 and height - 1 in 24 bits each.
    data[at + 15 : at + 18] = (height - 1).to_bytes(3, "little")
    return bytes(data)


def png_16bit(side: int = 14142) -> bytes:
    """A 16-bit grey PNG of ``side`` x ``side`` (14142: 200 million pixels, under
    ``max_pixels``; 389 KB)."""
    return png_of_zeros(side, side, bit_depth=16)


#: name -> builder, for tests that send each one everywhere.
HOSTILE: dict[str, Callable[[], bytes]] = {
    "png-100x2000000": lambda: png_of_zeros(100, 2_000_000),
    "png-255x784313": lambda: png_of_zeros(255, 784_313),
    "png-16bit-14142x14142": png_16bit,
    "tiff-100x2000000": lambda: tiff_with_height(2_000_000),
    "tiff-4000x40000": lambda: tiff_with_height(40_000, width=4000),
    "webp-64x3000000": lambda: webp_with_height(3_000_000),
    "webp-64x3000": lambda: webp_with_height(3000),
}


# -- measuring a process tree's peak memory (Linux /proc) ---------------------------------------


def alive(pid: int) -> bool:
    """Whether process ``pid`` is running (a zombie, dead but not yet reaped, is not)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def descendants(pid: int) -> list[int]:
    """Every process under ``pid`` (children, their children, ...)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _status(pid: int, field: str) -> int:
    """A ``/proc/PID/status`` figure in bytes; 0 once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


@contextmanager
def peak_memory(pid: int) -> Iterator[dict[str, int]]:
    """Measure the peak memory of process ``pid`` and of its descendants over the block.

    Yields a dict filled in at the end: ``own``, the peak of ``pid`` over its resident size when
    the block began (the server runs in the test's process, whose own size is pytest's), and
    ``children``, the largest peak of any descendant. Peaks come from ``VmHWM``, reset at the
    start (``clear_refs``); descendants that end within the block are caught by sampling.
    """
    for each in [pid, *descendants(pid)]:
        with contextlib.suppress(OSError):
            Path(f"/proc/{each}/clear_refs").write_text("5")
    before = _status(pid, "VmRSS")
    figures = {"own": 0, "children": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.01):
            for child in descendants(pid):
                figures["children"] = max(figures["children"], _status(child, "VmHWM"))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield figures
    finally:
        stop.set()
        sampler.join()
        for child in descendants(pid):
            figures["children"] = max(figures["children"], _status(child, "VmHWM"))
        figures["own"] = max(0, _status(pid, "VmHWM") - before)


# -- running the real CLI -----------------------------------------------------------------------

#: Runs the ``unshared`` command from this interpreter, whichever ``unshared`` is on PATH.
CLI = [
    sys.executable,
    "-c",
    "import sys; sys.argv[0] = 'unshared'; from unshared.cli import main; main()",
]

# Runs its arguments as its only child, so that RUSAGE_CHILDREN's peak is that child's alone.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.monotonic()
try:
    done = subprocess.run(sys.argv[2:], capture_output=True, text=True, timeout=float(sys.argv[1]))
    answer = [done.returncode, done.stdout, done.stderr]
except subprocess.TimeoutExpired:
    answer = [None, "", "timed out"]
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps([time.monotonic() - start, peak, *answer]))
"""


def run_measured(args: list[str], timeout: float) -> tuple[float, int, int | None, str, str]:
    """Run a command; its seconds, peak resident bytes, exit code (None when stopped at
    ``timeout``), stdout and stderr."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(timeout), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seconds, peak, code, stdout, stderr = json.loads(out)
    return seconds, peak, code, stdout, stderr
