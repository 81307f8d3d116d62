"""Sending notices by email: a real SMTP server on 127.0.0.1 (aiosmtpd) receives every element,
the PDF and the headers; a server that refuses, is closed or says nothing gives Unavailable."""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from ipaddress import ip_address
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.takedown.conftest import OPERATOR, PERSON, make_facts
from unshared.config import Settings
from unshared.errors import InvalidInput, Unavailable
from unshared.takedown.mail import send_notice
from unshared.takedown.notices import REQUIRED, Regime, sections
from unshared.takedown.render import render

ABUSE = "abuse@files.example.net"


@dataclass
class Inbox:
    """What the server accepted, and whom it let log in."""

    messages: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    encrypted: list[bool] = field(default_factory=list)
    refuse_rcpt: bool = False
    #: Seconds the server takes over each message before it answers (a slow mail server).
    delay: float = 0.0

    async def handle_RCPT(  # aiosmtpd's hook names
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.refuse_rcpt:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(self.delay)
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append((list(envelope.rcpt_tos), message))
        self.encrypted.append(
            session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        )
        return "250 Message accepted"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append((login, password))
        ok = (login, password) == ("notices", "s3cret:pass")
        return AuthResult(success=ok, handled=False)  # unhandled: the server answers 535


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(**options: Any) -> Iterator[tuple[Inbox, int]]:
    """An aiosmtpd server on 127.0.0.1 that keeps what it accepts in an ``Inbox``."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=inbox.authenticate, **options
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with serving(auth_require_tls=False) as served:
        yield served


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1 (its own CA file) and a server context using it."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return cert_file, context


def settings_for(port: int, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "smtp_url": f"smtp://notices:s3cret%3Apass@127.0.0.1:{port}",
        "smtp_from": "notices@helpline.example",
        "smtp_starttls": False,
        "smtp_timeout": 5.0,
        **overrides,
    }
    return Settings.load(env={}, **values)


@pytest.mark.parametrize("regime", list(Regime))
def test_the_server_receives_every_element_the_pdf_and_the_headers(
    smtp: tuple[Inbox, int], regime: Regime
) -> None:
    inbox, port = smtp
    facts = make_facts(regime, by_operator=True)
    notice = render(facts)
    message_id = send_notice(notice, ABUSE, settings_for(port))

    assert inbox.logins == [("notices", "s3cret:pass")]  # the URL's user and password, decoded
    [(recipients, message)] = inbox.messages
    assert recipients == [ABUSE]
    assert message["Message-ID"] == message_id and message_id.endswith("@helpline.example>")
    assert message["From"] == "notices@helpline.example"
    assert message["To"] == ABUSE
    assert message["Reply-To"] == OPERATOR.signatory.email
    assert message["Subject"] == notice.subject
    assert message["Date"]

    body = message.get_body(preferencelist=("plain",))
    page = message.get_body(preferencelist=("html",))
    assert body is not None and page is not None
    text, markup = body.get_content(), page.get_content()
    for part in sections(facts):
        if part.key in REQUIRED[regime]:
            for line in (part.heading, *part.lines):
                assert line in text, line
    assert markup.replace("\r\n", "\n") == notice.html

    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == f"{notice.filename}.pdf"
    assert attachment.get_content() == notice.pdf


def test_replies_go_to_the_person_when_they_asked(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    facts = make_facts(Regime.EU_DSA_16, by_operator=True)
    facts = replace(facts, notifier=replace(facts.notifier, replies_to_person=True))
    send_notice(render(facts), ABUSE, settings_for(port))
    [(_, message)] = inbox.messages
    assert message["Reply-To"] == PERSON.email


def test_a_refused_recipient_is_unavailable(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    inbox.refuse_rcpt = True
    with pytest.raises(Unavailable, match="refused the recipient") as raised:
        send_notice(render(make_facts(Regime.UK_OSA, by_operator=True)), ABUSE, settings_for(port))
    assert raised.value.detail["refused"] == {ABUSE: 550}
    assert inbox.messages == []


def test_a_wrong_password_is_unavailable(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    wrong = settings_for(port, smtp_url=f"smtp://notices:nope@127.0.0.1:{port}")
    with pytest.raises(Unavailable, match="refused") as raised:
        send_notice(render(make_facts(Regime.UK_OSA, by_operator=True)), ABUSE, wrong)
    assert raised.value.detail["smtp_code"] == 535
    assert inbox.messages == []


def test_starttls_required_but_not_offered_sends_nothing(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    with pytest.raises(Unavailable, match="STARTTLS"):
        send_notice(
            render(make_facts(Regime.UK_OSA, by_operator=True)),
            ABUSE,
            settings_for(port, smtp_starttls=True),
        )
    assert inbox.messages == [] and inbox.logins == []


def test_a_closed_port_is_unavailable() -> None:
    with pytest.raises(Unavailable, match=r"failed: .*refused"):
        send_notice(
            render(make_facts(Regime.UK_OSA, by_operator=True)), ABUSE, settings_for(free_port())
        )


def test_a_server_that_never_answers_times_out_as_unavailable() -> None:
    with socket.socket() as silent:  # accepts connections (the backlog) and never speaks
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        with pytest.raises(Unavailable, match=r"failed: .*timed out"):
            send_notice(
                render(make_facts(Regime.UK_OSA, by_operator=True)),
                ABUSE,
                settings_for(port, smtp_timeout=0.5),
            )


def test_no_server_or_sender_set_is_unavailable_and_bad_settings_are_named() -> None:
    notice = render(make_facts(Regime.UK_OSA, by_operator=True))
    with pytest.raises(Unavailable, match="smtp_url"):
        send_notice(notice, ABUSE, Settings.load(env={}))
    with pytest.raises(Unavailable, match="smtp_from"):
        send_notice(notice, ABUSE, settings_for(free_port(), smtp_from=""))
    with pytest.raises(InvalidInput, match="smtp_url"):
        send_notice(notice, ABUSE, settings_for(1, smtp_url="http://127.0.0.1:25"))


@pytest.mark.parametrize(
    "to", ["abuse@x.example\r\nBcc: all@x.example", "a@x.example, b@x.example", "nobody"]
)
def test_a_recipient_that_is_not_one_address_is_refused(smtp: tuple[Inbox, int], to: str) -> None:
    inbox, port = smtp
    with pytest.raises(InvalidInput, match="one email address"):
        send_notice(render(make_facts(Regime.UK_OSA, by_operator=True)), to, settings_for(port))
    assert inbox.messages == []


def test_starttls_upgrades_before_the_login_and_the_notice(
    certificate: tuple[Path, ssl.SSLContext],
) -> None:
    ca_file, context = certificate
    with serving(tls_context=context, require_starttls=True) as (inbox, port):
        settings = settings_for(port, smtp_starttls=True, smtp_ca_file=str(ca_file))
        send_notice(render(make_facts(Regime.UK_OSA, by_operator=True)), ABUSE, settings)
    assert inbox.logins == [("notices", "s3cret:pass")]
    assert inbox.encrypted == [True]


def test_smtps_speaks_tls_from_the_start(certificate: tuple[Path, ssl.SSLContext]) -> None:
    ca_file, context = certificate
    # aiosmtpd counts only STARTTLS as TLS for AUTH: the session records the encryption instead.
    with serving(ssl_context=context, auth_require_tls=False) as (inbox, port):
        url = f"smtps://notices:s3cret%3Apass@127.0.0.1:{port}"
        settings = settings_for(port, smtp_url=url, smtp_ca_file=str(ca_file))
        send_notice(render(make_facts(Regime.UK_OSA, by_operator=True)), ABUSE, settings)
    assert inbox.encrypted == [True] and len(inbox.messages) == 1


def test_a_certificate_nobody_vouches_for_is_unavailable(
    certificate: tuple[Path, ssl.SSLContext],
) -> None:
    _, context = certificate
    with serving(ssl_context=context) as (inbox, port):
        settings = settings_for(port, smtp_url=f"smtps://127.0.0.1:{port}")  # the system's CAs
        with pytest.raises(Unavailable, match=r"(?i)certificate verify failed"):
            send_notice(render(make_facts(Regime.UK_OSA, by_operator=True)), ABUSE, settings)
    assert inbox.messages == []
