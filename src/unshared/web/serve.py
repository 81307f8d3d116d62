"""Serve the pages: ``/`` is ``index.html`` (a person's), ``/operator`` is ``operator.html`` (an
operator's, signed in with an admin key), ``/static/...`` their scripts and styles.

Every response of either carries a strict Content-Security-Policy: a page may load and call only
its own origin, runs no inline code and cannot be framed. So even a mistake in a page could not
send a photo, an operator's key, or anything else, to another site.

The two workers carry their own, stricter still: they may fetch nothing at all, only run the
page's scripts, and answer the page. The hashing worker may also compile WebAssembly (libheif,
for HEIC photos); the protect worker may also evaluate code, which OpenCV's WebAssembly build
does as it starts, and which nothing else on the page may do.

``static/vendor/`` holds those builds (``scripts/vendor`` fetches them from npm; not in git).
Each is served gzipped to a browser that accepts it, from the ``.gz`` copy made beside it.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).resolve().parent / "static"

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' blob: data:",
        # A chosen video plays from an object URL of the file, so its frames can be hashed here.
        "media-src blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    # Revalidate each time, so a fixed page reaches people at once (304s keep it cheap).
    "Cache-Control": "no-cache",
}


_WORKER = ("default-src 'none'", "base-uri 'none'")
#: The workers' own policies (a dedicated worker is governed by its script's response, not by
#: the page's): no fetching, no loading of anything but the page's own scripts.
WORKER_POLICIES = {
    "worker.js": "; ".join((*_WORKER, "script-src 'self' 'wasm-unsafe-eval'")),
    "protect-worker.js": "; ".join(
        (*_WORKER, "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'")
    ),
}

VENDOR = STATIC / "vendor"


class _PageFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await self._gzipped(path, scope) or await super().get_response(path, scope)
        response.headers.update(SECURITY_HEADERS)
        if path in WORKER_POLICIES:
            response.headers["Content-Security-Policy"] = WORKER_POLICIES[path]
        return response

    async def _gzipped(self, path: str, scope: Scope) -> Response | None:
        """A vendored build's ``.gz`` copy, to a browser that takes gzip: OpenCV is 13 MB as it
        comes and under 4 MB gzipped."""
        if not path.startswith("vendor/") or path.endswith(".gz"):
            return None
        request = Headers(scope=scope)
        if "gzip" not in request.get("accept-encoding", ""):
            return None
        plain = Path(STATIC, path).resolve()
        packed = plain.with_name(plain.name + ".gz")
        if plain.parent != VENDOR or not packed.is_file():
            return None
        response = FileResponse(
            packed,
            media_type=mimetypes.guess_type(plain.name)[0] or "application/octet-stream",
            headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"},
            stat_result=packed.stat(),  # sets the ETag a revalidation is answered by
        )
        if self.is_not_modified(response.headers, request):
            return NotModifiedResponse(response.headers)
        return response


#: Each page's path and its file in ``STATIC``.
PAGES = {"/": "index.html", "/operator": "operator.html"}


def mount_web(app: FastAPI) -> None:
    """Serve the pages (``PAGES``) and their files at ``/static/``, with the security headers."""
    if any(getattr(route, "path", None) == "/static" for route in app.routes):
        return  # already served
    for path, name in PAGES.items():
        app.add_api_route(path, _page(name), methods=["GET", "HEAD"], include_in_schema=False)
    app.mount("/static", _PageFiles(directory=STATIC), name="static")


def _page(name: str) -> Callable[[], FileResponse]:
    def page() -> FileResponse:
        return FileResponse(STATIC / name, headers=SECURITY_HEADERS)

    return page
