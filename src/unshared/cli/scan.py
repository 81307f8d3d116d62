"""``unshared scan``: match a backlog of images on Ray (a local instance, or a cluster)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer

from unshared.cli import settings, stderr


def scan_command(
    ctx: typer.Context,
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Folders or image files (at the same path on every host), or URIs Ray Data "
            "reads (s3://..., gs://..., file://...)."
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="The results: one `unshared match --json` line per image. Also the list of "
            "what is done: run again with the same file, the scan skips it.",
        ),
    ],
    fmt: Annotated[
        Literal["json", "parquet"],
        typer.Option(
            "--format", help="parquet: also write OUT.parquet from the lines once all is done."
        ),
    ] = "json",
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Ray workers (default: one per CPU)."),
    ] = None,
    address: Annotated[
        str | None,
        typer.Option(
            help="A Ray cluster's address; default: the cluster `ray start` made here (or "
            "RAY_ADDRESS), else a local Ray instance."
        ),
    ] = None,
) -> None:
    """Match a backlog of images against the banks on Ray: resumable, with the same hashing,
    limits and matches as `unshared match` (docs/scale.md)."""
    from unshared.cli.hash import progress_bar
    from unshared.scale.results import to_parquet
    from unshared.scale.scan import scan
    from unshared.service import Unshared

    config = settings(ctx)
    with Unshared(config) as app:
        snapshot = app.snapshot()
    err = stderr()
    with progress_bar(err) as progress:
        task = progress.add_task("scanning", total=None)

        def started(total: int | None, skipped: int) -> None:
            progress.update(task, total=total)
            if skipped:
                err.print(f"{skipped} images already done in {out}: skipped")

        summary = scan(
            snapshot,
            config,
            sources,
            out,
            workers=workers,
            address=address,
            on_start=started,
            on_done=lambda n: progress.advance(task, n),
        )
    if fmt == "parquet":
        to_parquet(out, out.with_suffix(".parquet"))
    err.print(
        f"{summary.scanned} images scanned in {summary.seconds:.1f} s "
        f"({summary.per_second:.1f}/s on {summary.workers} workers), {summary.skipped} skipped; "
        f"in {out}: {summary.matched} matched, {summary.failed} failed"
    )
    print(
        json.dumps(
            {
                "scanned": summary.scanned,
                "skipped": summary.skipped,
                "matched": summary.matched,
                "failed": summary.failed,
                "seconds": round(summary.seconds, 3),
                "workers": summary.workers,
            }
        )
    )


def register(app: typer.Typer) -> None:
    app.command("scan")(scan_command)
