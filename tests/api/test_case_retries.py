"""A new case sent again with its ``Idempotency-Key`` gets the same case and PIN, against a real
server over SQLite and PostgreSQL; what the store keeps of the key opens no PIN; the Python client
sends a key and retries a lost answer with it. (Crashes: ``test_case_crashes.py``.)"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import LiveServer
from tests.api.test_api import MD5, PDQ, SHA, assert_error
from tests.bank.helpers import raw
from unshared.actions.cases import Cases
from unshared.bank import open_store, retries
from unshared.client import Client
from unshared.errors import Conflict, InvalidInput, Unavailable, UnsharedError
from unshared.signals import Md5, Pdq

BODY = {"images": [{"pdq": PDQ, "quality": 90, "md5": MD5}, {"sha256": SHA}]}
KEY = "retry-me-0123456789abcdef"


@pytest.fixture
def http(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def cases_in(store_url: str) -> int:
    return int(raw(store_url, "SELECT count(*) FROM cases")[0][0])


def test_a_retry_gets_the_same_case_and_pin(server: LiveServer, http: httpx.Client) -> None:
    first = http.post("/v1/cases", json=BODY, headers={"Idempotency-Key": KEY})
    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    # The same photos with their hex in capitals are the same request.
    upper = {"images": [{"pdq": PDQ.upper(), "quality": 90, "md5": MD5}, {"sha256": SHA.upper()}]}
    again = http.post("/v1/cases", json=upper, headers={"idempotency-key": KEY})
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json() == {**first.json(), "status": "active", "hashes": 3}
    assert cases_in(server.store_url) == 1

    made = first.json()
    status = http.post(f"/v1/cases/{made['case']}/status", json={"pin": made["pin"]})
    assert status.status_code == 200 and len(status.json()["hashes"]) == 3

    # One key, other photos: refused in the error shape, nothing made.
    other = http.post(
        "/v1/cases", json={"images": [{"md5": "00" * 16}]}, headers={"Idempotency-Key": KEY}
    )
    assert_error(other, 409, "conflict")
    assert "Idempotency-Key" in other.json()["error"]["message"]
    # A withdrawn case answers a retry as what it now is.
    http.post(f"/v1/cases/{made['case']}/withdraw", json={"pin": made["pin"]})
    late = http.post("/v1/cases", json=BODY, headers={"Idempotency-Key": KEY})
    assert late.json() == {**made, "status": "withdrawn"}
    assert cases_in(server.store_url) == 1


def test_without_a_key_each_request_is_a_new_case(server: LiveServer, http: httpx.Client) -> None:
    made = [http.post("/v1/cases", json=BODY) for _ in range(2)]
    assert [r.status_code for r in made] == [201, 201]
    assert made[0].json()["case"] != made[1].json()["case"]
    assert cases_in(server.store_url) == 2


@pytest.mark.parametrize("key", ["short", "x" * 129, "has space 0123456789", "ключ" * 8, ""])
def test_a_malformed_key_is_refused(server: LiveServer, http: httpx.Client, key: str) -> None:
    r = http.post("/v1/cases", json=BODY, headers={"Idempotency-Key": key.encode()})
    assert_error(r, 400, "invalid_input")
    assert cases_in(server.store_url) == 0


def test_the_store_keeps_no_key_and_no_pin(server: LiveServer, http: httpx.Client) -> None:
    made = http.post("/v1/cases", json=BODY, headers={"Idempotency-Key": KEY}).json()
    ((key_hash, request_hash, sealed),) = raw(
        server.store_url, "SELECT key_hash, request_hash, sealed_pin FROM case_requests"
    )
    assert key_hash == hashlib.sha256(KEY.encode()).hexdigest()
    assert made["pin"] not in sealed and made["pin"].replace("-", "") not in sealed
    # Only the key opens the sealed PIN: not its hash, not another key.
    assert retries.open_pin(KEY, sealed, request_hash) == made["pin"]
    for wrong in (key_hash[:64], "another-key-0123456789"):
        with pytest.raises(UnsharedError, match="does not open"):
            retries.open_pin(wrong, sealed, request_hash)
    if server.store_url.startswith("sqlite"):
        # Nowhere in the database's files: neither the key nor the PIN.
        path = Path(server.store_url.removeprefix("sqlite:///"))
        files = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        assert KEY.encode() not in files
        assert made["pin"].encode() not in files


def test_a_retry_after_its_window_is_refused_not_made_again(
    new_store_url: Callable[[], str],
) -> None:
    url = new_store_url()
    images = [[Pdq.from_hex(PDQ), Md5.from_hex(MD5)]]
    with open_store(url) as store:
        cases = Cases(store)
        first = cases.create(images, idempotency_key=KEY)
        again = cases.create(images, idempotency_key=KEY)
        assert again.replayed and (again.case, again.pin) == (first.case, first.pin)
        assert not first.replayed and first.pin != ""

        past = datetime.now(UTC) - timedelta(seconds=1)
        raw(url, f"UPDATE case_requests SET expires_at = '{past.isoformat()}'")
        with pytest.raises(Conflict, match="no longer kept"):
            cases.create(images, idempotency_key=KEY)
        assert raw(url, "SELECT sealed_pin FROM case_requests") == [(None,)]
        assert cases_in(url) == 1
        with pytest.raises(InvalidInput):
            cases.create(images, idempotency_key="short")


class LosesAnswers(httpx.HTTPTransport):
    """The network edge: the server gets the request and answers, and the answer never comes
    back (a gateway timing out), ``lose`` times."""

    def __init__(self, lose: int) -> None:
        super().__init__()
        self.lose = lose
        self.keys: list[str | None] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/v1/cases":
            self.keys.append(request.headers.get("Idempotency-Key"))
            if self.lose:
                self.lose -= 1
                response.read()
                response.close()
                raise httpx.ReadTimeout("the answer was lost", request=request)
        return response


def test_the_client_retries_a_lost_answer_with_the_same_key(server: LiveServer) -> None:
    transport = LosesAnswers(lose=2)
    with Client(server.url, retries=2, backoff=0, transport=transport) as client:
        made = client.create_case([{"pdq": PDQ, "quality": 90, "md5": MD5}])
        assert len(transport.keys) == 3 and len(set(transport.keys)) == 1
        assert retries.check_key(transport.keys[0])
        assert client.case_status(made.number, made.pin).status == "active"
        assert cases_in(server.store_url) == 1

        # Each new case draws its own key.
        client.create_case([{"md5": "00" * 16}])
        assert len(set(transport.keys)) == 2

    transport = LosesAnswers(lose=3)
    with Client(server.url, retries=2, backoff=0, transport=transport) as client:
        with pytest.raises(Unavailable, match="did not answer in time"):
            client.create_case([{"md5": "11" * 16}])
        # The caller may try again later with its own key, and get the case that was made.
        made = client.create_case([{"md5": "11" * 16}], idempotency_key=transport.keys[0])
        assert client.case_status(made.number, made.pin).hashes[0].signal_type == "md5"
    assert cases_in(server.store_url) == 3


def test_the_client_resends_a_new_case_on_a_5xx_with_the_same_key() -> None:
    keys: list[str | None] = []

    def failing(request: httpx.Request) -> httpx.Response:
        keys.append(request.headers.get("Idempotency-Key"))
        return httpx.Response(500, json={"error": {"code": "internal", "message": "oops"}})

    transport = httpx.MockTransport(failing)
    with (
        Client("http://unshared.test", retries=2, backoff=0, transport=transport) as client,
        pytest.raises(UnsharedError, match="oops"),
    ):
        client.create_case([{"md5": MD5}])
    assert len(keys) == 3 and len(set(keys)) == 1


def test_a_request_hash_is_of_the_hashes_alone() -> None:
    one = [[Pdq.from_hex(PDQ), Md5.from_hex(MD5)]]
    assert retries.request_hash(one) == retries.request_hash(
        [[Pdq.from_hex(PDQ.upper()), *one[0][1:]]]
    )
    assert retries.request_hash(one) != retries.request_hash([list(reversed(one[0]))])
    assert retries.request_hash(one) != retries.request_hash([one[0][:1], one[0][1:]])
    with pytest.raises(InvalidInput):
        retries.request_hash([["not a hash"]])  # type: ignore[list-item]
