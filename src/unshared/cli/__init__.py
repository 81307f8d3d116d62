"""The ``unshared`` command: a thin adapter over the library.

This module is the one place where errors become exit codes and messages.

The command modules import the library (numpy, the image libraries, httpx, the service) inside the
commands that need it, never at module level: ``--help`` then loads none of it and ``hash`` only
the image libraries (``tests/cli/test_startup.py`` keeps it so; ``benchmarks/startup.py`` times it).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from unshared.config import Settings
from unshared.errors import UnsharedError

app = typer.Typer(
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
    return Console(stderr=True)


def stdout() -> Console:
    """The console for results; piped into a file, it does not fold 64-digit hashes."""
    console = Console()
    if not console.is_terminal:
        console.width = 1000
    return console


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
    try:
        app(prog_name="unshared")
    except UnsharedError as exc:
        stderr().print(f"[red]error:[/red] {exc.message}", highlight=False, markup=True)
        sys.exit(exc.exit_code)
