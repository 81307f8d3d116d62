"""StopNCII hash pages into a bank (issue 15): ``Active`` hashes added, ``Withdrawn`` and
``Deleted`` ones withdrawn, over SQLite and PostgreSQL, and the very next match obeys."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from unshared.bank import Store, stopncii
from unshared.config import Settings
from unshared.errors import InvalidInput, MalformedSignal
from unshared.match import Query
from unshared.service import Unshared
from unshared.signals import Md5, Pdq

A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
B = "5e2775a08db9bfede609a5b16cbcaa96db18c217f1004f6c991974b482b006ae"
C = "358c86641a5269ab5b0db5f1b2315c1642cef9652c39b6ced9f646d91f071927"
VIDEO_MD5 = "d41d8cd98f00b204e9800998ecf8427e"


def record(
    value: str, status: str = "Active", kind: str = "ImagePDQ", at: int = 1
) -> dict[str, Any]:
    """One hash record as StopNCII's FetchHashes call answers it."""
    return {
        "lastModtimestamp": at,
        "signalType": kind,
        "hashValue": value,
        "hashStatus": status,
        "caseNumbers": {"STOPNCII-0001": status},
        "CSPFeedbacks": [{"feedbackValue": "Blocked", "tags": [], "source": "Some CSP"}],
    }


def page(*records: dict[str, Any]) -> dict[str, Any]:
    return {
        "count": len(records),
        "nextPageToken": None,
        "nextSetTimestamp": max((r.get("lastModtimestamp", 0) for r in records), default=0),
        "hasMoreRecords": False,
        "hashRecords": list(records),
    }


def read(data: object) -> stopncii.Page:
    return stopncii.read_page(io.StringIO(json.dumps(data)))


def test_statuses_decide() -> None:
    found = read(
        page(
            record(A),
            record(B, "Received"),
            record(C, "Withdrawn"),
            record(VIDEO_MD5, "Deleted", "VideoMD5"),
            record("tmk", kind="VideoTMK"),
            record("https://example.com", kind="URL"),
            record(A.replace("f", "e"), "Unknown"),
        )
    )
    assert found.records == 7
    assert set(found.active) == {Pdq.from_hex(A), Pdq.from_hex(B)}
    assert found.active[Pdq.from_hex(A)] == {"list": "stopncii"}  # never its case numbers
    assert found.withdrawn == {Pdq.from_hex(C), Md5.from_hex(VIDEO_MD5)}
    assert found.skipped == {"type VideoTMK": 1, "type URL": 1, "status Unknown": 1}


def test_the_latest_record_of_a_hash_wins_across_pages() -> None:
    found = read([page(record(A), record(B, "Withdrawn")), page(record(A, "Deleted", at=2))])
    assert found.active == {} and found.withdrawn == {Pdq.from_hex(A), Pdq.from_hex(B)}
    again = read(page(record(A, "Withdrawn"), record(A, "Active", at=2)))
    assert set(again.active) == {Pdq.from_hex(A)} and again.withdrawn == set()


@pytest.mark.parametrize(
    ("data", "error", "where"),
    [
        ("not json", InvalidInput, "is JSON"),
        ({"hashes": []}, InvalidInput, "page 1"),
        ([page(record(A)), {"hashRecords": [7]}], InvalidInput, "page 2, record 1"),
        (page(record(A), {"signalType": "ImagePDQ"}), InvalidInput, "page 1, record 2"),
        (page(record("abc")), MalformedSignal, "page 1, record 1"),
    ],
)
def test_a_bad_page_says_where(data: object, error: type[Exception], where: str) -> None:
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(error, match=where):
        stopncii.read_page(io.StringIO(text))


def matched(app: Unshared, value: str) -> list[int]:
    return [m.entry for m in app.match(Query(pdq=(Pdq.from_hex(value),))).matches]


def test_import_adds_and_withdraws(store_url: str, tmp_path: Path, pin_hash: str) -> None:
    settings = Settings.load(env={}, home=tmp_path, store_url=store_url)
    with Unshared(settings) as app:
        app.create_bank("ncii")
        store: Store = app.store
        # The same hash as C, but a person's own case: StopNCII's list cannot withdraw it.
        own = store.create_case_with_entries(pin_hash, "ncii", [Pdq.from_hex(C)]).entries[0]
        first = app.lists.import_file(
            "ncii",
            io.StringIO(
                json.dumps(page(record(A), record(B), record(C), record("x", kind="Text")))
            ),
            "stopncii",
        )
        assert (first.records, first.added, first.existing) == (4, 3, 0)
        assert (first.withdrawn, first.skipped) == (0, 1)
        assert matched(app, A) and matched(app, B) and len(matched(app, C)) == 2

        later = page(record(A, "Withdrawn", at=2), record(C, "Deleted", at=2), record(B, at=2))
        second = app.lists.import_file("ncii", io.StringIO(json.dumps(later)), "stopncii")
        assert (second.records, second.added, second.existing, second.withdrawn) == (3, 0, 1, 2)
        # Withdrawn for the very next match, and in the feed every copy follows.
        assert matched(app, A) == [] and matched(app, B) != []
        assert matched(app, C) == [own.id]
        ops = [(c.op, c.value) for c in store.changes(after=0)]
        assert ("withdraw", A) in ops and ("withdraw", C) in ops

        # Active again (a new case at StopNCII): a new entry; withdrawn ones stay withdrawn.
        third = app.lists.import_file(
            "ncii", io.StringIO(json.dumps(page(record(A, at=3)))), "stopncii"
        )
        assert (third.added, third.withdrawn) == (1, 0)
        assert len(matched(app, A)) == 1


def test_the_cli_imports_a_page(tmp_path: Path) -> None:
    from tests.cli.test_hash_cli import run

    home = tmp_path / "home"
    listing = tmp_path / "stopncii-page.json"
    listing.write_text(
        json.dumps(page(record(A), record(B, "Withdrawn"), record("t", kind="Text")))
    )
    assert run("bank", "create", "ncii", home=home).returncode == 0
    done = run("bank", "import", "ncii", listing, home=home)
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stderr.split())
    assert "read 3 records: 1 added, 0 already in ncii, 0 withdrawn, 1 skipped" in said


def test_pytx_reads_the_same_records_but_keeps_withdrawn_hashes() -> None:
    """Our records are the ones pytx's StopNCII client parses; its exchange then keeps a
    withdrawn hash (it tests ``hashValue``, not ``hashStatus``), where we withdraw it."""
    dacite = pytest.importorskip("dacite")
    pytest.importorskip("threatexchange")
    import enum

    from threatexchange.exchanges.clients.stopncii import api
    from threatexchange.exchanges.impl import stop_ncii_api

    parsed = dacite.from_dict(
        api.StopNCIIHashRecord, record(A, "Withdrawn"), dacite.Config(cast=[enum.Enum, set])
    )
    assert parsed.hashStatus == api.StopNCIICaseStatus.Withdrawn
    (_, value), metadata = stop_ncii_api._get_delta_mapping(parsed)
    assert value == A and metadata is not None  # pytx: still there
    assert read(page(record(A, "Withdrawn"))).withdrawn == {Pdq.from_hex(A)}  # here: gone
