"""Call the page's JavaScript hashing modules from Python, through node and ``harness.mjs``.

All jobs of one ``run`` go to one node process, so a test pays node's start-up once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

NODE = shutil.which("node")
HARNESS = Path(__file__).with_name("harness.mjs")
SKIP_REASON = "node is not on PATH: the page's JavaScript cannot be run"


@dataclass(frozen=True)
class Job:
    """One call: ``op`` is md5, pdq or pdq_dihedral; ``data`` the bytes (RGBA for PDQ)."""

    op: str
    data: bytes
    width: int = 0
    height: int = 0
    options: dict[str, Any] = field(default_factory=dict)
    repeat: int = 1


def pdq_job(pixels: np.ndarray, op: str = "pdq", **options: Any) -> Job:
    """A PDQ job for an ``(h, w, 3)`` RGB or ``(h, w, 4)`` RGBA uint8 array."""
    height, width, channels = pixels.shape
    if channels == 3:
        opaque = np.full((height, width, 1), 255, dtype=np.uint8)
        pixels = np.concatenate([pixels, opaque], axis=2)
    rgba = np.ascontiguousarray(pixels, dtype=np.uint8)
    return Job(op, rgba.tobytes(), width, height, options)


def run(jobs: Sequence[Job], timeout: float = 120) -> list[dict[str, Any]]:
    """What the JavaScript returned for each job, with ``ms`` (or ``error`` if it threw)."""
    assert NODE is not None, SKIP_REASON
    with tempfile.TemporaryDirectory() as folder:
        spec = []
        for i, job in enumerate(jobs):
            path = Path(folder) / f"{i}.bin"
            path.write_bytes(job.data)
            spec.append(
                {
                    "op": job.op,
                    "path": str(path),
                    "width": job.width,
                    "height": job.height,
                    "options": job.options,
                    "repeat": job.repeat,
                }
            )
        done = subprocess.run(
            [NODE, str(HARNESS)],
            input=json.dumps(spec),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    assert len(results) == len(jobs)
    return results
