"""HMA's matching API on a real Unshared server, called by a client written from HMA's docs
(``hma_client.py``) with a platform's key: lookups by hash, by image bytes and by URL, raw
lookups, hashing, health; all through the same match path as ``/v1/match``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image

from bench.transforms import TRANSFORMS, rng_for
from tests.api.conftest import LiveServer, live_server
from tests.imaging import encode
from tests.interop.hma_client import HmaClient
from tests.takedown.site import Page, serve_site
from tests.waiting import eventually
from unshared.client import Client
from unshared.config import Settings
from unshared.hashing import hash_bytes
from unshared.replies import NewCaseReply
from unshared.service import Unshared


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(
        f"sqlite:///{tmp_path / 'server.db'}",
        tmp_path / "server",
        fetch_allow_networks="127.0.0.1/32",  # the test's own web site
    ) as live:
        yield live


@pytest.fixture
def hma(server: LiveServer) -> Iterator[HmaClient]:
    with Client(server.url, server.admin_key) as admin:
        key = admin.create_key("an-hma-platform", "platform")[1]
    client = HmaClient(server.url, {"Authorization": f"Bearer {key}"})
    yield client
    client.close()


@pytest.fixture
def pictures(tmp_path: Path, photos: list[Image.Image]) -> dict[str, Path]:
    """A person's photo; a smaller re-encoded copy, a turned copy, a stranger."""
    folder = tmp_path / "pictures"
    folder.mkdir()
    small = TRANSFORMS["resize_0.5"].apply(photos[0], rng_for(5, "small", 0))
    made = {
        "hers.jpg": encode(photos[0], "JPEG", quality=92),
        "copy.jpg": encode(small, "JPEG", quality=70),
        "turned.png": encode(photos[0].rotate(90, expand=True), "PNG"),
        "stranger.png": encode(photos[2], "PNG"),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return {Path(name).stem: folder / name for name in made}


@pytest.fixture
def case(server: LiveServer, pictures: dict[str, Path]) -> NewCaseReply:
    with Client(server.url) as person:
        return person.hash_and_create_case([pictures["hers"]])


def entries(server: LiveServer, case: NewCaseReply) -> dict[str, int]:
    with Client(server.url) as person:
        view = person.case_status(case.number, case.pin)
    return {h.signal_type: h.entry_id for h in view.hashes}


def test_lookup_by_hash(
    server: LiveServer, hma: HmaClient, case: NewCaseReply, pictures: dict[str, Path]
) -> None:
    assert hma.is_up()
    ids = entries(server, case)
    copy = hash_bytes(pictures["copy"].read_bytes())
    found = hma.lookup("pdq", copy.pdq.hex)
    assert list(found) == ["ncii"]
    (hit,) = found["ncii"]
    assert hit["bank_content_id"] == ids["pdq"]
    assert isinstance(hit["distance"], str) and 0 < int(hit["distance"]) <= 31

    exact = hash_bytes(pictures["hers"].read_bytes())
    by_md5 = {"ncii": [{"bank_content_id": ids["md5"], "distance": "0"}]}
    assert hma.lookup("md5", exact.md5.hex) == by_md5
    assert hma.lookup("video_md5", exact.md5.hex) == by_md5  # HMA's name for a file's MD5
    assert hma.lookup("sha256", exact.sha256.hex)["ncii"][0]["bank_content_id"] == ids["sha256"]
    assert hma.lookup("pdq", copy.pdq.hex, banks="some-other-bank") == {}
    assert hma.lookup("pdq", hash_bytes(pictures["stranger"].read_bytes()).pdq.hex) == {}
    # HMA's coinflip parameters are taken, and every bank still matches.
    assert hma.lookup("pdq", copy.pdq.hex, seed="1234", bypass_coinflip="true") == found

    assert hma.raw_lookup("pdq", copy.pdq.hex) == [ids["pdq"]]
    assert hma.raw_lookup("pdq", copy.pdq.hex, include_distance=True) == found["ncii"]


def test_lookup_by_image_and_url(
    server: LiveServer, hma: HmaClient, case: NewCaseReply, pictures: dict[str, Path]
) -> None:
    ids = entries(server, case)
    by_file = hma.lookup_file(pictures["copy"])
    assert set(by_file) == {"pdq", "md5", "sha256"}
    assert [h["bank_content_id"] for h in by_file["pdq"]["ncii"]] == [ids["pdq"]]
    assert by_file["md5"] == {} and by_file["sha256"] == {}
    # Unshared also tries the 8 rotations and flips, which HMA's lookup does not.
    assert [h["bank_content_id"] for h in hma.lookup_file(pictures["turned"])["pdq"]["ncii"]] == [
        ids["pdq"]
    ]
    exact = hma.lookup_file(pictures["hers"])
    assert exact["md5"] == {"ncii": [{"bank_content_id": ids["md5"], "distance": "0"}]}
    assert hma.lookup_file(pictures["stranger"]) == {"pdq": {}, "md5": {}, "sha256": {}}

    assert hma.hash_file(pictures["copy"]) == {
        "pdq": hash_bytes(pictures["copy"].read_bytes(), min_quality=0).pdq.hex,
        "md5": hash_bytes(pictures["copy"].read_bytes(), min_quality=0).md5.hex,
        "sha256": hash_bytes(pictures["copy"].read_bytes(), min_quality=0).sha256.hex,
    }

    with serve_site() as site:
        url = site.put("/p/copy.jpg", Page(body=pictures["copy"].read_bytes()))
        assert hma.lookup_url(url) == by_file
        assert hma.lookup_url(url, signal_type="pdq") == by_file["pdq"]
        assert hma.lookup_url(url, types="pdq") == {"pdq": by_file["pdq"]}
        assert hma.hash_url(url) == hma.hash_file(pictures["copy"])
        missing = hma.http.get("/m/lookup", params={"url": site.url("/p/gone.jpg")})
        assert missing.status_code == 502 and missing.json()["error"]["code"] == "fetch_failed"


def test_withdrawal_and_allow_banks_count_here_too(
    server: LiveServer, hma: HmaClient, case: NewCaseReply, pictures: dict[str, Path]
) -> None:
    copy = hash_bytes(pictures["copy"].read_bytes()).pdq.hex
    assert hma.lookup("pdq", copy) != {}
    # A known-innocent picture in an allow bank overrules: no bank is listed.
    operator = Settings.load(env={}, home=server.settings.home, store_url=server.store_url)
    with Unshared(operator) as app:
        app.create_bank("known-innocent", "allow")
        (entry,) = (
            e
            for e in app.register_image("known-innocent", pictures["hers"].read_bytes())
            if e.signal_type == "pdq"
        )
    # The server follows its store's feed for changes other processes make.
    assert eventually(lambda: hma.lookup("pdq", copy) == {})
    with Unshared(operator) as app:
        app.withdraw_entry("known-innocent", entry.id)
    assert eventually(lambda: hma.lookup("pdq", copy) != {})

    with Client(server.url) as person:
        person.withdraw_case(case.number, case.pin)
    assert hma.lookup("pdq", copy) == {}
    assert hma.lookup_file(pictures["copy"])["pdq"] == {}


def test_keys_and_bad_requests(
    server: LiveServer, hma: HmaClient, pictures: dict[str, Path]
) -> None:
    pdq = hash_bytes(pictures["hers"].read_bytes()).pdq.hex
    anonymous = HmaClient(server.url)
    with pytest.raises(httpx.HTTPStatusError) as refused:
        anonymous.lookup("pdq", pdq)
    assert refused.value.response.status_code == 401
    anonymous.close()
    assert anonymous_status(server) == 200  # health needs no key

    http = hma.http
    data = pictures["hers"].read_bytes()
    cases = [
        http.get("/m/lookup", params={"signal_type": "pdq"}),
        http.get("/m/lookup", params={"signal_type": "pdq", "signal": "abc"}),
        http.get("/m/lookup", params={"signal_type": "tmk", "signal": pdq}),
        http.get("/m/lookup", params={"url": "file:///etc/passwd"}),
        http.get("/m/lookup", params={"url": "http://127.0.0.1:1/x", "content_type": "video"}),
        http.post("/m/lookup", files={"video": ("v.mp4", b"\0" * 100)}),
        http.post("/m/lookup", files={"photo": ("a.jpg", data), "other": ("b.jpg", data)}),
        http.post("/m/lookup", data={"photo": "not a file"}),
        http.post("/m/lookup", content=data, headers={"Content-Type": "image/jpeg"}),
        http.post("/m/lookup", files={"photo": ("empty.jpg", b"")}),
        http.post("/h/hash", files={"photo": ("x.jpg", b"not an image")}),
    ]
    statuses = [r.status_code for r in cases]
    assert statuses == [400, 422, 422, 400, 400, 400, 400, 400, 400, 400, 415], statuses
    assert all("error" in r.json() for r in cases)


def anonymous_status(server: LiveServer) -> int:
    return httpx.get(f"{server.url}/status").status_code
