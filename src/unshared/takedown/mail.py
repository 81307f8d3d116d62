"""Send a rendered notice to a host's abuse contact by SMTP (the standard library's smtplib).

The settings name the server (``smtp_url``: ``smtp://USER:PASS@HOST:PORT`` with STARTTLS unless
``smtp_starttls`` is off, or ``smtps://`` with TLS from the start; certificates checked against
the system's CAs or ``smtp_ca_file``), the From address (``smtp_from``) and a timeout. The
message holds the notice as plain text and HTML, the PDF attached, and a Reply-To to the operator
(or to the person, when they asked for that). A server that is down, slow or refuses the message
gives ``Unavailable`` with what it said; the caller keeps the returned Message-ID with the
notice's record.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from unshared.config import Settings
from unshared.errors import InvalidInput, Unavailable
from unshared.takedown.render import RenderedNotice


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to connect, parsed from ``smtp_url``."""

    host: str
    port: int
    tls: bool  # TLS from the first byte (smtps)
    starttls: bool
    username: str
    password: str

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpServer:
        if not settings.smtp_url:
            raise Unavailable("no mail server is set (smtp_url): download the notice instead")
        url = urlsplit(settings.smtp_url)
        if url.scheme not in ("smtp", "smtps") or not url.hostname:
            raise InvalidInput("smtp_url must be smtp://[USER:PASS@]HOST[:PORT] or smtps://...")
        tls = url.scheme == "smtps"
        try:
            port = url.port or (465 if tls else 587)
        except ValueError as exc:
            raise InvalidInput(f"smtp_url has a bad port: {exc}") from exc
        return cls(
            host=url.hostname,
            port=port,
            tls=tls,
            starttls=not tls and settings.smtp_starttls,
            username=unquote(url.username or ""),
            password=unquote(url.password or ""),
        )


def build_message(notice: RenderedNotice, to: str, settings: Settings) -> EmailMessage:
    """The email for one notice: text and HTML bodies, the PDF attached, a fresh Message-ID."""
    sender = settings.smtp_from.strip()
    if "@" not in sender:
        raise Unavailable("no From address is set (smtp_from): download the notice instead")
    if "@" not in to or any(ch in to for ch in "\r\n,;<>"):
        raise InvalidInput("the host's abuse contact must be one email address", to=to[:200])
    message = EmailMessage()
    try:
        message["From"] = sender
        message["To"] = to.strip()
        if notice.reply_to:
            message["Reply-To"] = notice.reply_to
        message["Subject"] = notice.subject
    except ValueError as exc:  # a line break in a header: refused rather than folded in
        raise InvalidInput(f"a notice header is not valid: {exc}") from exc
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(notice.text)
    message.add_alternative(notice.html, subtype="html")
    message.add_attachment(
        notice.pdf, maintype="application", subtype="pdf", filename=f"{notice.filename}.pdf"
    )
    return message


def send_notice(notice: RenderedNotice, to: str, settings: Settings) -> str:
    """Send ``notice`` to ``to`` (the host's abuse contact); return its Message-ID.

    Raises ``Unavailable`` when no server is set, it cannot be reached within ``smtp_timeout``,
    it offers no STARTTLS when that is required, or it refuses the login, sender or recipient.
    """
    server = SmtpServer.from_settings(settings)
    message = build_message(notice, to, settings)
    try:
        context = ssl.create_default_context(cafile=settings.smtp_ca_file or None)
    except (OSError, ssl.SSLError) as exc:
        raise InvalidInput(f"smtp_ca_file cannot be read: {exc}") from exc
    where = f"{server.host}:{server.port}"
    try:
        smtp: smtplib.SMTP
        if server.tls:
            smtp = smtplib.SMTP_SSL(
                server.host, server.port, timeout=settings.smtp_timeout, context=context
            )
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=settings.smtp_timeout)
        with smtp:
            smtp.ehlo()
            if server.starttls:
                if not smtp.has_extn("starttls"):
                    raise Unavailable(
                        f"the mail server at {where} does not offer STARTTLS (smtp_starttls)",
                        server=where,
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if server.username:
                smtp.login(server.username, server.password)
            smtp.send_message(message)
    except smtplib.SMTPResponseException as exc:
        reply = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else ""
        raise Unavailable(
            f"the mail server at {where} refused the notice: {exc.smtp_code} {reply}".strip(),
            server=where,
            smtp_code=exc.smtp_code,
        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        codes = {rcpt: code for rcpt, (code, _) in exc.recipients.items()}
        raise Unavailable(
            f"the mail server at {where} refused the recipient {to}", server=where, refused=codes
        ) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise Unavailable(
            f"sending through the mail server at {where} failed: {exc or type(exc).__name__}",
            server=where,
        ) from exc
    return str(message["Message-ID"])
