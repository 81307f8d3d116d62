"""Notices: what a host is told, in the form each law makes valid.

A notice is built from ``NoticeFacts`` (every fact it states, nothing looked up) in three steps:
``check`` refuses facts that lack an element the regime's law requires, naming each one;
``sections`` turns the facts into headed sections, one per legal element, so a reader at the host
finds each element under its own heading; ``unshared.takedown.render`` writes those sections as
plain text, HTML and PDF with the same content. The depiction is identified by the hashes of the
file fetched at each URL and the distance to the registered hash: a notice never holds an image.

The regimes and where each element comes from are in docs/takedown.md ("Notices"):

- ``us_take_it_down``: 47 U.S.C. 223a(a)(1)(B) and (a)(3) (the TAKE IT DOWN Act, section 3);
- ``eu_dsa_16``: Regulation (EU) 2022/2065 (Digital Services Act), Article 16(2);
- ``uk_osa``: Sexual Offences Act 2003 s.66B, a priority offence in Schedule 7 to the Online
  Safety Act 2023; for a minor, the child sexual exploitation and abuse offences of Schedule 6.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from urllib.parse import urlsplit

from unshared.config import Settings
from unshared.errors import InvalidInput
from unshared.signals import Md5, Pdq, Sha256


class Regime(StrEnum):
    """The law a notice is made under; the value is the name stored and shown in settings."""

    US_TAKE_IT_DOWN = "us_take_it_down"
    EU_DSA_16 = "eu_dsa_16"
    UK_OSA = "uk_osa"


#: Each regime's title, as the notice names it.
TITLES = {
    Regime.US_TAKE_IT_DOWN: "TAKE IT DOWN Act (47 U.S.C. 223a)",
    Regime.EU_DSA_16: "Digital Services Act (Regulation (EU) 2022/2065), Article 16",
    Regime.UK_OSA: "Online Safety Act 2023 and Sexual Offences Act 2003",
}


def deadline(regime: Regime, received_at: datetime, settings: Settings) -> datetime:
    """When the host should have acted: ``notice_hours_<regime>`` after it received the notice.

    48 hours is the TAKE IT DOWN Act's own limit (47 U.S.C. 223a(a)(3)); the DSA and the Online
    Safety Act set no hour count, so theirs is when Unshared checks again.
    """
    hours: int = getattr(settings, f"notice_hours_{regime.value}")
    return received_at + timedelta(hours=hours)


@dataclass(frozen=True)
class Contact:
    """A name and an email address, either empty where the law lets it be; a phone number and a
    postal address where the person gives them."""

    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""

    @property
    def complete(self) -> bool:
        return bool(self.name.strip()) and _is_email(self.email)


@dataclass(frozen=True)
class Operator:
    """The NGO or helpline running Unshared, from settings: the organisation and the individual
    authorised to sign its notices."""

    organisation: str
    signatory: Contact

    @classmethod
    def from_settings(cls, settings: Settings) -> Operator:
        return cls(
            organisation=settings.operator_name,
            signatory=Contact(settings.operator_signatory, settings.operator_email),
        )


@dataclass(frozen=True)
class Notifier:
    """Who gives the notice: the person acting alone, or the operator sending on their behalf.

    ``person`` holds the person's own details. Acting alone, they are the notice's contact (and
    may stay empty for a DSA or UK notice about a minor). When the operator sends, the person
    gives them only then, they appear only in this notice, and ``authorised_at`` records when
    the person authorised the operator; replies go to the operator unless
    ``replies_to_person``.
    """

    person: Contact = Contact()
    operator: Operator | None = None
    authorised_at: datetime | None = None
    replies_to_person: bool = False

    @property
    def contact(self) -> Contact:
        """Whom the host contacts: the operator's signatory when it sends, else the person."""
        return self.operator.signatory if self.operator else self.person

    @property
    def reply_to(self) -> str:
        if self.operator and not (self.replies_to_person and _is_email(self.person.email)):
            return self.operator.signatory.email
        return self.person.email


@dataclass(frozen=True)
class Signature:
    """An electronic signature, written ``/s/ NAME`` with the date it was made."""

    name: str
    signed_on: date

    def __str__(self) -> str:
        return f"/s/ {self.name.strip()}, {self.signed_on.isoformat()}"


@dataclass(frozen=True)
class Copy:
    """One URL where the copy was found, and what fetching it found: the hashes of the fetched
    file, and how far its PDQ hash is from the one the person registered (bits of 256)."""

    url: str
    fetched_at: datetime
    sha256: Sha256
    md5: Md5
    pdq: Pdq | None = None
    distance: int | None = None


@dataclass(frozen=True)
class FollowUp:
    """A follow-up: the earlier notice was sent on ``first_sent_on``, and the copy was still up
    when fetched again at ``rechecked_at``."""

    first_sent_on: date
    rechecked_at: datetime


@dataclass(frozen=True)
class NoticeFacts:
    """Everything a notice states. Built by the service from a verified sighting, the case and
    settings; ``check`` says what is missing."""

    regime: Regime
    case_number: str
    minor: bool
    host: str
    copies: tuple[Copy, ...]
    notifier: Notifier
    deadline: datetime | None
    #: The person confirms the statement of good faith (TAKE IT DOWN) or bona fide belief (DSA).
    statement_confirmed: bool = False
    #: The host's abuse contact, where the notice is sent (empty for a download).
    abuse_contact: str = ""
    #: Other places the same picture was seen (other sightings of the same entries).
    other_copies: tuple[str, ...] = ()
    signature: Signature | None = None
    #: Anything the person adds to help the host see it was published without consent.
    context: str = ""
    follow_up: FollowUp | None = None
    #: A notice the person will finish by hand (a download): where their own name, email or
    #: signature is missing the notice has a clear blank to fill in, rather than being refused.
    blanks: bool = False


@dataclass(frozen=True)
class Section:
    """One heading of a notice and its lines; ``source`` names the provision requiring it."""

    key: str
    heading: str
    lines: tuple[str, ...]
    source: str = ""


#: The elements each regime's law requires, by the key of the section that holds each one.
REQUIRED: dict[Regime, tuple[str, ...]] = {
    Regime.US_TAKE_IT_DOWN: ("signature", "identification", "good_faith", "contact", "deadline"),
    Regime.EU_DSA_16: ("illegality", "location", "notifier", "bona_fide"),
    Regime.UK_OSA: ("offence", "location", "statement", "contact"),
}

_US = "47 U.S.C. 223a"
_DSA = "Regulation (EU) 2022/2065, Article 16(2)"


def check(facts: NoticeFacts) -> None:
    """Raise ``InvalidInput`` naming every element the regime requires that the facts lack."""
    missing: list[str] = []
    if not facts.case_number.strip():
        missing.append("case number")
    if not facts.host.strip():
        missing.append("host")
    missing += _location_gaps(facts)
    if not facts.statement_confirmed:
        missing.append(
            {
                Regime.US_TAKE_IT_DOWN: "good-faith statement that it is not consensual "
                "(47 U.S.C. 223a(a)(1)(B)(iii))",
                Regime.EU_DSA_16: "statement of bona fide belief (Art. 16(2)(d))",
                Regime.UK_OSA: "statement that the notice is accurate",
            }[facts.regime]
        )
    missing += _notifier_gaps(facts)
    if facts.regime is Regime.US_TAKE_IT_DOWN and facts.deadline is None:
        missing.append("deadline (47 U.S.C. 223a(a)(3))")
    if missing:
        raise InvalidInput(
            f"a {facts.regime.value} notice needs: {'; '.join(missing)}",
            regime=facts.regime.value,
            missing=missing,
        )


def _location_gaps(facts: NoticeFacts) -> list[str]:
    what = {
        Regime.US_TAKE_IT_DOWN: "identification and location (47 U.S.C. 223a(a)(1)(B)(ii))",
        Regime.EU_DSA_16: "exact URL (Art. 16(2)(b))",
        Regime.UK_OSA: "exact URL",
    }[facts.regime]
    if not facts.copies:
        return [what]
    bad = [c.url for c in facts.copies if urlsplit(c.url).scheme not in ("http", "https")]
    return [f"{what}: not an http(s) URL: {', '.join(bad)}"] if bad else []


def _notifier_gaps(facts: NoticeFacts) -> list[str]:
    notifier, regime = facts.notifier, facts.regime
    gaps: list[str] = []
    if notifier.operator is not None:
        if notifier.authorised_at is None:
            gaps.append("the person's authorisation of the operator")
        if not notifier.operator.organisation.strip():
            gaps.append("the operator's name")
    contact_needed = {
        Regime.US_TAKE_IT_DOWN: True,
        # Art. 16(2)(c): no name or email where the content involves child sexual abuse offences.
        Regime.EU_DSA_16: not facts.minor,
        Regime.UK_OSA: not facts.minor,
    }[regime]
    by_hand = facts.blanks and notifier.operator is None
    if contact_needed and not notifier.contact.complete and not by_hand:
        gaps.append(
            {
                Regime.US_TAKE_IT_DOWN: "contact information (47 U.S.C. 223a(a)(1)(B)(iv))",
                Regime.EU_DSA_16: "the notifier's name and email address (Art. 16(2)(c))",
                Regime.UK_OSA: "the notifier's name and email address",
            }[regime]
        )
    if regime is Regime.US_TAKE_IT_DOWN:
        signer = notifier.contact.name.strip()
        if facts.signature is None or not facts.signature.name.strip():
            if not by_hand:
                gaps.append("signature (47 U.S.C. 223a(a)(1)(B)(i))")
        elif signer and facts.signature.name.strip() != signer:
            gaps.append(f"signature of {signer}, who gives the notice (47 U.S.C. 223a(a)(1)(B)(i))")
    return gaps


#: Each regime's short name, for subject lines short enough to stay on one header line.
SHORT = {
    Regime.US_TAKE_IT_DOWN: "TAKE IT DOWN Act",
    Regime.EU_DSA_16: "DSA Art. 16",
    Regime.UK_OSA: "UK Online Safety Act",
}


def subject(facts: NoticeFacts) -> str:
    what = "Follow-up removal request" if facts.follow_up else "Removal request"
    return f"{what} ({SHORT[facts.regime]}), case {facts.case_number}"


def sections(facts: NoticeFacts) -> list[Section]:
    """The notice's content, checked, as headed sections in reading order."""
    check(facts)
    parts = [_about(facts)]
    if facts.follow_up:
        parts.append(_follow_up(facts.follow_up))
    if facts.regime is Regime.US_TAKE_IT_DOWN:
        parts += [
            _identification(facts, "identification", f"{_US}(a)(1)(B)(ii)"),
            _statement(facts),
            _contact(facts, "contact", "Contact information", f"{_US}(a)(1)(B)(iv)"),
            _other_copies(facts, f"{_US}(a)(3)(B)"),
            _deadline(facts, f"{_US}(a)(3)"),
            _signature(facts, f"{_US}(a)(1)(B)(i)"),
        ]
    elif facts.regime is Regime.EU_DSA_16:
        parts += [
            _illegality(facts),
            _identification(facts, "location", f"{_DSA}(b)"),
            _contact(facts, "notifier", "Name and email address of the notifier", f"{_DSA}(c)"),
            _statement(facts),
            _other_copies(facts, ""),
            _deadline(facts, ""),
        ]
        if facts.signature or (facts.blanks and not facts.notifier.operator):
            parts.append(_signature(facts, ""))
    else:
        parts += [
            _offence(facts),
            _identification(facts, "location", ""),
            _statement(facts),
            _contact(facts, "contact", "Contact information", ""),
            _other_copies(facts, ""),
            _deadline(facts, ""),
        ]
        if facts.signature or (facts.blanks and not facts.notifier.operator):
            parts.append(_signature(facts, ""))
    return parts


def _about(facts: NoticeFacts) -> Section:
    notifier = facts.notifier
    if notifier.operator:
        who = (
            f"{notifier.operator.organisation} sends this notice on behalf of the person depicted,"
            " who authorised it to do so"
        )
        if notifier.authorised_at:
            who += f" on {_when(notifier.authorised_at)}"
        who += "."
    else:
        who = (
            "The person depicted, or their parent or guardian, sends this notice themselves."
            if facts.minor
            else "The person depicted sends this notice themselves."
        )
    lines = [
        f"To: {facts.host}" + (f" ({facts.abuse_contact})" if facts.abuse_contact else ""),
        f"Case: {facts.case_number}",
        f"Law: {TITLES[facts.regime]}",
        who,
        "The content at the address(es) below is an intimate image of a person, published without"
        " their consent. We ask you to remove it, and any identical copy, and to keep it from"
        " being uploaded again.",
        "No image is attached to this notice. The picture is identified by the hashes of the file"
        " at each address, so you can find it without anyone sending it again.",
    ]
    if facts.minor:
        lines.append("The person depicted is a minor (under 18).")
    return Section("about", "About this notice", tuple(lines))


def _follow_up(follow_up: FollowUp) -> Section:
    return Section(
        "follow_up",
        "Follow-up to an earlier notice",
        (
            f"We sent you a notice about this content on {follow_up.first_sent_on.isoformat()}.",
            f"When we checked again at {_when(follow_up.rechecked_at)}, it was still online at the"
            " address(es) below, unchanged.",
        ),
    )


def _identification(facts: NoticeFacts, key: str, source: str) -> Section:
    lines: list[str] = []
    for n, c in enumerate(facts.copies, 1):
        lines += [f"{n}. {c.url}", f"   Fetched at {_when(c.fetched_at)}."]
        lines.append(f"   SHA-256 of the file: {c.sha256.hex}")
        lines.append(f"   MD5 of the file: {c.md5.hex}")
        if c.pdq is not None:
            lines.append(f"   PDQ (perceptual hash) of the picture: {c.pdq.hex}")
        if c.distance is not None:
            lines.append(
                f"   Its PDQ hash is {c.distance} bits of 256 from the hash the person registered"
                " (0 is the same picture; up to 31 is the same picture altered a little)."
            )
    heading = (
        "Identification and location of the depiction"
        if key == "identification"
        else "Exact location of the content (URLs)"
    )
    return Section(key, heading, tuple(lines), source)


#: Each regime's statement: the section's key, heading, wording and the provision asking for it.
_STATEMENTS = {
    Regime.US_TAKE_IT_DOWN: (
        "good_faith",
        "Statement of good faith belief that the depiction is not consensual",
        "The person depicted has a good faith belief that the intimate visual depiction identified"
        " above is not consensual: it was published without their consent.",
        f"{_US}(a)(1)(B)(iii)",
    ),
    Regime.EU_DSA_16: (
        "bona_fide",
        "Statement of bona fide belief",
        "The notifier confirms the bona fide belief that the information and allegations in this"
        " notice are accurate and complete.",
        f"{_DSA}(d)",
    ),
    Regime.UK_OSA: (
        "statement",
        "Statement of non-consent and accuracy",
        "The person depicted did not consent to this content being shared. The notifier believes"
        " in good faith that the information in this notice is accurate and complete.",
        "",
    ),
}


def _statement(facts: NoticeFacts) -> Section:
    """The statement the person confirmed, with anything they add to help the host see that the
    picture was published without their consent (TAKE IT DOWN's "relevant information")."""
    key, heading, wording, source = _STATEMENTS[facts.regime]
    lines = [wording]
    if facts.context.strip():
        lines.append(f"What the person adds: {facts.context.strip()}")
    return Section(key, heading, tuple(lines), source)


def _contact(facts: NoticeFacts, key: str, heading: str, source: str) -> Section:
    notifier = facts.notifier
    lines: list[str] = []
    if notifier.operator:
        op = notifier.operator
        lines.append(f"{op.organisation}, acting on behalf of the person depicted.")
        lines.append(f"Name: {op.signatory.name}")
        lines.append(f"Email: {op.signatory.email}")
        person = notifier.person
        given = [p.strip() for p in (person.name, person.email, person.phone, person.address)]
        if any(given):
            lines.append(
                "The person depicted, who gave these details for this notice only: "
                + ", ".join(p for p in given if p)
            )
    elif facts.blanks and not (facts.minor and facts.regime is not Regime.US_TAKE_IT_DOWN):
        # Blanks for the details the law asks for: a minor's DSA or UK notice asks for none.
        person = notifier.person
        lines.append("The person depicted.")
        lines.append(f"Name: {person.name.strip() or _BLANK + ' (your full name)'}")
        lines.append(f"Email: {person.email.strip() or _BLANK + ' (your email address)'}")
        lines += _reach(person)
    elif notifier.person.name.strip() or notifier.person.email.strip():
        lines.append("The person depicted.")
        if notifier.person.name.strip():
            lines.append(f"Name: {notifier.person.name}")
        if notifier.person.email.strip():
            lines.append(f"Email: {notifier.person.email}")
        lines += _reach(notifier.person)
    if facts.minor and facts.regime is not Regime.US_TAKE_IT_DOWN:
        lines.append(
            "This content involves child sexual abuse offences (Articles 3 to 7 of Directive"
            " 2011/93/EU), for which Article 16(2)(c) does not require the notifier's name or"
            " email address."
            if facts.regime is Regime.EU_DSA_16
            else "The person depicted is a minor; no personal details are required to act on this"
            " notice."
        )
    return Section(key, heading, tuple(lines), source)


#: Where a person fills in a detail by hand.
_BLANK = "_" * 30


def _reach(person: Contact) -> list[str]:
    """The person's phone number and postal address, where they gave them."""
    lines = []
    if person.phone.strip():
        lines.append(f"Phone: {person.phone.strip()}")
    if person.address.strip():
        lines.append(f"Postal address: {person.address.strip()}")
    return lines


def _other_copies(facts: NoticeFacts, source: str) -> Section:
    if facts.other_copies:
        lines = [
            "The same picture was also seen at these addresses. Please remove any you host, and"
            " any other file with the same hashes:",
            *(f"- {url}" for url in facts.other_copies),
        ]
    else:
        lines = ["Please also remove any other file you host with the same hashes."]
    return Section("identical_copies", "Known identical copies", tuple(lines), source)


def _deadline(facts: NoticeFacts, source: str) -> Section:
    if facts.regime is Regime.US_TAKE_IT_DOWN:
        assert facts.deadline is not None  # check() refuses a TAKE IT DOWN notice without one
        lines = [
            "The law asks you to remove the depiction, and make reasonable efforts to remove known"
            " identical copies, as soon as possible and no later than 48 hours after you receive"
            f" this request: by {_when(facts.deadline)}."
        ]
    elif facts.deadline is not None:
        lines = [
            "Please act on this notice promptly. We will check the address(es) again after"
            f" {_when(facts.deadline)}."
        ]
    else:
        lines = ["Please act on this notice promptly."]
    heading = (
        "Removal deadline" if facts.regime is Regime.US_TAKE_IT_DOWN else "When we check again"
    )
    return Section("deadline", heading, tuple(lines), source)


def _signature(facts: NoticeFacts, source: str) -> Section:
    signer = facts.notifier.operator
    role = (
        f"Authorised person acting on behalf of the person depicted, for {signer.organisation}"
        if signer
        else "The person depicted"
    )
    if facts.signature is None:  # only for a notice finished by hand (check() sees to that)
        lines = (
            f"Signature: {_BLANK}   Date: {'_' * 12}",
            "(Sign by hand, or type /s/ followed by your full name.)",
            role,
        )
        return Section("signature", "Signature", lines, source)
    return Section("signature", "Signature", (str(facts.signature), role), source)


def _illegality(facts: NoticeFacts) -> Section:
    if facts.minor:
        lines = [
            "The content is an intimate image of a child. Making it available is a child sexual"
            " abuse offence: an offence concerning child pornography under Article 5 of Directive"
            " 2011/93/EU (one of the offences of its Articles 3 to 7), which every Member State"
            " makes a crime.",
        ]
    else:
        lines = [
            "The content is an intimate image of an identifiable person, made available to the"
            " public without their consent. Doing so is a criminal offence: Member States must make"
            " it one under Article 5 of Directive (EU) 2024/1385 (non-consensual sharing of"
            " intimate or manipulated material).",
        ]
    lines.append(
        "The file at each address was fetched and hashed, and matched the picture the person"
        " registered, as set out under the next heading."
    )
    return Section("illegality", "Why this content is illegal", tuple(lines), f"{_DSA}(a)")


def _offence(facts: NoticeFacts) -> Section:
    lines = [
        "Sharing this content is an offence under section 66B of the Sexual Offences Act 2003"
        " (sharing or threatening to share intimate photograph or film), inserted by the Online"
        " Safety Act 2023. It is a priority offence listed in Schedule 7 to the Online Safety Act"
        " 2023, so the content is priority illegal content."
    ]
    if facts.minor:
        lines.append(
            "The person depicted is a child: the content is also child sexual exploitation and"
            " abuse content, an offence under section 1 of the Protection of Children Act 1978"
            " (indecent photographs of children), listed in Schedule 6 to the Online Safety Act"
            " 2023."
        )
    return Section("offence", "The offence this content amounts to", tuple(lines))


def _when(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M %Z").strip() if at.tzinfo else at.isoformat()


def _is_email(text: str) -> bool:
    local, at, domain = text.strip().rpartition("@")
    return bool(at and local and "." in domain and " " not in text.strip())
