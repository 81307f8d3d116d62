"""The app factory: one FastAPI app over one ``Unshared``, its store and its live index."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from unshared.api import errors
from unshared.api.deps import ApiState
from unshared.api.headers import SecurityHeaders
from unshared.api.limits import BodyLimit
from unshared.api.routers import (
    admin,
    cases,
    evidence,
    health,
    hma,
    notices,
    platform,
    protect,
    sightings,
    watch,
)
from unshared.config import Settings
from unshared.service import Unshared
from unshared.takedown.schedule import Clock, utc_now
from unshared.web.serve import mount_web

log = logging.getLogger("unshared.api")


def create_app(settings: Settings, *, clock: Clock = utc_now) -> FastAPI:
    """The service. The index loads in the background; ``/readyz`` says when it is in. Once
    it is, the scheduler runs due jobs (a notice's check at its deadline) every
    ``scheduler_poll`` seconds, by ``clock``, until the app shuts down."""
    service = Unshared(settings, clock=clock)
    state = ApiState(settings, service)

    def load_index() -> None:
        try:
            service.warm()
            service.follow()  # from now on no match request reads the feed
            service.save_index()
            service.start_scheduler()
            state.ready.set()
            log.info("index ready: %d entries", len(service.index))
        except Exception as exc:  # the server stays up, not ready, and says why
            state.load_error = str(exc)
            log.exception("the index could not be loaded")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=load_index, name="index-loader", daemon=True).start()
        yield
        if state.ready.is_set():
            service.save_index()
        state.limits.close()
        service.close()

    app = FastAPI(
        title="Unshared",
        summary="Take down intimate images shared without consent, by their hashes alone.",
        version="0.1.0",
        lifespan=lifespan,
        # The interactive docs would load their scripts from a CDN; the schema is at
        # /openapi.json and docs/api.md describes every operation.
        docs_url=None,
        redoc_url=None,
    )
    app.state.unshared = state
    errors.install(app)
    # BodyLimit inside the metrics middleware: the metrics count its 408s and 413s.
    app.add_middleware(
        BodyLimit,
        json_limit=settings.max_json_bytes,
        upload_limit=settings.max_file_bytes,
        upload_paths=frozenset({platform.IMAGE_PATH}) | hma.UPLOAD_PATHS,
        timeout=settings.body_timeout,
        path_limits={platform.VIDEO_PATH: settings.video_max_bytes},
    )
    app.add_middleware(state.metrics.middleware)
    app.add_middleware(SecurityHeaders)
    routers = (cases, protect, platform, admin, sightings, notices, watch, health, evidence, hma)
    for router in (r.router for r in routers):
        app.include_router(router)
    mount_web(app)
    return app


def server_options() -> dict[str, Any]:
    """The uvicorn options the app needs, for ``unshared serve`` and anything else that runs it.

    Proxy headers off: uvicorn would otherwise take ``X-Forwarded-For`` from any peer on
    127.0.0.1 as the client's address, and the rate limits with it; the app reads the header
    itself, from ``trusted_proxies`` only. No access log: URLs carry case numbers.
    """
    return {"proxy_headers": False, "access_log": False}
