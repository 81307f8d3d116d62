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
from unshared.errors import InvalidInput
from unshared.service import Unshared
from unshared.takedown.schedule import Clock, utc_now
from unshared.web.serve import mount_web

log = logging.getLogger("unshared.api")

#: What each process of ``unshared serve --workers N`` runs: ``app_from_environment``.
WORKER_FACTORY = "unshared.api.app:app_from_environment"


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


def check_workers(settings: Settings, workers: int) -> None:
    """Refuse several server processes whose rate limits would each count alone: with
    ``memory://`` every process would give a guesser its own budget of wrong PINs."""
    if workers > 1 and settings.resolved_rate_limit_url.startswith("memory:"):
        raise InvalidInput(
            f"{workers} server processes need rate limits they share: set rate_limit_url to "
            "redis://... or postgresql://..., or use a PostgreSQL store (docs/scale.md)",
            workers=workers,
        )


def app_from_environment() -> FastAPI:
    """The app of one of ``unshared serve --workers N``'s processes, from the ``UNSHARED_*``
    settings its parent put in the environment (``Settings.environment``)."""
    import faiss

    faiss.omp_set_num_threads(1)  # as ``unshared serve`` does: see cli/serve.py
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = Settings.load()
    check_workers(settings, 2)
    return create_app(settings)
