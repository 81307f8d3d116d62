"""``unshared jobs run``: the store's due jobs (a watch target's run, a notice's check at its
deadline), run now from this machine.

A running server runs them itself every ``scheduler_poll`` seconds. Where none runs (the CLI
alone over a store), run this from cron, every few minutes: each job runs once however many
processes run it at the same time (they claim jobs with a lease; docs/takedown.md, "Clocks").
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from unshared.cli import add_group, escape, group, settings, stdout
from unshared.cli.remote import AsJson

jobs_app = group(
    help="Scheduled jobs (notice clocks, watch runs): run the due ones now, as a server does.",
    no_args_is_help=True,
)


@jobs_app.command("run")
def run(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(min=1, help="At most this many jobs.")] = 100,
    as_json: AsJson = False,
) -> None:
    """Run every job due now, once each; exit 1 if any failed (it is tried again later)."""
    from unshared.service import Unshared

    out = stdout()
    with Unshared(settings(ctx)) as app:
        outcomes = app.run_due_jobs(limit=limit)
    for outcome in outcomes:
        job = outcome.job
        again = outcome.retry_at.isoformat(timespec="seconds") if outcome.retry_at else None
        if as_json:
            print(
                json.dumps(
                    {
                        "id": job.id,
                        "kind": job.kind,
                        "subject_id": job.subject_id,
                        "attempts": job.attempts,
                        "error": outcome.error,
                        "retry_at": again,
                    }
                )
            )
            continue
        said = f"job {job.id}: {job.kind} {job.subject_id}"
        if not outcome.error:
            out.print(f"{escape(said)}: done", highlight=False)
        else:
            later = f"; tried again at {again}" if again else "; given up"
            out.print(f"[red]{escape(said)}: {escape(outcome.error)}{later}[/red]", highlight=False)
    if not outcomes and not as_json:
        out.print("no job is due")
    if any(outcome.error for outcome in outcomes):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    add_group(jobs_app, "jobs")
