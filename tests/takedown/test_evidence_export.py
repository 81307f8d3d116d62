"""A case's evidence bundle, exported from a real store (each kind) after real sightings of a copy
served by a web site on 127.0.0.1: ``unshared evidence export`` writes it, ``unshared evidence
verify`` passes it, any changed byte fails it and says where, and no image is in it. The operator's
download (``GET /v1/admin/cases/{n}/evidence``) is the same bundle."""

from __future__ import annotations

import base64
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import live_server
from tests.imaging import encode, sample_photo
from tests.takedown.site import Page, Site
from tests.takedown.test_evidence import line_of
from tests.takedown.test_takedown_cli import run
from unshared.actions.cases import Cases
from unshared.client import Client
from unshared.config import Settings
from unshared.errors import InvalidInput
from unshared.hashing.batch import Views, hash_data
from unshared.hashing.decode import Limits
from unshared.service import Unshared
from unshared.takedown.chain import GENESIS
from unshared.takedown.evidence import PublicKey, verify_bundle

ALLOW = "127.0.0.1/32"


def _photos() -> tuple[bytes, bytes]:
    photo = sample_photo("coffee")
    smaller = photo.resize((photo.width * 2 // 3, photo.height * 2 // 3))
    return encode(photo, "PNG"), encode(smaller, "JPEG", quality=80)


@pytest.fixture
def app(store_url: str, tmp_path: Path) -> Iterator[Unshared]:
    config = Settings.load(
        env={},
        home=tmp_path / "home",
        store_url=store_url,
        fetch_allow_networks=ALLOW,
        decode_workers=0,
    )
    with Unshared(config) as made:
        yield made


def _case(app: Unshared, image: bytes) -> str:
    signals, _, _ = hash_data(image, Limits(), 0, False, Views())
    made = Cases(app.store, on_change=app.catch_up).create([list(signals.signals())])
    return made.case.number


def unshared(app: Unshared, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``unshared ARGS`` in a process of its own, over this store and data folder (so with the
    same bank key)."""
    config = app.settings
    return run("--store", config.resolved_store_url, *map(str, args), home=config.home)


def test_an_exported_case_verifies_and_holds_no_image(
    app: Unshared, site: Site, tmp_path: Path
) -> None:
    original, copy = _photos()
    number = _case(app, original)
    url = site.put("/p/copy.jpg", Page(body=copy, headers={"Content-Type": "image/jpeg"}))
    other = site.put("/p/other.png", Page(body=encode(sample_photo("rocket"), "PNG")))
    assert app.takedown.report_by_operator(number, url, actor="operator").sighting.status == (
        "verified"
    )
    app.takedown.report_by_operator(number, other, actor="operator")
    del site.pages["/p/copy.jpg"]  # taken down: the next check records the removal
    assert app.takedown.sightings(case=number)[1].sighting.url == url
    removed = app.takedown.verify(app.takedown.sightings(case=number)[1].sighting.id, actor="op")
    assert removed.sighting.status == "removed"

    out = tmp_path / "case.jsonl"
    exported = unshared(app, "evidence", "export", number, "--out", out, "--json")
    assert exported.returncode == 0, exported.stderr
    summary = json.loads(exported.stdout)
    records = app.takedown.evidence(number)
    assert (summary["case"], summary["records"], summary["sightings"], summary["notices"]) == (
        number,
        len(records),
        2,
        1,  # the notice drafted when the copy was verified, closed when it came down
    )
    assert summary["path"] == str(out) and summary["bytes"] == out.stat().st_size
    assert summary["key_fingerprint"] == app.evidence.public_key().fingerprint
    key = app.evidence.public_key()

    checked = unshared(app, "evidence", "verify", out, "--key", key.hex)
    assert checked.returncode == 0, checked.stderr
    assert f"{out}: intact" in checked.stdout and f"case {number}" in checked.stdout
    assert f"{len(records)} records" in checked.stdout and "sighting.reported" in checked.stdout
    result = verify_bundle(out, public_key=key)
    assert result.ok and result.records == records
    assert result.manifest["store"] == app.store.store_id()
    assert result.manifest["head"] == summary["head"]
    case_id = app.store.get_case(number).id
    assert result.manifest["entries"] == [
        {"entry": e.id, "type": e.signal_type, "hash": e.value}
        for e in app.store.entries(case_id=case_id, status=None)
    ]
    assert [r["data"]["to"] for r in records if r["kind"] == "sighting.status"] == [
        "verified",
        "not_matching",
        "removed",
    ]

    # Hashes of the copy, never the copy: no run of its bytes, raw or in base64.
    data = out.read_bytes()
    assert all(copy[i : i + 24] not in data for i in range(0, len(copy) - 24, 97))
    encoded = base64.b64encode(copy)
    assert all(encoded[i : i + 32] not in data for i in range(0, len(encoded) - 32, 97))
    assert len(data) < 16_000

    # One byte changed anywhere fails, and the verifier names its line (every 7th byte and
    # each line's end here; test_evidence.py changes every byte of a bundle in turn).
    ends = [i for i, byte in enumerate(data) if byte == ord("\n")]
    for position in sorted({*range(0, len(data), 7), *ends}):
        changed = bytearray(data)
        changed[position] ^= 0x01
        out.write_bytes(bytes(changed))
        found = verify_bundle(out, public_key=key)
        assert not found.ok, position
        assert any(p.line == line_of(data, position) for p in found.problems), position
    changed = bytearray(data)
    position = data.index(b'"http_status":200')
    changed[position + len('"http_status":')] = ord("4")
    out.write_bytes(bytes(changed))
    failed = unshared(app, "evidence", "verify", out, "--key", key.hex)
    assert failed.returncode == InvalidInput.exit_code and "NOT intact" in failed.stderr
    assert f"line {line_of(data, position)}, record seq" in failed.stderr


def test_a_case_with_no_sightings_exports_a_short_valid_bundle(
    app: Unshared, tmp_path: Path
) -> None:
    number = _case(app, _photos()[0])
    out = tmp_path / "empty.jsonl"
    exported = app.evidence.export(number, out)
    assert (exported.records, exported.sightings, exported.notices) == (0, 0, 0)
    assert exported.head == GENESIS and exported.path == out
    assert len(out.read_bytes().splitlines()) == 2  # the manifest and the seal
    result = verify_bundle(out, public_key=app.evidence.public_key())
    assert result.ok and result.records == [] and len(result.manifest["entries"]) == 3
    shown = unshared(app, "evidence", "export", number, "--out", out)
    assert shown.returncode == 0, shown.stderr
    assert f"case {number}: 0 records, 0 sightings, 0 notices" in shown.stdout
    missing = unshared(app, "evidence", "export", "UN-2222-2222", "--out", tmp_path / "no.jsonl")
    assert missing.returncode == 3 and not (tmp_path / "no.jsonl").exists()


def test_an_operator_downloads_a_cases_bundle(tmp_path: Path, site: Site) -> None:
    original, copy = _photos()
    (tmp_path / "mine.png").write_bytes(original)
    url = site.put("/c.jpg", Page(body=copy, headers={"Content-Type": "image/jpeg"}))
    store = f"sqlite:///{tmp_path / 'server.db'}"
    with (
        live_server(store, tmp_path / "server", fetch_allow_networks=ALLOW) as live,
        httpx.Client(base_url=live.url, timeout=60) as http,
    ):
        with Client(live.url) as person:
            made = person.hash_and_create_case([tmp_path / "mine.png"])
        number = made.number
        admin = {"Authorization": f"Bearer {live.admin_key}"}
        reported = http.post(
            "/v1/admin/sightings", json={"case": number, "url": url}, headers=admin
        )
        assert reported.status_code == 201 and reported.json()["status"] == "verified"

        answer = http.get(f"/v1/admin/cases/{number}/evidence", headers=admin)
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/jsonl"
        disposition = answer.headers["content-disposition"]
        assert disposition == f'attachment; filename="evidence-{number}.jsonl"'
        assert answer.headers["cache-control"] == "no-store"
        key = PublicKey.parse(http.get("/v1/evidence/key").text)
        bundle = tmp_path / "download.jsonl"
        bundle.write_bytes(answer.content)
        result = verify_bundle(bundle, public_key=key)
        assert result.ok, result.problems
        assert answer.headers["x-evidence-head"] == result.manifest["head"]
        assert [r["kind"] for r in result.records][:2] == ["sighting.reported", "fetch"]

        assert http.get(f"/v1/admin/cases/{number}/evidence").status_code == 401
        platform = http.post("/v1/keys", json={"name": "p", "role": "platform"}, headers=admin)
        theirs = {"Authorization": f"Bearer {platform.json()['key']}"}
        assert http.get(f"/v1/admin/cases/{number}/evidence", headers=theirs).status_code == 403
        unknown = http.get("/v1/admin/cases/UN-2222-2222/evidence", headers=admin)
        assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
