"""``unshared bank ...``: banks of hashes, and ``unshared match``."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unshared.cli import add_group, group, settings, stderr, stdout
from unshared.cli.hash import progress_bar, result_json
from unshared.cli.remote import Key, OptionalServer, connect, limits

if TYPE_CHECKING:  # the service and the image libraries load only in the commands that use them
    from unshared.actions.lists import ExportFormat, ImportFormat
    from unshared.bank import Bank
    from unshared.errors import UnsharedError
    from unshared.hashing.batch import FileResult
    from unshared.match import Verdict

bank_app = group(help="Banks of hashes: create, list, add, import, export, withdraw.")

Workers = Annotated[
    int | None, typer.Option("--workers", "-w", min=1, help="Processes (default: all cores).")
]


def _import_format(path: Path | None, fmt: str | None) -> ImportFormat:
    if fmt in ("lines", "csv", "stopncii"):
        return fmt  # type: ignore[return-value]
    if fmt is not None:
        raise typer.BadParameter("--format is lines, csv or stopncii")
    suffix = path.suffix.lower() if path is not None else ""
    return "csv" if suffix == ".csv" else "stopncii" if suffix == ".json" else "lines"


def _export_format(fmt: str) -> ExportFormat:
    if fmt not in ("lines", "csv", "pytx"):
        raise typer.BadParameter("--format is lines, csv or pytx")
    return fmt  # type: ignore[return-value]


@bank_app.command("create")
def create(
    ctx: typer.Context,
    name: str,
    kind: Annotated[str, typer.Option(help="ncii, allow or protect.")] = "ncii",
    threshold: Annotated[
        list[str] | None,
        typer.Option(help="Match threshold: N for PDQ, or SIGNAL=N; repeatable."),
    ] = None,
    server: OptionalServer = None,
    key: Key = None,
) -> None:
    """Create a bank (on the service with --server and an operator's key)."""
    from unshared.service import Unshared, parse_thresholds

    thresholds = parse_thresholds(threshold or [])
    if server is not None:
        with connect(server, key) as client:
            bank = client.create_bank(name, kind, thresholds)
    else:
        with Unshared(settings(ctx)) as app:
            bank = app.create_bank(name, kind, thresholds)  # type: ignore[arg-type]
    stderr().print(f"created bank {bank.name} ({bank.kind})")


@bank_app.command("list")
def list_banks(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    server: OptionalServer = None,
    key: Key = None,
) -> None:
    """List the banks with their counts of active entries (the service's, with --server)."""
    from rich.table import Table

    from unshared.service import Unshared

    banks: list[tuple[Bank, int]]
    if server is not None:
        with connect(server, key) as client:
            banks = client.banks()
    else:
        with Unshared(settings(ctx)) as app:
            banks = app.list_banks()
    if as_json:
        for b, n in banks:
            row = {"name": b.name, "kind": b.kind, "thresholds": b.thresholds, "active_entries": n}
            print(json.dumps(row))
        return
    table = Table("name", "kind", "thresholds", "active entries")
    for b, n in banks:
        thresholds = " ".join(f"{k}={v}" for k, v in b.thresholds.items()) or "default"
        table.add_row(b.name, b.kind, thresholds, str(n))
    stdout().print(table)


@bank_app.command("add")
def add(
    ctx: typer.Context,
    name: str,
    paths: Annotated[
        list[Path], typer.Argument(help="Image or video files, or folders (recursive).")
    ],
    workers: Workers = None,
) -> None:
    """Hash images and videos here and add their hashes (never the files) to a bank."""
    from unshared.cli import videos
    from unshared.errors import UnsharedError
    from unshared.service import Unshared

    err = stderr()
    files, clips = videos.split(paths)
    added = failed = 0
    with Unshared(settings(ctx)) as app, progress_bar(err) as progress:
        task = progress.add_task("adding", total=len(files))
        for result, entries in app.add_images(
            name, files, workers=workers, on_done=lambda _: progress.advance(task)
        ):
            if result.error is not None:
                failed += 1
                progress.console.print(f"[red]{result.path}: {result.error.message}[/red]")
            else:
                added += 1
                ids = ",".join(str(e.id) for e in entries)
                print(json.dumps({"path": str(result.path), "entries": ids.split(",")}))
        for path in clips:
            try:
                made = app.videos.register(name, videos.read(path, app.settings))
            except UnsharedError as exc:
                failed += 1
                progress.console.print(f"[red]{path}: {exc.message}[/red]")
            else:
                added += 1
                print(json.dumps({"path": str(path), "entries": [str(e.id) for e in made]}))
    noun = "files" if clips else "images"
    err.print(f"added {added} {noun} to {name}" + (f"; {failed} failed" if failed else ""))
    if failed or not (files or clips):
        raise typer.Exit(1)


@bank_app.command("import")
def import_(
    ctx: typer.Context,
    name: str,
    file: Annotated[Path, typer.Argument(help="A hash list; - for standard input.")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", help="lines, csv or stopncii (default: by the file name: .csv, .json)."
        ),
    ] = None,
) -> None:
    """Import a hash list: one PDQ hex per line, python-threatexchange / HMA CSV, or a StopNCII
    hash page (its withdrawn and deleted hashes are withdrawn here too)."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        if str(file) == "-":
            summary = app.lists.import_file(name, sys.stdin, _import_format(None, fmt))
        else:
            with file.open(newline="") as stream:
                summary = app.lists.import_file(name, stream, _import_format(file, fmt))
    message = (
        f"read {summary.records} records: {summary.added} added,"
        f" {summary.existing} already in {name}"
    )
    if summary.withdrawn or summary.skipped:
        message += (
            f", {summary.withdrawn} withdrawn, {summary.skipped} skipped"
            " (a type or status not matched here)"
        )
    stderr().print(message)


@bank_app.command("export")
def export(
    ctx: typer.Context,
    name: str,
    fmt: Annotated[str, typer.Option("--format", help="lines, csv or pytx.")] = "lines",
) -> None:
    """Write a bank's hashes to standard output (lines: active PDQ; csv: everything; pytx:
    active PDQ as 'pdq <hash>', what python-threatexchange's local_file exchange loads)."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        count = app.lists.export(name, sys.stdout, _export_format(fmt))
    stderr().print(f"exported {count} entries")


@bank_app.command("withdraw")
def withdraw(ctx: typer.Context, name: str, entry_id: int) -> None:
    """Withdraw one entry: it stops matching at once."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        entry = app.withdraw_entry(name, entry_id)
    stderr().print(f"entry {entry.id} in {name} is {entry.status}")


def match_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="Image or video files, or folders (recursive).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    workers: Workers = None,
    server: OptionalServer = None,
    key: Key = None,
) -> None:
    """Match images against the banks, in all 8 orientations, and videos by vPDQ.

    With --server, the files are hashed here and only their hashes are sent.
    """
    from rich.table import Table

    from unshared.cli import videos

    err = stderr()
    files, clips = videos.split(paths)
    failed = matched = 0
    table = Table("path", "verdict", "matches")
    source = _match_remote if server is not None else _match_local
    with progress_bar(err) as progress:
        task = progress.add_task("matching", total=len(files))
        verdicts = source(ctx, files, workers, lambda _: progress.advance(task), server, key)
        with contextlib.closing(verdicts):
            for result, verdict in verdicts:
                if verdict is None:
                    failed += 1
                    row = result_json(result)
                    if as_json:
                        print(json.dumps(row), flush=True)
                    else:
                        table.add_row(str(result.path), "[red]error[/red]", str(row["error"]))
                    continue
                matched += verdict.matched
                if as_json:
                    row = {"path": str(result.path), **verdict.to_dict()}
                    print(json.dumps(row), flush=True)
                else:
                    table.add_row(str(result.path), *_verdict_cells(verdict))
        for path, verdict, error in _match_videos(ctx, clips, server, key):
            if verdict is None:
                assert error is not None
                failed += 1
                if as_json:
                    print(json.dumps(videos.error_json(path, error)), flush=True)
                else:
                    table.add_row(str(path), "[red]error[/red]", error.message)
                continue
            matched += verdict.matched
            if as_json:
                print(json.dumps({"path": str(path), **verdict.to_dict()}), flush=True)
            else:
                table.add_row(str(path), *_verdict_cells(verdict))
    if not as_json:
        stdout().print(table)
    total = len(files) + len(clips)
    noun = "files" if clips else "images"
    err.print(f"{matched} of {total} {noun} matched" + (f"; {failed} failed" if failed else ""))
    if failed or not total:
        raise typer.Exit(1)


def _verdict_cells(verdict: Verdict) -> tuple[str, str]:
    state = "MATCH" if verdict.matched else "overruled" if verdict.suppressed else "-"
    found = ", ".join(
        f"{m.bank}#{m.entry} {m.signal} d={m.distance}" + (f" ({m.category})" if m.category else "")
        for m in verdict.matches
    )
    return state, found


Verdicts = Generator[tuple["FileResult", "Verdict | None"], None, None]


def _match_local(
    ctx: typer.Context,
    files: list[Path],
    workers: int | None,
    on_done: Callable[[FileResult], None],
    server: str | None,
    key: str | None,
) -> Verdicts:
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        yield from app.match_files(files, workers=workers, on_done=on_done)


def _match_remote(
    ctx: typer.Context,
    files: list[Path],
    workers: int | None,
    on_done: Callable[[FileResult], None],
    server: str | None,
    key: str | None,
) -> Verdicts:
    from unshared.hashing.batch import hash_uploads

    assert server is not None
    config = settings(ctx)
    with connect(server, key) as client:
        # Hashes only, as the service hashes an upload; features would need the pixels.
        for result in hash_uploads(files, workers=workers, limits=limits(config), on_done=on_done):
            if result.signals is None:
                yield result, None
            else:
                yield result, client.match_signals(result.signals, result.trimmed)


def _match_videos(
    ctx: typer.Context, clips: list[Path], server: str | None, key: str | None
) -> Generator[tuple[Path, Verdict | None, UnsharedError | None], None, None]:
    """Each video's verdict: from the local bank (hashed by its video workers), or from the
    service, sent its hashes only."""
    from unshared.cli import videos

    if not clips:
        return
    config = settings(ctx)
    if server is None:
        from unshared.service import Unshared

        with Unshared(config) as app:
            yield from videos.each(clips, config, lambda data: app.videos.match(data)[1])
        return
    with connect(server, key) as client:
        for path, signals, error in videos.hash_here(clips, config):
            yield path, client.match_video_signals(signals) if signals else None, error


def register(app: typer.Typer) -> None:
    add_group(bank_app, "bank")
    app.command("match")(match_command)
