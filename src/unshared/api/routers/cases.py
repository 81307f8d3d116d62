"""A person's case: no account, only hashes, a case number and a PIN.

PIN-bearing calls are POSTs, so the PIN is never in a URL (and so never in an access log).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Header, Response, status

from unshared.actions.cases import CaseView, Created
from unshared.api import schemas
from unshared.api.deps import Client, State
from unshared.api.routers.sightings import sighting_out
from unshared.bank import Case
from unshared.errors import Unauthorized
from unshared.signals import Signal

router = APIRouter(
    prefix="/v1/cases",
    tags=["cases (a person)"],
    responses=schemas.error_responses(400, 408, 413, 422, 429, 503),
)


def _view(view: CaseView) -> schemas.CaseStatus:
    case = view.case
    return schemas.CaseStatus(
        case=case.number,
        status=case.status,
        created_at=case.created_at,
        withdrawn_at=case.withdrawn_at,
        minor=case.minor,
        hashes=[
            schemas.CaseHash(entry=e.id, signal=e.signal_type, status=e.status, added_at=e.added_at)
            for e in view.entries
        ],
        reports=[
            schemas.CaseReport(at=r.at, outcome=r.outcome, entry=r.entry_id) for r in view.reports
        ],
        kind=view.kind,
    )


def _open(state: State, client: str, number: str, pin: str) -> Case:
    # Spend one failure before checking, and give it back if the PIN was right: concurrent
    # guesses from one address cannot all slip under the budget before any is counted.
    # An address out of failures is refused even the right PIN, or guessing could go on.
    state.pin_failures.hit(client)
    try:
        case = state.cases.open(number, pin)
    except Unauthorized:
        raise  # a wrong PIN keeps its cost
    except Exception:
        state.pin_failures.refund(client)
        raise
    state.pin_failures.refund(client)
    return case


@router.post("", status_code=status.HTTP_201_CREATED, responses=schemas.error_responses(409))
def create_case(
    body: schemas.NewCase,
    state: State,
    client: Client,
    response: Response,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="A random key of 16 to 128 characters of A-Z a-z 0-9 - _, drawn by the"
            " client for this one case. The same request sent again with it (after a lost"
            " answer) gets the same case and PIN, for 24 hours.",
        ),
    ] = None,
) -> schemas.CaseCreated:
    """Make a case from the hashes of a person's photos and videos (a video: its vPDQ, MD5
    and SHA-256, docs/video.md). The PIN is shown this once (and again
    to a retry with the same Idempotency-Key). ``minor``: the person is under 18, or was when
    the photos were taken; platforms then get the ``minor`` category with each hash."""
    state.case_creations.hit(client)
    made = state.cases.create(
        _media(body, state.settings.pdq_min_quality),
        idempotency_key=idempotency_key,
        minor=body.minor,
    )
    return _created(made, response)


@router.post("/{number}/status", responses=schemas.error_responses(401))
def case_status(number: str, body: schemas.Pin, state: State, client: Client) -> schemas.CaseStatus:
    """The case, its hashes and what platforms reported about them."""
    case = _open(state, client, number, body.pin)
    return _view(state.cases.view(case))


@router.post("/{number}/hashes", responses=schemas.error_responses(401, 409))
def add_hashes(
    number: str, body: schemas.AddToCase, state: State, client: Client
) -> schemas.CaseStatus:
    """Add the hashes of more photos and videos to the case."""
    case = _open(state, client, number, body.pin)
    state.cases.add(case, _media(body, state.settings.pdq_min_quality))
    return _view(state.cases.view(case))


@router.post("/{number}/withdraw", responses=schemas.error_responses(401))
def withdraw(number: str, body: schemas.Pin, state: State, client: Client) -> schemas.CaseStatus:
    """Withdraw the case: its hashes stop matching at once, everywhere that syncs."""
    case = _open(state, client, number, body.pin)
    return _view(state.cases.view(state.cases.withdraw(case)))


@router.post(
    "/{number}/sightings",
    status_code=status.HTTP_201_CREATED,
    responses=schemas.error_responses(401, 409),
)
def report_link(
    number: str, body: schemas.NewSighting, state: State, client: Client
) -> schemas.SightingOut:
    """Report a link where a copy of one of the case's photos is. The service fetches it now
    (within this request, at most ``fetch_timeout`` seconds), hashes what it serves in memory,
    compares it with this case's hashes only, and answers with what it found. A URL that points
    into a private network is refused (400, ``fetch_refused``)."""
    case = _open(state, client, number, body.pin)
    state.link_reports.hit(client)
    return sighting_out(
        state.app.takedown.report(case, body.url, reported_by="person", actor="person")
    )


@router.get("/{number}/sightings", responses=schemas.error_responses(401))
def list_links(
    number: str,
    state: State,
    client: Client,
    pin: Annotated[
        str,
        Header(
            alias="X-Case-PIN",
            min_length=1,
            max_length=64,
            description="The case's PIN, in a header so it is never in a URL or an access log",
        ),
    ],
) -> list[schemas.SightingOut]:
    """The links reported for the case, newest first, each with its latest verification."""
    case = _open(state, client, number, pin)
    return [sighting_out(v) for v in state.app.takedown.sightings(case=case, limit=1000)]


def _created(made: Created, response: Response) -> schemas.CaseCreated:
    """A case just made (or made before and replayed for the same request) as the API answers."""
    if made.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return schemas.CaseCreated(
        case=made.case.number,
        pin=made.pin,
        status=made.case.status,
        hashes=len(made.entries),
        minor=made.case.minor,
    )


def _media(body: schemas.NewCase | schemas.AddToCase, least: int) -> list[Sequence[Signal]]:
    """Each photo's signals (PDQ under ``least`` refused), then each video's."""
    photos: list[Sequence[Signal]] = [image.signals(least) for image in body.images]
    return photos + [video.signals() for video in body.videos]
