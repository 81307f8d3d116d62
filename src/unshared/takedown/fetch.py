"""Fetching the URLs people report, safely: a reported URL is chosen by whoever reports it, so a
careless fetch is a way into the server's own network (SSRF). The rules, each with its setting
(docs/takedown.md, "Safe fetching"):

- only ``http`` and ``https`` URLs, at most 2,048 characters, with no user name or password;
- the host is resolved once (``socket.getaddrinfo``); if any of its addresses is not public
  (loopback, private, link-local such as 169.254.169.254, shared/CGNAT, multicast, reserved,
  unspecified, or an IPv6 address carrying an IPv4 one of those: mapped, NAT64, 6to4, Teredo)
  the fetch is refused, unless the address is inside ``fetch_allow_networks``; the connection
  then goes to that very address, so a second lookup cannot answer differently (DNS rebinding).
  For ``https`` the certificate is checked against the host's name, sent as SNI;
- redirects are followed by hand, at most ``fetch_max_redirects``, each new URL checked as the
  first was;
- at most ``fetch_max_bytes`` are read from an answer (reading stops past it) and the whole fetch,
  redirects and body, takes at most ``fetch_timeout`` seconds;
- proxies from the environment are ignored, and the User-Agent says who fetches and why.

Bytes are held in memory only for the caller to hash, then dropped; never stored or logged.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import httpx

from unshared.bank.models import MAX_URL
from unshared.errors import FetchFailed, FetchRefused, InvalidInput

if TYPE_CHECKING:
    from unshared.config import Settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

USER_AGENT = (
    "Unshared/0.1 (takedown verification: checks that a reported URL serves a copy of an image"
    " shared without consent; hashes it in memory and keeps nothing but its hashes;"
    " +https://github.com/unshared/unshared)"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTML = ("text/html", "application/xhtml+xml")
_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".avif")
# Not caught by ``is_global`` before Python 3.13, or worth naming on their own.
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class FetchRules:
    """The limits of one fetch, from the settings of the same names."""

    allow: tuple[Network, ...] = ()
    max_redirects: int = 5
    max_bytes: int = 20 * 1024 * 1024
    timeout: float = 20.0
    max_images: int = 20
    #: Certificates trusted for https; ``None``: the system's (certifi's). Tests trust their own.
    tls: ssl.SSLContext | None = None

    @classmethod
    def of(cls, settings: Settings) -> FetchRules:
        return cls(
            allow=parse_networks(settings.fetch_allow_networks),
            max_redirects=settings.fetch_max_redirects,
            max_bytes=settings.fetch_max_bytes,
            timeout=settings.fetch_timeout,
            max_images=settings.fetch_max_images,
        )


@dataclass(frozen=True)
class Answer:
    """What a URL answered, after its redirects. ``body`` is for hashing in memory only."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes = field(repr=False)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def is_html(self) -> bool:
        return self.content_type.split(";")[0].strip().lower() in _HTML


def parse_networks(text: str) -> tuple[Network, ...]:
    """``"127.0.0.1/32, 10.0.0.0/8"`` -> the networks (``fetch_allow_networks``);
    ``InvalidInput`` for one that is not a network."""
    networks: list[Network] = []
    for part in text.split(","):
        if part.strip():
            try:
                networks.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError as exc:
                raise InvalidInput(f"fetch_allow_networks: {exc}") from None
    return tuple(networks)


def check_url(url: str) -> httpx.URL:
    """The URL, parsed, if its form may be fetched: http(s), a host, no credentials, 2,048
    characters at most. ``FetchRefused`` otherwise."""
    if not isinstance(url, str) or not url.strip():
        raise FetchRefused("give the URL where the copy is", reason="no_url")
    url = url.strip()
    if len(url) > MAX_URL:
        raise FetchRefused(f"a URL is at most {MAX_URL} characters", reason="too_long")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchRefused(f"that is not a URL: {exc}", reason="not_a_url") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchRefused(
            "only http:// and https:// URLs are fetched", reason="scheme", scheme=parsed.scheme
        )
    if not parsed.raw_host:
        raise FetchRefused("the URL has no host", reason="no_host")
    if parsed.userinfo:
        raise FetchRefused("a URL with a user name or password is not fetched", reason="userinfo")
    return parsed


def host_of(url: httpx.URL) -> str:
    """The URL's host as ASCII (IDNA), lower-case, without brackets."""
    return url.raw_host.decode("ascii").lower()


def refusal(address: Address, allow: tuple[Network, ...] = ()) -> str | None:
    """Why ``address`` may not be fetched from, or ``None`` if it may."""
    if isinstance(address, ipaddress.IPv6Address):
        # An IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4, Teredo) is judged by
        # the IPv4 address it reaches.
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address.teredo is not None:
            embedded = address.teredo[1]
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            address = embedded
    if any(address in network for network in allow if network.version == address.version):
        return None
    for kind, test in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local (cloud metadata services live there)", address.is_link_local),
        ("multicast", address.is_multicast),
        ("shared (carrier-grade NAT)", address.version == 4 and address in _SHARED),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("not public", not address.is_global),
    ):
        if test:
            return kind
    return None


def resolve(host: str, port: int, allow: tuple[Network, ...] = ()) -> str:
    """The one address to connect to for ``host``: every address it resolves to must be public
    (or allowed), else ``FetchRefused``. Resolved here once; the caller connects to it."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchFailed(f"{host} does not resolve: {exc}", host=host) from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise FetchFailed(f"{host} does not resolve", host=host)
    for address in addresses:
        why = refusal(address, allow)
        if why is not None:
            raise FetchRefused(
                f"{host} is at {address}, a {why} address: only public addresses are fetched"
                " (fetch_allow_networks)",
                reason="address",
                host=host,
                address=str(address),
            )
    return str(addresses[0])


def fetch(url: str, rules: FetchRules, *, deadline: float | None = None) -> Answer:
    """GET ``url`` under ``rules``, following redirects by hand. ``FetchRefused`` for a rule
    broken (the reason in its detail), ``FetchFailed`` for no answer in time or a network error.
    ``deadline`` (``time.monotonic()``) bounds it with fetches before it, else ``rules.timeout``."""
    if deadline is None:
        deadline = time.monotonic() + rules.timeout
    current = check_url(url)
    with httpx.Client(
        trust_env=False,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        verify=rules.tls or True,
    ) as client:
        for _ in range(rules.max_redirects + 1):
            status, headers, body = _get(client, current, rules, deadline)
            location = headers.get("location")
            if status in _REDIRECTS and location:
                try:
                    current = check_url(str(current.join(location)))
                except httpx.InvalidURL as exc:
                    raise FetchRefused(f"a bad redirect: {exc}", reason="not_a_url") from None
                continue
            return Answer(url, str(current), status, headers.get("content-type", ""), body)
    raise FetchRefused(
        f"more than {rules.max_redirects} redirects (fetch_max_redirects)",
        reason="redirects",
        limit=rules.max_redirects,
    )


def _get(
    client: httpx.Client, url: httpx.URL, rules: FetchRules, deadline: float
) -> tuple[int, httpx.Headers, bytes]:
    host = host_of(url)
    port = url.port or (443 if url.scheme == "https" else 80)
    address = resolve(host, port, rules.allow)
    extensions = {"sni_hostname": host} if url.scheme == "https" else {}
    try:
        with client.stream(
            "GET",
            url.copy_with(host=address),
            headers={"Host": url.netloc.decode("ascii"), "Accept-Encoding": "identity"},
            extensions=extensions,
            timeout=_left(deadline, rules, url),
        ) as response:
            if response.status_code in _REDIRECTS:
                return response.status_code, response.headers, b""
            return response.status_code, response.headers, _read(response, rules, deadline, url)
    except httpx.TimeoutException:
        raise _timed_out(rules, url) from None
    except httpx.HTTPError as exc:
        raise FetchFailed(f"{url} could not be fetched: {exc}", url=str(url)) from None


def _read(response: httpx.Response, rules: FetchRules, deadline: float, url: httpx.URL) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > rules.max_bytes:
        raise _too_large(rules, url)
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # as each part arrives, so the clock is checked
        size += len(chunk)
        if size > rules.max_bytes:
            raise _too_large(rules, url)
        if time.monotonic() > deadline:
            raise _timed_out(rules, url)
        parts.append(chunk)
    return b"".join(parts)


def _left(deadline: float, rules: FetchRules, url: httpx.URL) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _timed_out(rules, url)
    return left


def _timed_out(rules: FetchRules, url: httpx.URL) -> FetchFailed:
    return FetchFailed(
        f"{url} took more than {rules.timeout:g} s (fetch_timeout)",
        reason="timeout",
        url=str(url),
    )


def _too_large(rules: FetchRules, url: httpx.URL) -> FetchRefused:
    return FetchRefused(
        f"{url} answered more than {rules.max_bytes:,} bytes (fetch_max_bytes)",
        reason="too_large",
        limit=rules.max_bytes,
    )


# -- images on a page ---------------------------------------------------------------------------


class _ImageLinks(HTMLParser):
    """The image URLs a page names: ``img`` ``src``/``srcset``, ``source`` ``srcset``,
    ``og:image`` and ``twitter:image``, ``link rel=image_src``, and links to image files."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "base" and a.get("href") and self.base is None:
            self.base = a["href"]
        elif tag in ("img", "source"):
            for name in ("src", "data-src"):
                if a.get(name):
                    self.found.append(a[name])
            for candidate in a.get("srcset", "").split(","):
                if candidate.strip():
                    self.found.append(candidate.split()[0])
        elif tag == "meta":
            name = (a.get("property") or a.get("name") or "").lower()
            if name in ("og:image", "og:image:url", "og:image:secure_url", "twitter:image"):
                self.found.append(a.get("content", ""))
        elif tag == "link" and "image_src" in a.get("rel", "").lower().split():
            self.found.append(a.get("href", ""))
        elif tag == "a":
            href = a.get("href", "")
            if href.split("?")[0].split("#")[0].lower().endswith(_IMAGE_SUFFIXES):
                self.found.append(href)


def image_urls(page: Answer, limit: int) -> list[str]:
    """The absolute http(s) URLs of the images ``page`` names, in page order, each once, at
    most ``limit``."""
    charset = "utf-8"
    for param in page.content_type.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip('"')
    try:
        text = page.body.decode(charset, errors="replace")
    except LookupError:
        text = page.body.decode("utf-8", errors="replace")
    parser = _ImageLinks()
    parser.feed(text)
    parser.close()
    base = httpx.URL(page.final_url)
    if parser.base:
        with contextlib.suppress(httpx.InvalidURL):
            base = base.join(parser.base)
    out: list[str] = []
    for link in parser.found:
        try:
            absolute = base.join(link.strip())
        except httpx.InvalidURL:
            continue
        if absolute.scheme in ("http", "https") and str(absolute) not in out:
            out.append(str(absolute))
        if len(out) >= limit:
            break
    return out


def images(
    page: Answer, rules: FetchRules, deadline: float
) -> Iterator[tuple[str, Answer | FetchRefused | FetchFailed]]:
    """Fetch each image ``page`` names, one at a time, the same safe way, within ``deadline``:
    each image URL with its answer or why it was not fetched. The caller hashes an answer and
    drops it before the next is fetched."""
    for url in image_urls(page, rules.max_images):
        try:
            yield url, fetch(url, rules, deadline=deadline)
        except (FetchRefused, FetchFailed) as exc:
            yield url, exc
