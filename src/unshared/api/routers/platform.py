"""What a platform does: match uploads, keep a synced copy, report back."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, status
from starlette.concurrency import run_in_threadpool

from unshared.api import schemas
from unshared.api.deps import Caller, PlatformCaller, PlatformKey, Ready, State
from unshared.errors import InvalidInput
from unshared.match import Query as MatchQuery
from unshared.match import Verdict
from unshared.service import Unshared
from unshared.signals import Md5, Pdq, Sha256
from unshared.video import Vpdq

router = APIRouter(
    prefix="/v1",
    tags=["platforms"],
    responses=schemas.error_responses(400, 401, 408, 413, 422),
)

IMAGE_PATH = "/v1/match/image"
#: Video uploads, bounded by ``video_max_bytes`` rather than ``max_file_bytes``.
VIDEO_PATH = "/v1/match/video"


def _verdict(state: Ready, verdict: Verdict, kind: str) -> dict[str, Any]:
    state.metrics.queries.labels(kind).inc()
    if verdict.matched:
        state.metrics.matches.inc()
    return verdict.to_dict()


@router.post(
    "/match",
    response_model=schemas.VerdictOut,
    # Leaves out ``hashes`` (image uploads only) but keeps each match's ``category: null``.
    response_model_exclude_unset=True,
    responses=schemas.error_responses(503),
)
async def match(body: schemas.MatchQuery, state: Ready, caller: PlatformCaller) -> dict[str, Any]:
    """Match the hashes of one upload (PDQ may carry all 8 rotations and flips, and those of
    the upload with its margins trimmed)."""
    query = MatchQuery(
        pdq=tuple(Pdq.from_hex(h) for h in body.pdq),
        trimmed=tuple(Pdq.from_hex(h) for h in body.trimmed),
        quality=body.quality,
        md5=Md5.from_hex(body.md5) if body.md5 else None,
        sha256=Sha256.from_hex(body.sha256) if body.sha256 else None,
        others=(Vpdq.from_hex(body.vpdq),) if body.vpdq else (),
    )
    # One hop to the thread pool for the key check and the match together, not one each
    # (docs/api.md, "Speed over HTTP"). A coroutine sending the work there itself takes one
    # hop where a plain function takes two (FastAPI checks a plain function's answer in the
    # pool too). In a thread, a match reading the store does not hold up the event loop, and
    # on several cores the index query (compiled, without the GIL) runs beside the rest:
    # answering on the event loop the queries that find nothing cost more, measured.
    verdict = await run_in_threadpool(partial(_match, state.app, caller, query))
    return _verdict(state, verdict, "hashes")


def _match(app: Unshared, caller: Caller, query: MatchQuery) -> Verdict:
    return app.match(query, key_id=caller.check().id)


@router.post(
    "/match/image",
    response_model=schemas.VerdictOut,
    responses=schemas.error_responses(503),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def match_image(request: Request, state: Ready, key: PlatformKey) -> dict[str, Any]:
    """Send an image's bytes as the body: hashed in memory, matched, and dropped.

    The bytes are never written anywhere or logged; only the verdict and the image's own
    hashes come back.
    """
    data = await request.body()
    if not data:
        raise InvalidInput("send the image's bytes as the request body")
    signals, verdict = await run_in_threadpool(
        partial(state.app.match_image_signals, data, key_id=key.id)
    )
    del data
    out = _verdict(state, verdict, "image")
    out["hashes"] = signals.to_dict()
    return out


@router.post(
    "/match/video",
    response_model=schemas.VerdictOut,
    responses=schemas.error_responses(415, 503),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def match_video(request: Request, state: Ready, key: PlatformKey) -> dict[str, Any]:
    """Send a video's bytes as the body: hashed in memory (vPDQ, MD5, SHA-256) by a worker
    bounded in time, matched, and dropped. Up to ``video_max_bytes`` (else 413) and
    ``video_max_seconds`` long as its container says (else 413 ``video_too_long``); one that
    takes over ``video_timeout`` to hash gets 422 ``video_too_complex``."""
    data = await request.body()
    if not data:
        raise InvalidInput("send the video's bytes as the request body")
    signals, verdict = await run_in_threadpool(partial(state.app.videos.match, data, key_id=key.id))
    del data
    out = _verdict(state, verdict, "video")
    out["hashes"] = signals.to_dict()
    return out


@router.get("/feed")
def feed(
    state: State,
    key: PlatformKey,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> schemas.Feed:
    """The changes after ``after``, oldest first: apply ``add`` as an insert, the rest as a
    status change. Keep ``next`` and ask again."""
    page = state.app.feed(after, limit)
    banks = page.banks
    return schemas.Feed(
        store=page.store,
        changes=[
            schemas.ChangeOut(
                seq=c.seq,
                op=c.op,
                entry=c.entry_id,
                bank=c.bank,
                signal=c.signal_type,
                value=c.value,
                status=c.status,
                at=c.at,
                category=c.category,
                bank_kind=banks[c.bank].kind,
                bank_thresholds=banks[c.bank].thresholds,
            )
            for c in page.changes
        ],
        banks={name: schemas.BankInfo.of(banks[name]) for name in {c.bank for c in page.changes}},
        next=page.next,
        latest=page.latest,
    )


@router.post(
    "/reports", status_code=status.HTTP_201_CREATED, responses=schemas.error_responses(404)
)
def report(body: schemas.NewReport, state: State, key: PlatformKey) -> schemas.ReportOut:
    """Say what happened to a match: removed, blocked, queued, not_ncii, duplicate, not_found.

    With ``url``, where the copy was: it becomes a sighting on the entry's case (the platform is
    never told which case), verified within this call (at most ``fetch_timeout`` seconds)."""
    takedown = state.app.takedown
    if body.url is not None:
        takedown.check(body.url)  # a refused URL refuses the call before anything is kept
    r = state.platforms.report(body.entry, body.outcome, body.note, key)
    sighting = None
    if body.url is not None:
        seen = takedown.report_by_platform(state.app.get_entry(r.entry_id), body.url, key)
        sighting = seen.sighting.id if seen else None
    return schemas.ReportOut(
        id=r.id, entry=r.entry_id, outcome=r.outcome, note=r.note, at=r.at, sighting=sighting
    )
