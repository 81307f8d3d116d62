"""Rate limits against a real server: only wrong PINs count, per client address, never per case;
``X-Forwarded-For`` counts only from a trusted proxy; every 429 says when to come back; a body
that stalls is answered 408."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import LiveServer, live_server
from tests.api.test_api import MD5, PDQ, assert_error

WRONG = {"pin": "AAAAA-AAAAA"}


@pytest.fixture
def strict(tmp_path: Path) -> Iterator[LiveServer]:
    """A server with small budgets, no trusted proxy (the default)."""
    store = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with live_server(
        store, tmp_path / "home", case_creations_per_hour=2, pin_attempts_per_hour=3
    ) as live:
        yield live


@pytest.fixture
def proxied(tmp_path: Path) -> Iterator[LiveServer]:
    """The same, behind a proxy on 127.0.0.1 that it trusts."""
    store = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with live_server(
        store,
        tmp_path / "home",
        case_creations_per_hour=2,
        pin_attempts_per_hour=3,
        trusted_proxies="127.0.0.1, ::1",
    ) as live:
        yield live


def _case(http: httpx.Client, **headers: str) -> tuple[str, str]:
    r = http.post("/v1/cases", json={"images": [{"md5": MD5}]}, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()["case"], r.json()["pin"]


def _assert_429(r: httpx.Response) -> None:
    assert_error(r, 429, "rate_limited")
    retry = int(r.headers["Retry-After"])
    assert 1 <= retry <= 3600
    assert r.json()["error"]["detail"]["retry_after"] == retry


def test_wrong_pins_from_one_address_are_limited(strict: LiveServer) -> None:
    with httpx.Client(base_url=strict.url, timeout=30) as http:
        made = [http.post("/v1/cases", json={"images": [{"md5": MD5}]}) for _ in range(3)]
        assert [r.status_code for r in made] == [201, 201, 429]
        _assert_429(made[2])
        number, pin = made[0].json()["case"], made[0].json()["pin"]
        tries = [http.post(f"/v1/cases/{number}/status", json=WRONG) for _ in range(4)]
        assert [r.status_code for r in tries] == [401, 401, 401, 429]
        _assert_429(tries[3])
        # An address out of failures is refused even the right PIN: else guessing goes on.
        _assert_429(http.post(f"/v1/cases/{number}/withdraw", json={"pin": pin}))


def test_right_pins_never_count(strict: LiveServer) -> None:
    # Issue 11: a person adding many batches of photos was locked out by their own PIN.
    with httpx.Client(base_url=strict.url, timeout=30) as http:
        number, pin = _case(http)
        for i in range(12):
            images = [{"md5": f"{i:02x}{j:02x}" * 8} for j in range(50)]
            r = http.post(f"/v1/cases/{number}/hashes", json={"pin": pin, "images": images})
            assert r.status_code == 200, (i, r.text)
        assert len(r.json()["hashes"]) == 1 + 12 * 50
        # And the whole budget of failures is still there.
        tries = [http.post(f"/v1/cases/{number}/status", json=WRONG) for _ in range(4)]
        assert [r.status_code for r in tries] == [401, 401, 401, 429]


def test_a_spoofed_forwarded_for_changes_nothing(strict: LiveServer) -> None:
    # No trusted proxy: the header is the client's own words, and the peer is what counts.
    with httpx.Client(base_url=strict.url, timeout=30) as http:
        made = [
            http.post(
                "/v1/cases",
                json={"images": [{"md5": MD5}]},
                headers={"X-Forwarded-For": f"198.51.100.{i}"},
            )
            for i in range(3)
        ]
        assert [r.status_code for r in made] == [201, 201, 429]
        number, pin = made[0].json()["case"], made[0].json()["pin"]
        tries = [
            http.post(
                f"/v1/cases/{number}/status",
                json=WRONG,
                headers={"X-Forwarded-For": f"203.0.113.{i}"},
            )
            for i in range(4)
        ]
        assert [r.status_code for r in tries] == [401, 401, 401, 429]
        fresh = {"X-Forwarded-For": "192.0.2.77", "X-Real-IP": "192.0.2.77"}
        _assert_429(http.post(f"/v1/cases/{number}/status", json={"pin": pin}, headers=fresh))


def test_behind_a_trusted_proxy_each_client_has_its_own_budget(proxied: LiveServer) -> None:
    with httpx.Client(base_url=proxied.url, timeout=30) as http:
        owner = {"X-Forwarded-For": "198.51.100.7"}
        attacker = {"X-Forwarded-For": "203.0.113.5"}
        number, pin = _case(http, **owner)
        _case(http, **owner)
        _assert_429(http.post("/v1/cases", json={"images": [{"md5": MD5}]}, headers=owner))
        _case(http, **attacker)  # another client, another budget
        tries = [
            http.post(f"/v1/cases/{number}/status", json=WRONG, headers=attacker) for _ in range(4)
        ]
        assert [r.status_code for r in tries] == [401, 401, 401, 429]
        # What the attacker writes left of the proxy's entry does not help them ...
        forged = {"X-Forwarded-For": "192.0.2.1, 203.0.113.5"}
        _assert_429(http.post(f"/v1/cases/{number}/status", json=WRONG, headers=forged))
        # ... and their guessing does not lock the owner out of their case.
        r = http.post(f"/v1/cases/{number}/withdraw", json={"pin": pin}, headers=owner)
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "withdrawn"


def test_a_stalled_body_gets_408(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with live_server(store, tmp_path / "home", body_timeout=1) as live:
        port = int(live.url.rsplit(":", 1)[1])
        body = b'{"images": [{"md5": "' + MD5.encode() + b'"}]}'
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(
                b"POST /v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/json\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[:10]
            )
            started = time.monotonic()
            answer = b""
            while b"\r\n\r\n" not in answer or not answer.endswith(b"}}"):
                chunk = conn.recv(65536)
                if not chunk:
                    break
                answer += chunk
            waited = time.monotonic() - started
        head, _, payload = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408"), answer
        assert b'"code":"request_timeout"' in payload
        assert 0.9 <= waited < 10
        # A whole body sent at once still goes through.
        with httpx.Client(base_url=live.url, timeout=30) as http:
            assert (
                http.post("/v1/cases", json={"images": [{"pdq": PDQ, "quality": 90}]}).status_code
                == 201
            )
