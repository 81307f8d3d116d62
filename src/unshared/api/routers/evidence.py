"""The bank's public key for evidence bundles: anyone may fetch it, to check a bundle offline."""

from __future__ import annotations

from fastapi import APIRouter

from unshared.api import schemas
from unshared.api.deps import State

router = APIRouter(tags=["evidence"])


@router.get("/v1/evidence/key")
def evidence_key(state: State) -> schemas.EvidenceKey:
    """The bank's Ed25519 public key, which evidence bundles are signed with."""
    key = state.app.evidence_key()
    return schemas.EvidenceKey(public_key=key.hex, pem=key.pem, fingerprint=key.fingerprint)
