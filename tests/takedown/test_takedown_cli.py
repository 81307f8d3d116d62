"""The takedown from a terminal: an operator's ``unshared sightings`` over the local store, and a
person's ``unshared case report-link`` and ``case links`` against a server. Real processes, a real
web site on 127.0.0.1 (allowed by the setting, through the environment as a user would set it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.api.conftest import live_server
from tests.imaging import encode, sample_photo
from tests.takedown.site import Page, Site
from unshared.actions.cases import Cases
from unshared.config import Settings
from unshared.hashing.batch import Views, hash_data
from unshared.hashing.decode import Limits
from unshared.service import Unshared

ALLOW = {"UNSHARED_FETCH_ALLOW_NETWORKS": "127.0.0.1/32"}


def run(
    *args: str, home: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unshared", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _photo_and_copy() -> tuple[bytes, bytes]:
    photo = sample_photo("astronaut")
    smaller = photo.resize((photo.width // 2, photo.height // 2))
    return encode(photo, "PNG"), encode(smaller, "JPEG", quality=75)


def test_an_operator_reports_lists_and_verifies_sightings(tmp_path: Path, site: Site) -> None:
    home = tmp_path / "home"
    original, copy = _photo_and_copy()
    signals, _, _ = hash_data(original, Limits(), 0, False, Views())
    with Unshared(Settings.load(env={}, home=home)) as app:
        number = Cases(app.store).create([list(signals.signals())]).case.number
    url = site.put("/a.jpg", Page(body=copy, headers={"Content-Type": "image/jpeg"}))

    refused = run("sightings", "add", number, "http://169.254.169.254/latest/", home=home)
    assert refused.returncode == 2 and "link-local" in refused.stderr
    not_allowed = run("sightings", "add", number, url, home=home)
    assert not_allowed.returncode == 2 and "loopback" in not_allowed.stderr

    added = run("sightings", "add", number, url, "--json", home=home, env=ALLOW)
    assert added.returncode == 0, added.stderr
    [seen] = lines(added.stdout)
    assert (seen["case"], seen["status"], seen["reported_by"]) == (number, "verified", "operator")
    listed = lines(run("sightings", "list", "--case", number, "--json", home=home).stdout)
    assert [s["id"] for s in listed] == [seen["id"]]

    del site.pages["/a.jpg"]
    again = run("sightings", "verify", str(seen["id"]), "--json", home=home, env=ALLOW)
    assert again.returncode == 0, again.stderr
    [gone] = lines(again.stdout)
    assert gone["status"] == "removed" and gone["fetch"]["http_status"] == 404
    table = run("sightings", "list", "--status", "removed", home=home)
    assert table.returncode == 0 and "removed" in table.stdout and "HTTP 404" in table.stdout


def test_a_person_reports_a_link_from_the_terminal(tmp_path: Path, site: Site) -> None:
    original, copy = _photo_and_copy()
    (tmp_path / "mine.png").write_bytes(original)
    url = site.put("/b.jpg", Page(body=copy))
    store = f"sqlite:///{tmp_path / 'server.db'}"
    with live_server(store, tmp_path / "server", fetch_allow_networks="127.0.0.1/32") as live:
        home = tmp_path / "person"
        made = run(
            "case", "create", str(tmp_path / "mine.png"), "--server", live.url, "--json", home=home
        )
        assert made.returncode == 0, made.stderr
        case = json.loads(made.stdout)
        person = ("--server", live.url, "--pin", case["pin"], "--json")
        reported = run("case", "report-link", case["number"], url, *person, home=home)
        assert reported.returncode == 0, reported.stderr
        assert lines(reported.stdout)[0]["status"] == "verified"
        links = lines(run("case", "links", case["number"], *person, home=home).stdout)
        assert [s["url"] for s in links] == [url]
        wrong = run(
            "case", "links", case["number"], "--server", live.url, "--pin", "NOPE", home=home
        )
        assert wrong.returncode == 5
