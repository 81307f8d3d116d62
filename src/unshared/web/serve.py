"""Serve the pages: ``/`` is ``index.html`` (a person's), ``/operator`` is ``operator.html`` (an
operator's, signed in with an admin key), ``/static/...`` their scripts and styles.

Every response of either carries a strict Content-Security-Policy: a page may load and call only
its own origin, runs no inline code and cannot be framed. So even a mistake in a page could not
send a photo, an operator's key, or anything else, to another site.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).resolve().parent / "static"

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' blob: data:",
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


class _PageFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update(SECURITY_HEADERS)
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
