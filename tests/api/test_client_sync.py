"""Issue 4 from the outside: ``unshared.Client`` and ``unshared sync`` against a real server.

A person makes a case from a photo's hashes; a platform matches an upload, reports it removed,
keeps a synced copy and matches offline; the person sees the report and withdraws; the server
and, once synced, the platform's copy stop matching. Over SQLite and over PostgreSQL.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image
from typer.testing import CliRunner

from bench.transforms import TRANSFORMS, rng_for
from tests.api.conftest import LiveServer, live_server
from tests.imaging import encode
from unshared.bank import open_store
from unshared.client import Client, error_from_response
from unshared.config import Settings
from unshared.errors import (
    Conflict,
    FileTooLarge,
    Forbidden,
    InvalidInput,
    LowQuality,
    NotAnImage,
    NotFound,
    Unauthorized,
    Unavailable,
    UnsharedError,
)
from unshared.hashing import hash_bytes
from unshared.match import Verdict
from unshared.replies import CaseReply
from unshared.service import Unshared
from unshared.sync import Sync, SyncSummary

# -- helpers ----------------------------------------------------------------------------------


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``unshared ARGS`` in a process of its own, as a platform's operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "unshared", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def cli(*args: str | Path, env: dict[str, str] | None = None, input: str | None = None) -> Any:
    """``unshared ARGS`` in this process, with the remote commands registered."""
    from unshared.cli import app, remote

    if not any(command.name == "sync" for command in app.registered_commands):
        remote.register(app)
    return CliRunner().invoke(
        app, [str(a) for a in args], env=env, input=input, catch_exceptions=False
    )


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class Copy:
    """A platform's local copy: its own data folder and store."""

    def __init__(self, home: Path, store_url: str) -> None:
        self.home = home
        self.store_url = store_url
        self.settings = Settings.load(env={}, home=home, store_url=store_url)

    def sync(self, client: Client, **options: Any) -> SyncSummary:
        with Unshared(self.settings) as app:
            return Sync(client, app, **options).run()

    def match(self, path: Path) -> dict[str, Any]:
        """``unshared match --json`` offline, in a process of its own."""
        done = run("--home", self.home, "--store", self.store_url, "match", "--json", path)
        assert done.returncode == 0, done.stderr
        (verdict,) = lines(done.stdout)
        return verdict

    def entries(self) -> list[Any]:
        with open_store(self.store_url) as store:
            return list(store.entries(status=None))


@pytest.fixture
def copy(new_store_url: Callable[[], str], tmp_path: Path) -> Copy:
    return Copy(tmp_path / "platform", new_store_url())


@pytest.fixture
def platform_key(server: LiveServer) -> str:
    with Client(server.url, server.admin_key) as admin:
        made, key = admin.create_key("example-platform", "platform")
    assert made.role == "platform" and made.active and key.startswith("unsh_")
    return key


@pytest.fixture
def person(server: LiveServer) -> Iterator[Client]:
    with Client(server.url) as client:
        yield client


@pytest.fixture
def platform(server: LiveServer, platform_key: str) -> Iterator[Client]:
    with Client(server.url, platform_key) as client:
        yield client


@pytest.fixture
def files(tmp_path: Path, photo: Image.Image) -> dict[str, Path]:
    """The person's photo, and what turns up on a platform: a smaller re-encoded copy of it, a
    turned one, one in a frame, and a picture of something else."""
    folder = tmp_path / "files"
    folder.mkdir()
    frame = TRANSFORMS["border_solid_25"].apply
    small = photo.resize((photo.width // 2, photo.height // 2))
    made = {
        "original.jpg": encode(photo, "JPEG", quality=92),
        "upload.jpg": encode(small, "JPEG", quality=70),
        "turned.png": encode(photo.rotate(90, expand=True), "PNG"),
        "framed.jpg": encode(frame(photo, rng_for(1, "frame", 0)), "JPEG"),
        "other.png": encode(Image.effect_mandelbrot((256, 256), (-2, -1.5, 1, 1.5), 100), "PNG"),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return {Path(name).stem: folder / name for name in made}


def pdq_entry(view: CaseReply) -> int:
    (entry,) = [h.entry_id for h in view.hashes if h.signal_type == "pdq"]
    return entry


def entries_of(verdict: Verdict) -> list[int]:
    return [m.entry for m in verdict.matches]


# -- the whole life of a case -----------------------------------------------------------------


def test_case_life(
    server: LiveServer,
    person: Client,
    platform: Client,
    platform_key: str,
    copy: Copy,
    files: dict[str, Path],
) -> None:
    # A person makes a case from the hashes of a photo, hashed on their own machine.
    made = person.hash_and_create_case([files["original"]])
    number, pin = made.number, made.pin
    assert made.status == "active" and made.hashes == 3  # pdq, md5, sha256
    assert pin not in repr(made)
    view = person.case_status(number, pin)
    entry = pdq_entry(view)
    assert view.number == number and view.withdrawn_at is None and view.reports == ()
    assert {h.signal_type for h in view.hashes} == {"pdq", "md5", "sha256"}

    # A platform matches an upload: by its bytes, and by hashes it made itself.
    upload = files["upload"].read_bytes()
    hashes, by_image = platform.match_image(upload)
    assert by_image.matched, by_image
    assert entries_of(by_image) == [entry]
    assert hashes == hash_bytes(upload, min_quality=0)
    by_hashes = platform.match_signals(hash_bytes(upload, dihedral=True, min_quality=0))
    assert by_hashes.matched and not by_hashes.suppressed
    assert by_hashes.matches == by_image.matches
    (hit,) = by_hashes.matches
    assert (hit.bank, hit.bank_kind, hit.signal) == ("ncii", "ncii", "pdq")
    turned = platform.match_signals(
        hash_bytes(files["turned"].read_bytes(), dihedral=True, min_quality=0)
    )
    assert turned.matched and turned.matches[0].variant != "original"
    exact = hash_bytes(files["original"].read_bytes())
    by_md5 = platform.match(md5=exact.md5)
    assert [m.signal for m in by_md5.matches] == ["md5"]
    assert not platform.match_image(files["other"].read_bytes())[1].matched

    # It takes the upload down and says so; the person sees that with their PIN.
    report = platform.report(entry, "removed", note="taken down")
    assert (report.entry_id, report.outcome, report.note) == (entry, "removed", "taken down")
    reports = person.case_status(number, pin).reports
    assert [(r.entry_id, r.outcome) for r in reports] == [(entry, "removed")]
    assert reports[0].at == report.at

    # The platform keeps a copy (through the CLI) and matches offline: the server's entry id
    # comes with the match, to report on.
    synced = cli(
        "--home", copy.home, "--store", copy.store_url, "sync", "--json",
        env={"UNSHARED_SERVER": server.url, "UNSHARED_KEY": platform_key},
    )  # fmt: skip
    assert synced.exit_code == 0, synced.output
    summary = json.loads(synced.stdout)
    assert summary["added"] == 3 and summary["cursor"] == summary["latest"]
    offline = copy.match(files["upload"])
    assert offline["matched"], offline
    (hit,) = offline["matches"]
    assert hit["bank"] == "ncii" and hit["metadata"] == {"server_entry": entry}
    assert copy.match(files["turned"])["matched"]

    # The person withdraws: the server stops matching at once ...
    withdrawn = person.withdraw_case(number, pin)
    assert withdrawn.status == "withdrawn" and withdrawn.withdrawn_at is not None
    assert {h.status for h in withdrawn.hashes} == {"withdrawn"}
    assert not platform.match_image(upload)[1].matched
    # ... and the platform's copy once it has synced.
    assert copy.match(files["upload"])["matched"]  # still, offline, until the next sync
    again = copy.sync(platform)
    assert (again.changes, again.updated, again.added) == (3, 3, 0)
    assert not copy.match(files["upload"])["matched"]
    assert not copy.match(files["turned"])["matched"]
    assert {e.status for e in copy.entries()} == {"withdrawn"}

    # Nothing new: nothing done.
    idle = copy.sync(platform)
    assert (idle.changes, idle.added, idle.updated) == (0, 0, 0)


# -- errors come back as the library's own ----------------------------------------------------


def test_errors_are_the_librarys(
    server: LiveServer, person: Client, platform: Client, files: dict[str, Path]
) -> None:
    made = person.hash_and_create_case([files["original"]])
    with pytest.raises(Unauthorized, match="no case with that number and PIN"):
        person.case_status(made.number, "WRONG-PIN00")
    with pytest.raises(Unauthorized):
        person.case_status("UN-2222-2222", made.pin)
    with Client(server.url, "unsh_not-a-key") as stranger, pytest.raises(Unauthorized):
        stranger.feed()
    with pytest.raises(Unauthorized):
        person.feed()  # no key at all
    with pytest.raises(Forbidden):
        platform.banks()
    with pytest.raises(Forbidden):
        platform.create_key("mine", "admin")
    with pytest.raises(NotFound):
        platform.report(10**9, "removed")
    with Client(server.url, server.admin_key) as admin:
        with pytest.raises(Conflict):
            admin.create_bank("ncii")  # the people's bank, made with the first case
        with pytest.raises(NotFound):
            admin.entry(10**9)
    with pytest.raises(InvalidInput) as invalid:
        platform.match(md5="not hex")
    assert invalid.value.detail["problems"][0]["where"] == "body.md5"
    with pytest.raises(InvalidInput) as invalid:
        platform.match(pdq=["not hex"])
    assert invalid.value.detail["problems"][0]["where"] == "body.pdq.0"
    with pytest.raises(NotAnImage):
        platform.match_image(b"these bytes are no picture")
    # Hashing on the person's machine stops at a file it cannot use, and names it.
    with pytest.raises(NotFound, match=r"missing\.jpg"):
        person.hash_and_create_case([files["original"].parent / "missing.jpg"])
    notes = files["original"].with_name("notes.jpg")
    notes.write_text("not a picture")
    with pytest.raises(NotAnImage, match=r"notes\.jpg") as bad:
        person.hash_and_create_case([files["original"], notes])
    assert bad.value.detail["path"] == str(notes)


def test_an_unreachable_server_is_unavailable() -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Client(f"http://127.0.0.1:{port}", retries=1, backoff=0.01) as client:
        with pytest.raises(Unavailable, match="could not be reached"):
            client.healthz()
        with pytest.raises(Unavailable):
            client.create_case([{"md5": "0" * 32}])


def test_error_answers_map_to_classes_by_code_then_status() -> None:
    def answer(status: int, body: Any = None, text: str = "") -> UnsharedError:
        request = httpx.Request("GET", "http://unshared.test/v1/x")
        if body is not None:
            return error_from_response(httpx.Response(status, json=body, request=request))
        return error_from_response(httpx.Response(status, text=text, request=request))

    def shape(code: str, message: str = "m", **detail: Any) -> dict[str, Any]:
        return {"error": {"code": code, "message": message, "detail": detail}}

    low = answer(422, shape("low_quality", quality=3, threshold=50, md5="ab"))
    assert type(low) is LowQuality and (low.quality, low.threshold) == (3, 50)
    assert type(answer(422, shape("low_quality"))) is InvalidInput  # too little to build one
    assert type(answer(413, shape("too_large", limit=10))) is FileTooLarge  # by its status
    assert type(answer(415, shape("unsupported_media_type"))) is NotAnImage
    odd = answer(418, shape("teapot", "short and stout"))
    assert type(odd) is UnsharedError and odd.message == "short and stout"
    assert odd.detail == {"status": 418, "code": "teapot"}
    proxy = answer(502, text="<html>Bad Gateway</html>")
    assert type(proxy) is Unavailable and "502" in proxy.message


def test_an_operator_gets_the_librarys_models(
    server: LiveServer, person: Client, platform: Client, files: dict[str, Path]
) -> None:
    made = person.hash_and_create_case([files["original"]])
    entry_id = pdq_entry(person.case_status(made.number, made.pin))
    with Client(server.url, server.admin_key) as admin:
        assert (admin.healthz(), admin.wait_until_ready()) == ("ok", "ready")
        memes = admin.create_bank("memes", "allow", {"pdq": 20})
        assert (memes.name, memes.kind, memes.thresholds) == ("memes", "allow", {"pdq": 20})
        assert memes.threshold("pdq") == 20 and memes.created_at.tzinfo is not None
        counted = {bank.name: (bank, n) for bank, n in admin.banks()}
        assert counted["memes"] == (memes, 0) and counted["ncii"][1] == 3

        entry = admin.entry(entry_id)
        assert (entry.bank, entry.signal_type, entry.status) == ("ncii", "pdq", "active")
        assert entry.signal.hex == entry.value and entry.case_id is not None
        held = admin.set_entry_status(entry_id, "quarantined", reason="a look")
        assert held.status == "quarantined" and held.bank_id == entry.bank_id
        (item,) = admin.review()
        assert item.entry == held and not item.flooded and item.matches == 0

        page = platform.feed()
        assert [c.op for c in page.changes] == ["add"] * 3 + ["quarantine"]
        assert {c.case_id for c in page.changes} == {None}  # never told to a platform
        assert page.changes[-1].entry_id == entry_id and page.next == page.latest == 4
        assert page.banks == {"ncii": counted["ncii"][0]}

        key, secret = admin.create_key("another", "platform")
        listed = admin.keys()
        assert key in listed and secret not in repr(key)
        revoked = admin.revoke_key(key.id)
        assert revoked.id == key.id and not revoked.active
        events = admin.audit("entry", entry_id)
        assert [e.action for e in events] == ["entry.quarantine", "entry.add"]
        assert events[0].detail.get("reason") == "a look"


def test_an_answer_not_as_expected_is_an_unshared_error() -> None:
    def odd(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"matched": True})  # no matches, allowed or notes

    transport = httpx.MockTransport(odd)
    with (
        Client("http://unshared.test", "k", transport=transport) as client,
        pytest.raises(UnsharedError, match="POST /v1/match: the server's answer is not"),
    ):
        client.match(md5="0" * 32)


def test_only_gets_and_unsent_calls_are_retried() -> None:
    calls: list[str] = []

    def busy(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        return httpx.Response(503, json={"error": {"code": "unavailable", "message": "busy"}})

    transport = httpx.MockTransport(busy)
    with Client("http://unshared.test", "k", retries=2, backoff=0, transport=transport) as c:
        with pytest.raises(Unavailable):
            c.feed()
        assert calls == ["GET"] * 3
        calls.clear()
        with pytest.raises(Unavailable):
            c.report(1, "removed")
        assert calls == ["POST"]


# -- sync -------------------------------------------------------------------------------------


def test_sync_keeps_two_cases_with_one_hash_apart(
    server: LiveServer, platform: Client, copy: Copy, files: dict[str, Path]
) -> None:
    # Two people submit the same photo: the server keeps two entries with one hash.
    people = [Client(server.url) for _ in range(2)]
    cases = [p.hash_and_create_case([files["original"]]) for p in people]
    entries = [
        pdq_entry(p.case_status(c.number, c.pin)) for p, c in zip(people, cases, strict=True)
    ]
    assert entries[0] != entries[1]

    first = copy.sync(platform)
    assert (first.added, first.apart) == (6, 3)
    assert len(copy.entries()) == 6
    found = {m["metadata"]["server_entry"] for m in copy.match(files["upload"])["matches"]}
    assert found == set(entries)

    # One withdraws: the other's hash still matches here, as on the server.
    people[0].withdraw_case(cases[0].number, cases[0].pin)
    assert platform.match_image(files["upload"].read_bytes())[1].matched
    copy.sync(platform)
    (left,) = copy.match(files["upload"])["matches"]
    assert left["metadata"] == {"server_entry": entries[1]}

    people[1].withdraw_case(cases[1].number, cases[1].pin)
    copy.sync(platform)
    assert not copy.match(files["upload"])["matched"]
    for p in people:
        p.close()


def test_sync_replays_an_interrupted_page_without_applying_twice(
    person: Client, platform: Client, copy: Copy, files: dict[str, Path]
) -> None:
    made = person.hash_and_create_case([files["original"]])
    person.withdraw_case(made.number, made.pin)
    done = copy.sync(platform)  # 3 adds, then 3 withdrawals
    assert (done.added, done.updated, done.cursor) == (3, 3, 6)
    cursor = next((copy.home / "sync").glob("*.json"))

    # Stopped after the store took the page but before the cursor said so: replaying must not
    # bring the withdrawn hashes back, not even for a moment.
    cursor.write_text(json.dumps({"server": platform.base_url, "seq": 0, "pending": 6}))
    replay = copy.sync(platform)
    assert (replay.changes, replay.added, replay.updated, replay.unchanged) == (6, 0, 0, 6)
    assert len(copy.entries()) == 3 and {e.status for e in copy.entries()} == {"withdrawn"}

    # The cursor lost altogether: the copy has entries, so every change is checked.
    cursor.unlink()
    lost = copy.sync(platform)
    assert (lost.added, lost.unchanged) == (0, 6)
    assert len(copy.entries()) == 3
    assert json.loads(cursor.read_text()) == {
        "server": platform.base_url,
        "seq": 6,
        "pending": 0,
    }

    # Read it all again on purpose: the same.
    again = copy.sync(platform, page=2)
    assert again.changes == 0
    with Unshared(copy.settings) as app:
        full = Sync(platform, app, page=2).run(from_start=True)
    assert (full.changes, full.added, full.updated) == (6, 0, 0)


def test_a_copy_follows_one_server(
    server: LiveServer,
    platform: Client,
    copy: Copy,
    new_store_url: Callable[[], str],
    tmp_path: Path,
    files: dict[str, Path],
) -> None:
    copy.sync(platform)
    with (
        live_server(new_store_url(), tmp_path / "elsewhere") as other,
        Client(other.url, other.admin_key) as stranger,
        pytest.raises(Conflict, match="this copy syncs from"),
    ):
        copy.sync(stranger)


# -- --server on the local commands -----------------------------------------------------------


def test_match_and_banks_with_server(
    server: LiveServer,
    person: Client,
    platform_key: str,
    files: dict[str, Path],
    tmp_path: Path,
) -> None:
    person.hash_and_create_case([files["original"]])
    home = tmp_path / "nothing-local"
    platform_env = {"UNSHARED_KEY": platform_key}

    matched = run(
        "--home", home, "match", "--json", "--server", server.url,
        files["upload"], files["other"], files["framed"], files["upload"].parent / "broken.jpg",
        env=platform_env,
    )  # fmt: skip
    assert matched.returncode == 1  # one file is not there
    rows = {Path(r["path"]).stem: r for r in lines(matched.stdout)}
    assert rows["upload"]["matched"] and not rows["other"]["matched"]
    # Hashes only, yet the framed copy is caught: its trimmed view's hashes went too.
    assert rows["framed"]["matched"]
    assert rows["framed"]["matches"][0]["variant"].startswith("trimmed_")
    assert set(rows["upload"]) == {"path", "matched", "suppressed", "matches", "allowed", "notes"}
    assert rows["broken"]["code"] == "not_found"
    assert "2 of 4 images matched; 1 failed" in matched.stderr
    table = run("--home", home, "match", "--server", server.url, files["upload"], env=platform_env)
    assert "MATCH" in table.stdout and "ncii#" in table.stdout

    admin_env = {"UNSHARED_SERVER": server.url, "UNSHARED_KEY": server.admin_key}
    made = run("--home", home, "bank", "create", "memes", "--kind", "allow", env=admin_env)
    assert made.returncode == 0, made.stderr
    assert "created bank memes (allow)" in made.stderr
    listed = lines(run("--home", home, "bank", "list", "--json", env=admin_env).stdout)
    assert listed == [
        {"name": "memes", "kind": "allow", "thresholds": {}, "active_entries": 0},
        {"name": "ncii", "kind": "ncii", "thresholds": {}, "active_entries": 3},
    ]
    refused = run("--home", home, "bank", "list", "--server", server.url, env=platform_env)
    assert refused.returncode == 5 and "operator" in refused.stderr
    assert not (home / "unshared.db").exists()  # nothing was made locally


def test_case_and_report_commands(
    server: LiveServer, platform_key: str, files: dict[str, Path], tmp_path: Path
) -> None:
    home = tmp_path / "person"
    made = cli(
        "--home", home, "case", "create", files["original"], "--server", server.url, "--json"
    )
    assert made.exit_code == 0, made.output
    case = json.loads(made.stdout)
    pin = {"UNSHARED_PIN": case["pin"]}
    shown = cli("--home", home, "case", "status", case["number"], "--server", server.url, env=pin)
    assert f"case {case['number']}: active" in shown.stdout and "no reports" in shown.stdout
    status = json.loads(
        cli("--home", home, "case", "status", case["number"], "--server", server.url, "--json",
            env=pin).stdout
    )  # fmt: skip
    (entry,) = [h["entry_id"] for h in status["hashes"] if h["signal_type"] == "pdq"]

    platform = {"UNSHARED_SERVER": server.url, "UNSHARED_KEY": platform_key}
    reported = cli("--home", home, "report", str(entry), "blocked", "--note", "hi", env=platform)
    assert reported.exit_code == 0, reported.output
    assert json.loads(reported.stdout)["outcome"] == "blocked"
    refused = cli("--home", home, "report", str(entry), "ignored", env=platform)
    assert refused.exit_code == 2

    gone = cli(
        "--home", home, "case", "withdraw", case["number"], "--server", server.url, "--json",
        input=f"{case['pin']}\n",
    )  # fmt: skip
    assert gone.exit_code == 0, gone.output
    after = json.loads(gone.stdout.split("\n", 1)[1])  # after the PIN prompt
    assert after["status"] == "withdrawn"
    assert [(r["entry_id"], r["outcome"]) for r in after["reports"]] == [(entry, "blocked")]


def test_sync_makes_banks_as_the_server_has_them(
    server: LiveServer,
    platform: Client,
    new_store_url: Callable[[], str],
    tmp_path: Path,
    files: dict[str, Path],
) -> None:
    # Known-innocent pictures in an allow bank (put there by the operators' own tooling).
    with Client(server.url, server.admin_key) as admin:
        admin.create_bank("memes", "allow", {"pdq": 20})
    with open_store(server.store_url) as store:
        signals = hash_bytes(files["other"].read_bytes())
        store.add_entries("memes", list(signals.signals()), source="import", actor="test")

    # An operator's key may read the banks: the copy gets the kind and thresholds.
    with Client(server.url, server.admin_key) as admin:
        operators = Copy(tmp_path / "operators", new_store_url())
        done = operators.sync(admin)
    assert (done.added, done.banks_created, done.notes) == (3, ["memes"], [])
    with Unshared(operators.settings) as app:
        (bank, count) = app.list_banks()[0]
    assert (bank.name, bank.kind, bank.thresholds, count) == ("memes", "allow", {"pdq": 20}, 3)
    assert operators.match(files["other"])["allowed"]

    # A platform's key may not list banks, but the feed carries each bank's kind.
    platforms = Copy(tmp_path / "platforms", new_store_url())
    done = platforms.sync(platform)
    assert done.banks_created == ["memes"] and not done.notes
    with Unshared(platforms.settings) as app:
        assert app.list_banks()[0][0].kind == "allow"
    assert platforms.match(files["other"])["allowed"]
