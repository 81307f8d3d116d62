"""Notices over SQL: each notice to a host, its state and its clock. ``SQLStore`` builds on it;
the contract is ``unshared.bank.store``'s ``NoticeStore``.

Every change is a compare-and-set on the notice's state (``expect``), made in one write
transaction with its ``notice.<state>`` evidence record and a history event, so two processes
acting on one notice at once (two schedulers checking it, an operator withdrawing it as its
deadline passes) change it once and the other is told it moved on (``Conflict``).

What goes into the evidence log and the history about a notice is what the host was told and
when: regime, delivery, recipient (the host's abuse address), times, Message-ID, the SHA-256 of
the text sent. Never the person's own details: those live in the notice's ``notifier`` column
while it is open, and are dropped (set to NULL) when it is removed or withdrawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from unshared.bank import validate
from unshared.bank.models import (
    CLOSED_NOTICE_STATES,
    DELIVERIES,
    MAX_ADDRESS,
    MAX_DETAIL,
    MAX_EMAIL,
    NOTICE_STATES,
    Delivery,
    Notice,
    NoticeState,
    NotifierDetails,
)
from unshared.bank.sql import Ledger, marks
from unshared.bank.takedown import TakedownRecords
from unshared.errors import Conflict, InvalidInput, NotFound
from unshared.takedown.notices import Regime

_MAX_LIST = 1000
_REGIMES = tuple(r.value for r in Regime)
#: States in which a notice is still open: the ones an operator looks at first.
_OPEN = tuple(s for s in NOTICE_STATES if s not in CLOSED_NOTICE_STATES)

_NOTICE = """SELECT n.id, n.sighting_id, n.case_id, c.number, s.url, s.host, n.regime, n.state,
    n.delivery, n.recipient, n.minor, n.created_at, n.sent_at, n.deadline, n.closed_at,
    n.follow_up_of, n.authorised_at, n.message_id, n.notifier
    FROM notices n JOIN sightings s ON s.id = n.sighting_id JOIN cases c ON c.id = n.case_id"""
#: Overdue first, then the open ones by deadline (soonest first), then drafts without one, then
#: closed ones; newest first within each.
_ORDER = """ORDER BY CASE n.state WHEN 'overdue' THEN 0 WHEN 'sent' THEN 1 WHEN 'acknowledged'
    THEN 1 WHEN 'draft' THEN 2 ELSE 3 END, n.deadline IS NULL, n.deadline, n.id DESC"""


class NoticeRecords(TakedownRecords):
    """Notices, for ``SQLStore``."""

    def add_notice(
        self,
        sighting_id: int,
        regime: str,
        delivery: Delivery,
        *,
        actor: str,
        at: datetime | None = None,
        recipient: str = "",
        minor: bool = False,
        follow_up_of: int | None = None,
        notifier: NotifierDetails | None = None,
        authorised_at: datetime | None = None,
        unless_open: bool = False,
    ) -> Notice:
        validate.row_id("a sighting id", sighting_id)
        regime = validate.one_of("a notice's regime", regime, _REGIMES)
        delivery = cast(Delivery, validate.one_of("a notice's delivery", delivery, DELIVERIES))
        recipient = _recipient(recipient)
        actor = validate.text("actor", actor, required=True)
        if follow_up_of is not None:
            validate.row_id("a notice id", follow_up_of)
        if (notifier is None) != (authorised_at is None):
            raise InvalidInput("a notice's notifier comes with the time it was authorised")
        details = None if notifier is None else self._json_in(_details(notifier))
        with self._writing() as w:
            rows = w.tx.execute(
                "SELECT case_id, status FROM sightings WHERE id = ?", (sighting_id,)
            )
            if not rows:
                raise NotFound(f"there is no sighting {sighting_id}", sighting_id=sighting_id)
            case_id, status = rows[0]
            number, case_status = self._case_row(w.tx, case_id)
            if unless_open:
                found = w.tx.execute(
                    f"{_NOTICE} WHERE n.sighting_id = ? AND n.state IN ({marks(_OPEN)})"
                    " ORDER BY n.id LIMIT 1",
                    (sighting_id, *_OPEN),
                )
                if found:
                    return self._notice_of(found[0])
            if case_status != "active":
                raise Conflict("this case is withdrawn", case_id=case_id)
            if status != "verified":
                raise Conflict(
                    f"sighting {sighting_id} is {status}: a notice is only for a copy verified"
                    " to be there",
                    sighting_id=sighting_id,
                    status=status,
                )
            if follow_up_of is not None:
                earlier = w.tx.execute(
                    "SELECT sighting_id FROM notices WHERE id = ?", (follow_up_of,)
                )
                if not earlier or earlier[0][0] != sighting_id:
                    raise Conflict("a follow-up is about the same sighting as the notice before")
            when = w.when if at is None else self._time_in(at)
            notice_id = w.tx.execute(
                "INSERT INTO notices (sighting_id, case_id, regime, state, delivery, recipient,"
                " minor, created_at, follow_up_of, authorised_at, notifier)"
                " VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    sighting_id, case_id, regime, delivery, recipient, self._flag(minor), when,
                    follow_up_of, None if authorised_at is None else self._time_in(authorised_at),
                    details,
                ),
            )[0][0]  # fmt: skip
            notice = self._read_notice(w, notice_id)
            self._evidence(
                w,
                case_id,
                number,
                "notice.drafted",
                {
                    "notice": notice_id,
                    "sighting": sighting_id,
                    "regime": regime,
                    "delivery": delivery,
                    "recipient": recipient,
                    "follow_up_of": follow_up_of,
                    "created_at": notice.created_at.isoformat(),
                    "by": _who(actor),
                },
            )
            w.event(
                actor,
                "notice.draft",
                "notice",
                notice_id,
                case_id=case_id,
                sighting=sighting_id,
                regime=regime,
                follow_up_of=follow_up_of,
            )
        return notice

    def get_notice(self, notice_id: int) -> Notice:
        validate.row_id("a notice id", notice_id)
        with self._read() as tx:
            rows = tx.execute(f"{_NOTICE} WHERE n.id = ?", (notice_id,))
        if not rows:
            raise NotFound(f"there is no notice {notice_id}", notice_id=notice_id)
        return self._notice_of(rows[0])

    def notices(
        self,
        *,
        case_id: int | None = None,
        sighting_id: int | None = None,
        state: NoticeState | None = None,
        limit: int = 100,
    ) -> list[Notice]:
        validate.whole("limit", limit, low=1, high=_MAX_LIST)
        where: list[str] = []
        params: list[Any] = []
        if case_id is not None:
            where.append("n.case_id = ?")
            params.append(validate.row_id("a case id", case_id))
        if sighting_id is not None:
            where.append("n.sighting_id = ?")
            params.append(validate.row_id("a sighting id", sighting_id))
        if state is not None:
            where.append("n.state = ?")
            params.append(validate.one_of("a notice's state", state, NOTICE_STATES))
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        with self._read() as tx:
            rows = tx.execute(f"{_NOTICE}{clause} {_ORDER} LIMIT ?", (*params, limit))
        return [self._notice_of(row) for row in rows]

    def authorise_notice(
        self,
        notice_id: int,
        notifier: NotifierDetails,
        *,
        actor: str,
        at: datetime | None = None,
        delivery: Delivery | None = None,
        recipient: str | None = None,
    ) -> Notice:
        validate.row_id("a notice id", notice_id)
        details = self._json_in(_details(notifier))
        actor = validate.text("actor", actor, required=True)
        if delivery is not None:
            validate.one_of("a notice's delivery", delivery, DELIVERIES)
        if recipient is not None:
            recipient = _recipient(recipient)
        with self._writing() as w:
            before = self._read_draft(w, notice_id, "can be authorised")
            when = w.now if at is None else at
            w.tx.execute(
                "UPDATE notices SET notifier = ?, authorised_at = ?, delivery = ?, recipient = ?"
                " WHERE id = ?",
                (
                    details,
                    self._time_in(when),
                    delivery or before.delivery,
                    before.recipient if recipient is None else recipient,
                    notice_id,
                ),
            )
            after = self._read_notice(w, notice_id)
            self._evidence(
                w,
                after.case_id,
                after.case,
                "notice.authorised",
                {"notice": notice_id, "authorised_at": when.isoformat(), "by": _who(actor)},
            )
            w.event(actor, "notice.authorise", "notice", notice_id, case_id=after.case_id)
        return after

    def change_notice(
        self,
        notice_id: int,
        state: NoticeState,
        *,
        expect: Sequence[NoticeState],
        actor: str,
        at: datetime | None = None,
        deadline: datetime | None = None,
        recipient: str | None = None,
        message_id: str | None = None,
        record: Mapping[str, Any] | None = None,
    ) -> Notice:
        validate.row_id("a notice id", notice_id)
        state = cast(NoticeState, validate.one_of("a notice's state", state, NOTICE_STATES))
        for one in expect:
            validate.one_of("a notice's state", one, NOTICE_STATES)
        actor = validate.text("actor", actor, required=True)
        if recipient is not None:
            recipient = _recipient(recipient)
        if message_id is not None:
            message_id = validate.text("a Message-ID", message_id, max_len=998)
        with self._writing() as w:
            before = self._read_notice(w, notice_id)
            if before.state not in expect:
                raise Conflict(
                    f"notice {notice_id} is {before.state}: it cannot become {state}",
                    notice_id=notice_id,
                    state=before.state,
                    wanted=state,
                )
            when = w.now if at is None else at
            sets = ["state = ?", "sending_until = NULL"]
            params: list[Any] = [state]
            if state == "sent":
                sets += ["sent_at = ?", "deadline = ?"]
                params += [
                    self._time_in(when),
                    None if deadline is None else self._time_in(deadline),
                ]
            if recipient is not None:
                sets.append("recipient = ?")
                params.append(recipient)
            if message_id is not None:
                sets.append("message_id = ?")
                params.append(message_id)
            if state in CLOSED_NOTICE_STATES:
                # The person's own details were for this notice while it was open; it is over.
                sets += ["closed_at = ?", "notifier = NULL"]
                params.append(self._time_in(when))
            w.tx.execute(f"UPDATE notices SET {', '.join(sets)} WHERE id = ?", (*params, notice_id))
            after = self._read_notice(w, notice_id)
            data: dict[str, Any] = {
                "notice": notice_id,
                "from": before.state,
                "at": when.isoformat(),
            }
            if state == "sent":
                data.update(
                    regime=after.regime,
                    delivery=after.delivery,
                    recipient=after.recipient,
                    message_id=after.message_id,
                    deadline=None if deadline is None else deadline.isoformat(),
                )
            data.update(record or {})
            data["by"] = _who(actor)
            self._evidence(w, after.case_id, after.case, f"notice.{state}", data)
            w.event(
                actor,
                f"notice.{state}",
                "notice",
                notice_id,
                case_id=after.case_id,
                **{"from": before.state, "to": state},
            )
        return after

    def claim_notice_send(self, notice_id: int, *, at: datetime, until: datetime) -> Notice:
        validate.row_id("a notice id", notice_id)
        with self._writing() as w:
            notice = self._read_draft(w, notice_id, "is sent")
            [(held,)] = w.tx.execute("SELECT sending_until FROM notices WHERE id = ?", (notice_id,))
            if held is not None and self._time_out(held) > at:
                raise Conflict(
                    f"notice {notice_id} is being sent: wait for that to finish",
                    notice_id=notice_id,
                    state=notice.state,
                )
            w.tx.execute(
                "UPDATE notices SET sending_until = ? WHERE id = ?",
                (self._time_in(until), notice_id),
            )
        return notice

    def release_notice_send(self, notice_id: int) -> None:
        validate.row_id("a notice id", notice_id)
        with self._writing() as w:
            w.tx.execute("UPDATE notices SET sending_until = NULL WHERE id = ?", (notice_id,))

    # -- reading rows ------------------------------------------------------------------------

    def _read_notice(self, w: Ledger, notice_id: int) -> Notice:
        rows = w.tx.execute(f"{_NOTICE} WHERE n.id = ?", (notice_id,))
        if not rows:
            raise NotFound(f"there is no notice {notice_id}", notice_id=notice_id)
        return self._notice_of(rows[0])

    def _read_draft(self, w: Ledger, notice_id: int, what: str) -> Notice:
        """The notice, if it is a draft; else ``Conflict``: "only a draft ``what``"."""
        notice = self._read_notice(w, notice_id)
        if notice.state != "draft":
            raise Conflict(
                f"notice {notice_id} is {notice.state}: only a draft {what}",
                notice_id=notice_id,
                state=notice.state,
            )
        return notice

    def _notice_of(self, row: Sequence[Any]) -> Notice:
        def time(value: Any) -> datetime | None:
            return None if value is None else self._time_out(value)

        details = None if row[18] is None else self._json_out(row[18])
        return Notice(
            id=row[0],
            sighting_id=row[1],
            case_id=row[2],
            case=row[3],
            url=row[4],
            host=row[5],
            regime=row[6],
            state=cast(NoticeState, row[7]),
            delivery=cast(Delivery, row[8]),
            recipient=row[9],
            minor=bool(row[10]),
            created_at=self._time_out(row[11]),
            sent_at=time(row[12]),
            deadline=time(row[13]),
            closed_at=time(row[14]),
            follow_up_of=row[15],
            authorised_at=time(row[16]),
            message_id=row[17],
            notifier=None if details is None else NotifierDetails(**details),
        )

    def _flag(self, value: bool) -> Any:
        return int(value) if self.dialect == "sqlite" else bool(value)


def _recipient(value: str) -> str:
    return "" if value == "" else validate.email(value.strip())


def _details(notifier: NotifierDetails) -> dict[str, str]:
    """The person's details as kept: each checked, nothing else."""
    out = {
        "name": validate.text("a name", notifier.name, max_len=MAX_DETAIL, required=True),
        "email": validate.email(notifier.email.strip()),
        "signature": validate.text(
            "a signature", notifier.signature, max_len=MAX_DETAIL, required=True
        ),
        "phone": validate.text("a phone number", notifier.phone, max_len=MAX_DETAIL),
        "address": validate.text("a postal address", notifier.address, max_len=MAX_ADDRESS),
    }
    if len(out["email"]) > MAX_EMAIL:
        raise InvalidInput(f"an email address is at most {MAX_EMAIL} characters")
    return out


def _who(actor: str) -> str:
    """Who acted, for the evidence log: the person, an operator's key, or the service itself;
    never a name."""
    if actor == "person":
        return "person"
    if actor.startswith("key:") or actor == "operator":
        return actor
    return "system"
