"""Is an edited copy of a registered photo still caught? Unshared against plain PDQ and pHash.

Every photo under ``--photos`` is registered in a
throwaway bank, each is edited by every transform of ``bench.transforms`` (seeded), and
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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench import accuracy
from bench.accuracy import BANK_KINDS, DEFAULT_SEED, Options, ProgressFn
from unshared.cli import stderr, stdout
from unshared.cli.hash import progress_bar

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PHOTOS = REPO.parent / "shared" / "data" / "photos"


@contextmanager
def rich_progress(console: Console) -> Iterator[ProgressFn]:
    """A progress function drawing one bar per phase on ``console`` (nothing if not a terminal)."""
    with progress_bar(console) as bar:
        tasks: dict[str, Any] = {}

        def update(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total)
            bar.update(tasks[phase], completed=done, total=total)

        yield update


def run_accuracy(options: Options, err: Console, out: Console) -> dict[str, Any]:
    """Run the benchmark, write its files and print the summary."""
    with rich_progress(err) as progress:
        results = accuracy.run(options, progress)
    written = accuracy.write(results, options.out)
    labels = [accuracy.LABELS[k] for k in accuracy.METHODS]
    table = Table("family", "copies", *labels, title="Recall (share of copies caught)")
    for family in results["families"]:
        recall = (f"{100 * family['recall'][k]:.1f}%" for k in accuracy.METHODS)
        table.add_row(family["name"], f"{family['copies']:,}", *recall)
    table.add_row(
        "all copies", "", *(f"{100 * results['recall_all'][k]:.1f}%" for k in accuracy.METHODS)
    )
    out.print(table)
    for method in accuracy.METHODS:
        fm = results["false_matches"][method]["total"]
        cost = results["cost_ms"]["cpu"][method]
        out.print(
            f"{accuracy.LABELS[method]}: {fm['false']:,} false matches in {fm['pairs']:,}"
            f" unrelated pairs; {cost['mean']:.1f} ms CPU per query",
            highlight=False,
        )
    skipped = results["photos"]["skipped"]
    if skipped:
        err.print(f"{len(skipped)} photos could not be registered (see results.json)")
    out.print(f"wrote {', '.join(str(p) for p in written)}", highlight=False)
    return results


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
