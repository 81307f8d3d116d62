"""Liveness, readiness and metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response

from unshared.api import schemas
from unshared.api.deps import Credentials, State
from unshared.api.errors import error_response
from unshared.hashing.video import SECONDS_PER_HASH
from unshared.video import MAX_FRAMES, Vpdq

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz", responses=schemas.error_responses(503))
def readyz(state: State) -> Response:
    """Ready once the index is loaded, and while it follows the bank's feed; 503 otherwise."""
    if not state.ready.is_set():
        if state.load_error:
            return error_response(503, "unavailable", "the index could not be loaded")
        return error_response(503, "unavailable", "the index is loading")
    staleness = state.app.feed_staleness()
    if staleness is not None and staleness > state.settings.feed_stale_after:
        return error_response(
            503, "unavailable", f"the index has not read the bank's feed for {staleness:.0f} s"
        )
    return Response('{"status":"ready"}', media_type="application/json")


@router.get(
    "/metrics",
    response_class=Response,
    tags=["operators"],
    responses=schemas.error_responses(401, 403),
)
def metrics(state: State, credentials: Credentials) -> Response:
    """Prometheus metrics; an operator's key unless the service is set to show them to anyone."""
    if not state.settings.public_metrics:
        state.platforms.authenticate(credentials.credentials if credentials else None, admin=True)
    if state.ready.is_set():
        state.metrics.index_size.set(len(state.app.index))
    return state.metrics.render()


@router.get("/v1/cases/limits")
def limits(state: State) -> schemas.PersonLimits:
    """The service's limits for a person's photos and videos, so the page decides as the service
    does."""
    from unshared.features import MAX_KEYPOINTS, MIN_KEYPOINTS  # OpenCV: here, not at start-up

    return schemas.PersonLimits(
        pdq_min_quality=state.settings.pdq_min_quality,
        max_file_bytes=state.settings.max_file_bytes,
        max_images_per_call=schemas.MAX_IMAGES_PER_CALL,
        max_protected_per_call=schemas.MAX_PROTECTED_PER_CALL,
        max_videos_per_call=schemas.MAX_VIDEOS_PER_CALL,
        video_max_bytes=state.settings.video_max_bytes,
        video_max_seconds=state.settings.video_max_seconds,
        video_max_frames=MAX_FRAMES,
        video_seconds_per_hash=SECONDS_PER_HASH,
        video_min_frame_quality=Vpdq.MIN_FRAME_QUALITY,
        protect_min_keypoints=MIN_KEYPOINTS,
        protect_max_keypoints=MAX_KEYPOINTS,
    )
