"""``unshared watch ...``: the monitor's watch targets in the local store (add, list, run,
disable, enable, remove).

A target is fetched on its schedule by a running server; ``run`` fetches it now, from this
machine, under the same safe-fetching rules and host politeness (docs/takedown.md, "Monitor").
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from unshared.cli import add_group, escape, group, settings, stderr, stdout
from unshared.cli.hash import progress_bar
from unshared.cli.remote import AsJson

if TYPE_CHECKING:
    from unshared.bank.models import WatchRun, WatchTarget

watch_app = group(
    help="Pages, sitemaps and feeds fetched on a schedule, every image matched against the"
    " banks; a match becomes a sighting.",
    no_args_is_help=True,
)

Id = Annotated[int, typer.Argument(help="The watch target's id (unshared watch list).")]


def target_dict(t: WatchTarget) -> dict[str, Any]:
    """A watch target as the API writes it."""
    return {
        "id": t.id,
        "url": t.url,
        "host": t.host,
        "kind": t.kind,
        "interval_seconds": t.interval_seconds,
        "enabled": t.enabled,
        "created_by": t.created_by,
        "created_at": t.created_at.isoformat(),
        "next_run_at": t.next_run_at.isoformat(),
        "last_run_at": t.last_run_at.isoformat() if t.last_run_at else None,
        "last_result": t.last_result.to_dict() if t.last_result else None,
    }


def _show(targets: list[WatchTarget], as_json: bool) -> None:
    from rich.table import Table

    if as_json:
        for target in targets:
            print(json.dumps(target_dict(target)))
        return
    table = Table("id", "kind", "every", "on", "next run", "last run", "url")
    for t in targets:
        table.add_row(
            str(t.id),
            t.kind,
            f"{t.interval_seconds}s",
            "yes" if t.enabled else "no",
            t.next_run_at.isoformat(timespec="seconds"),
            _brief(t.last_result) if t.last_result else "never",
            escape(t.url),
        )
    stdout().print(table)


def _brief(run: WatchRun) -> str:
    if run.error:
        return f"{run.started_at.isoformat(timespec='seconds')}: {run.error}"
    return (
        f"{run.started_at.isoformat(timespec='seconds')}: {run.pages} pages, {run.images}"
        f" images, {run.matches} matched, {len(run.sightings)} new sightings"
        + (" (capped)" if run.capped else "")
    )


@watch_app.command("add")
def add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The page, sitemap or RSS/Atom feed to watch.")],
    kind: Annotated[
        str, typer.Option(help="page, sitemap or feed (RSS or Atom).", show_default=True)
    ] = "page",
    interval: Annotated[
        int, typer.Option("--every", help="Seconds between runs (60 at least).", min=60)
    ] = 3600,
    as_json: AsJson = False,
) -> None:
    """Watch a page, sitemap or feed, fetched every --every seconds from now.

    A running server fetches it on its schedule; 'unshared watch run' fetches it at once.
    """
    from unshared.bank import validate
    from unshared.bank.models import WATCH_KINDS, WatchKind
    from unshared.service import Unshared

    wanted: WatchKind = validate.one_of("--kind", kind, WATCH_KINDS)  # type: ignore[assignment]
    with Unshared(settings(ctx)) as app:
        target = app.monitor.add(url, wanted, interval, actor="operator")
    _show([target], as_json)


@watch_app.command("list")
def list_targets(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Every watch target, with when it runs next and what its last run found."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        targets = app.monitor.targets()
    _show(targets, as_json)


@watch_app.command("run")
def run(
    ctx: typer.Context,
    ids: Annotated[
        list[int] | None, typer.Argument(help="Targets to run (default: every enabled one).")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Run watch targets now, from this machine: fetch, match, make sightings.

    Each one's next scheduled run is then its interval from now.
    """
    from unshared.service import Unshared

    err = stderr()
    out = stdout()
    with Unshared(settings(ctx)) as app:
        monitor = app.monitor
        wanted = ids or [t.id for t in monitor.targets(enabled=True)]
        for watch_id in wanted:
            target = monitor.get(watch_id)
            with progress_bar(err) as progress:
                task = progress.add_task(f"watch {target.id}", total=None)

                def step(done: int, total: int, url: str, task: Any = task) -> None:
                    progress.update(task, completed=done, total=total)

                target, result = monitor.run(watch_id, progress=step)
            if as_json:
                print(json.dumps({"watch": target_dict(target), "run": result.to_dict()}))
                continue
            out.print(f"watch {target.id} {escape(target.url)}", highlight=False)
            out.print(f"  {escape(_brief(result))}", highlight=False)
            for sighting in result.sightings:
                out.print(f"  sighting {sighting} verified", highlight=False)
            for problem in result.problems:
                out.print(f"  [yellow]{escape(problem)}[/yellow]", highlight=False)


@watch_app.command("disable")
def disable(ctx: typer.Context, watch_id: Id, as_json: AsJson = False) -> None:
    """Stop running a target on its schedule (it is kept, and can still be run by hand)."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        target = app.monitor.disable(watch_id, actor="operator")
    _show([target], as_json)


@watch_app.command("enable")
def enable(ctx: typer.Context, watch_id: Id, as_json: AsJson = False) -> None:
    """Run a disabled target on its schedule again, from now."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        target = app.monitor.enable(watch_id, actor="operator")
    _show([target], as_json)


@watch_app.command("remove")
def remove(ctx: typer.Context, watch_id: Id) -> None:
    """Forget a watch target (the sightings it found stay, with their evidence)."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        app.monitor.remove(watch_id, actor="operator")
    stderr().print(f"watch {watch_id} removed")


def register(app: typer.Typer) -> None:
    add_group(watch_app, "watch")
