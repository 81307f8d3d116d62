"""Notices about sightings and their clocks: the takedown's part of the service that writes to
hosts, owned by ``Takedown`` (``Unshared.takedown.notices``).

A notice goes through these states (``NOTICE_STATES``)::

    draft ──send──> sent ──acknowledge──> acknowledged
      │               │                        │
      │               └──── at the deadline ───┴──> removed   (gone, or no longer matching)
      │                                        └──> overdue   (still there: a follow-up drafted)
      └── withdraw, from any open state ──> withdrawn

A draft is written for each sighting verified to serve a copy (unless one is open for it), under
``notice_regime``; the person or an operator may draft one under another regime. Sending it by
email needs the person's authorisation (``authorise``: their details, for that notice only) and
goes to the host's abuse contact; a notice delivered as a download is sent by the person, and an
operator records when (``send`` on a download). Sending sets the deadline (``deadline``, per
regime) and schedules a ``notice.check`` job then: it fetches the URL again through
``Takedown.verify``, which closes every open notice of a sighting it finds gone (404/410) or no
longer matching; if the copy is still there the notice is ``overdue`` and a follow-up is drafted.

Times come from ``clock``, so tests move time rather than wait.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from unshared.bank.models import (
    CLOSED_NOTICE_STATES,
    NOTICE_STATES,
    Case,
    Delivery,
    Entry,
    Notice,
    NoticeState,
    NotifierDetails,
    Sighting,
)
from unshared.bank.store import (
    CaseStore,
    ContactStore,
    EntryReader,
    NoticeStore,
    SightingStore,
)
from unshared.errors import Conflict, InvalidInput, NotFound, Unavailable
from unshared.signals import Md5, Pdq, Sha256
from unshared.takedown import mail
from unshared.takedown.notices import (
    Contact,
    Copy,
    FollowUp,
    NoticeFacts,
    Notifier,
    Operator,
    Regime,
    Signature,
    deadline,
)
from unshared.takedown.render import RenderedNotice, render
from unshared.takedown.schedule import Job, JobStore

if TYPE_CHECKING:
    from unshared.takedown.service import Takedown, Verification

log = logging.getLogger("unshared.notices")

#: The job that fetches a notice's URL again at its deadline.
CHECK = "notice.check"
#: When a check gets no answer that says either way (the host down, an error page): look again
#: after this long.
RECHECK_UNREACHABLE = timedelta(hours=1)
#: States from which each state may be reached (``removed`` is also reached from a draft, when a
#: check finds the copy gone before the notice went out).
OPEN_STATES: tuple[NoticeState, ...] = tuple(
    s for s in NOTICE_STATES if s not in CLOSED_NOTICE_STATES
)
_FROM: dict[NoticeState, tuple[NoticeState, ...]] = {
    "sent": ("draft",),
    "acknowledged": ("sent",),
    "overdue": ("sent", "acknowledged"),
    "removed": OPEN_STATES,
    "withdrawn": OPEN_STATES,
}
#: What a notice check acts as, in history.
SCHEDULER = "scheduler"


class NoticingStore(
    NoticeStore, SightingStore, ContactStore, CaseStore, EntryReader, JobStore, Protocol
):
    """What ``Notices`` uses of the bank."""


class Notices:
    def __init__(self, takedown: Takedown, clock: Callable[[], datetime]) -> None:
        self.takedown = takedown
        self.store: NoticingStore = takedown.store
        self.settings = takedown.settings
        self.clock = clock

    @property
    def _send_claim(self) -> timedelta:
        """How long a sender holds a notice: past every wait the mail server may make it do."""
        return timedelta(seconds=60 + 8 * self.settings.smtp_timeout)

    # -- drafting ----------------------------------------------------------------------------

    def default_regime(self) -> Regime:
        return regime_of(self.settings.notice_regime, "notice_regime")

    def draft(
        self,
        sighting_id: int,
        *,
        actor: str,
        regime: str | Regime | None = None,
        delivery: Delivery | None = None,
        recipient: str = "",
        minor: bool = False,
    ) -> Notice:
        """A draft notice about a verified sighting. ``delivery`` by default: by email when the
        host's abuse contact is known (or ``recipient`` is given), else a download. A minor's
        case makes a minor's notice whatever ``minor`` says."""
        chosen = self.default_regime() if regime is None else regime_of(regime)
        sighting = self.store.get_sighting(sighting_id)
        to = recipient.strip() or self._contact(sighting.host)
        return self.store.add_notice(
            sighting.id,
            chosen.value,
            delivery or ("email" if to else "download"),
            recipient=to,
            minor=minor or sighting.category == "minor",
            actor=actor,
            at=self.clock(),
        )

    def draft_for_person(
        self, case: Case, sighting_id: int, regime: str | Regime | None = None
    ) -> Notice:
        """A draft the person asks for, about one of their own case's sightings."""
        sighting = self.store.get_sighting(sighting_id)
        if sighting.case_id != case.id:
            raise NotFound(f"there is no sighting {sighting_id}", sighting_id=sighting_id)
        return self.draft(sighting.id, regime=regime, actor="person")

    def after_verification(self, seen: Verification, actor: str) -> None:
        """What a verification means for the sighting's notices: a copy verified to be there
        gets a draft (unless one is open); a copy gone closes every open one as ``removed``."""
        sighting, fetch = seen.sighting, seen.fetch
        if sighting.status == "verified":
            try:
                to = self._contact(sighting.host)
                self.store.add_notice(
                    sighting.id,
                    self.default_regime().value,
                    "email" if to else "download",
                    recipient=to,
                    minor=sighting.category == "minor",
                    actor=actor,
                    at=self.clock(),
                    unless_open=True,
                )
            except (Conflict, InvalidInput) as exc:  # a withdrawn case, a bad notice_regime
                log.warning("no notice drafted for sighting %d: %s", sighting.id, exc)
        elif sighting.status == "removed":
            record: dict[str, object] = {"sighting": sighting.id}
            if fetch is not None:
                record.update(
                    fetch=fetch.id, outcome=fetch.facts.outcome, http_status=fetch.facts.http_status
                )
            for notice in self.store.notices(sighting_id=sighting.id, limit=1000):
                if not notice.closed:
                    self._change(notice.id, "removed", actor, record=record, quiet=True)

    # -- reading -----------------------------------------------------------------------------

    def list(
        self,
        *,
        case: str | Case | None = None,
        state: NoticeState | None = None,
        limit: int = 100,
    ) -> list[Notice]:
        """Notices, overdue first, then by deadline; ``case`` by number or case."""
        if isinstance(case, str):
            case = self.store.get_case(case)
        return self.store.notices(case_id=case.id if case else None, state=state, limit=limit)

    def get(self, notice_id: int) -> Notice:
        return self.store.get_notice(notice_id)

    def of_case(self, case: Case, notice_id: int) -> Notice:
        """One of the case's notices; the same ``NotFound`` for another case's as for none."""
        notice = self.store.get_notice(notice_id)
        if notice.case_id != case.id:
            raise NotFound(f"there is no notice {notice_id}", notice_id=notice_id)
        return notice

    # -- writing it --------------------------------------------------------------------------

    def render(
        self, notice_id: int, *, name: str = "", email: str = "", signature: str = ""
    ) -> RenderedNotice:
        """The notice as text, HTML and PDF. One the person authorised is written as the
        operator sends it; any other as the person would send it themselves, with ``name``,
        ``email`` and ``signature`` where given and clear blanks to fill in by hand where not."""
        notice = self.store.get_notice(notice_id)
        return render(self._facts(notice, Contact(name.strip(), email.strip()), signature))

    def download(
        self, case: Case, notice_id: int, *, name: str = "", email: str = "", signature: str = ""
    ) -> RenderedNotice:
        """The person's own copy to send themselves: their details, given here, are written
        into this file only and kept nowhere."""
        notice = self.of_case(case, notice_id)
        if notice.closed:
            raise Conflict(f"notice {notice_id} is {notice.state}", notice_id=notice_id)
        person = Contact(name.strip(), email.strip())
        return render(self._facts(notice, person, signature, as_operator=False))

    def _facts(
        self,
        notice: Notice,
        person: Contact,
        signature: str,
        *,
        as_operator: bool | None = None,
        abuse_contact: str | None = None,
        due: datetime | None = None,
    ) -> NoticeFacts:
        now = self.clock()
        sighting = self.store.get_sighting(notice.sighting_id)
        copy = self._copy(sighting)
        if due is None:
            due = notice.deadline or deadline(Regime(notice.regime), now, self.settings)
        follow_up = None
        if notice.follow_up_of is not None:
            earlier = self.store.get_notice(notice.follow_up_of)
            follow_up = FollowUp((earlier.sent_at or earlier.created_at).date(), copy.fetched_at)
        by_operator = notice.authorised if as_operator is None else as_operator
        blanks = False
        signed: Signature | None
        if by_operator:
            details = notice.notifier
            notifier = Notifier(
                person=Contact()
                if details is None
                else Contact(details.name, details.email, details.phone, details.address),
                operator=Operator.from_settings(self.settings),
                authorised_at=notice.authorised_at,
            )
            signed = Signature(self.settings.operator_signatory, (notice.sent_at or now).date())
        else:
            notifier = Notifier(person=person)
            signed = Signature(signature.strip(), now.date()) if signature.strip() else None
            blanks = True
        return NoticeFacts(
            regime=Regime(notice.regime),
            case_number=notice.case,
            minor=notice.minor,
            host=notice.host,
            copies=(copy,),
            notifier=notifier,
            deadline=due,
            # The person confirmed it when authorising; sending their own copy, they make it.
            statement_confirmed=True,
            abuse_contact=notice.recipient if abuse_contact is None else abuse_contact,
            other_copies=self._other_copies(sighting),
            signature=signed,
            follow_up=follow_up,
            blanks=blanks,
        )

    def _copy(self, sighting: Sighting) -> Copy:
        """The sighting's URL and the hashes of the newest fetch that matched there."""
        for fetch in self.store.fetches(sighting.id, limit=100):
            facts = fetch.facts
            if facts.matched and facts.sha256 and facts.md5:
                return Copy(
                    url=sighting.url,
                    fetched_at=fetch.at,
                    sha256=Sha256.from_hex(facts.sha256),
                    md5=Md5.from_hex(facts.md5),
                    pdq=Pdq.from_hex(facts.pdq) if facts.pdq else None,
                    distance=facts.distance,
                )
        raise Conflict(
            f"sighting {sighting.id} has no fetch that matched: verify it first",
            sighting_id=sighting.id,
        )

    def _other_copies(self, sighting: Sighting) -> tuple[str, ...]:
        """Known identical copies: the case's other sightings verified to serve the same
        picture (an entry of the same image: its PDQ, MD5 or SHA-256)."""
        mine = self._picture(sighting.entry_id)
        if mine is None:
            return ()
        others = self.store.sightings(case_id=sighting.case_id, status="verified", limit=1000)
        return tuple(
            s.url
            for s in reversed(others)  # oldest first
            if s.id != sighting.id and self._picture(s.entry_id) == mine
        )

    def _picture(self, entry_id: int | None) -> str | None:
        if entry_id is None:
            return None
        entry: Entry = self.store.get_entry(entry_id)
        return str(entry.metadata.get("image") or f"entry:{entry.id}")

    # -- sending -----------------------------------------------------------------------------

    def send(self, notice_id: int, *, actor: str, recipient: str | None = None) -> Notice:
        """Send a draft and start its clock. By email (``delivery`` ``email``): only a notice
        the person authorised, to ``recipient``, else the one drafted with it, else the host's
        abuse contact; ``Unavailable`` if the mail server cannot take it, and the notice stays a
        draft. A download is sent by the person: this records that it was, now."""
        notice = self.store.get_notice(notice_id)
        if notice.state != "draft":
            raise Conflict(
                f"notice {notice_id} is {notice.state}: only a draft is sent",
                notice_id=notice_id,
                state=notice.state,
            )
        now = self.clock()
        due = deadline(Regime(notice.regime), now, self.settings)
        to = (recipient or "").strip() or notice.recipient
        record: dict[str, object] = {}
        message_id = None
        if notice.delivery == "email":
            if not notice.authorised:
                raise Conflict(
                    f"notice {notice_id} is not authorised: the person has not asked the operator"
                    " to send it for them (they may download it and send it themselves)",
                    notice_id=notice_id,
                )
            to = to or self._contact(notice.host)
            if not to:
                raise Conflict(
                    f"no abuse contact is known for {notice.host}: set one"
                    " (PUT /v1/admin/contacts/{host}) or give a recipient",
                    host=notice.host,
                )
            rendered = render(self._facts(notice, Contact(), "", abuse_contact=to, due=due))
            # Claimed first, so that a second sender (an operator's second click, another
            # process) is refused rather than emailing the host again; released if the mail
            # server cannot take it. A sender that dies mid-send holds it till the claim ends.
            self.store.claim_notice_send(notice_id, at=now, until=now + self._send_claim)
            try:
                message_id = mail.send_notice(rendered, to, self.settings)
            except BaseException:
                self.store.release_notice_send(notice_id)
                raise
            record["text_sha256"] = hashlib.sha256(rendered.text.encode()).hexdigest()
        else:
            record["by_hand"] = True
        sent = self.store.change_notice(
            notice_id,
            "sent",
            expect=_FROM["sent"],
            actor=actor,
            at=now,
            deadline=due,
            recipient=to,
            message_id=message_id,
            record=record,
        )
        self.store.add_job(CHECK, sent.id, due)
        return sent

    def authorise(
        self, case: Case, notice_id: int, details: NotifierDetails, *, good_faith: bool
    ) -> Notice:
        """The person authorises the operator to send one notice on their behalf, giving their
        details for it. Sent at once when the host's abuse contact is known and a mail server
        is set; otherwise left, authorised, for the operator to send."""
        if good_faith is not True:
            raise InvalidInput(
                "the statement of good faith must be confirmed (good_faith: true)",
                missing=["good_faith"],
            )
        notice = self.of_case(case, notice_id)
        to = notice.recipient or self._contact(notice.host)
        authorised = self.store.authorise_notice(
            notice.id, details, actor="person", at=self.clock(), delivery="email", recipient=to
        )
        if not (to and self.settings.smtp_url and self.settings.smtp_from):
            return authorised
        try:
            return self.send(notice.id, actor="person")
        except (Unavailable, InvalidInput, Conflict) as exc:  # the operator sends it later
            log.warning("notice %d authorised but not sent: %s", notice.id, exc)
            return self.store.get_notice(notice.id)

    def acknowledge(self, notice_id: int, *, actor: str) -> Notice:
        """The host answered: its clock still runs, and the copy is checked at the deadline."""
        return self._change(notice_id, "acknowledged", actor)

    def withdraw(self, notice_id: int, *, actor: str) -> Notice:
        return self._change(notice_id, "withdrawn", actor)

    def withdraw_for_person(self, case: Case, notice_id: int) -> Notice:
        return self.withdraw(self.of_case(case, notice_id).id, actor="person")

    def _change(
        self,
        notice_id: int,
        state: NoticeState,
        actor: str,
        *,
        record: dict[str, object] | None = None,
        quiet: bool = False,
    ) -> Notice:
        try:
            return self.store.change_notice(
                notice_id, state, expect=_FROM[state], actor=actor, at=self.clock(), record=record
            )
        except Conflict:
            if not quiet:
                raise
            return self.store.get_notice(notice_id)  # another process moved it on first

    # -- the clock ---------------------------------------------------------------------------

    def check(self, notice_id: int) -> Notice:
        """Fetch the notice's URL again (its deadline has come): gone or no longer matching,
        it is ``removed``; still there, ``overdue`` with a follow-up drafted; no clear answer,
        looked at again after ``RECHECK_UNREACHABLE``."""
        notice = self.store.get_notice(notice_id)
        if notice.state not in ("sent", "acknowledged"):
            return notice  # withdrawn, already closed, or checked by another process
        if self.store.get_case_by_id(notice.case_id).status != "active":
            return self._change(
                notice.id, "withdrawn", SCHEDULER, record={"reason": "case withdrawn"}, quiet=True
            )
        seen = self.takedown.verify(notice.sighting_id, actor=SCHEDULER)
        notice = self.store.get_notice(notice.id)  # verify closes it when the copy is gone
        if notice.closed or seen.sighting.status != "verified":
            if not notice.closed:
                self.store.add_job(CHECK, notice.id, self.clock() + RECHECK_UNREACHABLE)
            return notice
        assert seen.fetch is not None
        overdue = self._change(
            notice.id,
            "overdue",
            SCHEDULER,
            record={"sighting": notice.sighting_id, "fetch": seen.fetch.id},
            quiet=True,
        )
        if overdue.state == "overdue":
            self.store.add_notice(
                notice.sighting_id,
                notice.regime,
                notice.delivery,
                recipient=notice.recipient,
                minor=notice.minor,
                follow_up_of=notice.id,
                notifier=notice.notifier,
                authorised_at=notice.authorised_at,
                actor=SCHEDULER,
                at=self.clock(),
            )
        return overdue

    def run_check(self, job: Job, now: datetime) -> None:
        """The scheduler's handler for ``notice.check`` jobs."""
        self.check(job.subject_id)

    def _contact(self, host: str) -> str:
        found = self.store.get_contact(host)
        return found.email if found else ""


def regime_of(value: str | Regime, what: str = "regime") -> Regime:
    try:
        return Regime(value)
    except ValueError:
        raise InvalidInput(
            f"{what} is one of {', '.join(r.value for r in Regime)}", regime=str(value)[:64]
        ) from None
