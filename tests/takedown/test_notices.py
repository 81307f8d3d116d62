"""Notices: every element each law requires is stated under its own heading, in text, HTML and
PDF alike; a missing element is refused by name; no image, only hashes and URLs."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser

import pytest

from tests.takedown.conftest import COPY, FETCHED, OPERATOR, PERSON, make_facts, pdf_text
from unshared.config import Settings
from unshared.errors import InvalidInput
from unshared.takedown.notices import (
    REQUIRED,
    Contact,
    FollowUp,
    NoticeFacts,
    Notifier,
    Regime,
    Signature,
    check,
    deadline,
    sections,
)
from unshared.takedown.render import RenderedNotice, render


class Tags(HTMLParser):
    """The elements and attribute names a page really has (escaped text is not markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes.update(name for name, _ in attrs)


def squash(text: str) -> str:
    """Text without white space: lines wrap differently in the PDF."""
    return "".join(text.split())


def expected(facts: NoticeFacts) -> dict[str, list[str]]:
    """What each required element must state, by section key."""
    contact = facts.notifier.contact
    location = [COPY.url, COPY.sha256.hex, COPY.md5.hex, str(COPY.pdq), "6 bits of 256"]
    who = [contact.name, contact.email]
    return {
        "signature": [f"/s/ {contact.name}, 2026-11-30"],
        "identification": location,
        "location": location,
        "good_faith": ["good faith belief", "not consensual"],
        "bona_fide": ["bona fide belief", "accurate and complete"],
        "statement": ["did not consent", "accurate and complete"],
        "contact": who,
        "notifier": who,
        "deadline": ["48 hours", "2026-12-02 11:15 UTC"],
        "illegality": ["Directive (EU) 2024/1385", "without their consent"],
        "offence": ["section 66B of the Sexual Offences Act 2003", "Schedule 7"],
    }


def assert_states(notice: RenderedNotice, facts: NoticeFacts) -> None:
    by_key = {s.key: s for s in sections(facts)}
    text, page, pdf = notice.text, html.unescape(notice.html), squash(pdf_text(notice.pdf))
    for key in REQUIRED[facts.regime]:
        section = by_key[key]
        body = "\n".join(section.lines)
        for phrase in expected(facts)[key]:
            assert phrase in body, (key, phrase)
        # Under its own heading, in each format.
        assert f"{section.heading}\n{'-' * len(section.heading)}\n{section.lines[0]}" in text
        assert f'<section id="{key}"><h2>{html.escape(section.heading)}</h2>' in notice.html
        for line in (section.heading, *section.lines):
            assert line in text and line in page, line
            assert squash(line) in pdf, line


@pytest.mark.parametrize("by_operator", [False, True], ids=["person", "operator"])
@pytest.mark.parametrize("regime", list(Regime))
def test_each_regime_states_every_required_element(regime: Regime, by_operator: bool) -> None:
    facts = make_facts(regime, by_operator=by_operator)
    notice = render(facts)
    assert_states(notice, facts)
    assert facts.case_number in notice.subject
    for url in facts.other_copies:  # TAKE IT DOWN's "known identical copies"; useful everywhere
        assert url in notice.text
    if by_operator:
        assert OPERATOR.organisation in notice.text
        assert "authorised it" in notice.text
        # The person's details, given for this notice, are in it (and replies go to the operator).
        assert PERSON.email in notice.text
        assert notice.reply_to == OPERATOR.signatory.email
    else:
        assert OPERATOR.organisation not in notice.text
        assert notice.reply_to == PERSON.email


def test_the_us_notice_cites_each_clause() -> None:
    notice = render(make_facts(Regime.US_TAKE_IT_DOWN))
    for clause in ("(a)(1)(B)(i)", "(a)(1)(B)(ii)", "(a)(1)(B)(iii)", "(a)(1)(B)(iv)", "(a)(3)"):
        assert f"47 U.S.C. 223a{clause}" in notice.text


@pytest.mark.parametrize(
    ("regime", "change", "named"),
    [
        (Regime.US_TAKE_IT_DOWN, {"signature": None}, "signature (47 U.S.C. 223a(a)(1)(B)(i))"),
        (Regime.US_TAKE_IT_DOWN, {"notifier": Notifier()}, "contact information"),
        (Regime.US_TAKE_IT_DOWN, {"statement_confirmed": False}, "good-faith statement"),
        (Regime.US_TAKE_IT_DOWN, {"copies": ()}, "identification and location"),
        (Regime.US_TAKE_IT_DOWN, {"deadline": None}, "deadline"),
        (Regime.US_TAKE_IT_DOWN, {"case_number": " "}, "case number"),
        (
            Regime.US_TAKE_IT_DOWN,
            {"signature": Signature("Someone Else", date(2026, 11, 30))},
            f"signature of {PERSON.name}",
        ),
        (Regime.EU_DSA_16, {"notifier": Notifier()}, "name and email address (Art. 16(2)(c))"),
        (
            Regime.EU_DSA_16,
            {"notifier": Notifier(Contact("Lucía", "not-an-email"))},
            "name and email address",
        ),
        (Regime.EU_DSA_16, {"statement_confirmed": False}, "bona fide belief (Art. 16(2)(d))"),
        (Regime.EU_DSA_16, {"copies": ()}, "exact URL (Art. 16(2)(b))"),
        (Regime.EU_DSA_16, {"copies": (replace(COPY, url="ftp://x.example/a"),)}, "http(s)"),
        (Regime.UK_OSA, {"notifier": Notifier()}, "name and email address"),
        (Regime.UK_OSA, {"host": ""}, "host"),
        (
            Regime.UK_OSA,
            {"notifier": Notifier(PERSON, OPERATOR, authorised_at=None)},
            "authorisation",
        ),
    ],
)
def test_a_missing_element_is_refused_by_name(
    regime: Regime, change: dict[str, object], named: str
) -> None:
    facts = make_facts(regime, **change)
    with pytest.raises(InvalidInput) as raised:
        render(facts)
    assert named in str(raised.value)
    assert any(named in item for item in raised.value.detail["missing"])
    assert raised.value.detail["regime"] == regime.value


def test_every_missing_element_is_named_at_once() -> None:
    facts = make_facts(
        Regime.US_TAKE_IT_DOWN, signature=None, notifier=Notifier(), statement_confirmed=False
    )
    with pytest.raises(InvalidInput) as raised:
        check(facts)
    missing = raised.value.detail["missing"]
    assert len(missing) == 3
    assert [m.split(" (")[0] for m in missing] == [
        "good-faith statement that it is not consensual",
        "contact information",
        "signature",
    ]


def test_dsa_needs_no_name_or_email_for_child_sexual_abuse_content() -> None:
    anonymous = {"notifier": Notifier(), "signature": None}
    with pytest.raises(InvalidInput, match=r"Art\. 16\(2\)\(c\)"):
        render(make_facts(Regime.EU_DSA_16, **anonymous))
    facts = make_facts(Regime.EU_DSA_16, minor=True, **anonymous)
    notice = render(facts)
    notifier = {s.key: s for s in sections(facts)}["notifier"]
    assert "Articles 3 to 7 of Directive 2011/93/EU" in " ".join(notifier.lines)
    assert PERSON.name not in notice.text and PERSON.email not in notice.text
    assert "Directive 2011/93/EU" in {s.key: s for s in sections(facts)}["illegality"].lines[0]
    # The exception is the DSA's: a TAKE IT DOWN notice still needs contact information.
    with pytest.raises(InvalidInput, match="contact information"):
        render(make_facts(Regime.US_TAKE_IT_DOWN, minor=True, **anonymous))


def test_uk_cites_the_priority_offence_and_for_a_minor_the_csea_offences() -> None:
    adult = render(make_facts(Regime.UK_OSA)).text
    assert "section 66B of the Sexual Offences Act 2003" in adult
    assert "Schedule 7 to the Online Safety Act 2023" in adult
    assert "Schedule 6" not in adult
    minor = render(make_facts(Regime.UK_OSA, minor=True, notifier=Notifier())).text
    assert "section 1 of the Protection of Children Act 1978" in minor
    assert "Schedule 6 to the Online Safety Act 2023" in minor


def test_html_escapes_hostile_text_and_loads_nothing() -> None:
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    facts = make_facts(
        Regime.EU_DSA_16,
        by_operator=True,
        copies=(replace(COPY, url=f"https://files.example.net/a?q={hostile}"),),
        other_copies=(f"https://mirror.example.com/{hostile}",),
        host=f"files.example.net{hostile}",
        context=hostile,
        notifier=Notifier(Contact(f"Lucía{hostile}", PERSON.email), OPERATOR, FETCHED),
    )
    page = render(facts).html
    tags = Tags()
    tags.feed(page)
    assert tags.names <= {"html", "head", "meta", "title", "style", "body", "h1", "h2"} | {
        "section",
        "p",
    }
    assert tags.attributes <= {"lang", "charset", "http-equiv", "content", "id", "class"}
    assert html.escape(hostile) in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_the_pdf_is_a_pdf_with_the_same_text_and_no_image() -> None:
    facts = make_facts(Regime.US_TAKE_IT_DOWN, by_operator=True)
    notice = render(facts)
    pdf = notice.pdf
    assert pdf.startswith(b"%PDF-1.")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert re.search(rb"startxref\s+\d+\s+%%EOF", pdf)
    assert b"/Type /Page\n" in pdf or b"/Type /Page\r" in pdf
    assert b"/Subtype /Image" not in pdf
    text = squash(pdf_text(pdf))
    for line in notice.text.splitlines():
        if line.strip() and not set(line) <= {"-", "="}:
            assert squash(line) in text, line
    assert "Lucía" in pdf_text(pdf)  # a name outside ASCII survives


def test_a_follow_up_says_when_the_first_notice_went_and_that_the_copy_is_still_up() -> None:
    rechecked = FETCHED + timedelta(hours=49)
    facts = make_facts(
        Regime.US_TAKE_IT_DOWN, follow_up=FollowUp(date(2026, 11, 30), rechecked_at=rechecked)
    )
    notice = render(facts)
    assert notice.subject.startswith("Follow-up")
    follow_up = {s.key: s for s in sections(facts)}["follow_up"]
    body = " ".join(follow_up.lines)
    assert "2026-11-30" in body and "2026-12-02 10:15 UTC" in body and "still online" in body
    assert_states(notice, facts)


def test_deadlines_come_from_settings_per_regime() -> None:
    received = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    settings = Settings.load(env={}, notice_hours_eu_dsa_16=24)
    assert deadline(Regime.US_TAKE_IT_DOWN, received, settings) == received + timedelta(hours=48)
    assert deadline(Regime.EU_DSA_16, received, settings) == received + timedelta(hours=24)
    assert deadline(Regime.UK_OSA, received, settings) == received + timedelta(
        hours=settings.notice_hours_uk_osa
    )


def test_replies_go_to_the_person_only_when_they_ask() -> None:
    notifier = Notifier(PERSON, OPERATOR, FETCHED, replies_to_person=True)
    assert render(make_facts(Regime.UK_OSA, notifier=notifier)).reply_to == PERSON.email
    silent = Notifier(Contact(), OPERATOR, FETCHED, replies_to_person=True)
    assert render(make_facts(Regime.UK_OSA, notifier=silent)).reply_to == OPERATOR.signatory.email
