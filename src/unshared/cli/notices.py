"""``unshared notices ...``: an operator's notices in the local store (list, draft, send, show,
acknowledge, withdraw).

A notice is drafted for each verified sighting on its own; ``draft`` writes one under another
regime. Sending by email uses the mail server in the settings (``smtp_url``), and only for a
notice the person authorised the operator to send; ``send`` on a download records that the person
sent it. Either way the clock starts: the server fetches the URL again at the deadline.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from unshared.cli import add_group, escape, group, settings, stderr, stdout
from unshared.cli.remote import AsJson

if TYPE_CHECKING:
    from unshared.bank.models import Notice

notices_app = group(
    help="Notices to the hosts of copies: list, draft, send, show, acknowledge, withdraw."
)

Id = Annotated[int, typer.Argument(help="The notice's id.", min=1)]


def _dict(n: Notice) -> dict[str, Any]:
    """A notice as the API writes it (never the person's details)."""

    def when(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "id": n.id,
        "sighting_id": n.sighting_id,
        "case": n.case,
        "url": n.url,
        "host": n.host,
        "regime": n.regime,
        "state": n.state,
        "delivery": n.delivery,
        "recipient": n.recipient,
        "minor": n.minor,
        "created_at": when(n.created_at),
        "sent_at": when(n.sent_at),
        "deadline": when(n.deadline),
        "closed_at": when(n.closed_at),
        "follow_up_of": n.follow_up_of,
        "authorised": n.authorised,
        "message_id": n.message_id,
    }


def _show(found: list[Notice], as_json: bool) -> None:
    from rich.table import Table

    if as_json:
        for notice in found:
            print(json.dumps(_dict(notice)))
        return
    table = Table("id", "case", "regime", "state", "delivery", "to", "deadline", "url")
    for n in found:
        table.add_row(
            str(n.id) + (f" (follows {n.follow_up_of})" if n.follow_up_of else ""),
            n.case,
            n.regime,
            n.state + (", authorised" if n.authorised and n.state == "draft" else ""),
            n.delivery,
            escape(n.recipient),
            n.deadline.isoformat(timespec="minutes") if n.deadline else "",
            escape(n.url),
        )
    stdout().print(table)


@notices_app.command("list")
def list_notices(
    ctx: typer.Context,
    case: Annotated[str | None, typer.Option(help="Only this case's.")] = None,
    state: Annotated[
        str | None,
        typer.Option(help="draft, sent, acknowledged, removed, overdue or withdrawn."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 100,
    as_json: AsJson = False,
) -> None:
    """Notices, overdue first, then by deadline."""
    from unshared.bank import validate
    from unshared.bank.models import NOTICE_STATES, NoticeState
    from unshared.service import Unshared

    wanted: NoticeState | None = None
    if state is not None:
        wanted = validate.one_of("state", state, NOTICE_STATES)  # type: ignore[assignment]
    with Unshared(settings(ctx)) as app:
        found = app.takedown.notices.list(case=case, state=wanted, limit=limit)
    _show(found, as_json)


@notices_app.command("draft")
def draft(
    ctx: typer.Context,
    sighting: Annotated[int, typer.Argument(help="A verified sighting's id.", min=1)],
    regime: Annotated[
        str | None,
        typer.Option(help="us_take_it_down, eu_dsa_16 or uk_osa (default: notice_regime)."),
    ] = None,
    delivery: Annotated[
        str | None,
        typer.Option(help="email or download (default: email if the host's contact is known)."),
    ] = None,
    recipient: Annotated[str, typer.Option(help="The host's abuse address, if not set.")] = "",
    minor: Annotated[bool, typer.Option(help="The person depicted is a minor.")] = False,
    as_json: AsJson = False,
) -> None:
    """Draft a notice about a verified sighting."""
    from unshared.bank import validate
    from unshared.bank.models import DELIVERIES, Delivery
    from unshared.service import Unshared

    how: Delivery | None = None
    if delivery is not None:
        how = validate.one_of("delivery", delivery, DELIVERIES)  # type: ignore[assignment]
    with Unshared(settings(ctx)) as app:
        made = app.takedown.notices.draft(
            sighting,
            regime=regime,
            delivery=how,
            recipient=recipient,
            minor=minor,
            actor="operator",
        )
    _show([made], as_json)


@notices_app.command("send")
def send(
    ctx: typer.Context,
    notice: Id,
    recipient: Annotated[str | None, typer.Option(help="Send here instead.")] = None,
    as_json: AsJson = False,
) -> None:
    """Send a draft by email (one the person authorised), or record that the person sent
    their download; either way its clock starts."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        sent = app.takedown.notices.send(notice, actor="operator", recipient=recipient)
    _show([sent], as_json)


@notices_app.command("show")
def show(
    ctx: typer.Context,
    notice: Id,
    fmt: Annotated[
        str, typer.Option("--format", help="text, html or pdf (pdf needs --out).")
    ] = "text",
    out: Annotated[Path | None, typer.Option(help="Write the notice to this file.")] = None,
    as_json: AsJson = False,
) -> None:
    """A notice as the host reads it (text, HTML or PDF), or its record (``--json``)."""
    from unshared.bank import validate
    from unshared.service import Unshared

    fmt = validate.one_of("--format", fmt, ("text", "html", "pdf"))
    if fmt == "pdf" and out is None and not as_json:
        raise typer.BadParameter("a PDF goes to a file: give --out FILE", param_hint="--format")
    with Unshared(settings(ctx)) as app:
        if as_json:
            _show([app.takedown.notices.get(notice)], as_json=True)
            return
        rendered = app.takedown.notices.render(notice)
    data = rendered.pdf if fmt == "pdf" else (rendered.html if fmt == "html" else rendered.text)
    if out is None:
        assert isinstance(data, str)
        sys.stdout.write(data if data.endswith("\n") else data + "\n")
        return
    out.write_bytes(data if isinstance(data, bytes) else data.encode())
    stderr().print(f"wrote {out}")


@notices_app.command("acknowledge")
def acknowledge(ctx: typer.Context, notice: Id, as_json: AsJson = False) -> None:
    """Record that the host answered (the copy is still checked at the deadline)."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        done = app.takedown.notices.acknowledge(notice, actor="operator")
    _show([done], as_json)


@notices_app.command("withdraw")
def withdraw(ctx: typer.Context, notice: Id, as_json: AsJson = False) -> None:
    """Withdraw a notice; the person's details kept with it are forgotten."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        done = app.takedown.notices.withdraw(notice, actor="operator")
    _show([done], as_json)


def register(app: typer.Typer) -> None:
    add_group(notices_app, "notices")
