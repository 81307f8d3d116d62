"""``unshared hash PATH...``: the signals of images and videos, as a table or JSON lines."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from unshared.cli import settings, stderr, stdout

if TYPE_CHECKING:  # numpy and the image libraries load only when a command hashes (--help is fast)
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from unshared.hashing.batch import FileResult


class Quiet:
    """What ``progress_bar`` gives when it would draw nothing: the calls the commands make on a
    progress bar, doing nothing, without loading Rich's progress display (some 8 ms)."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def __enter__(self) -> Quiet:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def add_task(self, description: str, total: float | None = None) -> TaskID:
        return cast("TaskID", 0)

    def advance(self, task_id: TaskID, advance: float = 1) -> None:
        return None

    def update(
        self, task_id: TaskID, *, total: float | None = None, completed: float | None = None
    ) -> None:
        return None


def progress_bar(console: Console) -> Progress | Quiet:
    """A progress bar on stderr; it draws nothing when stderr is not a terminal."""
    if not console.is_terminal:
        return Quiet(console)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


def result_json(result: FileResult) -> dict[str, object]:
    if result.signals is None:
        assert result.error is not None
        return {"path": str(result.path), "error": result.error.message, "code": result.error.code}
    return {"path": str(result.path), **result.signals.to_dict()}


def hash_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="Image or video files, or folders (recursive).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Processes to use (default: all cores)."),
    ] = None,
    min_quality: Annotated[
        int | None,
        typer.Option(min=0, max=100, help="Refuse PDQ hashes under this quality (default 50)."),
    ] = None,
) -> None:
    """Hash images on this device: PDQ (with quality), MD5 and SHA-256; and videos: vPDQ, MD5 and
    SHA-256. Nothing is sent anywhere."""
    from unshared.cli import videos
    from unshared.hashing.batch import hash_files
    from unshared.hashing.decode import Limits

    config = settings(ctx)
    limits = Limits.of(config)
    files, clips = videos.split(paths)
    err = stderr()
    out = stdout()
    rows: list[tuple[str, str, str, str, str]] = []  # the table's, printed at the end
    failed = 0
    with progress_bar(err) as progress:
        task = progress.add_task("hashing", total=len(files))
        results = hash_files(
            files,
            workers=workers,
            limits=limits,
            min_quality=config.pdq_min_quality if min_quality is None else min_quality,
            on_done=lambda _: progress.advance(task),
        )
        # Closed at once when this loop stops early (Ctrl-C while waiting to write, say): the
        # generator then stops its workers now, not when the interpreter finalises it.
        with closing(results):
            for result in results:
                failed += not result.ok
                if as_json:
                    print(json.dumps(result_json(result)), flush=True)
                elif result.signals is not None:
                    s = result.signals
                    rows.append(
                        (str(result.path), str(s.quality), s.pdq.hex, s.md5.hex, s.sha256.hex)
                    )
                else:
                    assert result.error is not None
                    rows.append(
                        (str(result.path), "", f"[red]{result.error.message}[/red]", "", "")
                    )
        for path, signals, error in videos.hash_here(clips, config):
            failed += error is not None
            if as_json:
                row = videos.error_json(path, error) if error else {"path": str(path)}
                print(json.dumps({**row, **(signals.to_dict() if signals else {})}), flush=True)
            elif signals is not None:
                frames = f"vpdq: {len(signals.vpdq)} frames"
                rows.append((str(path), "video", frames, signals.md5.hex, signals.sha256.hex))
            else:
                assert error is not None
                rows.append((str(path), "", f"[red]{error.message}[/red]", "", ""))
    if not as_json:
        from rich.table import Table

        table = Table("path", "quality", "pdq", "md5", "sha256")
        for cells in rows:
            table.add_row(*cells)
        for column in table.columns:
            column.overflow = "fold"
        out.print(table)
    if not files and not clips:
        err.print("no image or video files found")
        raise typer.Exit(1)
    if failed:
        err.print(f"{failed} of {len(files) + len(clips)} files could not be hashed")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("hash")(hash_command)
