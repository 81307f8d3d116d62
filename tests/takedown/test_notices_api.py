"""Notices over HTTP, through real parts: the service on 127.0.0.1 over each store, with its
own scheduler running (a short ``scheduler_poll``) by an injected clock; a small web site on
127.0.0.1 serving a copy of an ordinary photo; an SMTP server on 127.0.0.1 (aiosmtpd).

A person sees the notice drafted for their link, drafts another, downloads one (with blanks, or
with details kept nowhere), authorises the operator to send one (sent at once), withdraws one; a
wrong PIN is refused each time. The operator lists, drafts, sends, acknowledges, withdraws and
reads them. The copy comes down, the clock passes the deadline, and the server's scheduler finds
it removed. The person's details appear in no answer to a platform, the feed or the history.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import LiveServer, live_server
from tests.imaging import encode, sample_photo
from tests.takedown.conftest import FakeClock
from tests.takedown.site import Page, Site
from tests.takedown.test_mail import Inbox, serving
from tests.waiting import eventually
from unshared.client import Client

ABUSE = "abuse@files.example.net"
DETAILS = {
    "name": "Lucía Fernández",
    "email": "lucia@example.org",
    "signature": "Lucía Fernández",
    "phone": "+34 600 000 000",
    "address": "Calle 1, Mérida",
}
#: What the operator's page reads from a notice (src/unshared/web/static/operator-views.js),
#: and what the person's page reads besides.
FIELDS = {
    "id", "sighting_id", "case", "regime", "state", "delivery", "recipient", "created_at",
    "sent_at", "deadline", "closed_at", "url", "host", "follow_up_of",
}  # fmt: skip


@pytest.fixture
def served(store_url: str, tmp_path: Path) -> Iterator[tuple[LiveServer, FakeClock, Inbox]]:
    clock = FakeClock()
    with (
        serving(auth_require_tls=False) as (inbox, port),
        live_server(
            store_url,
            tmp_path / "server",
            clock=clock,
            fetch_allow_networks="127.0.0.1/32",
            decode_workers=0,
            smtp_url=f"smtp://127.0.0.1:{port}",
            smtp_starttls=False,
            smtp_from="notices@helpline.example",
            operator_name="Helpline Example",
            operator_email="replies@helpline.example",
            operator_signatory="Sam Carter",
            scheduler_poll=0.05,
            pin_attempts_per_hour=100,
        ) as live,
    ):
        yield live, clock, inbox


def _personal(text: str) -> list[str]:
    return [v for k, v in DETAILS.items() if k != "signature" and v in text]


def test_people_and_operators_work_a_notice_to_its_end(
    served: tuple[LiveServer, FakeClock, Inbox], site: Site, tmp_path: Path
) -> None:
    live, clock, inbox = served
    photo = sample_photo("chelsea")
    photo.save(tmp_path / "photo.jpg", format="JPEG", quality=95)
    copy = encode(photo.resize((photo.width * 3 // 4, photo.height * 3 // 4)), "JPEG", quality=70)
    url = site.put("/u/1.jpg", Page(body=copy, headers={"Content-Type": "image/jpeg"}))
    with Client(live.url) as person:
        made = person.hash_and_create_case([tmp_path / "photo.jpg"])
    number, pin = made.number, made.pin
    admin = {"Authorization": f"Bearer {live.admin_key}"}
    seen: list[str] = []  # every answer a platform got

    with httpx.Client(base_url=live.url, timeout=60) as http:

        def as_person(path: str, **body: Any) -> httpx.Response:
            return http.post(f"/v1/cases/{number}{path}", json={"pin": pin, **body})

        def mine(with_pin: str = pin) -> httpx.Response:
            return http.get(f"/v1/cases/{number}/notices", headers={"X-Case-PIN": with_pin})

        assert http.put(
            "/v1/admin/contacts/127.0.0.1", json={"email": ABUSE}, headers=admin
        ).is_success
        sighting = as_person("/sightings", url=url).json()
        assert sighting["status"] == "verified"

        # The draft made for the verified link, as the pages read it.
        [draft] = mine().json()
        assert set(draft) >= FIELDS
        assert (draft["state"], draft["regime"], draft["delivery"], draft["recipient"]) == (
            "draft",
            "us_take_it_down",
            "email",
            ABUSE,
        )
        assert (draft["sighting_id"], draft["case"], draft["url"], draft["host"]) == (
            sighting["id"],
            number,
            url,
            "127.0.0.1",
        )
        assert draft["follow_up_of"] is None and draft["authorised"] is False

        # A wrong PIN is refused for every one of the person's calls, and changes nothing.
        note = f"/notices/{draft['id']}"
        wrong = [
            mine("WRONG-PIN1"),
            http.post(f"/v1/cases/{number}/notices", json={"pin": "X", "sighting": sighting["id"]}),
            http.post(f"/v1/cases/{number}{note}/download", json={"pin": "X", "format": "text"}),
            http.post(
                f"/v1/cases/{number}{note}/authorise",
                json={"pin": "X", **DETAILS, "good_faith": True},
            ),
            http.post(f"/v1/cases/{number}{note}/withdraw", json={"pin": "X"}),
        ]
        assert [r.status_code for r in wrong] == [401] * 5
        assert {r.json()["error"]["code"] for r in wrong} == {"unauthorized"}
        assert mine().json() == [draft] and inbox.messages == []

        # Another regime, drafted by the person.
        uk = as_person("/notices", sighting=sighting["id"], regime="uk_osa")
        assert uk.status_code == 201 and uk.json()["regime"] == "uk_osa"
        uk_id = uk.json()["id"]
        assert as_person("/notices", sighting=999_999).status_code == 404

        # A download: blanks without details; the details given go into that file only.
        blank = as_person(f"/notices/{uk_id}/download", format="text")
        assert blank.status_code == 200
        assert blank.headers["content-disposition"].startswith("attachment;")
        assert blank.headers["content-disposition"].endswith('.txt"')
        assert blank.headers["cache-control"] == "no-store"
        assert "(your full name)" in blank.text and url in blank.text
        filled = as_person(
            f"/notices/{uk_id}/download",
            format="html",
            name=DETAILS["name"],
            email=DETAILS["email"],
        )
        assert filled.headers["content-type"].startswith("text/html")
        assert DETAILS["email"] in filled.text and "default-src 'none'" in filled.text
        pdf = as_person(f"/notices/{uk_id}/download", format="pdf")
        assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
        assert as_person(f"/notices/{uk_id}/download", format="doc").status_code == 422

        # Authorised without the good-faith statement: refused. With it: sent at once.
        refused = as_person(f"/notices/{draft['id']}/authorise", **DETAILS, good_faith=False)
        assert refused.status_code == 400 and "good faith" in refused.json()["error"]["message"]
        sent = as_person(f"/notices/{draft['id']}/authorise", **DETAILS, good_faith=True)
        assert sent.status_code == 200, sent.text
        assert (sent.json()["state"], sent.json()["authorised"]) == ("sent", True)
        assert datetime.fromisoformat(sent.json()["sent_at"]) == clock.now
        assert datetime.fromisoformat(sent.json()["deadline"]) == clock.now + timedelta(hours=48)
        [(to, message)] = inbox.messages
        assert to == [ABUSE] and message["Message-ID"] == sent.json()["message_id"]

        # The person withdraws the other one; twice is a conflict.
        assert as_person(f"/notices/{uk_id}/withdraw").json()["state"] == "withdrawn"
        assert as_person(f"/notices/{uk_id}/withdraw").status_code == 409

        # The operator's side.
        listed = http.get("/v1/admin/notices", headers=admin).json()
        assert [n["id"] for n in listed] == [draft["id"], uk_id]  # open first, closed last
        assert [n["id"] for n in http.get(
            "/v1/admin/notices", params={"state": "withdrawn", "case": number}, headers=admin
        ).json()] == [uk_id]  # fmt: skip
        for fmt, media in (
            ("text", "text/plain"),
            ("html", "text/html"),
            ("pdf", "application/pdf"),
        ):
            got = http.get(f"/v1/admin/notices/{draft['id']}/{fmt}", headers=admin)
            assert got.status_code == 200 and got.headers["content-type"].startswith(media)
        as_sent = http.get(f"/v1/admin/notices/{draft['id']}/text", headers=admin).text
        assert "/s/ Sam Carter" in as_sent and DETAILS["name"] in as_sent
        acked = http.post(f"/v1/admin/notices/{draft['id']}/acknowledge", headers=admin)
        assert acked.json()["state"] == "acknowledged"
        dsa = http.post(
            "/v1/admin/notices",
            json={"sighting": sighting["id"], "regime": "eu_dsa_16", "delivery": "download"},
            headers=admin,
        )
        assert dsa.status_code == 201 and dsa.json()["delivery"] == "download"
        by_hand = http.post(f"/v1/admin/notices/{dsa.json()['id']}/send", headers=admin)
        assert (by_hand.json()["state"], by_hand.json()["message_id"]) == ("sent", None)
        gone = http.post(f"/v1/admin/notices/{dsa.json()['id']}/withdraw", headers=admin)
        assert gone.json()["state"] == "withdrawn"
        again = http.post(f"/v1/admin/notices/{dsa.json()['id']}/send", headers=admin)
        assert again.status_code == 409

        # A platform may not see notices, and learns nothing of the person from what it may see.
        key = http.post("/v1/keys", json={"name": "p", "role": "platform"}, headers=admin).json()
        platform = {"Authorization": f"Bearer {key['key']}"}
        assert http.get("/v1/admin/notices", headers=platform).status_code == 403
        assert (
            http.get(f"/v1/admin/notices/{draft['id']}/text", headers=platform).status_code == 403
        )
        matched = http.post("/v1/match/image", content=copy, headers=platform)
        assert matched.status_code == 200 and matched.json()["matches"]
        entry = matched.json()["matches"][0]["entry"]
        reported = http.post(
            "/v1/reports",
            json={"entry": entry, "outcome": "removed", "url": site.url("/elsewhere.jpg")},
            headers=platform,
        )
        assert reported.status_code == 201
        feed = http.get("/v1/feed", headers=platform)
        seen += [matched.text, reported.text, feed.text]
        audit = http.get("/v1/audit", params={"limit": 1000}, headers=admin).text
        notices_json = json.dumps(
            [mine().json(), http.get("/v1/admin/notices", headers=admin).json()]
        )

        # The host takes the copy down; the deadline passes; the server's scheduler checks.
        del site.pages["/u/1.jpg"]
        clock.advance(hours=48)

        def removed() -> bool:
            got = http.get(f"/v1/admin/notices/{draft['id']}", headers=admin).json()
            return bool(got["state"] == "removed")

        assert eventually(removed)
        closed = http.get(f"/v1/admin/notices/{draft['id']}", headers=admin).json()
        assert closed["closed_at"] is not None
        assert (
            http.get(f"/v1/admin/sightings/{sighting['id']}", headers=admin).json()["status"]
            == "removed"
        )
    assert _personal("\n".join(seen)) == []
    assert _personal(audit) == [] and _personal(notices_json) == []


def test_a_notice_answer_is_the_same_for_another_case(
    served: tuple[LiveServer, FakeClock, Inbox], site: Site, tmp_path: Path
) -> None:
    live, _, _ = served
    photo = sample_photo("astronaut")
    photo.save(tmp_path / "mine.png")
    url = site.put("/m.png", Page(body=encode(photo, "PNG")))
    with Client(live.url) as person:
        mine = person.hash_and_create_case([tmp_path / "mine.png"])
        other = person.hash_and_create_case([tmp_path / "mine.png"])
    with httpx.Client(base_url=live.url, timeout=60) as http:
        made = http.post(f"/v1/cases/{mine.number}/sightings", json={"pin": mine.pin, "url": url})
        assert made.json()["status"] == "verified"
        [notice] = http.get(
            f"/v1/cases/{mine.number}/notices", headers={"X-Case-PIN": mine.pin}
        ).json()
        base = f"/v1/cases/{other.number}/notices"
        theirs = [
            http.post(f"{base}/{notice['id']}/download", json={"pin": other.pin, "format": "text"}),
            http.post(f"{base}/{notice['id']}/withdraw", json={"pin": other.pin}),
            http.post(base, json={"pin": other.pin, "sighting": made.json()["id"]}),
        ]
        assert [r.status_code for r in theirs] == [404, 404, 404]
        assert http.get(base, headers={"X-Case-PIN": other.pin}).json() == []
