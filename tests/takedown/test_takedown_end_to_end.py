"""From a link to "it is down", through real parts: the service on 127.0.0.1 over each store,
a small web site on 127.0.0.1 serving a resized, recompressed copy of an ordinary photo (alone
and on an HTML page), a person reporting the links with their case number and PIN, a platform
and an operator reporting theirs, the site taking the copy down, and the evidence log chained
throughout. The service may fetch from 127.0.0.1 only because the test allows that network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import LiveServer, live_server
from tests.imaging import encode, noise_image, sample_photo
from tests.takedown.site import Page, Site
from tests.takedown.test_store_takedown import assert_chained
from unshared.bank import open_store
from unshared.client import Client


@pytest.fixture
def service(store_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(store_url, tmp_path / "server", fetch_allow_networks="127.0.0.1/32") as live:
        yield live


def _copy_of(photo_path: Path) -> bytes:
    photo = sample_photo("chelsea")
    photo.save(photo_path, format="JPEG", quality=95)
    smaller = photo.resize((photo.width * 3 // 4, photo.height * 3 // 4))
    return encode(smaller, "JPEG", quality=70)


def test_a_reported_copy_is_verified_then_seen_removed(
    service: LiveServer, site: Site, tmp_path: Path
) -> None:
    original = tmp_path / "photo.jpg"
    copy = site.put(
        "/img/copy.jpg", Page(body=_copy_of(original), headers={"Content-Type": "image/jpeg"})
    )
    site.put("/img/other.png", Page(body=encode(noise_image(1, (320, 240)), "PNG")))
    page = site.put(
        "/post/1",
        Page(
            body=b'<html><body><img src="/img/other.png"><p>hi</p>'
            b'<img srcset="/img/copy.jpg 2x"></body></html>',
            headers={"Content-Type": "text/html; charset=utf-8"},
        ),
    )
    with Client(service.url) as person:
        made = person.hash_and_create_case([original])
    number, pin = made.number, made.pin

    with httpx.Client(base_url=service.url, timeout=60) as http:
        admin = {"Authorization": f"Bearer {service.admin_key}"}

        def report(url: str, with_pin: str = pin) -> httpx.Response:
            return http.post(f"/v1/cases/{number}/sightings", json={"pin": with_pin, "url": url})

        # The person reports the page: its images are fetched, hashed and matched.
        on_page = report(page)
        assert on_page.status_code == 201, on_page.text
        seen = on_page.json()
        assert (seen["case"], seen["status"], seen["reported_by"]) == (number, "verified", "person")
        fetched = seen["fetch"]
        assert fetched["matched"] and fetched["outcome"] == "fetched"
        assert fetched["http_status"] == 200 and fetched["final_url"] == page
        assert fetched["image_url"] == copy
        assert 0 <= fetched["distance"] <= 31 and seen["distance"] == fetched["distance"]
        assert len(fetched["sha256"]) == 64 and len(fetched["md5"]) == 32

        # And the image itself, at its own URL.
        direct = report(copy).json()
        assert direct["status"] == "verified" and direct["fetch"]["image_url"] is None
        # Something else is not a copy.
        other = report(site.url("/img/other.png")).json()
        assert other["status"] == "not_matching" and not other["fetch"]["matched"]

        # A wrong PIN is refused; a URL into a private network is refused before it is kept.
        assert report(copy, "WRONG-PIN").status_code == 401
        for inside in ("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/a.jpg"):
            refused = report(inside)
            assert refused.status_code == 400
            assert refused.json()["error"]["code"] == "fetch_refused"
        listed = http.get(f"/v1/cases/{number}/sightings", headers={"X-Case-PIN": pin}).json()
        assert [s["id"] for s in listed] == [other["id"], direct["id"], seen["id"]]

        # The site takes the copy down: the image 404s, the page no longer holds a copy.
        del site.pages["/img/copy.jpg"]
        for sighting in (direct, seen):
            again = http.post(f"/v1/admin/sightings/{sighting['id']}/verify", headers=admin)
            assert again.status_code == 200, again.text
            assert again.json()["status"] == "removed"
        # The page still serves the other picture: fetched, hashed, not a copy.
        assert again.json()["fetch"]["outcome"] == "fetched"
        assert not again.json()["fetch"]["matched"]
        gone = http.get(f"/v1/admin/sightings/{direct['id']}", headers=admin).json()
        assert gone["fetch"]["http_status"] == 404

        case_id = _case_id(service, number)
    with open_store(service.store_url) as store:
        records = store.evidence_records(case_id)
    assert_chained(records)
    kinds = [r["kind"] for r in records]
    assert kinds.count("sighting.reported") == 3 and kinds.count("fetch") == 5
    assert [r["data"]["to"] for r in records if r["kind"] == "sighting.status"] == [
        "verified",
        "verified",
        "not_matching",
        "removed",
        "removed",
    ]
    assert not any("image/jpeg" in str(r["data"].get("body", "")) for r in records)


def test_platforms_and_operators_report_links(
    service: LiveServer, site: Site, tmp_path: Path
) -> None:
    original = tmp_path / "photo.jpg"
    copy = site.put("/c.jpg", Page(body=_copy_of(original)))
    with Client(service.url) as person:
        made = person.hash_and_create_case([original])
        status = person.case_status(made.number, made.pin)
    entry = status.hashes[0].entry_id
    with httpx.Client(base_url=service.url, timeout=60) as http:
        admin = {"Authorization": f"Bearer {service.admin_key}"}
        key = http.post("/v1/keys", json={"name": "p", "role": "platform"}, headers=admin).json()
        platform = {"Authorization": f"Bearer {key['key']}"}

        body: dict[str, Any] = {"entry": entry, "outcome": "removed", "url": "http://10.1.2.3/x"}
        assert http.post("/v1/reports", json=body, headers=platform).status_code == 400
        body["url"] = copy
        reported = http.post("/v1/reports", json=body, headers=platform)
        assert reported.status_code == 201, reported.text
        sighting_id = reported.json()["sighting"]
        assert "case" not in reported.json()

        mine = http.get("/v1/admin/sightings", params={"case": made.number}, headers=admin).json()
        assert [(s["id"], s["reported_by"], s["status"]) for s in mine] == [
            (sighting_id, "platform", "verified")
        ]
        by_operator = http.post(
            "/v1/admin/sightings",
            json={"case": made.number, "url": site.url("/missing.jpg")},
            headers=admin,
        ).json()
        assert (by_operator["reported_by"], by_operator["status"]) == ("operator", "unreachable")

        assert http.get("/v1/admin/contacts/example.org", headers=admin).status_code == 404
        put = http.put(
            "/v1/admin/contacts/Example.ORG", json={"email": "abuse@example.org"}, headers=admin
        )
        assert put.status_code == 200 and put.json()["host"] == "example.org"
        got = http.get("/v1/admin/contacts/example.org", headers=admin).json()
        assert got["email"] == "abuse@example.org"
        assert http.get("/v1/admin/sightings", headers=platform).status_code == 403


def _case_id(service: LiveServer, number: str) -> int:
    with open_store(service.store_url) as store:
        return store.get_case(number).id


def test_a_person_reports_a_bounded_number_of_links(tmp_path: Path, site: Site) -> None:
    original = tmp_path / "photo.jpg"
    _copy_of(original)
    store = f"sqlite:///{tmp_path / 'bank.db'}"
    settings = {"fetch_allow_networks": "127.0.0.1/32", "link_reports_per_hour": 2}
    with live_server(store, tmp_path / "server", **settings) as live:
        with Client(live.url) as person:
            made = person.hash_and_create_case([original])
        with httpx.Client(base_url=live.url, timeout=60) as http:
            answers = [
                http.post(
                    f"/v1/cases/{made.number}/sightings",
                    json={"pin": made.pin, "url": site.url(f"/gone/{i}")},
                )
                for i in range(3)
            ]
    assert [a.status_code for a in answers] == [201, 201, 429]
    assert answers[0].json()["status"] == "unreachable"
    assert answers[2].json()["error"]["code"] == "rate_limited"
    assert site.paths() == ["/gone/0", "/gone/1"]
