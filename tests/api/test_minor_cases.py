"""Issue 14, "Under 18", server side, through real parts: the service on 127.0.0.1 over a SQLite
file and over a PostgreSQL schema, the Client, ``unshared case create --minor``, ``unshared sync``
into a platform's own store and ``unshared match`` offline on it.

A person marks their case as a minor's (one yes or no, nothing more). Every entry of it then
carries the ``minor`` category: in the feed, in match verdicts (by hashes and by image), in the
review list, in sightings, in a synced copy and its offline matches. An adult's case carries none.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from tests.api.conftest import LiveServer, live_server
from tests.api.test_client_sync import Copy, cli
from tests.imaging import encode, sample_photo
from unshared import replies
from unshared.client import Client
from unshared.errors import Conflict, UnsharedError
from unshared.hashing import hash_bytes


@pytest.fixture
def server(new_store_url: Callable[[], str], tmp_path: Path) -> Iterator[LiveServer]:
    """The service; it may fetch from 127.0.0.1, so a person can report a link to it."""
    with live_server(
        new_store_url(), tmp_path / "server", fetch_allow_networks="127.0.0.1/32"
    ) as live:
        yield live


@pytest.fixture
def keys(server: LiveServer) -> dict[str, str]:
    with Client(server.url, server.admin_key) as admin:
        _, key = admin.create_key("example-platform", "platform")
    return {"platform": key, "admin": server.admin_key}


@pytest.fixture
def photos(tmp_path: Path, photo: Image.Image) -> dict[str, Path]:
    """A minor's photo and an adult's, and a smaller re-encoded copy of the minor's as it turns
    up on a platform."""
    folder = tmp_path / "photos"
    folder.mkdir()
    other = sample_photo("coffee")
    made = {
        "minor.jpg": encode(photo, "JPEG", quality=92),
        "upload.jpg": encode(photo.resize((photo.width // 2, photo.height // 2)), "JPEG"),
        "adult.jpg": encode(other, "JPEG", quality=92),
        "adult_upload.jpg": encode(other.resize((other.width // 2, other.height // 2)), "JPEG"),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return {Path(name).stem: folder / name for name in made}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_a_minors_case_reaches_platforms_with_its_category(
    server: LiveServer, keys: dict[str, str], photos: dict[str, Path]
) -> None:
    with Client(server.url) as person:
        minor = person.hash_and_create_case([photos["minor"]], minor=True)
        adult = person.hash_and_create_case([photos["adult"]])
        assert minor.minor and not adult.minor
        minor_view = person.case_status(minor.number, minor.pin)
        adult_view = person.case_status(adult.number, adult.pin)
    assert minor_view.minor and not adult_view.minor
    minor_entries = {h.entry_id for h in minor_view.hashes}
    adult_entries = {h.entry_id for h in adult_view.hashes}
    assert len(minor_entries) == len(adult_entries) == 3

    with httpx.Client(base_url=server.url, timeout=60) as http:
        # The person's case view says so, in the API's own words.
        shown = http.post(f"/v1/cases/{minor.number}/status", json={"pin": minor.pin}).json()
        assert shown["minor"] is True

        # The feed: every change of the minor's entries is "minor", the adult's null.
        platform = bearer(keys["platform"])
        feed = http.get("/v1/feed", headers=platform).json()
        categories = {c["entry"]: c["category"] for c in feed["changes"]}
        assert categories == {
            **dict.fromkeys(minor_entries, "minor"),
            **dict.fromkeys(adult_entries),
        }

        # A match by hashes, as a platform that hashes its own uploads sends them: the key is
        # there even when there is no category, so a platform can rely on it.
        upload = hash_bytes(photos["upload"].read_bytes(), dihedral=True, min_quality=0)
        body = {"pdq": [p.hex for p in upload.pdq_dihedral], "quality": upload.quality}
        verdict = http.post("/v1/match", json=body, headers=platform).json()
        assert verdict["matched"] and "hashes" not in verdict
        assert [(m["entry"] in minor_entries, m["category"]) for m in verdict["matches"]] == [
            (True, "minor")
        ]
        adult_upload = hash_bytes(photos["adult_upload"].read_bytes(), min_quality=0)
        body = {"pdq": [adult_upload.pdq.hex], "quality": adult_upload.quality}
        plain = http.post("/v1/match", json=body, headers=platform).json()
        assert [m["category"] for m in plain["matches"]] == [None]

    with Client(server.url, keys["platform"]) as client:
        # The same through the Client: the feed's changes and the verdict on image bytes.
        page = client.feed()
        assert {c.entry_id: c.category for c in page.changes} == categories
        _, by_image = client.match_image(photos["upload"].read_bytes())
        assert by_image.matched and [m.category for m in by_image.matches] == ["minor"]
        _, adult_match = client.match_image(photos["adult_upload"].read_bytes())
        assert adult_match.matched and [m.category for m in adult_match.matches] == [None]

    with Client(server.url, keys["admin"]) as admin:
        # The review list: entries an operator holds carry their category.
        for entry_id in (min(minor_entries), min(adult_entries)):
            assert admin.set_entry_status(entry_id, "quarantined", reason="a look").category == (
                "minor" if entry_id in minor_entries else None
            )
        held = {item.entry.id: item.entry.category for item in admin.review()}
        assert held == {min(minor_entries): "minor", min(adult_entries): None}
        assert admin.entry(max(minor_entries)).category == "minor"

        # The audit history recorded the answer when the case was made, and nothing else.
        made = [e for e in admin.audit(limit=1000) if e.action == "case.create"]
        assert sorted(e.detail["minor"] for e in made) == [False, True]
        assert all(set(e.detail) == {"minor"} for e in made)


def test_a_sighting_of_a_minors_case_carries_its_category(
    server: LiveServer, keys: dict[str, str], photos: dict[str, Path]
) -> None:
    gone = f"{server.url}/nothing-here.jpg"  # the service itself answers 404
    with Client(server.url) as person:
        minor = person.hash_and_create_case([photos["minor"]], minor=True)
        adult = person.hash_and_create_case([photos["adult"]])
        seen = person.report_link(minor.number, minor.pin, gone)
        other = person.report_link(adult.number, adult.pin, gone)
        assert (seen["category"], other["category"]) == ("minor", None)
        assert [s["category"] for s in person.links(minor.number, minor.pin)] == ["minor"]
    with httpx.Client(base_url=server.url, timeout=60) as http:
        listed = http.get("/v1/admin/sightings", headers=bearer(keys["admin"])).json()
        assert {s["case"]: s["category"] for s in listed} == {
            minor.number: "minor",
            adult.number: None,
        }
        one = http.get(f"/v1/admin/sightings/{seen['id']}", headers=bearer(keys["admin"]))
        assert one.json()["category"] == "minor"

    # The operator's CLI on the same store: as JSON, and in the table.
    store = ("--home", server.settings.home, "--store", server.store_url)
    listed = cli(*store, "sightings", "list", "--json")
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {r["case"]: r["category"] for r in rows} == {minor.number: "minor", adult.number: None}
    table = cli(*store, "sightings", "list")
    assert f"{minor.number} (minor)" in table.stdout
    assert f"{adult.number} (minor)" not in table.stdout


def test_a_synced_copy_keeps_the_category(
    server: LiveServer,
    keys: dict[str, str],
    photos: dict[str, Path],
    new_store_url: Callable[[], str],
    tmp_path: Path,
) -> None:
    with Client(server.url) as person:
        minor = person.hash_and_create_case([photos["minor"]], minor=True)
        person.hash_and_create_case([photos["adult"]])
        # The same photo sent again by someone who did not say: two server entries per hash,
        # one a minor's; the copy must keep them apart, each with its own category.
        person.hash_and_create_case([photos["minor"]])

    copy = Copy(tmp_path / "platform", new_store_url())
    synced = cli(
        "--home", copy.home, "--store", copy.store_url, "sync", "--json",
        env={"UNSHARED_SERVER": server.url, "UNSHARED_KEY": keys["platform"]},
    )  # fmt: skip
    assert synced.exit_code == 0, synced.output
    assert json.loads(synced.stdout)["added"] == 9

    with Client(server.url, keys["platform"]) as client:
        server_side = {c.entry_id: c.category for c in client.feed().changes}
    local = {e.metadata["server_entry"]: e.category for e in copy.entries()}
    assert local == server_side
    assert sorted(local.values(), key=str) == [None] * 6 + ["minor"] * 3

    # Matched offline, on the copy: the minor's entry says so, the other one does not.
    offline = copy.match(photos["upload"])
    assert offline["matched"]
    assert sorted((m["category"] for m in offline["matches"]), key=str) == [None, "minor"]
    assert [m["category"] for m in copy.match(photos["adult_upload"])["matches"]] == [None]

    # A withdrawal reaches the copy as before; the entries keep their category.
    with Client(server.url) as person:
        person.withdraw_case(minor.number, minor.pin)
    with Client(server.url, keys["platform"]) as client:
        again = copy.sync(client)
    assert (again.updated, again.added) == (3, 0)
    assert {e.category for e in copy.entries() if e.status == "withdrawn"} == {"minor"}
    offline = copy.match(photos["upload"])
    assert [m["category"] for m in offline["matches"]] == [None]


def test_the_cli_makes_a_minors_case(
    server: LiveServer, keys: dict[str, str], photos: dict[str, Path]
) -> None:
    made = cli("case", "create", "--minor", "--json", "--server", server.url, photos["minor"])
    assert made.exit_code == 0, made.output
    minor = json.loads(made.stdout)
    assert minor["minor"] is True and minor["hashes"] == 3
    plain = cli("case", "create", "--server", server.url, photos["adult"])
    assert plain.exit_code == 0, plain.output
    assert "minor" not in plain.stdout

    shown = cli("case", "status", minor["number"], "--server", server.url, "--pin", minor["pin"])
    assert shown.exit_code == 0, shown.output
    assert "a minor's case" in shown.stdout
    with Client(server.url, keys["platform"]) as client:
        assert {c.category for c in client.feed().changes} == {"minor", None}


def test_a_retry_gets_the_same_case_and_a_changed_answer_is_another_request(
    server: LiveServer, keys: dict[str, str], photos: dict[str, Path]
) -> None:
    images = [hash_bytes(photos["minor"].read_bytes())]
    key = "k" * 43
    with Client(server.url) as person:
        first = person.create_case(images, idempotency_key=key, minor=True)
        again = person.create_case(images, idempotency_key=key, minor=True)
        assert (again.number, again.pin, again.minor) == (first.number, first.pin, True)
        with pytest.raises(Conflict, match="different request"):
            person.create_case(images, idempotency_key=key)  # the same photos, not a minor's
        adult = person.create_case(images, idempotency_key="a" * 43)
        with pytest.raises(Conflict, match="different request"):
            person.create_case(images, idempotency_key="a" * 43, minor=True)
        assert not adult.minor and adult.number != first.number

    with httpx.Client(base_url=server.url, timeout=60) as http:
        body: dict[str, Any] = {"images": [images[0].to_dict()], "minor": True}
        replay = http.post("/v1/cases", json=body, headers={"Idempotency-Key": key})
        assert replay.status_code == 201 and replay.headers["Idempotent-Replayed"] == "true"
        assert replay.json()["case"] == first.number and replay.json()["minor"] is True
        # One yes or no: nothing that only looks like one, and nothing more about the person.
        for wrong in ("yes", 1, "true", None):
            refused = http.post("/v1/cases", json={**body, "minor": wrong})
            assert refused.status_code == 422, (wrong, refused.text)
        for more in ({"age": 15}, {"birth_date": "2010-01-01"}):
            assert http.post("/v1/cases", json={**body, **more}).status_code == 422
    with Client(server.url, keys["platform"]) as client:
        assert [c.category for c in client.feed().changes].count("minor") == 3


def test_a_category_this_version_does_not_know_is_an_error_not_dropped() -> None:
    """A sync must never quietly drop what may carry a duty: it stops and says to upgrade."""
    change = {
        "seq": 1, "op": "add", "entry": 1, "bank": "ncii", "signal": "md5", "value": "0" * 32,
        "status": "active", "at": "2026-01-01T00:00:00+00:00", "category": "something-new",
    }  # fmt: skip
    page: dict[str, Any] = {"store": "s", "changes": [change], "next": 1, "latest": 1}
    with pytest.raises(UnsharedError, match="unknown category"):
        replies.read("the feed", replies.feed, page)
    page["changes"] = [{**change, "category": "minor"}]
    assert replies.read("the feed", replies.feed, page).changes[0].category == "minor"
    # a server from before categories sends none: no category
    page["changes"] = [{k: v for k, v in change.items() if k != "category"}]
    assert replies.read("the feed", replies.feed, page).changes[0].category is None
