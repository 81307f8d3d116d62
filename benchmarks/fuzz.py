"""Fuzz the decoders for as long as asked: damaged files of every format, each hashed in a
worker process, counting crashes, hangs and untyped exceptions (the goal is 0, 0, 0).

The mutations and seed files are those of ``tests/hashing/test_fuzz.py`` (``tests/fuzzing.py``),
drawn from ``random.Random(--seed)``. Each input runs as the service runs an upload: in the
decode pool (``unshared.hashing.pool``), with ``--timeout`` seconds and ``--memory-mb`` of
address space, so that a crash kills only a worker and a hang is stopped:

- crash: the worker died (a segfault or abort in a decoder);
- hang: no answer within ``--timeout`` seconds;
- untyped: an exception that is not an ``UnsharedError``.

Each problem input is written to ``--out`` (as ``<n>-<kind>-<seed file>.bin``) and listed with
its edits, so it can be replayed.

    .venv/bin/python benchmarks/fuzz.py [--minutes M] [--seed S] [--timeout S] [--out DIR]
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzzing import mutate, random_edits, seeds
from unshared.errors import CorruptImage, ImageTooComplex, UnsharedError
from unshared.hashing.batch import Views, hash_data
from unshared.hashing.decode import Limits
from unshared.hashing.pool import DecodePool


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--out", type=Path, default=Path("fuzz-problems"))
    args = parser.parse_args()

    files = seeds()
    names = sorted(files)
    rng = random.Random(args.seed)
    pool = DecodePool(workers=1, timeout=args.timeout, memory_mb=args.memory_mb, wait=60)
    answers: collections.Counter[str] = collections.Counter()
    problems: collections.Counter[str] = collections.Counter()
    slowest = (0.0, "")
    inputs = 0
    end = time.monotonic() + args.minutes * 60
    try:
        while time.monotonic() < end:
            name = rng.choice(names)
            edits = random_edits(rng)
            data = mutate(files[name], edits)
            inputs += 1
            start = time.monotonic()
            problem = ""
            try:
                pool.run(hash_data, data, Limits(), 0, True, Views(trimmed=True))
                answers["signals"] += 1
            except ImageTooComplex:
                problem = "hang"
            except CorruptImage as exc:
                problem = "crash" if exc.detail.get("worker") == "died" else ""
                answers[exc.code] += not problem
            except UnsharedError as exc:
                answers[exc.code] += 1
            except Exception:
                problem = "untyped"
            took = time.monotonic() - start
            slowest = max(slowest, (took, name))
            if problem:
                problems[problem] += 1
                args.out.mkdir(parents=True, exist_ok=True)
                path = args.out / f"{inputs}-{problem}-{name}.bin"
                path.write_bytes(data)
                print(f"{problem}: input {inputs}, {name}, edits {edits} -> {path}", flush=True)
    finally:
        pool.close()
    print(f"seed {args.seed}, {args.minutes:g} min, timeout {args.timeout:g} s")
    print(
        f"inputs {inputs:,}  crashes {problems['crash']}  hangs {problems['hang']}"
        f"  untyped {problems['untyped']}"
    )
    print("answers: " + ", ".join(f"{k} {v:,}" for k, v in answers.most_common()))
    print(f"slowest input: {slowest[0]:.2f} s ({slowest[1]})")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
