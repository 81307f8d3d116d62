"""What a watch target lists: the pages of a sitemap, the items of an RSS or Atom feed.

The monitor fetches each watch target on its schedule (safely: ``takedown.fetch``), reads the
links it lists here, and fetches those pages' images to match them against the banks. Parsing is
of hostile input: the XML parser refuses entities and DTDs (defusedxml), a target lists at most
``limit`` links, and a link is kept only if it is http(s). ``Politeness`` spaces requests to any
one host.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from unshared.errors import InvalidInput

WatchKind = Literal["page", "sitemap", "feed"]
WATCH_KINDS: tuple[WatchKind, ...] = ("page", "sitemap", "feed")

#: Links read from one target at most, so one huge sitemap cannot stall the monitor.
MAX_LINKS = 500

_IMAGE_TYPES = ("image/",)


@dataclass(frozen=True, slots=True)
class Listing:
    """What one sitemap or feed lists: pages to look in, and images named directly (a feed's
    enclosures, a sitemap's image entries), each an absolute http(s) URL, in document order,
    without repeats. ``sitemaps`` are nested sitemaps of a sitemap index, for the next run."""

    pages: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()


def read_listing(kind: WatchKind, body: bytes, base_url: str, limit: int = MAX_LINKS) -> Listing:
    """The links of a fetched ``sitemap`` or ``feed`` (RSS 2.0 or Atom); ``InvalidInput`` if
    the body is not one. A ``page`` lists itself: its images are read by the fetcher."""
    if kind == "page":
        return Listing(pages=(base_url,))
    root = _parse(body)
    if kind == "sitemap":
        return _sitemap(root, base_url, limit)
    return _feed(root, base_url, limit)


def _parse(body: bytes) -> Element:
    try:
        root: Element = ElementTree.fromstring(body, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:
        raise InvalidInput(f"not a sitemap or feed: {exc}") from None
    return root


def _local(tag: str) -> str:
    """A tag without its namespace: ``{http://...}loc`` -> ``loc``."""
    return tag.rpartition("}")[2]


def _children(node: Element, name: str) -> Iterator[Element]:
    return (child for child in node if _local(child.tag) == name)


def _text(node: Element, name: str) -> str:
    for child in _children(node, name):
        return (child.text or "").strip()
    return ""


class _Links:
    """Absolute http(s) URLs in order, each once, at most ``limit`` in all."""

    def __init__(self, base_url: str, limit: int) -> None:
        self.base_url = base_url
        self.limit = limit
        self.seen: set[str] = set()
        self.lists: dict[str, list[str]] = {"pages": [], "images": [], "sitemaps": []}

    def add(self, which: str, url: str) -> None:
        url = url.strip()
        if not url:
            return
        url = urljoin(self.base_url, url)
        if url in self.seen or len(self.seen) >= self.limit:
            return
        if urlsplit(url).scheme not in ("http", "https"):
            return
        self.seen.add(url)
        self.lists[which].append(url)

    def listing(self) -> Listing:
        return Listing(*(tuple(self.lists[k]) for k in ("pages", "images", "sitemaps")))


def _sitemap(root: Element, base_url: str, limit: int) -> Listing:
    links = _Links(base_url, limit)
    kind = _local(root.tag)
    if kind == "sitemapindex":
        for node in _children(root, "sitemap"):
            links.add("sitemaps", _text(node, "loc"))
    elif kind == "urlset":
        for node in _children(root, "url"):
            links.add("pages", _text(node, "loc"))
            for image in _children(node, "image"):  # Google's image sitemap extension
                links.add("images", _text(image, "loc"))
    else:
        raise InvalidInput(f"not a sitemap: its root is <{kind}>, not <urlset> or <sitemapindex>")
    return links.listing()


def _feed(root: Element, base_url: str, limit: int) -> Listing:
    links = _Links(base_url, limit)
    kind = _local(root.tag)
    if kind == "rss":
        for channel in _children(root, "channel"):
            for item in _children(channel, "item"):
                links.add("pages", _text(item, "link"))
                _media(item, links)
    elif kind == "feed":  # Atom
        for entry in _children(root, "entry"):
            for link in _children(entry, "link"):
                href, rel = link.get("href", ""), link.get("rel", "alternate")
                if rel == "enclosure" and link.get("type", "").startswith(_IMAGE_TYPES):
                    links.add("images", href)
                elif rel == "alternate":
                    links.add("pages", href)
            _media(entry, links)
    else:
        raise InvalidInput(f"not a feed: its root is <{kind}>, not <rss> or Atom's <feed>")
    return links.listing()


def _media(item: Element, links: _Links) -> None:
    """An item's images: RSS enclosures of an image type, Media RSS content and thumbnails."""
    for node in item:
        name = _local(node.tag)
        if name == "enclosure" and node.get("type", "").startswith(_IMAGE_TYPES):
            links.add("images", node.get("url", ""))
        elif name in ("content", "thumbnail") and node.get("url"):
            medium = node.get("medium", "image")
            if medium == "image" or node.get("type", "").startswith(_IMAGE_TYPES):
                links.add("images", node.get("url", ""))


@dataclass
class Politeness:
    """At least ``interval`` seconds between two requests to one host, whoever makes them.

    ``wait(url)`` books the host's next free slot, then sleeps until it (through ``sleep``, so
    tests pass their own clock). Booking is done under a lock and sleeping outside it, so the
    scheduler's thread and an operator's "run now" share one ``Politeness`` and still space
    their requests to a host, while requests to other hosts do not wait on them."""

    interval: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _next: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def delay(self, url: str) -> float:
        """Seconds until ``url``'s host may be asked again (0 if now)."""
        with self._lock:
            return max(0.0, self._next.get(_host(url), 0.0) - self.clock())

    def wait(self, url: str) -> float:
        """Wait for ``url``'s host's turn; the seconds waited."""
        host = _host(url)
        with self._lock:
            now = self.clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        pause = slot - now
        if pause > 0:
            self.sleep(pause)
        return pause


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
