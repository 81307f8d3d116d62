"""A person protects ordinary photos of themselves: their hashes and local features, made on
the person's device, never the photos (``unshared.actions.protect``).

The case is followed and withdrawn like any other (``/v1/cases/{number}/status``,
``/withdraw``); only making it and adding to it carry features.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response, status

from unshared.api import schemas
from unshared.api.deps import Client, State
from unshared.api.routers.cases import _created, _open, _view

router = APIRouter(
    prefix="/v1/cases",
    tags=["cases (a person)"],
    responses=schemas.error_responses(400, 408, 413, 422, 429, 503),
)


@router.post(
    "/protect", status_code=status.HTTP_201_CREATED, responses=schemas.error_responses(409)
)
def protect_photos(
    body: schemas.NewProtectCase,
    state: State,
    client: Client,
    response: Response,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="As for POST /v1/cases: the same request sent again with it gets the"
            " same case and PIN, for 24 hours.",
        ),
    ] = None,
) -> schemas.CaseCreated:
    """Make a protect case from the hashes and local features of a person's ordinary photos,
    in the protect bank (``protect_bank``). A platform sending an edited copy of one of them to
    ``/v1/match/image`` then finds it. The PIN is shown this once."""
    state.case_creations.hit(client)
    least = state.settings.pdq_min_quality
    made = state.protect.create(
        [image.photo(least) for image in body.images], idempotency_key=idempotency_key
    )
    return _created(made, response)


@router.post("/{number}/protect", responses=schemas.error_responses(401, 409))
def protect_more(
    number: str, body: schemas.AddProtected, state: State, client: Client
) -> schemas.CaseStatus:
    """Protect more photos in a protect case (409 for a withdrawn case, or another kind)."""
    case = _open(state, client, number, body.pin)
    least = state.settings.pdq_min_quality
    state.protect.add(case, [image.photo(least) for image in body.images])
    return _view(state.cases.view(case))
