"""``Client``: the HTTP API from Python, with the same exceptions as the library.

A person's device hashes photos here and sends only the hashes; a platform matches uploads,
reports what it did, and reads the delta feed (``unshared.sync`` keeps a local copy from it);
an operator manages banks, keys and entries. Every method returns the library's own models
(``Verdict``, ``FeedPage``, ``Entry``, ``ApiKey``, ...; ``unshared.replies`` reads them from the
API's JSON); every error comes back as the ``unshared.errors`` class its ``code`` names, so
``except Unauthorized`` means the same here as in the library.

GETs are retried (they change nothing), and any call whose connection was never made. A POST
that may have reached the server is sent twice only where that is safe: a new case goes with an
``Idempotency-Key``, so sending it again after a lost answer gets the same case and PIN back.
"""

from __future__ import annotations

import dataclasses
import secrets
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import quote

import httpx

from unshared import replies
from unshared.bank.models import (
    ApiKey,
    Bank,
    BankKind,
    Entry,
    FeedPage,
    HistoryEvent,
    KeyRole,
    Report,
    ReportOutcome,
    ReviewItem,
)
from unshared.errors import InvalidInput, LowQuality, Unavailable, UnsharedError
from unshared.hashing import Limits, hash_bytes
from unshared.hashing.batch import find_images, read_limited
from unshared.match import Verdict
from unshared.replies import CaseReply, NewCaseReply
from unshared.signals import Md5, Pdq, Sha256, Signal, SignalSet
from unshared.video import VideoSignals, Vpdq

T = TypeVar("T")

#: Most images one call may carry; longer lists go in several calls.
IMAGES_PER_CALL = 50

#: Statuses a GET is retried on: a proxy or the service saying "not now".
_RETRY_STATUSES = frozenset({502, 503, 504})
#: Statuses a call with an idempotency key is sent again on: also 500, which may be a
#: transaction that failed and was rolled back, so the same key can only make the case once.
_RESEND_STATUSES = _RETRY_STATUSES | {500}
#: Transport errors raised before any byte of the request left: safe to retry for any method.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

#: What one image's hashes may be given as: a ``SignalSet`` or the API's own JSON form.
ImageHashes = SignalSet | Mapping[str, Any]


class Client:
    """The Unshared service at ``base_url``, called with API ``key`` (none for a person's case).

    Use it as a context manager, or call ``close()``. ``retries`` bounds how often a GET (or a
    call that never connected) is tried again, with a doubling pause from ``backoff`` seconds.
    """

    def __init__(
        self,
        base_url: str,
        key: str | None = None,
        *,
        timeout: float = 30.0,
        retries: int = 2,
        backoff: float = 0.25,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise InvalidInput(f"the server's address starts http:// or https://, not {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.retries = max(0, retries)
        self.backoff = backoff
        headers = {"User-Agent": "unshared-client/0.1", "Accept": "application/json"}
        if key:
            headers["Authorization"] = f"Bearer {key}"
        self._http = httpx.Client(
            base_url=self.base_url, headers=headers, timeout=timeout, transport=transport
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Client({self.base_url!r})"  # never the key

    # -- a person's case ----------------------------------------------------------------------

    def create_case(
        self,
        images: Sequence[ImageHashes],
        *,
        idempotency_key: str | None = None,
        minor: bool = False,
    ) -> NewCaseReply:
        """A new case from the hashes of up to 50 images: its number, PIN, status and hashes.

        ``minor``: the person in the photos is under 18, or was when they were taken (the one
        answer the service keeps about them); platforms then treat the hashes as such.

        The PIN is in this answer only; keep it with the case number. The request carries an
        ``Idempotency-Key`` (a fresh random one unless given), so a lost answer (a timeout, a
        dropped connection, a 5xx) is retried: the server answers a retry with the same case and
        PIN rather than making a second case. Give your own key to retry later yourself.
        """
        # 256 random bits: whoever can guess the key could open the PIN from a stolen database.
        key = idempotency_key or secrets.token_urlsafe(32)
        return self._one(
            replies.new_case,
            "POST",
            "/v1/cases",
            json={"images": _images(images), "minor": bool(minor)},
            headers={"Idempotency-Key": key},
            resend=True,
        )

    def case_status(self, number: str, pin: str) -> CaseReply:
        """The case, its hashes and platforms' reports on them. ``Unauthorized`` for a wrong
        number or PIN (one answer for both)."""
        return self._one(replies.case, "POST", f"{_case(number)}/status", json={"pin": pin})

    def add_to_case(self, number: str, pin: str, images: Sequence[ImageHashes]) -> CaseReply:
        """Add the hashes of up to 50 more images; the case after."""
        body = {"pin": pin, "images": _images(images)}
        return self._one(replies.case, "POST", f"{_case(number)}/hashes", json=body)

    def report_link(self, number: str, pin: str, url: str) -> dict[str, Any]:
        """Report where a copy of one of the case's photos is; the service verifies it within
        the call: the sighting with its latest fetch."""
        body = {"pin": pin, "url": url}
        return self._one(_as_is, "POST", f"{_case(number)}/sightings", json=body)

    def links(self, number: str, pin: str) -> list[dict[str, Any]]:
        """The links reported for the case, newest first, each with its latest fetch."""
        return self._many(_as_is, "GET", f"{_case(number)}/sightings", headers={"X-Case-PIN": pin})

    def withdraw_case(self, number: str, pin: str) -> CaseReply:
        """Withdraw the case: its hashes stop matching at once, and everywhere that syncs."""
        return self._one(replies.case, "POST", f"{_case(number)}/withdraw", json={"pin": pin})

    def hash_and_create_case(
        self,
        paths: Iterable[Path],
        *,
        limits: Limits = Limits(),
        min_quality: int = Pdq.DEFAULT_MIN_QUALITY,
        minor: bool = False,
    ) -> NewCaseReply:
        """Hash image files (folders are searched) on this machine and make a case of the hashes
        (``minor``: a minor's case, as ``create_case`` says).

        Only hashes leave the machine (see ``hashes_of_files``). More than 50 images go as a
        case and then additions to it. Returns ``create_case``'s answer, ``hashes`` counting all.
        """
        images = hashes_of_files(paths, limits, min_quality)
        made = self.create_case(images[:IMAGES_PER_CALL], minor=minor)
        if len(images) > IMAGES_PER_CALL:
            view = self._add_all(made.number, made.pin, images[IMAGES_PER_CALL:])
            made = dataclasses.replace(made, hashes=len(view.hashes))
        return made

    def hash_and_add_to_case(
        self,
        number: str,
        pin: str,
        paths: Iterable[Path],
        *,
        limits: Limits = Limits(),
        min_quality: int = Pdq.DEFAULT_MIN_QUALITY,
    ) -> CaseReply:
        """Hash image files here and add their hashes to the case; the case after."""
        return self._add_all(number, pin, hashes_of_files(paths, limits, min_quality))

    def _add_all(self, number: str, pin: str, images: Sequence[ImageHashes]) -> CaseReply:
        if not images:
            raise InvalidInput("no images' hashes to add")
        for start in range(0, len(images), IMAGES_PER_CALL):
            view = self.add_to_case(number, pin, images[start : start + IMAGES_PER_CALL])
        return view

    # -- a platform ---------------------------------------------------------------------------

    def match(
        self,
        *,
        pdq: Sequence[str | Pdq] = (),
        quality: int | None = None,
        md5: str | Md5 | None = None,
        sha256: str | Sha256 | None = None,
        trimmed: Sequence[str | Pdq] = (),
        vpdq: str | Vpdq | None = None,
    ) -> Verdict:
        """Match one upload by its hashes: ``pdq`` holds its PDQ, then optionally the other 7
        rotations and flips; ``trimmed`` the same 8 for each view of it with its margins
        trimmed; ``vpdq`` a video's (with the video file's ``md5`` and ``sha256``). The
        verdict, as ``Unshared.match`` gives it."""
        body: dict[str, Any] = {"pdq": [_hex(p) for p in pdq]}
        if vpdq is not None:
            body["vpdq"] = _hex(vpdq)
        if trimmed:
            body["trimmed"] = [_hex(p) for p in trimmed]
        if quality is not None:
            body["quality"] = quality
        if md5 is not None:
            body["md5"] = _hex(md5)
        if sha256 is not None:
            body["sha256"] = _hex(sha256)
        return self._one(replies.verdict, "POST", "/v1/match", json=body)

    def match_signals(self, signals: SignalSet, trimmed: Sequence[Pdq] = ()) -> Verdict:
        """``match`` with an image's hashes as ``hash_bytes(..., dihedral=True)`` gives them,
        and its trimmed views' as ``hash_files(..., views=Views(trimmed=True))`` does."""
        return self.match(
            pdq=signals.pdq_dihedral or (signals.pdq,),
            quality=signals.quality,
            md5=signals.md5,
            sha256=signals.sha256,
            trimmed=trimmed,
        )

    def match_video_signals(self, signals: VideoSignals) -> Verdict:
        """``match`` with a video's hashes as ``hash_video`` gives them."""
        return self.match(md5=signals.md5, sha256=signals.sha256, vpdq=signals.vpdq)

    def match_video(self, data: bytes) -> tuple[dict[str, Any], Verdict]:
        """Send a video's bytes to be hashed and matched there (then dropped): the video's own
        hashes (as ``VideoSignals.to_dict`` gives them) and the verdict. Prefer
        ``match_video_signals`` where you can hash."""
        headers = {"Content-Type": "application/octet-stream"}
        path = "/v1/match/video"
        return self._one(replies.video_verdict, "POST", path, content=data, headers=headers)

    def match_image(self, data: bytes) -> tuple[SignalSet, Verdict]:
        """Send an image's bytes to be hashed and matched there (then dropped): the image's own
        hashes and the verdict, as ``Unshared.match_image_signals`` gives them. Prefer
        ``match`` where you can hash."""
        headers = {"Content-Type": "application/octet-stream"}
        path = "/v1/match/image"
        return self._one(replies.image_verdict, "POST", path, content=data, headers=headers)

    def feed(self, after: int = 0, limit: int = 1000) -> FeedPage:
        """Changes with ``seq > after``, oldest first, with the banks they are in. A change's
        ``case_id`` is always ``None``: a platform never learns which hashes are one case's."""
        params = {"after": after, "limit": limit}
        return self._one(replies.feed, "GET", "/v1/feed", params=params)

    def report(
        self, entry: int, outcome: ReportOutcome | str, note: str = "", url: str | None = None
    ) -> Report:
        """Say what you did about a match on ``entry``: ``removed``, ``blocked``, ``queued``,
        ``not_ncii``, ``duplicate`` or ``not_found``; with ``url``, where the copy was (the
        service verifies it there, within the call)."""
        body: dict[str, Any] = {"entry": entry, "outcome": outcome, "note": note}
        if url is not None:
            body["url"] = url
        return self._one(replies.report, "POST", "/v1/reports", json=body)

    # -- an operator --------------------------------------------------------------------------

    def banks(self) -> list[tuple[Bank, int]]:
        """Every bank with its count of active entries, as ``Unshared.list_banks``."""
        return self._many(replies.bank_count, "GET", "/v1/banks")

    def create_bank(
        self,
        name: str,
        kind: BankKind | str = "ncii",
        thresholds: Mapping[str, int] | None = None,
    ) -> Bank:
        body = {"name": name, "kind": kind, "thresholds": dict(thresholds or {})}
        return self._one(replies.bank, "POST", "/v1/banks", json=body)

    def keys(self) -> list[ApiKey]:
        return self._many(replies.key, "GET", "/v1/keys")

    def create_key(self, name: str, role: KeyRole | str = "platform") -> tuple[ApiKey, str]:
        """A new API key, and the key itself: in this answer only."""
        body = {"name": name, "role": role}
        return self._one(replies.new_key, "POST", "/v1/keys", json=body)

    def revoke_key(self, key_id: int) -> ApiKey:
        return self._one(replies.key, "DELETE", f"/v1/keys/{int(key_id)}")

    def entry(self, entry_id: int) -> Entry:
        return self._one(replies.entry, "GET", f"/v1/entries/{int(entry_id)}")

    def set_entry_status(self, entry_id: int, status: str, reason: str = "") -> Entry:
        """``active``, ``disabled`` or ``quarantined``; a person's withdrawal is theirs alone."""
        body = {"status": status, "reason": reason}
        return self._one(replies.entry, "POST", f"/v1/entries/{int(entry_id)}/status", json=body)

    def review(self, limit: int = 100) -> list[ReviewItem]:
        """Entries held for review: quarantined, reported as not NCII, or matched by more
        uploads than the flood line."""
        return self._many(replies.review_item, "GET", "/v1/review", params={"limit": limit})

    def audit(
        self,
        subject_type: str | None = None,
        subject_id: int | None = None,
        *,
        before: int | None = None,
        limit: int = 100,
    ) -> list[HistoryEvent]:
        """The history, newest first; ``before`` an event id to page back."""
        params = {"subject_type": subject_type, "subject_id": subject_id, "before": before}
        query = {k: v for k, v in params.items() if v is not None}
        return self._many(replies.event, "GET", "/v1/audit", params={**query, "limit": limit})

    # -- health -------------------------------------------------------------------------------

    def healthz(self) -> str:
        """``"ok"`` while the process serves."""
        return self._one(replies.status, "GET", "/healthz")

    def readyz(self) -> str:
        """``"ready"``; ``Unavailable`` while the index loads."""
        return self._one(replies.status, "GET", "/readyz", retry=False)

    def wait_until_ready(self, timeout: float = 60.0, every: float = 0.2) -> str:
        """Ask ``/readyz`` until it says ready; ``Unavailable`` after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self.readyz()
            except Unavailable:
                if time.monotonic() >= deadline:
                    raise
            time.sleep(every)

    # -- plumbing -----------------------------------------------------------------------------

    def _one(self, parse: Callable[[replies.Json], T], method: str, path: str, **kwargs: Any) -> T:
        """The answer, a JSON object, read by ``parse`` (one of ``unshared.replies``)."""
        body = self._call(method, path, **kwargs)
        if not isinstance(body, dict):
            raise UnsharedError(f"{method} {path}: expected a JSON object from the server")
        return replies.read(f"{method} {path}", parse, body)

    def _many(
        self, parse: Callable[[replies.Json], T], method: str, path: str, **kwargs: Any
    ) -> list[T]:
        """The answer, a JSON list of objects, each read by ``parse``."""
        body = self._call(method, path, **kwargs)
        if not isinstance(body, list):
            raise UnsharedError(f"{method} {path}: expected a JSON list from the server")
        return replies.read(f"{method} {path}", lambda items: [parse(i) for i in items], body)

    def _call(
        self, method: str, path: str, *, retry: bool = True, resend: bool = False, **kwargs: Any
    ) -> Any:
        """``resend``: the call may safely reach the server twice (it has an idempotency key)."""
        resend = resend or method == "GET"
        attempt = 0
        while True:
            try:
                response = self._http.request(method, path, **kwargs)
            except httpx.TransportError as exc:
                again = isinstance(exc, _NOT_SENT) or resend
                if retry and again and attempt < self.retries:
                    attempt = self._pause(attempt)
                    continue
                raise _unreachable(self.base_url, exc) from exc
            statuses = _RESEND_STATUSES if method != "GET" else _RETRY_STATUSES
            if retry and resend and response.status_code in statuses and attempt < self.retries:
                attempt = self._pause(attempt)
                continue
            if response.is_success:
                return _json(response)
            raise error_from_response(response)

    def _pause(self, attempt: int) -> int:
        time.sleep(self.backoff * 2**attempt)
        return attempt + 1


def error_from_response(response: httpx.Response) -> UnsharedError:
    """The ``unshared.errors`` exception an error answer stands for.

    The class is the one whose ``code`` the answer names (``{"error": {"code", "message",
    "detail"}}``); for a code this version does not know, the first class with the answer's
    status, so ``except InvalidInput`` still catches a new kind of 4xx; else ``UnsharedError``
    with the status and code in ``detail``.
    """
    status = response.status_code
    code, message, detail = "", "", {}
    try:
        error = response.json()["error"]
        code = str(error["code"])
        message = str(error["message"])
        if isinstance(error.get("detail"), dict):
            detail = dict(error["detail"])
    except (ValueError, KeyError, TypeError):
        pass  # not our JSON: a proxy's page, say; the status is all there is
    message = message or f"the server answered {status} {response.reason_phrase}".strip()
    if status in _RETRY_STATUSES:
        cls: type[UnsharedError] = Unavailable
    else:
        cls = _class_for(code, status)
    if cls is UnsharedError and (code, status) != (UnsharedError.code, UnsharedError.status):
        detail = {**detail, "status": status, "code": code}
    return _build(cls, message, detail)


def _class_for(code: str, status: int) -> type[UnsharedError]:
    """Walk the tree breadth-first: the class named by ``code``, else the first with ``status``."""
    by_status: type[UnsharedError] | None = None
    queue: list[type[UnsharedError]] = [UnsharedError]
    while queue:
        cls = queue.pop(0)
        if cls.code == code:
            return cls
        if by_status is None and cls.status == status:
            by_status = cls
        queue.extend(cls.__subclasses__())
    return by_status or UnsharedError


def _build(cls: type[UnsharedError], message: str, detail: dict[str, Any]) -> UnsharedError:
    # A class that wants more than the detail holds (LowQuality wants its quality) falls back to
    # the nearest base that takes what there is.
    for base in cls.__mro__:
        if isinstance(base, type) and issubclass(base, UnsharedError):
            try:
                return base(message, **detail)
            except TypeError:
                continue
    error = UnsharedError(message)
    error.detail = detail
    return error


def _unreachable(base_url: str, exc: httpx.TransportError) -> Unavailable:
    if isinstance(exc, httpx.TimeoutException):
        why = "did not answer in time"
    elif isinstance(exc, httpx.ConnectError):
        why = "could not be reached"
    else:
        why = "broke off the connection"
    return Unavailable(f"the Unshared server at {base_url} {why} ({exc})", url=base_url)


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise UnsharedError(
            f"the server's answer to {response.request.method} {response.request.url.path}"
            " is not JSON",
            status=response.status_code,
        ) from None


def _case(number: str) -> str:
    return f"/v1/cases/{quote(number.strip(), safe='')}"


def _hex(value: str | Signal) -> str:
    return value if isinstance(value, str) else value.hex


def _images(images: Sequence[ImageHashes]) -> list[dict[str, Any]]:
    if isinstance(images, SignalSet | Mapping):
        raise TypeError("give a list of images' hashes, not one image's")
    return [i.to_dict() if isinstance(i, SignalSet) else dict(i) for i in images]


def hashes_of_files(
    paths: Iterable[Path], limits: Limits = Limits(), min_quality: int = Pdq.DEFAULT_MIN_QUALITY
) -> list[dict[str, Any]]:
    """The hashes of image files (folders are searched), in the API's form, made here.

    A picture too plain for a reliable PDQ (quality under ``min_quality``) gives its exact
    hashes alone. A file that cannot be read or decoded raises, naming it, so nothing is sent
    for a set the person did not mean.
    """
    images = [_hash_file(path, limits, min_quality) for path in find_images(paths)]
    if not images:
        raise InvalidInput("no image files to hash")
    return images


def _hash_file(path: Path, limits: Limits, min_quality: int) -> dict[str, Any]:
    try:
        data = read_limited(path, limits)
        return hash_bytes(data, limits=limits, min_quality=min_quality).to_dict()
    except LowQuality as exc:
        return {"md5": exc.detail["md5"], "sha256": exc.detail["sha256"]}
    except UnsharedError as exc:
        message = exc.message if str(path) in exc.message else f"{path}: {exc.message}"
        raise _build(type(exc), message, {**exc.detail, "path": str(path)}) from exc


def _as_is(body: replies.Json) -> dict[str, Any]:
    """A reply the library has no model for yet (sightings), as the API gives it."""
    return dict(body)
