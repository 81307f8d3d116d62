"""The page in a fresh browser context, with every request it and its workers make, checked.

``open_page`` (``tests/web/conftest.py``) makes them; after the test every request must have
gone to the page's own server, with no query, and a body of photos' hashes and features (or a
PIN) alone: never image bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Page, Request

#: Most bytes one photo's part of a request may take: a protected photo's features are 40,000
#: hex digits (500 keypoints), its hashes under 200.
MAX_BYTES_PER_PHOTO = 42_000
#: What images start with, raw and in base64 (as ``test_page.py`` checks for hashes alone).
IMAGE_MARKS = (
    b"\xff\xd8\xff",
    b"\x89PNG",
    b"RIFF",
    b"GIF8",
    b"/9j/",
    b"iVBORw0KGgo",
    b"data:image",
)
HEX = re.compile(r"[0-9a-f]*")
#: Most frames a video's vPDQ holds (``unshared.video.MAX_FRAMES``: an hour, one a second).
MAX_FRAMES = 3600


@dataclass
class Tab:
    """The page in a fresh browser context, and every request it and its workers made."""

    page: Page
    origin: str
    requests: list[Request] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def asked_for(self) -> list[str]:
        """The path of every request made so far."""
        return [urlsplit(request.url).path for request in self.requests]

    def console(self, message: Any) -> None:
        # A failed load is the requests' business (checked after the test); any other error,
        # a refusal by a security policy above all, is a fault.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console: {message.text}")

    def check(self) -> None:
        for request in self.requests:
            check_request(request, self.origin)
        assert not self.problems, self.problems


def check_request(request: Request, origin: str) -> None:
    """A request leaves for the page's own server only, with no query, and a body of hashes and
    features alone (or hashes and a PIN)."""
    url = request.url
    if url.startswith(("blob:", "data:")):
        assert url.startswith((f"blob:{origin}/", "data:")), url
        return
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == origin, url
    assert not parts.query, url
    body = request.post_data_buffer
    if request.method == "GET":
        assert not body, url
        return
    assert request.method == "POST" and parts.path.startswith("/v1/cases"), url
    assert body is not None
    assert_only_features_and_hashes(body, parts.path)


def assert_only_features_and_hashes(body: bytes, where: str) -> None:
    """The body is JSON of photos' hashes and features (or a PIN): nothing an image could hide
    in. Every value is a number, or lower-case hex of the exact length its kind has."""
    for mark in IMAGE_MARKS:
        assert mark not in body, f"{where}: the body holds {mark!r}"
    document = json.loads(body)
    assert set(document) <= {"images", "videos", "pin", "minor"}, where
    assert document.get("minor", False) in (True, False), where
    if where.startswith("/v1/cases/protect"):
        # The under-18 answer is a takedown case's: the page never sends it with protected photos.
        assert "minor" not in document, where
    if "pin" in document:
        assert re.fullmatch(r"[A-Z0-9-]{1,32}", document["pin"]), where
    images = document.get("images", [])
    videos = document.get("videos", [])
    assert not videos or not where.startswith("/v1/cases/protect"), where
    for video in videos:
        assert set(video) <= {"vpdq", "md5", "sha256"} and {"vpdq", "md5"} <= set(video), where
        vpdq = video["vpdq"]
        assert HEX.fullmatch(vpdq) and 0 < len(vpdq) <= 64 * MAX_FRAMES and not len(vpdq) % 64
        for key, size in (("md5", 32), ("sha256", 64)):
            if key in video:
                assert HEX.fullmatch(video[key]) and len(video[key]) == size, (where, key)
    video_bytes = sum(len(video["vpdq"]) + 200 for video in videos)
    assert len(body) <= 200 + video_bytes + MAX_BYTES_PER_PHOTO * max(1, len(images)), where
    for image in images:
        assert set(image) <= {"pdq", "quality", "md5", "sha256", "features"}, where
        for key, size in (("pdq", 64), ("md5", 32), ("sha256", 64)):
            if key in image:
                assert HEX.fullmatch(image[key]) and len(image[key]) == size, (where, key)
        if "quality" in image:
            assert isinstance(image["quality"], int) and 0 <= image["quality"] <= 100, where
        if "features" in image:
            features = image["features"]
            assert set(features) == {"keypoints", "points", "descriptors"}, where
            n = features["keypoints"]
            assert isinstance(n, int) and 0 < n <= 500, where
            assert HEX.fullmatch(features["points"]) and len(features["points"]) == 16 * n
            assert HEX.fullmatch(features["descriptors"])
            assert len(features["descriptors"]) == 64 * n


def open_tab(context: Any, base_url: str) -> Tab:
    """The page opened in ``context``: every request it and its workers make recorded, page
    errors and console messages kept, for ``Tab.check`` after the test."""
    tab = Tab(context.new_page(), base_url)
    context.on("request", lambda request: tab.requests.append(request))
    tab.page.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.page.on("console", tab.console)
    tab.page.goto("/")
    return tab
