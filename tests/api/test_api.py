"""The HTTP API against a real server on 127.0.0.1, over SQLite and over PostgreSQL:
who may do what, bad input, limits, and that uploaded images leave no trace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from tests.api.conftest import LiveServer, live_server
from tests.imaging import encode
from unshared.hashing import hash_bytes
from unshared.match.query import MAX_TRIMMED_VIEWS

PDQ = "ab" * 32
MD5 = "cd" * 16
SHA = "ef" * 32


@pytest.fixture
def http(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def auth(key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"} if key else {}


def make_key(http: httpx.Client, admin: str, role: str) -> str:
    r = http.post("/v1/keys", json={"name": role, "role": role}, headers=auth(admin))
    assert r.status_code == 201, r.text
    return str(r.json()["key"])


def assert_error(r: httpx.Response, status: int, code: str | None = None) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code


# (method, path, body) for every endpoint that needs a key, and who may call it.
PLATFORM_ROUTES: list[tuple[str, str, Any]] = [
    ("POST", "/v1/match", {"pdq": [PDQ]}),
    ("GET", "/v1/feed", None),
    ("GET", f"/m/lookup?signal_type=pdq&signal={PDQ}", None),
    ("GET", f"/m/raw_lookup?signal_type=pdq&signal={PDQ}", None),
]
ADMIN_ROUTES: list[tuple[str, str, Any]] = [
    ("GET", "/v1/banks", None),
    ("POST", "/v1/banks", {"name": "memes", "kind": "allow"}),
    ("GET", "/v1/keys", None),
    ("POST", "/v1/keys", {"name": "p", "role": "platform"}),
    ("GET", "/v1/review", None),
    ("GET", "/v1/audit", None),
    ("GET", "/v1/entries/1", None),
    ("POST", "/v1/entries/1/status", {"status": "disabled", "reason": "test"}),
]


def test_who_may_do_what(server: LiveServer, http: httpx.Client) -> None:
    # A case gives the entries the admin routes act on.
    created = http.post("/v1/cases", json={"images": [{"pdq": PDQ, "quality": 90, "md5": MD5}]})
    assert created.status_code == 201, created.text
    platform = make_key(http, server.admin_key, "platform")
    revoked = make_key(http, server.admin_key, "platform")
    revoked_id = [k["id"] for k in http.get("/v1/keys", headers=auth(server.admin_key)).json()][-1]
    assert http.delete(f"/v1/keys/{revoked_id}", headers=auth(server.admin_key)).status_code == 200
    callers = {
        None: 401,
        "unsh_not-a-key": 401,
        revoked: 401,
    }
    for method, path, body in PLATFORM_ROUTES + ADMIN_ROUTES:
        for key, status in callers.items():
            r = http.request(method, path, json=body, headers=auth(key))
            assert_error(r, status, "unauthorized")
    for method, path, body in ADMIN_ROUTES:
        assert_error(
            http.request(method, path, json=body, headers=auth(platform)), 403, "forbidden"
        )
    for method, path, body in PLATFORM_ROUTES:
        r = http.request(method, path, json=body, headers=auth(platform))
        assert r.status_code == 200, (path, r.text)
    for method, path, body in PLATFORM_ROUTES + ADMIN_ROUTES:
        r = http.request(method, path, json=body, headers=auth(server.admin_key))
        assert r.status_code in (200, 201), (path, r.text)
    # A person needs no key, but does need the PIN.
    number = created.json()["case"]
    assert_error(http.post(f"/v1/cases/{number}/status", json={"pin": "WRONG-PIN00"}), 401)
    r = http.post(f"/v1/cases/{number}/status", json={"pin": created.json()["pin"]})
    assert r.status_code == 200 and r.json()["case"] == number


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/cases", {"images": []}),
        ("/v1/cases", {"images": [{}]}),
        ("/v1/cases", {"images": [{"pdq": "zz" * 32}]}),
        ("/v1/cases", {"images": [{"pdq": PDQ[:-1]}]}),
        ("/v1/cases", {"images": [{"md5": MD5, "quality": 101}]}),
        # A PDQ too plain to identify a picture, or of unknown quality, is refused.
        ("/v1/cases", {"images": [{"pdq": PDQ, "quality": 0}]}),
        ("/v1/cases", {"images": [{"pdq": PDQ, "quality": 49}]}),
        ("/v1/cases", {"images": [{"pdq": PDQ}]}),
        ("/v1/cases", {"images": [{"pdq": PDQ, "quality": 90}] * 51}),
        ("/v1/cases", {"images": [{"pdq": PDQ, "quality": 90, "extra": 1}]}),
        ("/v1/cases", ["not", "an", "object"]),
        ("/v1/cases/UN-0000-0000/status", {}),
        ("/v1/cases/UN-0000-0000/status", {"pin": ""}),
    ],
)
def test_bad_person_input_is_a_4xx_in_the_error_shape(
    http: httpx.Client, path: str, body: Any
) -> None:
    r = http.post(path, json=body)
    assert 400 <= r.status_code < 500
    assert_error(r, r.status_code)


def test_bad_platform_input(server: LiveServer, http: httpx.Client) -> None:
    key = auth(make_key(http, server.admin_key, "platform"))
    assert_error(http.post("/v1/match", json={"pdq": ["00" * 31]}, headers=key), 422)
    assert_error(http.post("/v1/match", json={"pdq": [PDQ] * 9}, headers=key), 422)
    # Trimmed views come 8 hashes a view, at most MAX_TRIMMED_VIEWS views.
    too_many = [PDQ] * 8 * (MAX_TRIMMED_VIEWS + 1)
    for trimmed in ([PDQ] * 7, too_many, ["zz" * 32] * 8):
        body = {"pdq": [PDQ], "trimmed": trimmed}
        assert_error(http.post("/v1/match", json=body, headers=key), 422)
    body = {"pdq": [PDQ], "trimmed": [PDQ] * 8 * MAX_TRIMMED_VIEWS}
    assert http.post("/v1/match", json=body, headers=key).status_code == 200
    assert_error(http.post("/v1/match", json={}, headers=key), 422)
    junk = http.post(
        "/v1/match", content=b"{junk", headers={**key, "Content-Type": "application/json"}
    )
    assert_error(junk, 422, "invalid_input")
    assert_error(http.get("/v1/feed?after=-1", headers=key), 422)
    assert_error(http.get("/v1/feed?limit=0", headers=key), 422)
    assert_error(
        http.post("/v1/reports", json={"entry": 999999, "outcome": "removed"}, headers=key), 404
    )
    assert_error(http.post("/v1/reports", json={"entry": 1, "outcome": "lol"}, headers=key), 422)
    for data, status in [
        (b"", 400),
        (b"not an image", 415),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 50, 415),
    ]:
        r = http.post("/v1/match/image", content=data, headers=key)
        assert_error(r, status)
    assert_error(http.get("/v1/nowhere"), 404, "not_found")
    assert_error(http.delete("/v1/cases"), 405)


def test_bodies_over_the_limit_are_refused(tmp_path: Path, photo: Image.Image) -> None:
    data = encode(photo, "PNG")
    store = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with (
        live_server(
            store, tmp_path / "home", max_file_bytes=len(data) - 1, max_json_bytes=2000
        ) as s,
        httpx.Client(base_url=s.url, timeout=30) as http,
    ):
        key = auth(s.admin_key)
        assert_error(http.post("/v1/match/image", content=data, headers=key), 413, "too_large")
        big = {"images": [{"pdq": PDQ, "quality": 90, "md5": MD5, "sha256": SHA}] * 30}
        assert_error(http.post("/v1/cases", json=big), 413, "too_large")

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield data[: len(data) // 2]
            yield data[len(data) // 2 :]

        assert_error(http.post("/v1/match/image", content=chunks(), headers=key), 413)


def test_uploaded_images_leave_no_trace(
    server: LiveServer, http: httpx.Client, photo: Image.Image
) -> None:
    data = encode(photo, "JPEG", quality=93)
    signals = hash_bytes(data)
    r = http.post("/v1/match/image", content=data, headers=auth(server.admin_key))
    assert r.status_code == 200 and r.json()["hashes"]["sha256"] == signals.sha256.hex
    # Nothing of the upload is kept: not its bytes, not even its hashes.
    home = server.settings.home
    for path in [p for p in home.rglob("*") if p.is_file()] + _sqlite_files(server):
        blob = path.read_bytes()
        assert data[:4096] not in blob, path
        for value in (signals.sha256.hex, signals.md5.hex, signals.pdq.hex):
            assert value.encode() not in blob, path


def _sqlite_files(server: LiveServer) -> list[Path]:
    if not server.store_url.startswith("sqlite:///"):
        return []
    db = Path(server.store_url.removeprefix("sqlite:///"))
    return [p for p in db.parent.glob(db.name + "*") if p.is_file()]


def test_health_ready_metrics_and_schema(server: LiveServer, http: httpx.Client) -> None:
    assert http.get("/healthz").json() == {"status": "ok"}
    assert http.get("/readyz").status_code == 200
    http.post("/v1/match", json={"pdq": [PDQ]}, headers=auth(server.admin_key))
    assert_error(http.get("/metrics"), 401)  # an operator's, unless public_metrics is set
    assert_error(
        http.get("/metrics", headers=auth(make_key(http, server.admin_key, "platform"))), 403
    )
    metrics = http.get("/metrics", headers=auth(server.admin_key)).text
    for name in ("unshared_requests_total", "unshared_request_seconds", "unshared_matches_total"):
        assert name in metrics
    assert 'unshared_match_queries_total{kind="hashes"} 1.0' in metrics
    schema = http.get("/openapi.json").json()
    assert "/v1/cases" in schema["paths"] and "/v1/match/image" in schema["paths"]
    # No interactive docs: they would load their scripts from a CDN.
    assert http.get("/docs").status_code == 404 and http.get("/redoc").status_code == 404


def test_public_metrics_is_a_setting(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with (
        live_server(store, tmp_path / "home", public_metrics=True) as s,
        httpx.Client(base_url=s.url) as http,
    ):
        assert "unshared_requests_total" in http.get("/metrics").text


def test_api_answers_are_never_cached_sniffed_or_framed(
    server: LiveServer, http: httpx.Client
) -> None:
    made = http.post("/v1/cases", json={"images": [{"md5": MD5}]})  # carries the PIN
    for r in (made, http.get("/healthz"), http.get("/v1/feed"), http.get("/openapi.json")):
        assert r.headers["cache-control"] == "no-store", r.url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    page = http.get("/")  # the page keeps its own policy, which lets it run its scripts
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-cache"


def test_a_flood_of_matches_goes_to_review_and_never_stops_matching(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with (
        live_server(store, tmp_path / "home", flood_matches=3) as s,
        httpx.Client(base_url=s.url, timeout=30) as http,
    ):
        key = auth(s.admin_key)
        http.post("/v1/cases", json={"images": [{"pdq": PDQ, "quality": 90}]})
        verdicts = [
            http.post("/v1/match", json={"pdq": [PDQ]}, headers=key).json() for _ in range(5)
        ]
        assert [v["matched"] for v in verdicts] == [True] * 5
        assert all("case" not in m for v in verdicts for m in v["matches"])
        review = http.get("/v1/review", headers=key).json()
        assert [item["entry"]["status"] for item in review] == ["active"]
        assert (review[0]["matches"], review[0]["platforms"]) == (5, 1)
        assert review[0]["reasons"] == ["matched 5 uploads (over 3) on 1 platforms"]
        # Only an operator's decision stops it, and it is in the feed and the history.
        entry = review[0]["entry"]["id"]
        assert review[0]["reports"] == []
        report = {"entry": entry, "outcome": "not_ncii", "note": "a cartoon, not a person"}
        assert http.post("/v1/reports", json=report, headers=key).status_code == 201
        (item,) = http.get("/v1/review", headers=key).json()
        assert [(r["outcome"], r["note"], r["key"]) for r in item["reports"]] == [
            ("not_ncii", "a cartoon, not a person", 1)
        ]
        assert http.get("/v1/review", params={"reports": 0}, headers=key).json()[0]["reports"] == []
        r = http.post(f"/v1/entries/{entry}/status", json={"status": "quarantined"}, headers=key)
        assert r.status_code == 200
        assert not http.post("/v1/match", json={"pdq": [PDQ]}, headers=key).json()["matched"]
        audit = http.get("/v1/audit", params={"subject_type": "entry"}, headers=key).json()
        assert [e["actor"] for e in audit if e["action"] == "entry.quarantine"] == ["key:1"]


def test_published_text_limits_are_the_ones_the_bank_keeps(
    server: LiveServer, http: httpx.Client
) -> None:
    from unshared.bank.models import MAX_KEY_NAME, MAX_NOTE, MAX_REASON

    schemas = http.get("/openapi.json").json()["components"]["schemas"]
    props = {name: schemas[name]["properties"] for name in ("NewReport", "NewKey")}
    assert props["NewReport"]["note"]["maxLength"] == MAX_NOTE
    assert props["NewKey"]["name"]["maxLength"] == MAX_KEY_NAME
    assert schemas["EntryStatusChange"]["properties"]["reason"]["maxLength"] == MAX_REASON
    key = auth(server.admin_key)
    made = http.post("/v1/cases", json={"images": [{"md5": MD5}]})
    assert made.status_code == 201
    status = http.post(f"/v1/cases/{made.json()['case']}/status", json={"pin": made.json()["pin"]})
    entry = status.json()["hashes"][0]["entry"]
    longest = {"entry": entry, "outcome": "removed", "note": "n" * MAX_NOTE}
    assert http.post("/v1/reports", json=longest, headers=key).status_code == 201
    too_long = {**longest, "note": "n" * (MAX_NOTE + 1)}
    assert_error(http.post("/v1/reports", json=too_long, headers=key), 422)  # not a 400 after


#: Operations anyone may call: no key, so no 401 to document.
PUBLIC_PATHS = ("/v1/cases", "/v1/cases/protect", "/v1/cases/limits", "/v1/evidence/key")


def test_the_schema_tells_each_operations_errors_in_the_one_shape(
    server: LiveServer, http: httpx.Client
) -> None:
    from unshared.api.schemas import ErrorBody

    schema = http.get("/openapi.json").json()
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            errors = {int(s): r for s, r in op["responses"].items() if int(s) >= 400}
            if path.startswith("/v1/") and path not in PUBLIC_PATHS:
                assert {400, 401, 422} <= set(errors), (method, path)
            for answer in errors.values():
                content = answer["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/ErrorBody"}
                ErrorBody.model_validate(content["example"])  # each example is a real body
    documented = {
        ("post", "/v1/cases/{number}/status"): 401,
        ("get", "/v1/entries/{entry_id}"): 404,
        ("post", "/v1/banks"): 409,
    }
    for (method, path), status in documented.items():
        assert str(status) in schema["paths"][path][method]["responses"]
    key = auth(server.admin_key)
    answers = [
        http.post("/v1/cases/UN-2222-2222/status", json={"pin": "AAAAA-AAAAA"}),
        http.get("/v1/entries/999999", headers=key),
        http.post("/v1/banks", json={"name": "ncii2"}, headers=key),
    ]
    answers.append(http.post("/v1/banks", json={"name": "ncii2"}, headers=key))
    assert [r.status_code for r in answers] == [401, 404, 201, 409]
    for r in (answers[0], answers[1], answers[3]):
        ErrorBody.model_validate(r.json())


def test_a_person_can_ask_the_services_limits(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with (
        live_server(store, tmp_path / "home", pdq_min_quality=70, max_file_bytes=12345) as s,
        httpx.Client(base_url=s.url) as http,
    ):
        r = http.get("/v1/cases/limits")
        assert r.status_code == 200
        assert r.json() == {
            "pdq_min_quality": 70,
            "max_file_bytes": 12345,
            "max_images_per_call": 50,
            "max_protected_per_call": 20,
            "protect_min_keypoints": 15,
            "protect_max_keypoints": 500,
            "max_videos_per_call": 4,
            "video_max_bytes": 200 * 1024 * 1024,
            "video_max_seconds": 600.0,
            "video_max_frames": 3600,
            "video_seconds_per_hash": 1.0,
            "video_min_frame_quality": 50,
        }
