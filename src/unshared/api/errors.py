"""The one place where errors become HTTP responses, all in one JSON shape.

``{"error": {"code": str, "message": str, "detail": {...}}}``
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from unshared.errors import UnsharedError

log = logging.getLogger("unshared.api")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "rate_limited",
}


def error_response(status: int, code: str, message: str, **detail: object) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status)


def install(app: FastAPI) -> None:
    from unshared.api.deps import check_pending  # deps -> limits -> errors: not at the top

    @app.exception_handler(UnsharedError)
    async def unshared_error(request: Request, exc: UnsharedError) -> JSONResponse:
        if exc.status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, exc.message)
        retry = exc.detail.get("retry_after")
        headers = {"Retry-After": str(retry)} if isinstance(retry, int) else None
        return JSONResponse(exc.to_dict(), status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        try:
            await check_pending(request)
        except UnsharedError as refused:
            return await unshared_error(request, refused)
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        return error_response(422, "invalid_input", "the request is not valid", problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        response = error_response(exc.status_code, code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Never echo internals (or a request body) back; the log has the traceback.
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, "internal", "something went wrong on our side")
