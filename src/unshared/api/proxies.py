"""Who is calling: the client address that rate limits count, behind trusted proxies or not.

``X-Forwarded-For`` is believed only when the direct peer is one of ``trusted_proxies``, and then
only as far as the rightmost address that is not itself a trusted proxy: everything left of it
was written by the client and proves nothing. The server must not rewrite the peer itself
(``unshared serve`` runs uvicorn with ``proxy_headers=False``; see ``server_options``).

IPv6 clients are counted by their /64: one subscriber usually has a whole /64, and counting
single addresses would give them 2**64 budgets.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from unshared.errors import InvalidInput

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(text: str) -> tuple[Network, ...]:
    """``"127.0.0.1, 10.0.0.0/8, ::1"`` -> networks; empty text is no proxy at all."""
    out = []
    for part in text.split(","):
        if part.strip():
            try:
                out.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError as exc:
                raise InvalidInput(
                    f"trusted_proxies holds {part.strip()!r}, not an IP address or network"
                ) from exc
    return tuple(out)


def _address(text: str) -> Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":")[0]
    try:
        found = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(found, ipaddress.IPv6Address) and found.ipv4_mapped is not None:
        return found.ipv4_mapped
    return found


def client_key(address: Address) -> str:
    """The key a client's budget is kept under: the address, or its /64 for IPv6."""
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class TrustedProxies:
    def __init__(self, networks: Iterable[Network]) -> None:
        self.networks = tuple(networks)

    def trusts(self, address: Address) -> bool:
        return any(address in network for network in self.networks)

    def client(self, peer: str | None, forwarded_for: Iterable[str]) -> str:
        """The client's key, from the direct ``peer`` and the ``X-Forwarded-For`` header(s)."""
        address = _address(peer) if peer else None
        if address is None:
            return peer or "unknown"
        if not self.trusts(address):
            return client_key(address)
        hops = [hop for header in forwarded_for for hop in header.split(",")]
        for hop in reversed(hops):
            found = _address(hop)
            if found is None:
                # A trusted proxy passed on something that is no address: the last address
                # we can vouch for is the best we know.
                break
            address = found
            if not self.trusts(address):
                break
        return client_key(address)
