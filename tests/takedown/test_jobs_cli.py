"""``unshared jobs run``: where no server runs (a CLI-only deployment, run from cron), the store's
due jobs (a watch target's run, a notice's check at its deadline) run when the command says."""

from __future__ import annotations

from pathlib import Path

from tests.takedown.site import Site
from tests.takedown.test_monitor import _photos, serve
from tests.takedown.test_takedown_cli import ALLOW, lines, run
from unshared.actions.cases import Cases
from unshared.config import Settings
from unshared.hashing.batch import Views, hash_data
from unshared.hashing.decode import Limits
from unshared.service import Unshared


def test_due_jobs_run_from_the_terminal_once_each(tmp_path: Path, site: Site) -> None:
    home = tmp_path / "home"
    original, copy = _photos()
    serve(site, copy)
    signals, _, _ = hash_data(original, Limits(), 0, False, Views())
    with Unshared(Settings.load(env={}, home=home)) as app:
        number = Cases(app.store).create([list(signals.signals())]).case.number
    fast = {**ALLOW, "UNSHARED_WATCH_HOST_DELAY": "0"}
    assert run("jobs", "run", "--json", home=home).stdout == ""  # nothing due yet

    added = run("watch", "add", site.url("/sitemap.xml"), "--kind", "sitemap", "--json",
                home=home, env=fast)  # fmt: skip
    assert added.returncode == 0, added.stderr
    [target] = lines(added.stdout)

    ran = run("jobs", "run", "--json", home=home, env=fast)  # the target's first run is due now
    assert ran.returncode == 0, ran.stderr
    [outcome] = lines(ran.stdout)
    assert (outcome["kind"], outcome["subject_id"], outcome["error"]) == (
        "watch.run",
        target["id"],
        "",
    )
    [seen] = lines(run("sightings", "list", "--case", number, "--json", home=home).stdout)
    assert (seen["reported_by"], seen["status"]) == ("monitor", "verified")
    # Run once: the next run is the target's interval away, not due again now.
    again = run("jobs", "run", home=home, env=fast)
    assert again.returncode == 0 and "no job is due" in again.stdout

    # A job that fails is kept, with its error and when it is tried again, and says so.
    with Unshared(Settings.load(env={}, home=home)) as app:
        app.store.add_job("no.such.kind", 1, app.clock())
    failed = run("jobs", "run", home=home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "no.such.kind" in failed.stdout and "no handler" in failed.stdout
    assert "again at" in failed.stdout
