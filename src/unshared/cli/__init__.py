"""The ``unshared`` command: a thin adapter over the library.

This module is the one place where errors become exit codes and messages.

The command modules import the library (numpy, the image libraries, httpx, the service) inside the
commands that need it, never at module level: ``--help`` then loads none of it and ``hash`` only
the image libraries (``tests/cli/test_startup.py`` keeps it so; ``benchmarks/startup.py`` times it).
Rich, too, loads only when a command prints through it, and help is click's plain text: Typer's
Rich help costs about 0.1 s of start-up (Rich's markdown, tracebacks and pretty-printer) for
boxes around the same words (docs/hashing.md, "How fast the command starts").
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup
from typer.main import get_group

from unshared.config import Settings
from unshared.errors import UnsharedError

if TYPE_CHECKING:
    from rich.console import Console
    from typer._click import Command, Context, HelpFormatter  # Typer's own copy of click


class PlainGroup(TyperGroup):
    """Click's plain help, listing each command with the first paragraph of its help whole, as
    Rich help did (click would cut it at the first sentence or the line's width)."""

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                text = command.short_help or (command.help or "").split("\n\n")[0]
                rows.append((name, " ".join(text.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def group(**options: Any) -> typer.Typer:
    """A command group with the CLI's plain help (each ``typer.Typer`` decides its own)."""
    return typer.Typer(cls=PlainGroup, rich_markup_mode=None, **options)


#: The command groups (``bank``, ``case``, ...), by name: see ``Root``.
_GROUPS: dict[str, typer.Typer] = {}


def add_group(sub: typer.Typer, name: str) -> None:
    """``unshared NAME ...``: the commands of ``sub``, built only when they are run or listed."""
    _GROUPS[name] = sub


class Root(PlainGroup):
    """The top level, whose command groups are built only when named or listed (help): Typer
    builds each command from its parameters' annotations, about 17 ms for the 33 commands in
    groups, which ``unshared hash`` does not need."""

    def list_commands(self, ctx: Context) -> list[str]:
        return [*super().list_commands(ctx), *_GROUPS]

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name in _GROUPS:
            command = get_group(_GROUPS[cmd_name])
            command.name = cmd_name
            return command
        return super().get_command(ctx, cmd_name)


app = typer.Typer(
    cls=Root,
    rich_markup_mode=None,
    name="unshared",
    help="Find and take down intimate images shared without consent, by their hashes alone.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _global(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(help="Data folder (env UNSHARED_HOME; default ~/.local/share/unshared)."),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            help="Store URL, sqlite:///PATH or postgresql://... (env UNSHARED_STORE_URL)."
        ),
    ] = None,
) -> None:
    ctx.obj = Settings.load(home=home, store_url=store)


def settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def stdout() -> Console:
    """The console for results; piped into a file, it does not fold 64-digit hashes."""
    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console.width = 1000
    return console


def escape(text: str) -> str:
    """``text`` with Rich's markup escaped, to print it as it is (Rich loads here, not with the
    command modules)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _register() -> None:
    from unshared.cli import (
        bank,
        coercion,
        evidence,
        hash,
        jobs,
        notices,
        remote,
        scan,
        serve,
        sightings,
        watch,
    )

    coercion.install()
    hash.register(app)
    bank.register(app)
    remote.register(app)
    serve.register(app)
    scan.register(app)
    sightings.register(app)
    notices.register(app)
    evidence.register(app)
    watch.register(app)
    jobs.register(app)


_register()


def main() -> None:
    """Entry point: run the app, turning our errors into a message and their exit code."""
    # Nothing here calls BLAS (PDQ and the indexes use their own code), so numpy's OpenBLAS
    # needs no threads: starting them costs every process that loads numpy some 30 ms of CPU.
    # Set before numpy loads; the worker processes inherit it; a user's own setting is kept.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        app(prog_name="unshared")
    except UnsharedError as exc:
        stderr().print(f"[red]error:[/red] {exc.message}", highlight=False, markup=True)
        sys.exit(exc.exit_code)
