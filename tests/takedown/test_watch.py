"""Reading watch targets: sitemaps, RSS and Atom feeds, hostile XML, and per-host politeness."""

from __future__ import annotations

import pytest

from unshared.errors import InvalidInput
from unshared.takedown.watch import MAX_LINKS, Politeness, read_listing

BASE = "https://site.example/dir/"

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc>https://site.example/a.html</loc>
    <image:image><image:loc>https://cdn.example/a.jpg</image:loc></image:image></url>
  <url><loc> /b.html </loc></url>
  <url><loc>https://site.example/a.html</loc></url>
  <url><loc>javascript:alert(1)</loc></url>
  <url><loc>file:///etc/passwd</loc></url>
  <url><loc></loc></url>
</urlset>"""

INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://site.example/s1.xml</loc></sitemap>
  <sitemap><loc>s2.xml</loc></sitemap>
</sitemapindex>"""

RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
 <channel><title>t</title>
  <item><link>https://site.example/post/1</link>
   <enclosure url="https://cdn.example/1.jpg" type="image/jpeg" length="1"/></item>
  <item><link>https://site.example/post/2</link>
   <enclosure url="https://cdn.example/2.mp3" type="audio/mpeg" length="1"/>
   <media:content url="https://cdn.example/2.png" medium="image"/>
   <media:thumbnail url="https://cdn.example/2-small.png"/></item>
 </channel>
</rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
 <entry><link href="https://site.example/e/1"/>
   <link rel="enclosure" type="image/webp" href="/img/1.webp"/>
   <link rel="edit" href="https://site.example/edit/1"/></entry>
</feed>"""


def test_a_sitemap_lists_its_pages_and_images_once_each_and_only_http() -> None:
    listing = read_listing("sitemap", SITEMAP, BASE)
    assert listing.pages == ("https://site.example/a.html", "https://site.example/b.html")
    assert listing.images == ("https://cdn.example/a.jpg",)
    assert listing.sitemaps == ()


def test_a_sitemap_index_lists_its_sitemaps_for_later() -> None:
    listing = read_listing("sitemap", INDEX, BASE)
    assert listing.sitemaps == ("https://site.example/s1.xml", "https://site.example/dir/s2.xml")
    assert listing.pages == listing.images == ()


def test_an_rss_feed_lists_item_links_and_image_enclosures() -> None:
    listing = read_listing("feed", RSS, BASE)
    assert listing.pages == ("https://site.example/post/1", "https://site.example/post/2")
    assert listing.images == (
        "https://cdn.example/1.jpg",
        "https://cdn.example/2.png",
        "https://cdn.example/2-small.png",
    )


def test_an_atom_feed_lists_entries_and_image_enclosures() -> None:
    listing = read_listing("feed", ATOM, BASE)
    assert listing.pages == ("https://site.example/e/1",)
    assert listing.images == ("https://site.example/img/1.webp",)


def test_a_page_lists_itself() -> None:
    assert read_listing("page", b"<html>", BASE).pages == (BASE,)


def test_no_target_lists_more_than_the_limit() -> None:
    urls = "".join(f"<url><loc>https://s.example/{i}</loc></url>" for i in range(MAX_LINKS + 50))
    listing = read_listing("sitemap", f"<urlset>{urls}</urlset>".encode(), BASE)
    assert len(listing.pages) == MAX_LINKS
    assert len(read_listing("sitemap", f"<urlset>{urls}</urlset>".encode(), BASE, 7).pages) == 7


@pytest.mark.parametrize(
    ("kind", "body", "message"),
    [
        ("sitemap", b"<html><body>hi</body></html>", "not a sitemap"),
        ("feed", SITEMAP, "not a feed"),
        ("feed", b"\x89PNG\r\n", "not a sitemap or feed"),
        ("sitemap", b"", "not a sitemap or feed"),
        # Entity expansion ("billion laughs") and external entities are refused, not expanded.
        (
            "sitemap",
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><urlset><url><loc>&b;</loc></url>'
            b"</urlset>",
            "not a sitemap or feed",
        ),
        (
            "feed",
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<rss><channel><item><link>&x;</link></item></channel></rss>",
            "not a sitemap or feed",
        ),
    ],
)
def test_what_is_not_a_listing_is_refused_clearly(kind: str, body: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        read_listing(kind, body, BASE)  # type: ignore[arg-type]


def test_politeness_spaces_requests_to_one_host_and_not_across_hosts() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    polite = Politeness(5.0, clock=lambda: now[0], sleep=sleep)
    polite.wait("https://a.example/1")
    polite.wait("https://b.example/1")  # another host: no wait
    assert slept == []
    now[0] += 2
    assert polite.delay("https://A.example/2") == pytest.approx(3.0)
    polite.wait("https://a.example/2")
    assert slept == [pytest.approx(3.0)]
    assert polite.delay("https://a.example/3") == pytest.approx(5.0)
