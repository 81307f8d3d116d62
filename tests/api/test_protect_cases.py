"""A person's protect case over HTTP, on SQLite and PostgreSQL: ordinary photos' hashes and local
features (never the photos) make a case in the protect bank; an edited copy sent to
``/v1/match/image`` is found through them; malformed features are refused in words; withdrawing
the case drops them. The features here are the server's own (``extract``), as the page makes
them (``tests/web/test_protect_page.py`` checks that the page's are the same).
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from PIL import Image

from bench.transforms import TRANSFORMS, rng_for
from tests.api.conftest import LiveServer, live_server
from tests.imaging import encode, sample_photo
from unshared.features import FeatureIndex, extract, features_to_hex
from unshared.features.index import FILE_NAME
from unshared.hashing import hash_bytes
from unshared.hashing.decode import decode_for_pdq


def protected(photo: Image.Image) -> dict[str, Any]:
    """What the page sends for one ordinary photo: its hashes and its features."""
    data = encode(photo, "PNG")
    signals = hash_bytes(data)
    return {
        "pdq": signals.pdq.hex,
        "quality": signals.quality,
        "md5": signals.md5.hex,
        "sha256": signals.sha256.hex,
        "features": features_to_hex(extract(decode_for_pdq(data))),
    }


def edited(photo: Image.Image, donor: Image.Image) -> bytes:
    """A fake made from ``photo``: a third of it replaced by another picture, then recompressed,
    as a platform re-encodes an upload."""
    copy = TRANSFORMS["edit_donor_35"].apply(photo, rng_for(7, "edit_donor_35", 0), donor=donor)
    return encode(copy, "JPEG", quality=80)


@pytest.fixture(scope="module")
def photos() -> dict[str, Image.Image]:
    return {name: sample_photo(name) for name in ("chelsea", "coffee", "rocket", "astronaut")}


@pytest.fixture
def http(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def match(http: httpx.Client, server: LiveServer, data: bytes) -> dict[str, Any]:
    answer = http.post(
        "/v1/match/image",
        content=data,
        headers={"Authorization": f"Bearer {server.admin_key}", "Content-Type": "image/jpeg"},
    )
    assert answer.status_code == 200, answer.text
    verdict: dict[str, Any] = answer.json()
    return verdict


def features_file(server: LiveServer) -> Path:
    (found,) = (Path(server.settings.home) / "index").glob(f"*/features/{FILE_NAME}")
    return found


def test_an_edited_copy_of_a_protected_photo_is_found(
    server: LiveServer, http: httpx.Client, photos: dict[str, Image.Image]
) -> None:
    made = http.post("/v1/cases/protect", json={"images": [protected(photos["chelsea"])]})
    assert made.status_code == 201, made.text
    case, pin = made.json()["case"], made.json()["pin"]
    assert made.json()["hashes"] == 3
    status = http.post(f"/v1/cases/{case}/status", json={"pin": pin}).json()
    assert status["kind"] == "protect"
    pdq_entry = next(h["entry"] for h in status["hashes"] if h["signal"] == "pdq")

    fake = edited(photos["chelsea"], donor=photos["astronaut"])
    verdict = match(http, server, fake)
    assert verdict["matched"]
    assert {(m["entry"], m["signal"]) for m in verdict["matches"]} >= {(pdq_entry, "features")}
    assert {m["bank_kind"] for m in verdict["matches"]} == {"protect"}
    # Another photo altogether is not.
    assert not match(http, server, encode(photos["rocket"], "JPEG", quality=80))["matched"]

    # Kept at once, beside the PDQ index: a crash from here on loses nothing.
    kept = FeatureIndex.load(features_file(server).parent)
    assert pdq_entry in kept
    assert np.array_equal(
        kept.get(pdq_entry).descriptors,
        extract(decode_for_pdq(encode(photos["chelsea"], "PNG"))).descriptors,
    )

    # Withdrawn: the copy stops matching, and the features are gone from the server.
    assert http.post(f"/v1/cases/{case}/withdraw", json={"pin": pin}).status_code == 200
    assert not match(http, server, fake)["matched"]
    assert pdq_entry not in FeatureIndex.load(features_file(server).parent)


def test_more_photos_are_protected_in_the_same_case(
    server: LiveServer, http: httpx.Client, photos: dict[str, Image.Image]
) -> None:
    made = http.post("/v1/cases/protect", json={"images": [protected(photos["chelsea"])]}).json()
    case, pin = made["case"], made["pin"]
    more = http.post(
        f"/v1/cases/{case}/protect", json={"pin": pin, "images": [protected(photos["coffee"])]}
    )
    assert more.status_code == 200, more.text
    assert more.json()["kind"] == "protect" and len(more.json()["hashes"]) == 6
    assert match(http, server, edited(photos["coffee"], donor=photos["rocket"]))["matched"]
    # A case is one kind: no intimate image's hashes go into a protect case, nor the reverse.
    plain = {k: v for k, v in protected(photos["rocket"]).items() if k != "features"}
    crossed = http.post(f"/v1/cases/{case}/hashes", json={"pin": pin, "images": [plain]})
    assert crossed.status_code == 409
    ncii = http.post("/v1/cases", json={"images": [plain]}).json()
    into_ncii = http.post(
        f"/v1/cases/{ncii['case']}/protect",
        json={"pin": ncii["pin"], "images": [protected(photos["rocket"])]},
    )
    assert into_ncii.status_code == 409
    assert (
        http.post(f"/v1/cases/{ncii['case']}/status", json={"pin": ncii["pin"]}).json()["kind"]
        == "ncii"
    )


def test_a_retry_gets_the_same_protect_case(
    server: LiveServer, http: httpx.Client, photos: dict[str, Image.Image]
) -> None:
    body = {"images": [protected(photos["coffee"])]}
    key = {"Idempotency-Key": "k" * 32}
    first = http.post("/v1/cases/protect", json=body, headers=key)
    again = http.post("/v1/cases/protect", json=body, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert (again.json()["case"], again.json()["pin"]) == (
        first.json()["case"],
        first.json()["pin"],
    )


def _with_features(image: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**image, "features": {**image["features"], **changes}}


def _point_bytes(*values: float) -> str:
    return struct.pack(f"<{len(values)}f", *values).hex()


def test_malformed_features_are_refused_in_words(
    server: LiveServer, http: httpx.Client, photos: dict[str, Image.Image]
) -> None:
    good = protected(photos["chelsea"])
    n = good["features"]["keypoints"]
    points, descriptors = good["features"]["points"], good["features"]["descriptors"]
    outside = _point_bytes(1.5, 0.5) + points[16:]
    not_a_number = _point_bytes(math.nan, 0.5) + points[16:]
    cases = {
        "fewer points than keypoints": _with_features(good, points=points[:-16]),
        "more descriptors than keypoints": _with_features(
            good, descriptors=descriptors + "00" * 32
        ),
        "descriptors not hex": _with_features(good, descriptors="zz" + descriptors[2:]),
        "too few keypoints": _with_features(
            good, keypoints=3, points=points[: 3 * 16], descriptors=descriptors[: 3 * 64]
        ),
        "too many keypoints": _with_features(
            good, keypoints=n + 1, points=points + points[:16], descriptors=descriptors + "00" * 32
        ),
        "a point outside the picture": _with_features(good, points=outside),
        "a point that is not a number": _with_features(good, points=not_a_number),
    }
    before = http.get("/v1/cases/limits").json()
    for why, image in cases.items():
        answer = http.post("/v1/cases/protect", json={"images": [image]})
        assert answer.status_code == 400, why
        error = answer.json()["error"]
        assert error["code"] == "malformed_features", why
        assert error["message"], why
    # A photo without its PDQ has nothing to key its features by; one without features is no
    # protected photo.
    no_pdq = {k: v for k, v in good.items() if k not in ("pdq", "quality")}
    answer = http.post("/v1/cases/protect", json={"images": [no_pdq]})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_input"
    no_features = {k: v for k, v in good.items() if k != "features"}
    assert http.post("/v1/cases/protect", json={"images": [no_features]}).status_code == 422
    assert before["protect_min_keypoints"] == 15 and before["protect_max_keypoints"] == 500
    assert before["max_protected_per_call"] == 20


def test_twenty_photos_fit_in_one_call(server: LiveServer, http: httpx.Client) -> None:
    """The most a call may protect, each with the most keypoints, under the JSON body limit."""
    full = {
        "pdq": "ab" * 32,
        "quality": 100,
        "md5": "cd" * 16,
        "features": {
            "keypoints": 500,
            "points": _point_bytes(*([0.5] * 1000)),
            "descriptors": "ef" * 32 * 500,
        },
    }
    images = [{**full, "md5": f"{i:032x}"} for i in range(20)]
    answer = http.post("/v1/cases/protect", json={"images": images})
    assert answer.status_code == 201, answer.text
    too_many = http.post("/v1/cases/protect", json={"images": [*images, full]})
    assert too_many.status_code == 422


def test_a_protect_case_never_takes_the_minor_answer(
    server: LiveServer, http: httpx.Client, photos: dict[str, Image.Image]
) -> None:
    """The under-18 answer is a takedown case's (the page asks it only there): a protect case
    that carries it, yes or no, is refused in words and nothing is made."""
    image = protected(photos["coffee"])
    for minor in (True, False):
        answer = http.post("/v1/cases/protect", json={"images": [image], "minor": minor})
        assert answer.status_code == 422, answer.text
        error = answer.json()["error"]
        assert error["code"] == "invalid_input"
        problems = " ".join(p["problem"] for p in error["detail"]["problems"])
        assert "minor is for takedown cases" in problems, error
    # The same photo without it is protected; the case is no minor's.
    made = http.post("/v1/cases/protect", json={"images": [image]})
    assert made.status_code == 201, made.text
    assert made.json()["minor"] is False


def test_the_protect_bank_is_the_setting(tmp_path: Path, photos: dict[str, Image.Image]) -> None:
    store = f"sqlite:///{tmp_path / 'unshared.db'}"
    with live_server(store, tmp_path / "home", protect_bank="ordinary") as server:
        made = httpx.post(
            f"{server.url}/v1/cases/protect", json={"images": [protected(photos["rocket"])]}
        )
        assert made.status_code == 201, made.text
        banks = httpx.get(
            f"{server.url}/v1/banks", headers={"Authorization": f"Bearer {server.admin_key}"}
        ).json()
        assert {(b["name"], b["kind"]) for b in banks} >= {("ordinary", "protect")}
