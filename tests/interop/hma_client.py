"""A small client of HMA's matching API, written from HMA's own docs ("API", the HMA pages of
the ThreatExchange site) and nothing else: the routes, parameters and answer shapes are those.
The one thing it adds is the header a deployment puts in front (HMA has no keys of its own);
for Unshared that is a platform's ``Authorization: Bearer`` key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx


class HmaClient:
    def __init__(self, base_url: str, headers: dict[str, str] | None = None) -> None:
        self.http = httpx.Client(base_url=base_url, headers=headers or {}, timeout=60)

    def close(self) -> None:
        self.http.close()

    def is_up(self) -> bool:
        """'When HMA has started up, it will respond 200 OK to GET /status.'"""
        return self.http.get("/status").status_code == 200

    def lookup(self, signal_type: str, signal: str, **params: str) -> dict[str, list[Any]]:
        """GET /m/lookup?signal_type=<type>&signal=<value>: bank name to content matches."""
        query = {"signal_type": signal_type, "signal": signal, **params}
        return self._json(self.http.get("/m/lookup", params=query))

    def lookup_file(self, path: Path, content_type: str = "photo") -> dict[str, Any]:
        """POST /m/lookup, the file as a multipart field named after its content type:
        signal type to bank name to content matches."""
        with path.open("rb") as f:
            files = {content_type: (path.name, f)}
            return self._json(self.http.post("/m/lookup?bypass_coinflip=false", files=files))

    def lookup_url(self, url: str, **params: str) -> dict[str, Any]:
        """GET /m/lookup?url=<file url>."""
        return self._json(self.http.get("/m/lookup", params={"url": url, **params}))

    def raw_lookup(self, signal_type: str, signal: str, include_distance: bool = False) -> Any:
        params = {"signal_type": signal_type, "signal": signal}
        if include_distance:
            params["include_distance"] = "true"
        return self._json(self.http.get("/m/raw_lookup", params=params))["matches"]

    def hash_file(self, path: Path, content_type: str = "photo") -> dict[str, str]:
        """POST /h/hash: signal type to value."""
        with path.open("rb") as f:
            return self._json(self.http.post("/h/hash", files={content_type: (path.name, f)}))

    def hash_url(self, url: str) -> dict[str, str]:
        """GET /h/hash?url=<your_url>."""
        return self._json(self.http.get("/h/hash", params={"url": url}))

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        response.raise_for_status()
        return response.json()
