"""Is an edited copy of a registered photo still caught? Unshared against plain PDQ and pHash.

The same run as ``unshared bench accuracy``: every photo under ``--photos`` is registered in a
throwaway bank, each is edited by every transform of ``unshared.bench.transforms`` (seeded), and
every copy is matched by Unshared, by python-threatexchange's PDQ at distance 31 and by
imagehash's pHash at distance 10. Writes results.json, results.md and plots to ``--out`` and
prints the recall per family, the false matches and the cost per query. See docs/accuracy.md.

    .venv/bin/python benchmarks/accuracy.py --photos ../shared/data/photos --out bench-out/accuracy
        [--limit N] [--seed S] [--transforms a,b,...] [--workers N] [--bank-kind protect]
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from unshared.bench.accuracy import BANK_KINDS, DEFAULT_SEED, Options
from unshared.cli import stderr, stdout
from unshared.cli.bench import run_accuracy

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PHOTOS = REPO.parent / "shared" / "data" / "photos"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--photos", type=Path, default=DEFAULT_PHOTOS, help="folder (recursive)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-out" / "accuracy")
    parser.add_argument("--limit", type=int, help="use a seeded sample of this many photos")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of sample and edits")
    parser.add_argument("--transforms", default="", help="comma-separated names; default all")
    parser.add_argument("--workers", type=int, help="processes; default every core")
    parser.add_argument(
        "--bank-kind", choices=BANK_KINDS, default="ncii", help="bank to register in"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    command = ["python", "benchmarks/accuracy.py", *(sys.argv[1:] if argv is None else argv)]
    options = Options(
        photos=args.photos,
        out=args.out,
        limit=args.limit,
        seed=args.seed,
        transforms=tuple(n.strip() for n in args.transforms.split(",") if n.strip()),
        workers=args.workers,
        bank_kind=args.bank_kind,
        command=shlex.join(command),
    )
    run_accuracy(options, stderr(), stdout())
    return 0


if __name__ == "__main__":
    sys.exit(main())
