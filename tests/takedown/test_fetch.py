"""Safe fetching: every way a reported URL could reach into the server's own network is refused
before a connection is made, redirects are checked hop by hop, and the size and time limits stop
the reading. A real web site on 127.0.0.1 stands in for the internet (``conftest.site``)."""

from __future__ import annotations

import ipaddress
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.takedown.site import Page, Site
from unshared.errors import FetchFailed, FetchRefused
from unshared.takedown.fetch import (
    USER_AGENT,
    Answer,
    FetchRules,
    check_url,
    fetch,
    image_urls,
    parse_networks,
    refusal,
)

LOOPBACK = FetchRules(allow=parse_networks("127.0.0.1/32"), timeout=10)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://10.0.0.1/a.jpg", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://100.64.0.1/", "carrier-grade NAT"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[::ffff:169.254.169.254]/", "link-local"),
        ("http://[64:ff9b::a9fe:a9fe]/", "link-local"),
        ("http://[2002:7f00:1::]/", "loopback"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fc00::1]/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://172.16.0.1/", "private"),
    ],
)
def test_addresses_that_are_not_public_are_refused(url: str, why: str) -> None:
    with pytest.raises(FetchRefused, match=why) as caught:
        fetch(url, FetchRules(timeout=5))
    assert caught.value.detail["reason"] == "address"


def test_loopback_is_refused_unless_allowed_and_nothing_is_sent(site: Site) -> None:
    url = site.put("/a.jpg", Page(body=b"x"))
    with pytest.raises(FetchRefused, match=r"127\.0\.0\.1, a loopback address"):
        fetch(url, FetchRules(timeout=5))
    assert site.requests == []
    assert fetch(url, LOOPBACK).body == b"x"


def test_a_name_that_resolves_to_loopback_is_refused(site: Site) -> None:
    url = site.put("/a.jpg", Page(body=b"x")).replace("127.0.0.1", "localhost")
    with pytest.raises(FetchRefused, match="localhost is at"):
        fetch(url, FetchRules(timeout=5))
    assert site.requests == []


def test_the_checked_address_is_the_one_connected_to_with_the_hosts_name(site: Site) -> None:
    url = site.put("/a.jpg", Page(body=b"x")).replace("127.0.0.1", "localhost")
    # localhost resolves to 127.0.0.1 (and perhaps ::1): allowing both, the fetch goes through,
    # to the address checked, carrying the name the URL gave.
    rules = FetchRules(allow=parse_networks("127.0.0.1/32, ::1/128"), timeout=10)
    answer = fetch(url, rules)
    assert answer.body == b"x"
    host = site.requests[0][1]["Host"]
    assert host.startswith("localhost:")
    assert site.requests[0][1]["User-Agent"] == USER_AGENT
    assert "Unshared" in USER_AGENT


@pytest.mark.parametrize(
    "target", ["http://10.0.0.1/x", "http://169.254.169.254/latest/", "http://127.0.0.2:{port}/x"]
)
def test_a_redirect_out_of_the_allowed_network_is_refused(site: Site, target: str) -> None:
    port = site.base.rsplit(":", 1)[1]
    url = site.put("/go", Page(302, headers={"Location": target.format(port=port)}))
    with pytest.raises(FetchRefused, match="only public addresses"):
        fetch(url, LOOPBACK)
    assert site.paths() == ["/go"]


def test_redirects_are_followed_hop_by_hop_up_to_the_limit(site: Site) -> None:
    site.put("/1", Page(301, headers={"Location": "/2"}))
    site.put("/2", Page(307, headers={"Location": site.url("/3")}))
    site.put("/3", Page(body=b"here", headers={"Content-Type": "image/jpeg"}))
    answer = fetch(site.url("/1"), LOOPBACK)
    assert (answer.final_url, answer.body, answer.content_type) == (
        site.url("/3"),
        b"here",
        "image/jpeg",
    )
    site.put("/loop", Page(302, headers={"Location": "/loop"}))
    with pytest.raises(FetchRefused, match="more than 2 redirects"):
        fetch(site.url("/loop"), FetchRules(allow=LOOPBACK.allow, max_redirects=2))
    assert site.paths().count("/loop") == 3


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/a.jpg",
        "gopher://127.0.0.1:70/",
        "data:image/png;base64,AAAA",
        "javascript:alert(1)",
        "http://user:secret@example.org/a.jpg",
        "http:///a.jpg",
        "http://example.org/" + "a" * 2048,
    ],
)
def test_urls_of_other_forms_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_url(url)


def test_a_redirect_to_another_scheme_is_refused(site: Site) -> None:
    url = site.put("/go", Page(302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(FetchRefused, match="only http"):
        fetch(url, LOOPBACK)


def test_an_answer_over_the_size_limit_is_refused(site: Site) -> None:
    rules = FetchRules(allow=LOOPBACK.allow, max_bytes=100_000, timeout=10)
    declared = site.put("/big", Page(body=b"x" * 100_001))
    with pytest.raises(FetchRefused, match="more than 100,000 bytes") as caught:
        fetch(declared, rules)
    assert caught.value.detail["reason"] == "too_large"
    # No Content-Length: a stream of 64 MB that would not stop; reading stops past the limit.
    endless = site.put("/endless", Page(body=b"y" * 1_000_000, repeat=64))
    with pytest.raises(FetchRefused, match="fetch_max_bytes"):
        fetch(endless, rules)
    assert site.sent.get("/endless", 0) < 64_000_000


def test_a_slow_answer_is_cut_off_at_the_time_limit(site: Site) -> None:
    slow = site.put("/slow", Page(body=b"z" * 1000, drip=1, pause=0.05))
    with pytest.raises(FetchFailed, match="fetch_timeout") as caught:
        fetch(slow, FetchRules(allow=LOOPBACK.allow, timeout=0.5))
    sent_by_then = site.sent.get("/slow", 0)
    assert caught.value.detail["reason"] == "timeout"
    assert sent_by_then < 1000


def test_settings_name_the_allowed_networks() -> None:
    assert parse_networks("") == ()
    assert refusal(ipaddress.ip_address("127.0.0.1"), parse_networks("127.0.0.0/8")) is None
    assert refusal(ipaddress.ip_address("8.8.8.8")) is None


def test_the_images_of_a_page_are_found() -> None:
    html = b"""<html><head><base href="/media/">
        <meta property="og:image" content="https://cdn.example.org/og.jpg">
        <link rel="image_src" href="thumb.png"></head><body>
        <img src="a.jpg"><img srcset="b-1x.jpg 1x, /b-2x.jpg 2x"><img src="a.jpg">
        <picture><source srcset="c.webp"></picture>
        <a href="/full/d.JPEG?size=big">full</a><a href="/about">about</a>
        <img src="data:image/png;base64,AAAA"><img src="javascript:x"></body></html>"""
    page = Answer("http://example.org/p", "http://example.org/post/1", 200, "text/html", html)
    assert image_urls(page, 20) == [
        "https://cdn.example.org/og.jpg",
        "http://example.org/media/thumb.png",
        "http://example.org/media/a.jpg",
        "http://example.org/media/b-1x.jpg",
        "http://example.org/b-2x.jpg",
        "http://example.org/media/c.webp",
        "http://example.org/full/d.JPEG?size=big",
    ]
    assert len(image_urls(page, 3)) == 3


def _certificates(folder: Path, name: str) -> tuple[Path, Path, Path]:
    """A test CA, and a certificate it signed for ``name``: (CA, certificate, key)."""
    ca_key, ca, key, csr, cert = (
        folder / n for n in ("ca.key", "ca.pem", "k.pem", "c.csr", "c.pem")
    )
    openssl = ["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj"]
    subprocess.run(
        [*openssl, "/CN=test CA", "-x509", "-days", "2", "-keyout", ca_key, "-out", ca],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [*openssl, f"/CN={name}", "-keyout", key, "-out", csr], check=True, capture_output=True
    )
    (folder / "ext").write_text(f"subjectAltName=DNS:{name}\n")
    subprocess.run(
        ["openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial",
         "-days", "2", "-out", cert, "-extfile", folder / "ext"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return ca, cert, key


@pytest.mark.parametrize(("name", "works"), [("localhost", True), ("elsewhere.example", False)])
def test_https_goes_to_the_checked_address_and_checks_the_hosts_certificate(
    tmp_path: Path, name: str, works: bool
) -> None:
    ca, cert, key = _certificates(tmp_path, name)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    rules = FetchRules(
        allow=parse_networks("127.0.0.1/32, ::1/128"),
        timeout=10,
        tls=ssl.create_default_context(cafile=str(ca)),
    )
    try:
        url = f"https://localhost:{server.server_port}/a.jpg"
        if works:
            assert fetch(url, rules).body == b"over tls"
        else:
            with pytest.raises(FetchFailed, match="certificate"):
                fetch(url, rules)
    finally:
        server.shutdown()
        server.server_close()


class _Hello(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        assert self.headers["Host"].startswith("localhost:")
        self.send_response(200)
        self.send_header("Content-Length", "8")
        self.end_headers()
        self.wfile.write(b"over tls")
