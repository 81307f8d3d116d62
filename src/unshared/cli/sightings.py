"""``unshared sightings ...``: an operator's sightings in the local store (add, list, verify).

A person reports theirs to a server with ``unshared case report-link``. Verifying fetches the
URL from this machine, under the same safe-fetching rules as the server (docs/takedown.md).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer

from unshared.cli import add_group, group, settings
from unshared.cli.remote import AsJson, show_sightings

if TYPE_CHECKING:
    from unshared.takedown.service import Verification

sightings_app = group(
    help="Where copies of a case's photos were seen: report, list and verify links."
)


def _dict(v: Verification) -> dict[str, Any]:
    """A sighting as the API writes it."""
    s, f = v.sighting, v.fetch
    fetch = None
    if f is not None:
        fetch = {"id": f.id, "at": f.at.isoformat(), **asdict(f.facts)}
        fetch["entry"] = fetch.pop("entry_id")
    return {
        "id": s.id,
        "case": v.case,
        "url": s.url,
        "host": s.host,
        "reported_by": s.reported_by,
        "reported_at": s.reported_at.isoformat(),
        "status": s.status,
        "entry": s.entry_id,
        "distance": s.distance,
        "checked_at": s.checked_at.isoformat() if s.checked_at else None,
        "category": s.category,
        "fetch": fetch,
    }


@sightings_app.command("add")
def add(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="The case number.")],
    url: Annotated[str, typer.Argument(help="Where the copy is: an http(s) page or image.")],
    as_json: AsJson = False,
) -> None:
    """Report where a copy of a case's photo is, and verify it now."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        seen = app.takedown.report_by_operator(case, url, actor="operator")
    show_sightings([_dict(seen)], as_json)


@sightings_app.command("list")
def list_sightings(
    ctx: typer.Context,
    case: Annotated[str | None, typer.Option(help="Only this case's.")] = None,
    status: Annotated[
        str | None,
        typer.Option(help="reported, verified, not_matching, unreachable or removed."),
    ] = None,
    host: Annotated[str | None, typer.Option(help="Only this host's.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 100,
    as_json: AsJson = False,
) -> None:
    """Sightings, newest first, with what their latest check found."""
    from unshared.bank import validate
    from unshared.bank.models import SIGHTING_STATUSES, SightingStatus
    from unshared.service import Unshared

    wanted: SightingStatus | None = None
    if status is not None:
        wanted = validate.one_of("status", status, SIGHTING_STATUSES)  # type: ignore[assignment]
    with Unshared(settings(ctx)) as app:
        found = app.takedown.sightings(case=case, status=wanted, host=host, limit=limit)
    show_sightings([_dict(v) for v in found], as_json)


@sightings_app.command("verify")
def verify(ctx: typer.Context, sighting_id: int, as_json: AsJson = False) -> None:
    """Fetch a sighting's URL again and record what it serves now."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        seen = app.takedown.verify(sighting_id, actor="operator")
    show_sightings([_dict(seen)], as_json)


def register(app: typer.Typer) -> None:
    add_group(sightings_app, "sightings")
