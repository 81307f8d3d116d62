"""``unshared notices`` from a terminal, over the local store: real processes, a real web site on
127.0.0.1 (allowed by the setting, through the environment as a user would set it)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.takedown.site import Page, Site
from tests.takedown.test_takedown_cli import ALLOW, _photo_and_copy, lines, run
from unshared.actions.cases import Cases
from unshared.config import Settings
from unshared.hashing.batch import Views, hash_data
from unshared.hashing.decode import Limits
from unshared.service import Unshared


def test_an_operator_works_notices_from_the_terminal(tmp_path: Path, site: Site) -> None:
    home = tmp_path / "home"
    original, copy = _photo_and_copy()
    signals, _, _ = hash_data(original, Limits(), 0, False, Views())
    with Unshared(Settings.load(env={}, home=home)) as app:
        number = Cases(app.store).create([list(signals.signals())]).case.number
    url = site.put("/a.jpg", Page(body=copy, headers={"Content-Type": "image/jpeg"}))
    added = run("sightings", "add", number, url, "--json", home=home, env=ALLOW)
    assert added.returncode == 0, added.stderr
    [sighting] = lines(added.stdout)

    listed = run("notices", "list", "--json", home=home)
    assert listed.returncode == 0, listed.stderr
    [auto] = lines(listed.stdout)
    assert (auto["state"], auto["regime"], auto["delivery"], auto["sighting_id"]) == (
        "draft",
        "us_take_it_down",
        "download",
        sighting["id"],
    )

    drafted = run(
        "notices", "draft", str(sighting["id"]), "--regime", "uk_osa", "--json", home=home
    )
    assert drafted.returncode == 0, drafted.stderr
    [uk] = lines(drafted.stdout)
    assert (uk["regime"], uk["case"], uk["url"]) == ("uk_osa", number, url)

    text = run("notices", "show", str(uk["id"]), home=home)
    assert text.returncode == 0 and "Sexual Offences Act 2003" in text.stdout
    assert "(your full name)" in text.stdout and url in text.stdout
    pdf = tmp_path / "notice.pdf"
    wrote = run("notices", "show", str(uk["id"]), "--format", "pdf", "--out", str(pdf), home=home)
    assert wrote.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert run("notices", "show", str(uk["id"]), "--format", "pdf", home=home).returncode == 2
    record = json.loads(run("notices", "show", str(uk["id"]), "--json", home=home).stdout)
    assert record["id"] == uk["id"] and record["state"] == "draft"

    # An email needs the person's authorisation; a download is recorded as sent by hand.
    by_email = lines(
        run(
            "notices", "draft", str(sighting["id"]), "--delivery", "email",
            "--recipient", "abuse@example.net", "--json", home=home,
        ).stdout
    )[0]  # fmt: skip
    refused = run("notices", "send", str(by_email["id"]), home=home)
    assert refused.returncode == 4 and "not authorised" in refused.stderr
    sent = lines(run("notices", "send", str(uk["id"]), "--json", home=home).stdout)[0]
    assert sent["state"] == "sent" and sent["deadline"] is not None
    acked = lines(run("notices", "acknowledge", str(uk["id"]), "--json", home=home).stdout)[0]
    assert acked["state"] == "acknowledged"
    withdrawn = lines(run("notices", "withdraw", str(auto["id"]), "--json", home=home).stdout)[0]
    assert withdrawn["state"] == "withdrawn" and withdrawn["closed_at"] is not None
    assert run("notices", "withdraw", str(auto["id"]), home=home).returncode == 4
    assert run("notices", "show", "999", home=home).returncode == 3

    table = run("notices", "list", "--state", "acknowledged", home=home)
    assert table.returncode == 0 and "uk_osa" in table.stdout and "acknowledged" in table.stdout
    assert run("notices", "list", "--state", "lost", home=home).returncode == 2
