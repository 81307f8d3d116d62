"""HMA's matching API, for platforms whose code already talks to Hasher-Matcher-Actioner.

Routes, parameters and answers are HMA's (its docs' "API" page, and OpenMediaMatch's
``blueprints/matching.py`` and ``hashing.py``), behind a platform's key, which HMA does not have:

- ``GET /m/lookup?signal_type=pdq&signal=<hex>``: ``{bank: [{"bank_content_id", "distance"}]}``;
- ``GET /m/lookup?url=<image>``, and ``POST /m/lookup`` with the image as a multipart file field
  named ``photo``: the same, one level down, per signal type hashed (``{"pdq": {bank: [...]}}``);
- ``GET /m/raw_lookup?signal_type=&signal=``: ``{"matches": [ids]}``, or with
  ``include_distance=true`` ``{"matches": [{"bank_content_id", "distance"}]}``;
- ``POST /h/hash`` (a ``photo`` file) and ``GET /h/hash?url=``: ``{"pdq": hex, "md5": hex,
  "sha256": hex}``;
- ``GET /status``: ``I-AM-ALIVE`` once the index is loaded, 503 before (no key needed).

Every lookup is a match through the service, the path ``/v1/match`` takes
(``Unshared.match_signal``, ``match_image_signals``): counted for the key, active entries only,
each bank's thresholds, rotations and trimmed margins for images. Where HMA lists every bank with
a hit and leaves the rest to its client, here the verdict is Unshared's: hits in ``allow`` banks
overrule the others, and an overruled lookup lists no bank. ``bank_content_id`` is the matched
entry's id, to report on with ``POST /v1/reports``; ``distance`` is text, as HMA gives it (for a
``protect`` bank's local-features hit, under ``features``, it is the count of agreeing
keypoints). Signal types are Unshared's (``pdq``, ``md5``, ``sha256``); HMA's ``video_md5`` and
``video_sha256`` are taken as the file hashes they are. HMA's ``seed`` and ``bypass_coinflip``
(its banks matching for a share of lookups) are accepted and change nothing: every bank always
matches. Errors come in Unshared's one shape. A URL is fetched as reported links are
(``Unshared.fetch_image``); no image is kept.
"""

from __future__ import annotations

from enum import Enum
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from unshared.api import forms, schemas
from unshared.api.deps import PlatformCaller, PlatformKey, Ready, State
from unshared.api.errors import error_response
from unshared.errors import InvalidInput
from unshared.match import Verdict
from unshared.signals import SIGNAL_TYPES, Signal, SignalSet

router = APIRouter(responses=schemas.error_responses(400, 401, 422))

#: Platforms call these (the first tag says who, in docs/api.md); ``hma`` groups them.
TAGS: list[str | Enum] = ["platforms", "hma"]

#: Paths whose bodies are images, for ``BodyLimit``.
UPLOAD_PATHS = frozenset({"/m/lookup", "/h/hash"})
#: HMA's names for file hashes, and the signal types they are here.
ALIASES = {"video_md5": "md5", "video_sha256": "sha256"}

Banks = Annotated[
    str | None, Query(max_length=1024, description="Only these banks, comma-separated")
]
SignalType = Annotated[str | None, Query(max_length=64, description="pdq, md5 or sha256")]
SignalValue = Annotated[str | None, Query(max_length=256, description="The hash, in hex")]
Url = Annotated[str | None, Query(max_length=2048, description="An image to fetch and match")]
ContentType = Annotated[str | None, Query(max_length=64, description="photo (the only one)")]
Types = Annotated[str | None, Query(max_length=256, description="Signal types to answer with")]
Ignored = Annotated[str | None, Query(max_length=256, description="HMA's; no effect here")]
_UPLOAD = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"photo": {"type": "string", "format": "binary"}},
                    "required": ["photo"],
                }
            }
        },
    }
}


def _signal(signal_type: str, value: str) -> Signal:
    return SIGNAL_TYPES.parse(ALIASES.get(signal_type, signal_type), value)


def _content_type(name: str | None) -> None:
    if name not in (None, "photo"):
        raise InvalidInput(
            f"content type {name[:64]!r} is not matched here: photo only", content_type=name[:64]
        )


def _wanted(banks: str | None) -> set[str] | None:
    return {b.strip() for b in banks.split(",") if b.strip()} if banks else None


def _by_type(state: Ready, verdict: Verdict, banks: str | None) -> dict[str, Any]:
    """The verdict's standing matches by signal type, then bank, in HMA's shape."""
    state.metrics.queries.labels("hma").inc()
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    if not verdict.matched:
        return out
    state.metrics.matches.inc()
    wanted = _wanted(banks)
    for m in verdict.matches:
        if wanted is None or m.bank in wanted:
            found = {"bank_content_id": m.entry, "distance": str(m.distance)}
            out.setdefault(m.signal, {}).setdefault(m.bank, []).append(found)
    return out


def _per_type(
    state: Ready,
    signals: SignalSet,
    verdict: Verdict,
    banks: str | None,
    types: str | None,
    signal_type: str | None,
) -> dict[str, Any]:
    """An image's lookup: every signal type hashed, each with its banks (none for no match);
    only ``types`` when given; one type's banks alone when ``signal_type`` is given."""
    found = _by_type(state, verdict, banks)
    out = {s.name: found.pop(s.name, {}) for s in signals.signals()} | found
    if types:
        names = {ALIASES.get(t.strip(), t.strip()) for t in types.split(",")}
        out = {name: hits for name, hits in out.items() if name in names}
    if signal_type is not None:
        return dict(out.get(ALIASES.get(signal_type, signal_type), {}))
    return out


def _signals_out(signals: SignalSet) -> dict[str, str]:
    return {s.name: s.hex for s in signals.signals()}


async def _upload(request: Request) -> bytes:
    upload = forms.one_file(await request.body(), request.headers.get("content-type", ""))
    _content_type(upload.name)
    if not upload.data:
        raise InvalidInput("the uploaded file is empty")
    return upload.data


@router.get("/m/lookup", tags=TAGS, responses=schemas.error_responses(413, 503))
def lookup(
    state: Ready,
    caller: PlatformCaller,
    signal_type: SignalType = None,
    signal: SignalValue = None,
    url: Url = None,
    content_type: ContentType = None,
    types: Types = None,
    banks: Banks = None,
    seed: Ignored = None,
    bypass_coinflip: bool = False,
) -> dict[str, Any]:
    """Look a hash up (``signal_type`` and ``signal``): ``{bank: [{bank_content_id,
    distance}]}``. Or fetch an image (``url``) and look up its hashes:
    ``{signal_type: {bank: [...]}}``."""
    key = caller.check()  # here, in the thread this runs in: one hop for both
    if url:
        _content_type(content_type)
        data = state.app.fetch_image(url)
        signals, verdict = state.app.match_image_signals(data, key_id=key.id)
        del data
        return _per_type(state, signals, verdict, banks, types, signal_type)
    if not signal or not signal_type:
        raise InvalidInput("give either url, or both signal_type and signal")
    verdict = state.app.match_signal(_signal(signal_type, signal), key_id=key.id)
    out: dict[str, Any] = {}
    for hits in _by_type(state, verdict, banks).values():
        out |= hits
    return out


@router.post(
    "/m/lookup", tags=TAGS, responses=schemas.error_responses(413, 503), openapi_extra=_UPLOAD
)
async def lookup_upload(
    request: Request,
    state: Ready,
    key: PlatformKey,
    banks: Banks = None,
    seed: Ignored = None,
    bypass_coinflip: bool = False,
) -> dict[str, Any]:
    """Send an image as a multipart file field named ``photo``; hashed in memory, matched,
    dropped: ``{signal_type: {bank: [{bank_content_id, distance}]}}``."""
    data = await _upload(request)
    signals, verdict = await run_in_threadpool(
        partial(state.app.match_image_signals, data, key_id=key.id)
    )
    del data
    return _per_type(state, signals, verdict, banks, None, None)


@router.get("/m/raw_lookup", tags=TAGS, responses=schemas.error_responses(503))
def raw_lookup(
    state: Ready,
    caller: PlatformCaller,
    signal_type: Annotated[str, Query(max_length=64)],
    signal: Annotated[str, Query(max_length=256)],
    banks: Banks = None,
    include_distance: bool = False,
) -> schemas.HmaRawLookup:
    """Look a hash up: the matched entries' ids, with ``include_distance`` each with its
    distance."""
    key = caller.check()  # here, in the thread this runs in: one hop for both
    verdict = state.app.match_signal(_signal(signal_type, signal), key_id=key.id)
    found = [
        schemas.HmaMatch(**hit)
        for by_bank in _by_type(state, verdict, banks).values()
        for hits in by_bank.values()
        for hit in hits
    ]
    if include_distance:
        return schemas.HmaRawLookup(matches=list(found))
    return schemas.HmaRawLookup(matches=[h.bank_content_id for h in found])


@router.post(
    "/h/hash", tags=TAGS, responses=schemas.error_responses(413, 503), openapi_extra=_UPLOAD
)
async def hash_upload(request: Request, state: State, key: PlatformKey) -> dict[str, str]:
    """An image's hashes (a multipart file field named ``photo``), made in memory:
    ``{"pdq": hex, "md5": hex, "sha256": hex}``."""
    data = await _upload(request)
    signals, _ = await run_in_threadpool(state.app.hash_for_matching, data)
    del data
    return _signals_out(signals)


@router.get("/h/hash", tags=TAGS, responses=schemas.error_responses(413, 503))
def hash_url(
    state: State,
    key: PlatformKey,
    url: Annotated[str, Query(max_length=2048)],
    content_type: ContentType = None,
    types: Types = None,
) -> dict[str, str]:
    """Fetch an image and give its hashes: ``{"pdq": hex, "md5": hex, "sha256": hex}``."""
    _content_type(content_type)
    signals, _ = state.app.hash_for_matching(state.app.fetch_image(url))
    out = _signals_out(signals)
    if types:
        names = {ALIASES.get(t.strip(), t.strip()) for t in types.split(",")}
        out = {name: value for name, value in out.items() if name in names}
    return out


@router.get(
    "/status",
    tags=["health", "hma"],
    response_class=Response,
    responses=schemas.error_responses(503),
)
def status(state: State) -> Response:
    """HMA's health check: ``I-AM-ALIVE`` once the index is loaded, 503 (in the error shape)
    before; ``/readyz`` says more."""
    if not state.ready.is_set():
        return error_response(503, "unavailable", "INDEX-NOT-LOADED: the index is loading")
    return Response("I-AM-ALIVE", media_type="text/plain")
