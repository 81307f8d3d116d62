"""What an operator does about copies out there: sightings (report, list, verify) and the abuse
contacts of the hosts that serve them. A person reports theirs through ``/v1/cases``.

Verifying fetches the URL within the request, in the server's thread pool, for at most
``fetch_timeout`` seconds (plus the hashing of what it served).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from unshared.api import schemas
from unshared.api.deps import AdminKey, State
from unshared.bank.models import Contact, SightingStatus
from unshared.takedown.service import Verification

router = APIRouter(
    prefix="/v1/admin",
    tags=["operators"],
    responses=schemas.error_responses(400, 401, 403, 408, 413, 422),
)


def sighting_out(v: Verification) -> schemas.SightingOut:
    s, f = v.sighting, v.fetch
    return schemas.SightingOut(
        id=s.id,
        case=v.case,
        url=s.url,
        host=s.host,
        reported_by=s.reported_by,
        reported_at=s.reported_at,
        status=s.status,
        entry=s.entry_id,
        distance=s.distance,
        checked_at=s.checked_at,
        category=s.category,
        fetch=None
        if f is None
        else schemas.FetchOut(
            id=f.id,
            at=f.at,
            outcome=f.facts.outcome,
            http_status=f.facts.http_status,
            final_url=f.facts.final_url,
            content_type=f.facts.content_type,
            size=f.facts.size,
            sha256=f.facts.sha256,
            md5=f.facts.md5,
            pdq=f.facts.pdq,
            quality=f.facts.quality,
            image_url=f.facts.image_url,
            entry=f.facts.entry_id,
            distance=f.facts.distance,
            matched=f.facts.matched,
            error=f.facts.error,
        ),
    )


def _contact(c: Contact) -> schemas.ContactOut:
    return schemas.ContactOut(host=c.host, email=c.email, set_by=c.set_by, updated_at=c.updated_at)


@router.get("/sightings", responses=schemas.error_responses(404))
def list_sightings(
    state: State,
    key: AdminKey,
    case: Annotated[str | None, Query(max_length=64, description="A case number")] = None,
    sighting_status: Annotated[SightingStatus | None, Query(alias="status")] = None,
    host: Annotated[str | None, Query(max_length=253)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[schemas.SightingOut]:
    """Sightings, newest first, each with its latest verification."""
    found = state.app.takedown.sightings(case=case, status=sighting_status, host=host, limit=limit)
    return [sighting_out(v) for v in found]


@router.post(
    "/sightings", status_code=status.HTTP_201_CREATED, responses=schemas.error_responses(404, 409)
)
def add_sighting(
    body: schemas.NewOperatorSighting, state: State, key: AdminKey
) -> schemas.SightingOut:
    """Report where a copy of a case's image is, and verify it now (within this request)."""
    return sighting_out(
        state.app.takedown.report_by_operator(body.case, body.url, actor=f"key:{key.id}")
    )


@router.get("/sightings/{sighting_id}", responses=schemas.error_responses(404))
def get_sighting(sighting_id: int, state: State, key: AdminKey) -> schemas.SightingOut:
    """One sighting with its latest verification."""
    return sighting_out(state.app.takedown.get(sighting_id))


@router.post("/sightings/{sighting_id}/verify", responses=schemas.error_responses(404))
def verify_sighting(sighting_id: int, state: State, key: AdminKey) -> schemas.SightingOut:
    """Fetch the sighting's URL again and record what it serves now (within this request)."""
    return sighting_out(state.app.takedown.verify(sighting_id, actor=f"key:{key.id}"))


@router.put("/contacts/{host}")
def set_contact(
    host: str, body: schemas.ContactIn, state: State, key: AdminKey
) -> schemas.ContactOut:
    """Where notices about ``host`` go: its abuse address."""
    return _contact(state.app.takedown.set_contact(host, body.email, actor=f"key:{key.id}"))


@router.get("/contacts/{host}", responses=schemas.error_responses(404))
def get_contact(host: str, state: State, key: AdminKey) -> schemas.ContactOut:
    """The abuse address set for ``host``."""
    return _contact(state.app.takedown.contact(host))
