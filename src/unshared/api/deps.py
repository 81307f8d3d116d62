"""Typed dependencies: the app's state, the caller's key, the caller's address."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import partial
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from unshared.actions.cases import Cases
from unshared.actions.platforms import NO_KEY, Platforms
from unshared.actions.protect import Protect
from unshared.api.limits import RateLimits
from unshared.api.metrics import Metrics
from unshared.api.proxies import TrustedProxies, parse_networks
from unshared.bank.models import ApiKey
from unshared.config import Settings
from unshared.errors import Unauthorized, Unavailable
from unshared.service import Unshared


class ApiState:
    """Everything a request handler may reach, made once per app."""

    def __init__(self, settings: Settings, app: Unshared) -> None:
        self.settings = settings
        self.app = app
        self.cases = Cases(app.store, on_change=app.catch_up, on_withdraw=app.forget_features)
        protect = Cases(
            app.store,
            settings.protect_bank,
            app.catch_up,
            kind="protect",
            on_withdraw=app.forget_features,
        )
        self.protect = Protect(app, protect)
        self.platforms = app.platforms
        self.metrics = Metrics()
        self.proxies = TrustedProxies(parse_networks(settings.trusted_proxies))
        self.limits = RateLimits(settings.resolved_rate_limit_url)
        self.case_creations = self.limits.budget(
            "cases", settings.case_creations_per_hour, "new cases from this address"
        )
        # Only wrong PINs count, per address, never per case: a stranger who knows a case
        # number cannot lock its owner out, and the owner adding batch after batch is not
        # refused (docs/api.md, "Limits", has the arithmetic).
        self.pin_failures = self.limits.budget(
            "pin-failures", settings.pin_attempts_per_hour, "wrong PINs from this address"
        )
        # Each reported link makes the server fetch a URL: a budget, so the service is not a
        # free fetcher for anyone holding one case's PIN.
        self.link_reports = self.limits.budget(
            "links", settings.link_reports_per_hour, "links reported from this address"
        )
        self.ready = threading.Event()
        self.load_error: str | None = None


# The dependencies are coroutines: FastAPI runs a plain function in the thread pool, a hop
# that cost more than the work of these (docs/api.md, "Speed over HTTP"). None blocks: a key
# the server checked lately is in memory, and only an unknown one is read from the store, in
# the thread pool.


def _state_of(request: Request) -> ApiState:
    state: ApiState = request.app.state.unshared
    return state


async def _state(request: Request) -> ApiState:
    return _state_of(request)


State = Annotated[ApiState, Depends(_state)]

_BEARER = "An API key: Authorization: Bearer <key>"
_bearer = HTTPBearer(auto_error=False, description=_BEARER)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


class _CheckedKey(HTTPBearer):
    """The caller's API key, read from the header and checked, in one dependency: each one
    FastAPI solves costs tens of microseconds, about what the rest of a match costs. Still an
    ``HTTPBearer``, so the OpenAPI schema says which operations need a key."""

    def __init__(self, *, admin: bool) -> None:
        super().__init__(auto_error=False, scheme_name="HTTPBearer", description=_BEARER)
        self.admin = admin

    async def __call__(self, request: Request) -> ApiKey:  # type: ignore[override]
        credentials = await super().__call__(request)
        key = credentials.credentials if credentials else None
        platforms = _state_of(request).platforms
        found = platforms.remembered(key, admin=self.admin)
        if found is not None:
            return found
        return await run_in_threadpool(partial(platforms.authenticate, key, admin=self.admin))


#: A platform's key (an operator's key may do what a platform may).
PlatformKey = Annotated[ApiKey, Depends(_CheckedKey(admin=False))]
AdminKey = Annotated[ApiKey, Depends(_CheckedKey(admin=True))]

#: Where a request's key waits to be checked (``Caller``), for ``check_pending``.
_PENDING = "unshared.pending_key"


@dataclass(frozen=True)
class Caller:
    """A platform's key, to be checked (``check``) in the thread that does the route's work:
    one hop to the thread pool for both, not one each (docs/api.md, "Speed over HTTP")."""

    token: str
    platforms: Platforms

    def check(self) -> ApiKey:
        """The key's record, or ``Unauthorized`` (``Platforms.authenticate``). It may read
        the store, so call it in a thread."""
        return self.platforms.authenticate(self.token)


class _Caller(HTTPBearer):
    def __init__(self) -> None:
        super().__init__(auto_error=False, scheme_name="HTTPBearer", description=_BEARER)

    async def __call__(self, request: Request) -> Caller:  # type: ignore[override]
        credentials = await super().__call__(request)
        if credentials is None:
            raise Unauthorized(NO_KEY)  # at once, as where the key is checked first
        request.scope[_PENDING] = credentials.credentials
        return Caller(credentials.credentials, _state_of(request).platforms)


#: A platform's key, to be checked with the route's work: ``Caller.check`` in its thread.
PlatformCaller = Annotated[Caller, Depends(_Caller())]


async def check_pending(request: Request) -> None:
    """Check the key of a request refused before its route ran (an invalid body): a wrong key
    is told 401 first, as where the key is checked before the body."""
    token = request.scope.get(_PENDING)
    if token is not None:
        platforms = _state_of(request).platforms
        await run_in_threadpool(partial(platforms.authenticate, token))


async def _ready(request: Request) -> ApiState:
    state = _state_of(request)
    if not state.ready.is_set():
        raise Unavailable("the index is still loading; try again in a moment")
    return state


#: The state, once the index is loaded (503 before).
Ready = Annotated[ApiState, Depends(_ready)]


async def _client(request: Request, state: State) -> str:
    # The server runs with proxy_headers off, so scope["client"] is the direct peer.
    peer = request.client.host if request.client else None
    return state.proxies.client(peer, request.headers.getlist("x-forwarded-for"))


Client = Annotated[str, Depends(_client)]
