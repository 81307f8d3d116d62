"""Which address a request is counted under, behind trusted proxies or none."""

from __future__ import annotations

import pytest

from unshared.api.proxies import TrustedProxies, parse_networks
from unshared.errors import InvalidInput

NONE = TrustedProxies(())
LOCAL = TrustedProxies(parse_networks("127.0.0.1, 10.0.0.0/8, ::1"))


def test_no_trusted_proxy_means_the_peer() -> None:
    assert NONE.client("198.51.100.7", ["203.0.113.5"]) == "198.51.100.7"
    assert NONE.client("127.0.0.1", ["203.0.113.5"]) == "127.0.0.1"
    assert NONE.client(None, ["203.0.113.5"]) == "unknown"


@pytest.mark.parametrize(
    ("peer", "headers", "client"),
    [
        # The rightmost address no trusted proxy wrote is the client; what is left of it is
        # whatever the client sent.
        ("127.0.0.1", ["203.0.113.5"], "203.0.113.5"),
        ("127.0.0.1", ["192.0.2.1, 203.0.113.5"], "203.0.113.5"),
        ("127.0.0.1", ["192.0.2.1, 203.0.113.5, 10.1.2.3"], "203.0.113.5"),
        ("127.0.0.1", ["192.0.2.1", "203.0.113.5 , 10.1.2.3"], "203.0.113.5"),
        # A peer that is not trusted: its header proves nothing.
        ("198.51.100.7", ["203.0.113.5"], "198.51.100.7"),
        # No header, or only proxies in it: the last proxy is all we know.
        ("127.0.0.1", [], "127.0.0.1"),
        ("127.0.0.1", ["10.9.9.9"], "10.9.9.9"),
        # Junk where an address should be: stop at the last address vouched for.
        ("127.0.0.1", ["203.0.113.5, not-an-ip"], "127.0.0.1"),
        ("127.0.0.1", ["not-an-ip, 10.1.2.3"], "10.1.2.3"),
        # Ports and IPv4 in IPv6 clothing.
        ("127.0.0.1", ["203.0.113.5:5120"], "203.0.113.5"),
        ("::1", ["::ffff:203.0.113.5"], "203.0.113.5"),
        # IPv6 clients count by /64: one subscriber holds a whole /64.
        ("::1", ["[2001:db8:1:2:aaaa::1]:443"], "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::9", [], "2001:db8:1:2::/64"),
    ],
)
def test_behind_trusted_proxies(peer: str, headers: list[str], client: str) -> None:
    assert LOCAL.client(peer, headers) == client


def test_settings_text() -> None:
    assert parse_networks("") == ()
    assert parse_networks(" , ") == ()
    assert [str(n) for n in parse_networks("127.0.0.1,10.0.0.0/8")] == [
        "127.0.0.1/32",
        "10.0.0.0/8",
    ]
    with pytest.raises(InvalidInput):
        parse_networks("localhost")
