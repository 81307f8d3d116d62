"""``unshared sync``, ``unshared report`` and ``unshared case``: the service, from a terminal.

Images are hashed here; only their hashes are sent. The server and key come from ``--server``
and ``--key``, or from ``UNSHARED_SERVER`` and ``UNSHARED_KEY`` (better for the key: a command
line can be read by other users of the machine).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from unshared.cli import add_group, escape, group, settings, stderr, stdout
from unshared.cli.hash import progress_bar
from unshared.config import Settings
from unshared.errors import InvalidInput, Unavailable

if TYPE_CHECKING:  # httpx, the service and the image libraries load only in the commands using them
    from rich.console import Console

    from unshared.client import Client
    from unshared.hashing.decode import Limits
    from unshared.replies import CaseReply
    from unshared.sync import Sync, SyncSummary

_SERVER_HELP = "The service: http(s)://HOST:PORT (env UNSHARED_SERVER)."
_KEY_HELP = "API key (env UNSHARED_KEY: safer, as other users can read command lines)."

Server = Annotated[
    str, typer.Option("--server", envvar="UNSHARED_SERVER", show_envvar=False, help=_SERVER_HELP)
]
#: ``--server`` on a command that works locally without it.
OptionalServer = Annotated[
    str | None,
    typer.Option(
        "--server",
        envvar="UNSHARED_SERVER",
        show_envvar=False,
        help="Ask this service instead of the local bank (env UNSHARED_SERVER).",
    ),
]
Key = Annotated[
    str | None,
    typer.Option("--key", envvar="UNSHARED_KEY", show_envvar=False, help=_KEY_HELP),
]
Pin = Annotated[
    str | None,
    typer.Option(
        "--pin",
        envvar="UNSHARED_PIN",
        show_envvar=False,
        help="The case's PIN (env UNSHARED_PIN; default: asked for, hidden).",
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="JSON on standard output.")]

OUTCOMES = ("removed", "blocked", "queued", "not_ncii", "duplicate", "not_found")


def connect(server: str, key: str | None = None) -> Client:
    """A client for the CLI: a bad address is a usage error, not a crash."""
    from unshared.client import Client

    try:
        return Client(server, key)
    except InvalidInput as exc:
        raise typer.BadParameter(exc.message, param_hint="--server") from None


def json_line(model: Any) -> str:
    """A model (a dataclass) as one line of JSON, times in ISO 8601."""

    def other(value: object) -> object:
        if isinstance(value, datetime):
            return value.isoformat()
        raise TypeError(f"{type(value).__name__} is not JSON")

    return json.dumps(asdict(model), default=other)


def limits(config: Settings) -> Limits:
    from unshared.hashing.decode import Limits

    return Limits.of(config)


# -- sync -------------------------------------------------------------------------------------


def sync_command(
    ctx: typer.Context,
    server: Server,
    key: Key = None,
    follow: Annotated[
        bool, typer.Option("--follow", help="Keep going: sync again every --every seconds.")
    ] = False,
    every: Annotated[float, typer.Option(min=1, help="Seconds between syncs with --follow.")] = 60,
    from_start: Annotated[
        bool,
        typer.Option(
            "--from-start",
            help="Read the whole feed again, checking each change (to repair a copy, or to"
            " follow the same service at a new address).",
        ),
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Bring the local copy of the bank up to date from the service's feed, withdrawals too,
    so that 'unshared match' works offline."""
    from unshared.service import Unshared
    from unshared.sync import Sync

    err = stderr()
    with Unshared(settings(ctx)) as app, connect(server, key) as client:
        sync = Sync(client, app)
        rounds = 0
        while True:
            try:
                summary = _sync_once(sync, from_start, err)
            except Unavailable as exc:
                if not follow:
                    raise
                err.print(f"[yellow]{escape(exc.message)}; trying again in {every:g}s[/yellow]")
            except KeyboardInterrupt:
                err.print("stopped")
                return
            else:
                if summary.changes or summary.notes or not rounds:  # following: news only
                    _say(summary, as_json)
                from_start = False
            rounds += 1
            if not follow:
                return
            try:
                time.sleep(every)
            except KeyboardInterrupt:
                return


def _sync_once(sync: Sync, from_start: bool, err: Console) -> SyncSummary:
    with progress_bar(err) as progress:
        task = progress.add_task("syncing", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return sync.run(from_start=from_start, on_progress=advance)


def _say(summary: SyncSummary, as_json: bool) -> None:
    if as_json:
        print(json_line(summary), flush=True)
    err = stderr()
    for note in summary.notes:
        err.print(f"[yellow]note:[/yellow] {escape(note)}", highlight=False)
    parts = [f"{summary.added} added", f"{summary.updated} status changes"]
    if summary.unchanged:
        parts.append(f"{summary.unchanged} already applied")
    if summary.unknown:
        parts.append(f"{summary.unknown} for entries not held here")
    if summary.apart:
        parts.append(f"{summary.apart} kept apart from a local entry with the same hash")
    err.print(
        f"synced {summary.changes} changes from {summary.server} ({', '.join(parts)});"
        f" at change {summary.cursor} of {summary.latest}",
        highlight=False,
    )


# -- report -----------------------------------------------------------------------------------


def report_command(
    entry: Annotated[int, typer.Argument(min=1, help="The entry on the server (server_entry).")],
    outcome: Annotated[str, typer.Argument(help=", ".join(OUTCOMES) + ".")],
    server: Server,
    key: Key = None,
    note: Annotated[str, typer.Option(help="A word for the operators.")] = "",
    url: Annotated[
        str | None, typer.Option(help="Where the copy was; the service verifies it there.")
    ] = None,
) -> None:
    """Tell the service what you did about a match: removed, blocked, queued, or why not."""
    if outcome not in OUTCOMES:
        raise typer.BadParameter(f"the outcome is one of {', '.join(OUTCOMES)}")
    with connect(server, key) as client:
        report = client.report(entry, outcome, note, url)
    print(json_line(report))


# -- a person's case --------------------------------------------------------------------------

case_app = group(
    help="A case of your own photos, by their hashes: make it, follow it, withdraw it."
)

Paths = Annotated[list[Path], typer.Argument(help="Image files or folders (recursive).")]


def _pin(pin: str | None) -> str:
    return pin or str(typer.prompt("PIN", hide_input=True))


Minor = Annotated[
    bool,
    typer.Option(
        "--minor",
        help="The person in the photos is under 18, or was when they were taken: platforms"
        " then treat the hashes as child sexual abuse images. Nothing else is asked.",
    ),
]


@case_app.command("create")
def case_create(
    ctx: typer.Context,
    paths: Paths,
    server: Server,
    minor: Minor = False,
    as_json: AsJson = False,
) -> None:
    """Hash photos on this machine and open a case with their hashes (the photos stay here)."""
    config = settings(ctx)
    with connect(server) as client:
        made = client.hash_and_create_case(
            paths, limits=limits(config), min_quality=config.pdq_min_quality, minor=minor
        )
    if as_json:
        print(json_line(made))
        return
    marked = ", a minor's case" if made.minor else ""
    stdout().print(f"case {made.number}  PIN {made.pin}  ({made.hashes} hashes{marked})")
    stderr().print("Keep the case number and the PIN: the PIN is not shown again.")


@case_app.command("status")
def case_status(number: str, server: Server, pin: Pin = None, as_json: AsJson = False) -> None:
    """Your case, its hashes and what platforms reported about them."""
    with connect(server) as client:
        view = client.case_status(number, _pin(pin))
    _show_case(view, as_json)


@case_app.command("add")
def case_add(
    ctx: typer.Context,
    number: str,
    paths: Paths,
    server: Server,
    pin: Pin = None,
    as_json: AsJson = False,
) -> None:
    """Hash more photos here and add their hashes to your case."""
    config = settings(ctx)
    secret = _pin(pin)
    with connect(server) as client:
        view = client.hash_and_add_to_case(
            number, secret, paths, limits=limits(config), min_quality=config.pdq_min_quality
        )
    _show_case(view, as_json)


@case_app.command("withdraw")
def case_withdraw(number: str, server: Server, pin: Pin = None, as_json: AsJson = False) -> None:
    """Withdraw your case: its hashes stop matching at once."""
    with connect(server) as client:
        view = client.withdraw_case(number, _pin(pin))
    _show_case(view, as_json)


def _show_case(view: CaseReply, as_json: bool) -> None:
    from rich.table import Table

    if as_json:
        print(json_line(view))
        return
    out = stdout()
    marked = ", a minor's case" if view.minor else ""
    out.print(f"case {view.number}: {view.status}{marked}, made {view.created_at.isoformat()}")
    hashes = Table("entry", "signal", "status", "added")
    for h in view.hashes:
        hashes.add_row(str(h.entry_id), h.signal_type, h.status, h.added_at.isoformat())
    out.print(hashes)
    if view.reports:
        reports = Table("when", "entry", "outcome")
        for r in view.reports:
            reports.add_row(r.at.isoformat(), str(r.entry_id), r.outcome)
        out.print(reports)
    else:
        out.print("no reports from platforms yet")


@case_app.command("report-link")
def case_report_link(
    number: str,
    url: Annotated[str, typer.Argument(help="Where the copy is: an http(s) page or image.")],
    server: Server,
    pin: Pin = None,
    as_json: AsJson = False,
) -> None:
    """Report a link to a copy of one of your photos; the service checks it by hashes alone."""
    with connect(server) as client:
        seen = client.report_link(number, _pin(pin), url)
    show_sightings([seen], as_json)


@case_app.command("links")
def case_links(number: str, server: Server, pin: Pin = None, as_json: AsJson = False) -> None:
    """The links reported for your case and what their latest check found."""
    with connect(server) as client:
        seen = client.links(number, _pin(pin))
    show_sightings(seen, as_json)


def show_sightings(sightings: list[dict[str, Any]], as_json: bool) -> None:
    """Sightings as the API writes them: JSON lines, or a table."""
    from rich.table import Table

    if as_json:
        for sighting in sightings:
            print(json.dumps(sighting))
        return
    table = Table("id", "case", "status", "distance", "checked", "url", "why")
    for s in sightings:
        fetch = s.get("fetch") or {}
        why = fetch.get("error") or (
            f"HTTP {fetch['http_status']}" if fetch.get("http_status") else ""
        )
        distance = "" if s.get("distance") is None else str(s["distance"])
        minor = " (minor)" if s.get("category") == "minor" else ""
        table.add_row(
            str(s["id"]),
            s["case"] + minor,
            s["status"],
            distance,
            str(s.get("checked_at") or ""),
            escape(s["url"]),
            escape(why),
        )
    stdout().print(table)


def register(app: typer.Typer) -> None:
    app.command("sync")(sync_command)
    app.command("report")(report_command)
    add_group(case_app, "case")
