"""Prometheus metrics: requests, latency, matches, index size. One registry per app."""

from __future__ import annotations

import time

from fastapi import Response
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "unshared_requests_total",
            "HTTP requests",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "unshared_request_seconds",
            "HTTP request latency",
            ["route"],
            buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
            registry=self.registry,
        )
        self.queries = Counter(
            "unshared_match_queries_total", "Match queries", ["kind"], registry=self.registry
        )
        self.matches = Counter(
            "unshared_matches_total", "Queries that matched", registry=self.registry
        )
        self.index_size = Gauge(
            "unshared_index_entries", "Entries in the live index", registry=self.registry
        )

    def middleware(self, app: ASGIApp) -> ASGIApp:
        """Count each HTTP request and time it, by route and status.

        Plain ASGI rather than ``@app.middleware("http")``: Starlette's ``BaseHTTPMiddleware``
        runs the rest of the app in a task group and streams its answer back through a memory
        channel, which cost more per request than the route's own work on a bare stack
        (docs/api.md, "Speed over HTTP"). An error the app raises counts as a 500.
        """

        # The labelled series, looked up once each: ``labels()`` checks and locks every call.
        series: dict[tuple[str, str, str], tuple[Counter, Histogram]] = {}

        async def counted(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            start = time.perf_counter()
            status = 500

            async def watched(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                await send(message)

            try:
                await app(scope, receive, watched)
            finally:
                # The router put the matched route in the scope on the way in.
                name = getattr(scope.get("route"), "path", "unmatched")
                key = (scope["method"], name, str(status))
                found = series.get(key)
                if found is None:
                    found = series[key] = (self.requests.labels(*key), self.latency.labels(name))
                found[0].inc()
                found[1].observe(time.perf_counter() - start)

        return counted

    def render(self) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)
