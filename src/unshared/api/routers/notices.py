"""Notices to hosts: an operator's (admin key, under ``/v1/admin/notices``) and a person's own
(case number and PIN, under ``/v1/cases/{number}/notices``; the PIN in the ``X-Case-PIN`` header
for a GET, in the JSON body for a POST, as for sightings).

A notice's answer never holds the person's own details: they give them to authorise the operator
to send one notice (kept with it alone), or to write them into one download (kept nowhere).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response, status

from unshared.api import schemas
from unshared.api.deps import AdminKey, Client, State
from unshared.api.routers.cases import _open
from unshared.bank.models import Notice, NoticeState, NotifierDetails
from unshared.takedown.render import RenderedNotice

operators = APIRouter(
    prefix="/v1/admin/notices",
    tags=["operators"],
    responses=schemas.error_responses(400, 401, 403, 404, 408, 409, 413, 422),
)
people = APIRouter(
    prefix="/v1/cases/{number}/notices",
    tags=["cases (a person)"],
    responses=schemas.error_responses(400, 401, 404, 408, 409, 413, 422, 429, 503),
)

#: Each format's media type and file extension.
_FORMATS = {
    "text": ("text/plain; charset=utf-8", "txt"),
    "html": ("text/html; charset=utf-8", "html"),
    "pdf": ("application/pdf", "pdf"),
}
_FILE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The notice as a file (an attachment)",
        "content": {media: {} for media, _ in _FORMATS.values()},
    }
}


def notice_out(n: Notice) -> schemas.NoticeOut:
    return schemas.NoticeOut(
        id=n.id,
        sighting_id=n.sighting_id,
        case=n.case,
        url=n.url,
        host=n.host,
        regime=n.regime,  # type: ignore[arg-type]  # the store keeps only the known regimes
        state=n.state,
        delivery=n.delivery,
        recipient=n.recipient,
        minor=n.minor,
        created_at=n.created_at,
        sent_at=n.sent_at,
        deadline=n.deadline,
        closed_at=n.closed_at,
        follow_up_of=n.follow_up_of,
        authorised=n.authorised,
        message_id=n.message_id,
    )


def _file(rendered: RenderedNotice, fmt: schemas.NoticeFormat) -> Response:
    media, ext = _FORMATS[fmt]
    body = {
        "text": rendered.text.encode(),
        "html": rendered.html.encode(),
        "pdf": rendered.pdf,
    }[fmt]
    return Response(
        body,
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="{rendered.filename}.{ext}"',
            # It may hold the person's name and email: no cache keeps a copy.
            "Cache-Control": "no-store",
        },
    )


# -- an operator's ---------------------------------------------------------------------------


@operators.get("")
def list_notices(
    state: State,
    key: AdminKey,
    notice_state: Annotated[NoticeState | None, Query(alias="state")] = None,
    case: Annotated[str | None, Query(max_length=64, description="A case number")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[schemas.NoticeOut]:
    """Notices, overdue first, then the open ones by deadline, then drafts, then closed ones."""
    found = state.app.takedown.notices.list(case=case, state=notice_state, limit=limit)
    return [notice_out(n) for n in found]


@operators.post("", status_code=status.HTTP_201_CREATED)
def draft_notice(body: schemas.NewNotice, state: State, key: AdminKey) -> schemas.NoticeOut:
    """Draft a notice about a verified sighting (under another regime, say)."""
    notice = state.app.takedown.notices.draft(
        body.sighting,
        regime=body.regime,
        delivery=body.delivery,
        recipient=body.recipient,
        minor=body.minor,
        actor=f"key:{key.id}",
    )
    return notice_out(notice)


@operators.get("/{notice_id}")
def get_notice(notice_id: int, state: State, key: AdminKey) -> schemas.NoticeOut:
    """One notice, its state and its clock."""
    return notice_out(state.app.takedown.notices.get(notice_id))


@operators.post(
    "/{notice_id}/send",
    responses=schemas.error_responses(503),
)
def send_notice(
    notice_id: int, state: State, key: AdminKey, body: schemas.SendNotice | None = None
) -> schemas.NoticeOut:
    """Send a draft and start its clock: by email (only one the person authorised), or, for a
    download, record that the person sent it. 503 if the mail server cannot take it."""
    recipient = body.recipient if body else None
    notice = state.app.takedown.notices.send(notice_id, actor=f"key:{key.id}", recipient=recipient)
    return notice_out(notice)


@operators.post("/{notice_id}/acknowledge")
def acknowledge_notice(notice_id: int, state: State, key: AdminKey) -> schemas.NoticeOut:
    """The host answered; the copy is still fetched again at the deadline."""
    return notice_out(state.app.takedown.notices.acknowledge(notice_id, actor=f"key:{key.id}"))


@operators.post("/{notice_id}/withdraw")
def withdraw_notice(notice_id: int, state: State, key: AdminKey) -> schemas.NoticeOut:
    """Withdraw a notice that is not closed; the person's details kept with it are forgotten."""
    return notice_out(state.app.takedown.notices.withdraw(notice_id, actor=f"key:{key.id}"))


@operators.get(
    "/{notice_id}/{fmt}",
    response_class=Response,
    responses=_FILE,
)
def notice_file(notice_id: int, fmt: schemas.NoticeFormat, state: State, key: AdminKey) -> Response:
    """The notice as plain text, HTML or PDF: as the operator sends it when the person
    authorised that, else with blanks for the person's details."""
    return _file(state.app.takedown.notices.render(notice_id), fmt)


# -- a person's ------------------------------------------------------------------------------

_Pin = Annotated[
    str,
    Header(
        alias="X-Case-PIN",
        min_length=1,
        max_length=64,
        description="The case's PIN, in a header so it is never in a URL or an access log",
    ),
]


@people.get("")
def case_notices(number: str, state: State, client: Client, pin: _Pin) -> list[schemas.NoticeOut]:
    """The case's notices, each with its state and clock."""
    case = _open(state, client, number, pin)
    return [notice_out(n) for n in state.app.takedown.notices.list(case=case, limit=1000)]


@people.post("", status_code=status.HTTP_201_CREATED)
def person_draft(
    number: str, body: schemas.PersonNewNotice, state: State, client: Client
) -> schemas.NoticeOut:
    """Draft a notice about one of the case's verified sightings, under the regime chosen."""
    case = _open(state, client, number, body.pin)
    return notice_out(state.app.takedown.notices.draft_for_person(case, body.sighting, body.regime))


@people.post(
    "/{notice_id}/download",
    response_class=Response,
    responses=_FILE,
)
def person_download(
    number: str, notice_id: int, body: schemas.NoticeDownload, state: State, client: Client
) -> Response:
    """The notice as a file for the person to send themselves. Their name, email and signature,
    if given, are written into this file only and kept nowhere; without them the file has
    blanks to fill in by hand."""
    case = _open(state, client, number, body.pin)
    rendered = state.app.takedown.notices.download(
        case, notice_id, name=body.name, email=body.email, signature=body.signature
    )
    return _file(rendered, body.format)


@people.post("/{notice_id}/authorise")
def person_authorise(
    number: str, notice_id: int, body: schemas.NoticeAuthorisation, state: State, client: Client
) -> schemas.NoticeOut:
    """Authorise the operator to send this notice on the person's behalf. Sent at once when the
    host's abuse contact is known and the server has a mail server; otherwise left for the
    operator (still a draft, ``authorised`` true)."""
    case = _open(state, client, number, body.pin)
    details = NotifierDetails(body.name, body.email, body.signature, body.phone, body.address)
    notice = state.app.takedown.notices.authorise(
        case, notice_id, details, good_faith=body.good_faith
    )
    return notice_out(notice)


@people.post("/{notice_id}/withdraw")
def person_withdraw(
    number: str, notice_id: int, body: schemas.Pin, state: State, client: Client
) -> schemas.NoticeOut:
    """Withdraw one of the case's notices; the person's details kept with it are forgotten."""
    case = _open(state, client, number, body.pin)
    return notice_out(state.app.takedown.notices.withdraw_for_person(case, notice_id))


router = APIRouter()
router.include_router(operators)
router.include_router(people)
