"""Notices in the store contract, held on both stores: made about verified sightings only, listed
overdue first and then by deadline, moved from state to state by compare-and-set, each move
chained into the case's evidence log and the history, and the person's own details kept with the
notice alone while it is open."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta

import pytest

from tests.takedown.test_store_takedown import _case, assert_chained
from unshared.bank import Store
from unshared.bank.models import FetchFacts, NotifierDetails
from unshared.errors import Conflict, InvalidInput, NotFound

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PERSON = NotifierDetails(
    "Lucía Fernández", "lucia@example.org", "Lucía Fernández", "+34 600 000 000", "Calle 1, Mérida"
)


def _sighting(store: Store, case_id: int, entry_id: int, url: str, *, verified: bool = True) -> int:
    host = url.split("/")[2]
    seen = store.add_sighting(case_id, url, host, "person", actor="person")
    if verified:
        facts = FetchFacts(
            "fetched", http_status=200, sha256="a" * 64, md5="b" * 32, entry_id=entry_id,
            distance=0, matched=True,
        )  # fmt: skip
        store.record_fetch(seen.id, facts, "verified", actor="person")
    return seen.id


def _personal(text: str) -> list[str]:
    return [d for d in (PERSON.name, PERSON.email, PERSON.phone, PERSON.address) if d in text]


def test_a_notice_goes_from_draft_to_removed_as_evidence(store: Store, pin_hash: str) -> None:
    case_id, (entry, _) = _case(store, pin_hash)
    sighting = _sighting(store, case_id, entry, "https://files.example.net/a.jpg")
    draft = store.add_notice(
        sighting, "us_take_it_down", "email", recipient="abuse@example.net", actor="system", at=T0
    )
    assert (draft.state, draft.case_id, draft.url, draft.host) == (
        "draft",
        case_id,
        "https://files.example.net/a.jpg",
        "files.example.net",
    )
    assert draft.case == store.get_case_by_id(case_id).number
    assert (draft.created_at, draft.sent_at, draft.deadline, draft.closed_at) == (
        T0,
        None,
        None,
        None,
    )
    assert not draft.authorised and draft.notifier is None and not draft.minor
    assert store.get_notice(draft.id) == draft

    authorised = store.authorise_notice(draft.id, PERSON, actor="person", at=T0)
    assert authorised.notifier == PERSON and authorised.authorised_at == T0
    assert PERSON.email not in repr(authorised)  # not in a log line by accident

    due = T0 + timedelta(hours=48)
    sent = store.change_notice(
        draft.id, "sent", expect=("draft",), actor="person", at=T0, deadline=due,
        message_id="<1@helpline.example>", record={"text_sha256": "c" * 64},
    )  # fmt: skip
    assert (sent.state, sent.sent_at, sent.deadline) == ("sent", T0, due)
    assert sent.message_id == "<1@helpline.example>" and sent.notifier == PERSON
    # A second sender finds it moved on: compare-and-set, nothing changed.
    with pytest.raises(Conflict, match="is sent"):
        store.change_notice(draft.id, "sent", expect=("draft",), actor="key:1", at=T0)
    acked = store.change_notice(draft.id, "acknowledged", expect=("sent",), actor="key:1")
    gone = store.change_notice(
        draft.id, "removed", expect=("sent", "acknowledged"), actor="scheduler", at=due,
        record={"fetch": 9, "http_status": 404},
    )  # fmt: skip
    assert (acked.state, gone.state, gone.closed_at) == ("acknowledged", "removed", due)
    # Closed: the person's details are forgotten, the authorisation's time is kept.
    assert gone.notifier is None and gone.authorised_at == T0

    records = store.evidence_records(case_id)
    assert_chained(records)
    notices = [r for r in records if r["kind"].startswith("notice.")]
    assert [r["kind"] for r in notices] == [
        "notice.drafted",
        "notice.authorised",
        "notice.sent",
        "notice.acknowledged",
        "notice.removed",
    ]
    sent_record = notices[2]["data"]
    assert sent_record["recipient"] == "abuse@example.net"
    assert sent_record["message_id"] == "<1@helpline.example>"
    assert sent_record["deadline"] == due.isoformat() and sent_record["text_sha256"] == "c" * 64
    assert (notices[4]["data"]["from"], notices[4]["data"]["http_status"]) == ("acknowledged", 404)
    assert notices[1]["data"] == {
        "notice": draft.id,
        "authorised_at": T0.isoformat(),
        "by": "person",
    }
    # Neither the evidence log nor the history holds the person's details.
    assert _personal(json.dumps(records, ensure_ascii=False)) == []
    events = store.history("notice", draft.id)
    assert [e.action for e in events] == [
        "notice.removed",
        "notice.acknowledged",
        "notice.sent",
        "notice.authorise",
        "notice.draft",
    ]
    assert _personal(json.dumps([e.detail for e in events], ensure_ascii=False)) == []


def test_notices_are_listed_overdue_first_then_by_deadline(store: Store, pin_hash: str) -> None:
    case_id, (entry, _) = _case(store, pin_hash)
    ids = []
    for n in range(5):
        sighting = _sighting(store, case_id, entry, f"https://h{n}.example/x.jpg")
        ids.append(store.add_notice(sighting, "eu_dsa_16", "download", actor="system").id)
    late, soon, later, closed, draft = ids
    for notice, hours in ((late, 1), (soon, 10), (later, 20), (closed, 5)):
        store.change_notice(
            notice,
            "sent",
            expect=("draft",),
            actor="x",
            at=T0,
            deadline=T0 + timedelta(hours=hours),
        )
    store.change_notice(late, "overdue", expect=("sent",), actor="scheduler")
    store.change_notice(closed, "withdrawn", expect=("sent",), actor="person")
    assert [n.id for n in store.notices()] == [late, soon, later, draft, closed]
    assert [n.id for n in store.notices(state="sent")] == [soon, later]
    assert [n.id for n in store.notices(case_id=case_id, limit=2)] == [late, soon]
    other_case, _ = _case(store, pin_hash)
    assert store.notices(case_id=other_case) == []
    assert store.notices(sighting_id=store.get_notice(draft).sighting_id)[0].id == draft
    with pytest.raises(InvalidInput):
        store.notices(state="lost")  # type: ignore[arg-type]


def test_a_notice_is_only_about_a_verified_sighting(store: Store, pin_hash: str) -> None:
    case_id, (entry, _) = _case(store, pin_hash)
    unverified = _sighting(store, case_id, entry, "https://a.example/1", verified=False)
    with pytest.raises(Conflict, match="reported"):
        store.add_notice(unverified, "uk_osa", "download", actor="system")
    with pytest.raises(NotFound):
        store.add_notice(999_999, "uk_osa", "download", actor="system")
    sighting = _sighting(store, case_id, entry, "https://a.example/2")
    for bad in (
        {"regime": "us_dmca"},
        {"delivery": "fax"},
        {"recipient": "not an address"},
        {"notifier": PERSON},  # without the time it was authorised
    ):
        args = {"regime": "uk_osa", "delivery": "email", **bad}
        with pytest.raises(InvalidInput):
            store.add_notice(sighting, actor="system", **args)  # type: ignore[arg-type]
    first = store.add_notice(sighting, "uk_osa", "download", actor="system")
    # Open already: the automatic draft gets that one back rather than a second.
    assert (
        store.add_notice(sighting, "us_take_it_down", "email", actor="system", unless_open=True)
        == first
    )
    other = _sighting(store, case_id, entry, "https://a.example/3")
    with pytest.raises(Conflict, match="same sighting"):
        store.add_notice(other, "uk_osa", "download", follow_up_of=first.id, actor="system")
    follow = store.add_notice(sighting, "uk_osa", "download", follow_up_of=first.id, actor="x")
    assert follow.follow_up_of == first.id
    store.change_notice(first.id, "withdrawn", expect=("draft",), actor="person")
    with pytest.raises(Conflict, match="only a draft"):
        store.authorise_notice(first.id, PERSON, actor="person")
    with pytest.raises(InvalidInput):
        store.authorise_notice(follow.id, NotifierDetails("x", "not-an-email", "x"), actor="person")
    store.withdraw_case(case_id)
    with pytest.raises(Conflict, match="withdrawn"):
        store.add_notice(sighting, "uk_osa", "download", actor="system")


def test_one_of_two_racing_changes_wins(store: Store, pin_hash: str) -> None:
    case_id, (entry, _) = _case(store, pin_hash)
    sighting = _sighting(store, case_id, entry, "https://race.example/1")
    notice = store.add_notice(sighting, "eu_dsa_16", "download", actor="system")
    store.change_notice(notice.id, "sent", expect=("draft",), actor="x", deadline=T0)
    results: list[str] = []
    lock = threading.Lock()

    def close(state: str) -> None:
        try:
            store.change_notice(notice.id, state, expect=("sent",), actor="scheduler")  # type: ignore[arg-type]
            outcome = state
        except Conflict:
            outcome = "conflict"
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=close, args=(s,)) for s in ("removed", "overdue") * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results).count("conflict") == 5
    kinds = [r["kind"] for r in store.evidence_records(case_id)]
    assert kinds.count("notice.removed") + kinds.count("notice.overdue") == 1
