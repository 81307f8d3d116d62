"""Notices and their clocks through real parts, over each store: a small web site on 127.0.0.1
serving a resized, recompressed copy of an ordinary photo, a real SMTP server on 127.0.0.1
(aiosmtpd), and time moved by an injected clock, never waited for.

A copy verified to be there gets a draft; the person authorises the operator to send it; the host
receives every element; the host takes the copy down (404) and the check at the deadline, run by
another process over the same store, closes the notice as removed. A copy left up goes overdue
with a follow-up drafted. Two schedulers at once run the check once.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tests.imaging import encode, sample_photo
from tests.takedown.conftest import FakeClock
from tests.takedown.site import Page, Site
from tests.takedown.test_mail import Inbox, free_port, serving
from tests.takedown.test_store_takedown import assert_chained
from unshared.actions.cases import Cases
from unshared.bank import Case
from unshared.bank.models import Notice, NotifierDetails
from unshared.config import Settings
from unshared.errors import Conflict, InvalidInput, NotFound, Unavailable
from unshared.hashing.batch import Views, hash_data
from unshared.hashing.decode import Limits
from unshared.service import Unshared
from unshared.takedown.notices import REQUIRED, Regime
from unshared.takedown.noticing import RECHECK_UNREACHABLE

ABUSE = "abuse@files.example.net"
PERSON = NotifierDetails(
    "Lucía Fernández", "lucia@example.org", "Lucía Fernández", "+34 600 000 000", "Calle 1, Mérida"
)
HOURS = {"us_take_it_down": 48, "eu_dsa_16": 72, "uk_osa": 72}
HOUR = timedelta(hours=1)


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with serving(auth_require_tls=False) as served:
        yield served


@pytest.fixture(scope="module")
def photo_and_copy() -> tuple[bytes, bytes]:
    photo = sample_photo("chelsea")
    smaller = photo.resize((photo.width * 3 // 4, photo.height * 3 // 4))
    return encode(photo, "PNG"), encode(smaller, "JPEG", quality=70)


@contextmanager
def service(
    store_url: str, home: Path, clock: FakeClock, smtp_port: int, **overrides: Any
) -> Iterator[Unshared]:
    """One process of the service: the operator's settings, the test's mail server and clock."""
    values: dict[str, Any] = {
        "store_url": store_url,
        "fetch_allow_networks": "127.0.0.1/32",
        "decode_workers": 0,
        "smtp_url": f"smtp://127.0.0.1:{smtp_port}",
        "smtp_starttls": False,
        "smtp_from": "notices@helpline.example",
        "smtp_timeout": 5.0,
        "operator_name": "Helpline Example",
        "operator_email": "replies@helpline.example",
        "operator_signatory": "Sam Carter",
        **overrides,
    }
    with Unshared(Settings.load(env={}, home=home, **values), clock=clock) as app:
        yield app


def new_case(app: Unshared, photo: bytes) -> Case:
    signals, _, _ = hash_data(photo, Limits(), 0, False, Views())
    return Cases(app.store).create([list(signals.signals())]).case


def reported(app: Unshared, photo: bytes, url: str) -> tuple[Case, Notice]:
    """A new case of ``photo``, a copy of it reported at ``url``, and the draft that made."""
    case = new_case(app, photo)
    app.takedown.report(case, url, reported_by="person", actor="person")
    [notice] = app.takedown.notices.list(case=case)
    return case, notice


def text_of(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def personal(text: str) -> list[str]:
    return [d for d in (PERSON.name, PERSON.email, PERSON.phone, PERSON.address) if d in text]


def test_an_authorised_notice_is_emailed_and_removed_when_the_copy_is_gone_at_the_deadline(
    store_url: str,
    tmp_path: Path,
    site: Site,
    smtp: tuple[Inbox, int],
    photo_and_copy: tuple[bytes, bytes],
) -> None:
    inbox, port = smtp
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/u/8841/IMG_2291.jpg", Page(body=copy, headers={"Content-Type": "image/jpeg"}))
    other = site.put("/mirror/55.jpg", Page(body=copy))
    with service(store_url, tmp_path / "one", clock, port) as app:
        app.takedown.set_contact("127.0.0.1", ABUSE, actor="operator")
        case = new_case(app, photo)
        seen = app.takedown.report(case, url, reported_by="person", actor="person")
        assert seen.sighting.status == "verified"
        [draft] = app.takedown.notices.list(case=case)
        assert (draft.state, draft.regime, draft.delivery, draft.recipient) == (
            "draft",
            "us_take_it_down",
            "email",
            ABUSE,
        )
        assert (draft.sighting_id, draft.url, draft.created_at) == (
            seen.sighting.id,
            url,
            clock.now,
        )
        # Verified again, or a second copy elsewhere: no second draft for this sighting.
        app.takedown.verify(seen.sighting.id, actor="operator")
        app.takedown.report(case, other, reported_by="person", actor="person")
        listed = app.takedown.notices.list(case=case)
        assert [n for n in listed if n.sighting_id == draft.sighting_id] == [draft]
        assert len(listed) == 2

        sent = app.takedown.notices.authorise(case, draft.id, PERSON, good_faith=True)
        assert (sent.state, sent.sent_at, sent.authorised_at) == ("sent", clock.now, clock.now)
        assert sent.deadline == clock.now + app.settings.notice_hours_us_take_it_down * HOUR

        [(to, message)] = inbox.messages
        assert to == [ABUSE] and message["Message-ID"] == sent.message_id
        assert message["Reply-To"] == "replies@helpline.example"
        text = text_of(message)
        fetched = seen.fetch
        assert fetched is not None and fetched.facts.sha256 and fetched.facts.md5
        for element in (
            url,
            fetched.facts.sha256,
            fetched.facts.md5,
            "/s/ Sam Carter",  # the operator signs, as the person's authorised representative
            "Helpline Example sends this notice on behalf of the person depicted",
            PERSON.name,
            PERSON.email,
            PERSON.phone,
            "good faith belief",
            "no later than 48 hours",
            other,  # a known identical copy
        ):
            assert element in text, element
        assert app.run_due_jobs() == []  # nothing due yet
        clock.advance(hours=47, minutes=59)
        assert app.run_due_jobs() == []

    # The host takes the copy down; the deadline passes. Another process over the same store
    # runs the check: the schedule lives in the store, so a restart loses nothing.
    del site.pages["/u/8841/IMG_2291.jpg"]
    clock.advance(minutes=1)
    with service(store_url, tmp_path / "two", clock, port) as again:
        [outcome] = again.run_due_jobs()
        assert (outcome.job.kind, outcome.job.subject_id, outcome.error) == (
            "notice.check",
            draft.id,
            "",
        )
        closed = again.takedown.notices.get(draft.id)
        assert (closed.state, closed.closed_at) == ("removed", clock.now)
        assert closed.notifier is None  # the person's details went with it
        assert again.takedown.get(draft.sighting_id).sighting.status == "removed"
        assert again.run_due_jobs() == []  # once
        records = again.takedown.evidence(case.number)
        history = again.history("notice", draft.id)
    assert_chained(records)
    kinds = [r["kind"] for r in records if r["data"].get("notice") == draft.id]
    assert kinds == ["notice.drafted", "notice.authorised", "notice.sent", "notice.removed"]
    removed = next(r for r in records if r["kind"] == "notice.removed")["data"]
    assert (removed["http_status"], removed["by"]) == (404, "system")
    assert personal(json.dumps(records, ensure_ascii=False)) == []
    assert personal(json.dumps([e.detail for e in history], ensure_ascii=False)) == []


def test_a_copy_left_up_goes_overdue_with_a_follow_up_then_both_close(
    store_url: str,
    tmp_path: Path,
    site: Site,
    smtp: tuple[Inbox, int],
    photo_and_copy: tuple[bytes, bytes],
) -> None:
    inbox, port = smtp
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/p/1.jpg", Page(body=copy))
    with service(store_url, tmp_path, clock, port, notice_regime="eu_dsa_16") as app:
        app.takedown.set_contact("127.0.0.1", ABUSE, actor="operator")
        case = new_case(app, photo)
        app.takedown.report(case, url, reported_by="person", actor="person")
        [first] = app.takedown.notices.list(case=case)
        assert first.regime == "eu_dsa_16"
        sent = app.takedown.notices.authorise(case, first.id, PERSON, good_faith=True)
        first_sent = clock.now
        clock.advance(hours=72)
        [outcome] = app.run_due_jobs()
        assert outcome.error == ""
        overdue, follow = app.takedown.notices.list(case=case)  # overdue first
        assert (overdue.id, overdue.state, overdue.closed_at) == (sent.id, "overdue", None)
        assert (follow.state, follow.follow_up_of, follow.authorised) == ("draft", sent.id, True)
        assert (follow.regime, follow.recipient, follow.delivery) == ("eu_dsa_16", ABUSE, "email")
        assert follow.notifier == PERSON  # authorised for this notice and its follow-ups

        again = app.takedown.notices.send(follow.id, actor="key:1")
        assert again.deadline == clock.now + 72 * HOUR
        _, (_, message) = inbox.messages
        assert message["Subject"].startswith("Follow-up removal request (DSA Art. 16)")
        text = text_of(message)
        assert f"We sent you a notice about this content on {first_sent.date()}" in text
        assert "still online" in text and url in text

        del site.pages["/p/1.jpg"]
        clock.advance(hours=72)
        [outcome] = app.run_due_jobs()
        states = {n.id: (n.state, n.closed_at) for n in app.takedown.notices.list(case=case)}
        assert states == {first.id: ("removed", clock.now), follow.id: ("removed", clock.now)}
        kinds = [r["kind"] for r in app.takedown.evidence(case.number)]
    assert [k for k in kinds if k.startswith("notice.")] == [
        "notice.drafted",
        "notice.authorised",
        "notice.sent",
        "notice.overdue",
        "notice.drafted",
        "notice.sent",
        "notice.removed",
        "notice.removed",
    ]


@pytest.mark.parametrize("regime", list(Regime))
def test_each_regime_emails_every_element_its_law_requires(
    regime: Regime,
    tmp_path: Path,
    site: Site,
    smtp: tuple[Inbox, int],
    photo_and_copy: tuple[bytes, bytes],
) -> None:
    inbox, port = smtp
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/r.jpg", Page(body=copy))
    store = f"sqlite:///{tmp_path / 'bank.db'}"
    with service(store, tmp_path, clock, port, notice_regime=regime.value) as app:
        case = new_case(app, photo)
        app.takedown.report(case, url, reported_by="person", actor="person")
        [draft] = app.takedown.notices.list(case=case)
        assert (draft.delivery, draft.recipient) == ("download", "")  # no contact known yet
        # No abuse contact: authorised, and left for the operator to send.
        left = app.takedown.notices.authorise(case, draft.id, PERSON, good_faith=True)
        assert (left.state, left.authorised, left.delivery) == ("draft", True, "email")
        with pytest.raises(Conflict, match="no abuse contact"):
            app.takedown.notices.send(draft.id, actor="operator")
        sent = app.takedown.notices.send(draft.id, actor="operator", recipient=ABUSE)
        assert sent.deadline == clock.now + HOURS[regime.value] * HOUR
    [(to, message)] = inbox.messages
    assert to == [ABUSE]
    page = message.get_body(preferencelist=("html",))
    assert page is not None
    markup = page.get_content()
    for key in REQUIRED[regime]:
        assert f'<section id="{key}">' in markup, key
    assert url in markup and PERSON.email in markup
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content().startswith(b"%PDF")


def test_two_schedulers_at_once_check_a_notice_once(
    store_url: str,
    tmp_path: Path,
    site: Site,
    smtp: tuple[Inbox, int],
    photo_and_copy: tuple[bytes, bytes],
) -> None:
    _, port = smtp
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/two.jpg", Page(body=copy))
    with service(store_url, tmp_path / "a", clock, port) as one:
        one.takedown.set_contact("127.0.0.1", ABUSE, actor="operator")
        case, notice = reported(one, photo, url)
        one.takedown.notices.authorise(case, notice.id, PERSON, good_faith=True)
        clock.advance(hours=48)
        fetched_before = site.paths().count("/two.jpg")
        with service(store_url, tmp_path / "b", clock, port) as two:
            ran: list[int] = []
            start = threading.Barrier(2)

            def run(app: Unshared) -> None:
                start.wait()
                ran.extend(o.job.id for o in app.run_due_jobs())

            threads = [threading.Thread(target=run, args=(app,)) for app in (one, two)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert len(ran) == 1
        assert site.paths().count("/two.jpg") == fetched_before + 1
        assert one.takedown.notices.get(notice.id).state == "overdue"
        kinds = [r["kind"] for r in one.takedown.evidence(case.number)]
    assert kinds.count("notice.overdue") == 1 and kinds.count("notice.drafted") == 2


def test_two_operators_sending_one_notice_at_once_email_the_host_once(
    store_url: str,
    tmp_path: Path,
    site: Site,
    smtp: tuple[Inbox, int],
    photo_and_copy: tuple[bytes, bytes],
) -> None:
    """Two processes send the same authorised notice at the same moment through a slow mail
    server: the host gets one email, the second sender is told it is being sent."""
    inbox, port = smtp
    inbox.delay = 1.0
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/twice.jpg", Page(body=copy))
    with service(store_url, tmp_path / "a", clock, port) as one:
        case, notice = reported(one, photo, url)
        # No abuse contact yet: the authorised notice waits for the operator.
        left = one.takedown.notices.authorise(case, notice.id, PERSON, good_faith=True)
        assert left.state == "draft"
        one.takedown.set_contact("127.0.0.1", ABUSE, actor="operator")
        with service(store_url, tmp_path / "b", clock, port) as two:
            start = threading.Barrier(2)
            sent: list[int] = []
            refused: list[Conflict] = []

            def send(app: Unshared) -> None:
                start.wait()
                try:
                    sent.append(app.takedown.notices.send(notice.id, actor="operator").id)
                except Conflict as exc:
                    refused.append(exc)

            threads = [threading.Thread(target=send, args=(app,)) for app in (one, two)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert len(inbox.messages) == 1
        assert sent == [notice.id] and len(refused) == 1
        assert "being sent" in str(refused[0])
        assert one.takedown.notices.get(notice.id).state == "sent"
        kinds = [r["kind"] for r in one.takedown.evidence(case.number)]
    assert kinds.count("notice.sent") == 1


def test_a_send_that_fails_can_be_tried_again_at_once(
    tmp_path: Path, site: Site, photo_and_copy: tuple[bytes, bytes]
) -> None:
    """A mail server that is down leaves the notice a draft that the next send may take."""
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/again.jpg", Page(body=copy))
    store = f"sqlite:///{tmp_path / 'bank.db'}"
    down = free_port()
    with service(store, tmp_path / "a", clock, down, smtp_timeout=2.0) as app:
        case, notice = reported(app, photo, url)
        app.takedown.notices.authorise(case, notice.id, PERSON, good_faith=True)
        app.takedown.set_contact("127.0.0.1", ABUSE, actor="operator")
        with pytest.raises(Unavailable):
            app.takedown.notices.send(notice.id, actor="operator")
    with (
        serving(auth_require_tls=False) as (inbox, port),
        service(store, tmp_path / "b", clock, port) as again,
    ):
        assert again.takedown.notices.send(notice.id, actor="operator").state == "sent"
    assert len(inbox.messages) == 1


def test_no_clear_answer_is_checked_again_and_a_withdrawn_notice_is_not_checked(
    tmp_path: Path, site: Site, smtp: tuple[Inbox, int], photo_and_copy: tuple[bytes, bytes]
) -> None:
    _, port = smtp
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/flaky.jpg", Page(body=copy))
    kept = site.put("/kept.jpg", Page(body=copy))
    store = f"sqlite:///{tmp_path / 'bank.db'}"
    with service(store, tmp_path, clock, port) as app:
        app.takedown.set_contact("127.0.0.1", ABUSE, actor="operator")
        case = new_case(app, photo)
        for link in (url, kept):
            app.takedown.report(case, link, reported_by="person", actor="person")
        flaky, withdrawn = sorted(app.takedown.notices.list(case=case), key=lambda n: n.url)
        for notice in (flaky, withdrawn):
            app.takedown.notices.authorise(case, notice.id, PERSON, good_faith=True)
        app.takedown.notices.withdraw_for_person(case, withdrawn.id)
        assert app.takedown.notices.get(withdrawn.id).notifier is None

        site.pages["/flaky.jpg"] = Page(status=503, body=b"busy")
        clock.advance(hours=48)
        asked = len(site.paths())
        outcomes = app.run_due_jobs()
        assert len(outcomes) == 2 and all(o.error == "" for o in outcomes)
        assert site.paths()[asked:] == ["/flaky.jpg"]  # the withdrawn one is not fetched
        assert app.takedown.notices.get(flaky.id).state == "sent"
        site.pages["/flaky.jpg"] = Page(body=copy)
        clock.advance(seconds=RECHECK_UNREACHABLE.total_seconds() - 1)
        assert app.run_due_jobs() == []
        clock.advance(seconds=1)
        assert len(app.run_due_jobs()) == 1
        assert app.takedown.notices.get(flaky.id).state == "overdue"


def test_the_person_acting_alone_downloads_a_notice_and_nothing_of_theirs_is_kept(
    tmp_path: Path, site: Site, smtp: tuple[Inbox, int], photo_and_copy: tuple[bytes, bytes]
) -> None:
    inbox, port = smtp
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/alone.jpg", Page(body=copy))
    store = f"sqlite:///{tmp_path / 'bank.db'}"
    with service(store, tmp_path, clock, port) as app:
        case = new_case(app, photo)
        seen = app.takedown.report(case, url, reported_by="person", actor="person")
        notices = app.takedown.notices
        [draft] = notices.list(case=case)
        blank = notices.download(case, draft.id)
        assert "(your full name)" in blank.text and "(your email address)" in blank.text
        assert "Signature: ____" in blank.text and url in blank.text
        filled = notices.download(
            case, draft.id, name=PERSON.name, email=PERSON.email, signature=PERSON.name
        )
        assert f"Name: {PERSON.name}" in filled.text and f"/s/ {PERSON.name}" in filled.text
        assert "____" not in filled.text and filled.pdf.startswith(b"%PDF")
        with pytest.raises(InvalidInput, match="signature of"):
            notices.download(case, draft.id, name=PERSON.name, email=PERSON.email, signature="L")
        assert notices.get(draft.id).notifier is None

        # Another case's notice is not this case's to see.
        stranger = new_case(app, encode(sample_photo("astronaut"), "PNG"))
        with pytest.raises(NotFound):
            notices.download(stranger, draft.id)
        with pytest.raises(NotFound):
            notices.draft_for_person(stranger, seen.sighting.id)

        # Sent by the person: by email only with their authorisation; as a download, the
        # operator records when it went, and the clock starts.
        uk = notices.draft_for_person(case, seen.sighting.id, "uk_osa")
        by_email = notices.draft(seen.sighting.id, recipient=ABUSE, actor="operator")
        assert by_email.delivery == "email"
        with pytest.raises(Conflict, match="not authorised"):
            notices.send(by_email.id, actor="operator")
        by_hand = notices.send(uk.id, actor="operator")
        assert (by_hand.state, by_hand.message_id) == ("sent", None)
        assert by_hand.deadline == clock.now + 72 * HOUR
        with pytest.raises(InvalidInput, match="good faith"):
            notices.authorise(case, draft.id, PERSON, good_faith=False)
        records = app.takedown.evidence(case.number)
    assert inbox.messages == []
    assert personal(json.dumps(records, ensure_ascii=False)) == []
    sent = next(r for r in records if r["kind"] == "notice.sent")["data"]
    assert sent["by_hand"] is True and sent["notice"] == uk.id


def test_a_notice_of_a_withdrawn_case_is_withdrawn_at_its_check(
    tmp_path: Path, site: Site, smtp: tuple[Inbox, int], photo_and_copy: tuple[bytes, bytes]
) -> None:
    _, port = smtp
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/w.jpg", Page(body=copy))
    store = f"sqlite:///{tmp_path / 'bank.db'}"
    with service(store, tmp_path, clock, port) as app:
        app.takedown.set_contact("127.0.0.1", ABUSE, actor="operator")
        case, notice = reported(app, photo, url)
        app.takedown.notices.authorise(case, notice.id, PERSON, good_faith=True)
        Cases(app.store).withdraw(case)
        clock.advance(hours=48)
        asked = len(site.paths())
        [outcome] = app.run_due_jobs()
        assert outcome.error == "" and len(site.paths()) == asked
        assert app.takedown.notices.get(notice.id).state == "withdrawn"


def test_smtp_down_leaves_an_authorised_notice_for_the_operator(
    tmp_path: Path, site: Site, photo_and_copy: tuple[bytes, bytes]
) -> None:
    clock = FakeClock()
    photo, copy = photo_and_copy
    url = site.put("/down.jpg", Page(body=copy))
    store = f"sqlite:///{tmp_path / 'bank.db'}"
    with service(store, tmp_path, clock, free_port(), smtp_timeout=2.0) as app:
        app.takedown.set_contact("127.0.0.1", ABUSE, actor="operator")
        case, notice = reported(app, photo, url)
        left = app.takedown.notices.authorise(case, notice.id, PERSON, good_faith=True)
        assert (left.state, left.authorised, left.notifier) == ("draft", True, PERSON)
        assert app.run_due_jobs() == []


def test_a_minors_case_gets_a_minors_notice_that_asks_for_no_name_or_email(
    store_url: str,
    tmp_path: Path,
    site: Site,
    smtp: tuple[Inbox, int],
    photo_and_copy: tuple[bytes, bytes],
) -> None:
    """The DSA needs no notifier's name or email for child sexual abuse material (Art. 16(2)(c)),
    so a minor's notice has no blanks for them, and says the person depicted is a minor."""
    _, port = smtp
    photo, copy = photo_and_copy
    url = site.put("/m/1.jpg", Page(body=copy, headers={"Content-Type": "image/jpeg"}))
    with service(store_url, tmp_path / "m", FakeClock(), port, notice_regime="eu_dsa_16") as app:
        signals, _, _ = hash_data(photo, Limits(), 0, False, Views())
        minor = Cases(app.store).create([list(signals.signals())], minor=True).case
        adult = new_case(app, photo)
        for case in (minor, adult):
            assert app.takedown.report(case, url, reported_by="person", actor="person")
        [for_minor] = app.takedown.notices.list(case=minor)
        [for_adult] = app.takedown.notices.list(case=adult)
        assert (for_minor.minor, for_adult.minor) == (True, False)
        minor_text = app.takedown.notices.download(minor, for_minor.id).text
        adult_text = app.takedown.notices.download(adult, for_adult.id).text
    assert "minor" in minor_text and "(your email address)" not in minor_text
    assert "(your email address)" in adult_text
