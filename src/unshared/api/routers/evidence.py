"""Evidence: the bank's public key, which anyone may fetch to check a bundle offline; and a
case's bundle, for an operator to hand to police or prosecutors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from unshared.api import schemas
from unshared.api.deps import AdminKey, State

router = APIRouter()

#: A bundle's media type: JSON lines (one JSON object a line).
BUNDLE_TYPE = "application/jsonl"


@router.get("/v1/evidence/key", tags=["evidence"])
def evidence_key(state: State) -> schemas.EvidenceKey:
    """The bank's Ed25519 public key, which evidence bundles are signed with."""
    key = state.app.evidence.public_key()
    return schemas.EvidenceKey(public_key=key.hex, pem=key.pem, fingerprint=key.fingerprint)


@router.get(
    "/v1/admin/cases/{number}/evidence",
    tags=["operators"],
    response_class=Response,
    responses={
        200: {"content": {BUNDLE_TYPE: {}}, "description": "The bundle, as a download"},
        **schemas.error_responses(400, 401, 403, 404, 422),
    },
)
def case_evidence(
    number: Annotated[str, Path(max_length=64, description="The case number")],
    state: State,
    key: AdminKey,
) -> Response:
    """The case's evidence bundle, sealed now with the bank's key: every sighting, fetch,
    notice, response and removal, and its registered hashes; never an image. Check it offline
    with ``unshared evidence verify FILE --key KEY``."""
    data, exported = state.app.evidence.bundle(number)
    return Response(
        data,
        media_type=BUNDLE_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="evidence-{exported.case}.jsonl"',
            "X-Evidence-Head": exported.head,
        },
    )
