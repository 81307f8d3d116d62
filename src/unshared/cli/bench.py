"""``unshared bench accuracy``: how well matching survives edits, against PDQ and pHash alone."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from unshared.bench import DEFAULT_SEED
from unshared.cli import stderr, stdout
from unshared.cli.hash import progress_bar

if TYPE_CHECKING:  # the benchmark (numpy, Pillow, the service) loads only when it runs
    from unshared.bench.accuracy import Options, ProgressFn

bench = typer.Typer(
    help="Measure matching on your own photos (needs the bench extra).", no_args_is_help=True
)


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
    """Run the benchmark, write its files and print the summary: the CLI and the script's body."""
    from rich.table import Table

    from unshared.bench import accuracy

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


@bench.command("accuracy")
def accuracy_command(
    photos: Annotated[
        Path,
        typer.Option(exists=True, file_okay=False, help="Folder of JPEG/PNG photos (recursive)."),
    ],
    out: Annotated[Path, typer.Option(help="Folder for results.json, results.md and plots.")],
    limit: Annotated[
        int | None, typer.Option(min=1, help="Use a seeded sample of this many photos.")
    ] = None,
    seed: Annotated[
        int, typer.Option(help="Seed of the sample and the transforms.")
    ] = DEFAULT_SEED,
    transforms: Annotated[
        str | None, typer.Option(help="Comma-separated transform names; all of them if not given.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Processes to use; every core if not given."),
    ] = None,
    bank_kind: Annotated[
        str, typer.Option(help="The bank the photos go in: ncii, or protect (+ local features).")
    ] = "ncii",
) -> None:
    """Register the photos in a throwaway bank, match seeded edited copies of them, and compare
    with plain PDQ and pHash: recall per transform, false matches, cost per query."""
    from unshared.bench.accuracy import Options

    names = tuple(n.strip() for n in transforms.split(",") if n.strip()) if transforms else ()
    options = Options(
        photos=photos,
        out=out,
        limit=limit,
        seed=seed,
        transforms=names,
        workers=workers,
        bank_kind=bank_kind,  # type: ignore[arg-type]  # run() checks it
        command=shlex.join(["unshared", *sys.argv[1:]]),
    )
    run_accuracy(options, stderr(), stdout())


def register(app: typer.Typer) -> None:
    app.add_typer(bench, name="bench")
