"""What an operator does: banks, keys, entries, the audit history and the review list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from unshared.actions.platforms import REVIEW_REPORTS
from unshared.api import schemas
from unshared.api.deps import AdminKey, State
from unshared.bank import Entry
from unshared.bank.models import ApiKey, Bank, ReviewItem

router = APIRouter(
    prefix="/v1",
    tags=["operators"],
    responses=schemas.error_responses(400, 401, 403, 408, 413, 422),
)


def _entry(e: Entry) -> schemas.EntryOut:
    return schemas.EntryOut(
        id=e.id,
        bank=e.bank,
        bank_id=e.bank_id,
        case=e.case_id,
        signal=e.signal_type,
        value=e.value,
        status=e.status,
        source=e.source,
        added_at=e.added_at,
        category=e.category,
        metadata=e.metadata,
    )


def _bank(b: Bank, active_entries: int) -> schemas.BankOut:
    return schemas.BankOut(**schemas.BankInfo.of(b).model_dump(), active_entries=active_entries)


def _key(k: ApiKey) -> schemas.KeyOut:
    return schemas.KeyOut(
        id=k.id, name=k.name, role=k.role, created_at=k.created_at, revoked_at=k.revoked_at
    )


@router.get("/banks")
def list_banks(state: State, key: AdminKey) -> list[schemas.BankOut]:
    """Every bank, with its count of active entries."""
    return [_bank(b, n) for b, n in state.app.list_banks()]


@router.post("/banks", status_code=status.HTTP_201_CREATED, responses=schemas.error_responses(409))
def create_bank(body: schemas.NewBank, state: State, key: AdminKey) -> schemas.BankOut:
    """A new bank: ncii, allow (known-innocent: overrules matches) or protect."""
    bank = state.app.create_bank(body.name, body.kind, body.thresholds, actor=f"key:{key.id}")
    return _bank(bank, 0)


@router.get("/keys")
def list_keys(state: State, key: AdminKey) -> list[schemas.KeyOut]:
    """Every API key, revoked ones too (never the keys themselves)."""
    return [_key(k) for k in state.app.list_keys()]


@router.post("/keys", status_code=status.HTTP_201_CREATED)
def create_key(body: schemas.NewKey, state: State, key: AdminKey) -> schemas.KeyCreated:
    """A new API key; the key itself is in this answer only."""
    made, secret = state.platforms.create_key(body.name, body.role, actor=f"key:{key.id}")
    return schemas.KeyCreated(**_key(made).model_dump(), key=secret)


@router.delete("/keys/{key_id}", responses=schemas.error_responses(404))
def revoke_key(key_id: int, state: State, key: AdminKey) -> schemas.KeyOut:
    """Revoke a key: it stops working at once."""
    return _key(state.app.revoke_key(key_id, actor=f"key:{key.id}"))


@router.get("/entries/{entry_id}", responses=schemas.error_responses(404))
def get_entry(entry_id: int, state: State, key: AdminKey) -> schemas.EntryOut:
    """One entry, any status."""
    return _entry(state.app.get_entry(entry_id))


@router.post("/entries/{entry_id}/status", responses=schemas.error_responses(404, 409))
def set_entry_status(
    entry_id: int, body: schemas.EntryStatusChange, state: State, key: AdminKey
) -> schemas.EntryOut:
    """Disable, quarantine or re-enable an entry; it takes effect for the next match."""
    entry = state.app.set_entry_status(
        entry_id, body.status, actor=f"key:{key.id}", reason=body.reason
    )
    return _entry(entry)


@router.get("/review")
def review(
    state: State,
    key: AdminKey,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    reports: Annotated[int, Query(ge=0, le=100)] = REVIEW_REPORTS,
) -> list[schemas.ReviewItem]:
    """Entries for an operator to look at: past the flood line, reported as not NCII, or
    quarantined, each with its newest ``reports`` platform reports and their notes. Being
    listed changes nothing: an entry stops matching only when an operator disables or
    quarantines it."""
    return [
        schemas.ReviewItem(
            entry=_entry(item.entry),
            matches=item.matches,
            platforms=item.platforms,
            not_ncii_reports=item.not_ncii_reports,
            not_ncii_platforms=item.not_ncii_platforms,
            flooded=item.flooded,
            reasons=_reasons(item, state.settings.flood_matches),
            reports=[
                schemas.ReviewReport(
                    id=r.id, entry=r.entry_id, key=r.key_id, outcome=r.outcome, note=r.note, at=r.at
                )
                for r in item.reports
            ],
        )
        for item in state.platforms.review(limit, reports=reports)
    ]


def _reasons(item: ReviewItem, flood: int) -> list[str]:
    reasons = []
    if item.not_ncii_reports:
        reasons.append(
            f"reported as not NCII {item.not_ncii_reports} times"
            f" by {item.not_ncii_platforms} platforms"
        )
    if item.flooded:
        reasons.append(
            f"matched {item.matches} uploads (over {flood}) on {item.platforms} platforms"
        )
    if item.entry.status == "quarantined":
        reasons.append("quarantined by an operator")
    return reasons


@router.get("/audit")
def audit(
    state: State,
    key: AdminKey,
    subject_type: Annotated[
        str | None, Query(pattern="^(bank|case|entry|key|sighting|notice|contact|watch)$")
    ] = None,
    subject_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    before: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[schemas.HistoryOut]:
    """The append-only history, newest first."""
    events = state.app.history(subject_type, subject_id, before=before, limit=limit)
    return [
        schemas.HistoryOut(
            id=e.id,
            at=e.at,
            actor=e.actor,
            action=e.action,
            subject_type=e.subject_type,
            subject_id=e.subject_id,
            detail=e.detail,
        )
        for e in events
    ]
