"""Stage 2 for protect banks (ORB features, verified geometrically) and the trimmed query view:
margins found within a few pixels, edited copies caught, other photos never, withdrawals at once.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import cv2
import faiss
import numpy as np
import pytest
from PIL import Image

from bench.transforms import TRANSFORMS, rng_for
from tests.imaging import encode, sample_photo
from unshared.config import Settings
from unshared.features import FeatureIndex, Features, extract, fit, verify
from unshared.features.extract import _spread
from unshared.features.index import FIRST_PASS
from unshared.features.verify import (
    MIN_INLIERS,
    MIN_MUTUAL,
    MIN_SPREAD,
    MIN_SPREAD_STRONG,
    STRONG_MUTUAL,
)
from unshared.hashing.batch import Views, views_of
from unshared.hashing.normalise import trimmed_views
from unshared.service import Unshared

NAMES = ("chelsea", "coffee", "rocket", "hubble_deep_field", "retina")


def texture(seed: int, size: tuple[int, int] = (320, 240)) -> np.ndarray:
    """Seeded blobs and edges: plenty of corners, nothing like a photo of anything."""
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, (size[1] // 16, size[0] // 16, 3), dtype=np.uint8)
    image = Image.fromarray(small).resize(size, Image.Resampling.BICUBIC)
    noise = rng.normal(0, 12, (size[1], size[0], 3))
    return np.clip(np.asarray(image) + noise, 0, 255).astype(np.uint8)


@pytest.fixture(scope="module")
def pictures() -> dict[str, Image.Image]:
    return {name: sample_photo(name) for name in NAMES}


@pytest.fixture
def app(tmp_path: Path) -> Unshared:
    return Unshared(Settings.load(env={}, home=tmp_path))


# -- trimmed views -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pad", "colour"),
    [((40, 40, 30, 30), (0, 0, 0)), ((0, 0, 90, 90), (0, 0, 0)), ((25, 60, 10, 5), (250, 20, 90))],
)
def test_trim_finds_the_content_box(
    pad: tuple[int, int, int, int], colour: tuple[int, ...]
) -> None:
    content = np.asarray(sample_photo("chelsea"))
    top, bottom, left, right = pad
    padded = np.empty(
        (content.shape[0] + top + bottom, content.shape[1] + left + right, 3), np.uint8
    )
    padded[:] = colour
    padded[top : top + content.shape[0], left : left + content.shape[1]] = content
    views = trimmed_views(padded)
    assert views
    # The solid rule finds the box to the pixel: a made margin is one exact colour.
    assert any(view.shape == content.shape for view in views)


@pytest.mark.parametrize(
    "name",
    ["border_blurred_25", "letterbox", "screenshot_phone_light", "meme_caption_top_bottom"],
)
def test_trim_finds_the_photo_in_a_frame(name: str, pictures: dict[str, Image.Image]) -> None:
    photo = pictures["coffee"]
    framed = np.asarray(TRANSFORMS[name].apply(photo, rng_for(1, name, 0), donor=None))
    views = trimmed_views(framed)
    assert 1 <= len(views) <= 3
    # The photo may be scaled in the frame, but its aspect ratio survives.
    ratio = photo.width / photo.height
    assert any(v.shape[1] / v.shape[0] == pytest.approx(ratio, 0.05) for v in views)


# The rocket's night sky is flat, but not one exact colour: no margin either.
@pytest.mark.parametrize("name", ["chelsea", "coffee", "rocket"])
def test_plain_photos_are_left_alone(name: str, pictures: dict[str, Image.Image]) -> None:
    assert trimmed_views(np.asarray(pictures[name])) == []
    assert trimmed_views(texture(len(name))) == []


# -- features -----------------------------------------------------------------------------------


def test_feature_index_round_trip(tmp_path: Path) -> None:
    index = FeatureIndex()
    for seed in range(3):
        index.add(seed + 10, extract(texture(seed)))
    index.remove(11)
    index.save(tmp_path)
    loaded = FeatureIndex.load(tmp_path)
    assert loaded.ids() == [10, 12]
    for image_id in loaded.ids():
        np.testing.assert_array_equal(loaded.get(image_id).points, index.get(image_id).points)
        np.testing.assert_array_equal(
            loaded.get(image_id).descriptors, index.get(image_id).descriptors
        )
    query = extract(texture(2))
    assert loaded.query(query)[0][0] == 12
    assert [i for i, _ in loaded.matches(query)] == [12]
    assert not list(tmp_path.glob(".features-*"))  # no temporary file left behind


def test_a_large_index_is_an_inverted_file_with_the_same_answers() -> None:
    # A low exact limit puts 40 textures (~20,000 descriptors) past it: an inverted file.
    exact, inverted = FeatureIndex(), FeatureIndex(exact_limit=2_000)
    for seed in range(40):
        features = extract(texture(seed))
        exact.add(seed, features)
        inverted.add(seed, features)
    for seed in (3, 17, 39):
        query = extract(texture(seed))
        assert [i for i, _ in inverted.matches(query)] == [seed]
        assert inverted.query(query)[0][0] == exact.query(query)[0][0] == seed
    assert isinstance(inverted._faiss, faiss.IndexBinaryIVF)
    assert isinstance(exact._faiss, faiss.IndexBinaryFlat)

    # Removal takes the image's rows out of the lists; an add goes into the trained lists.
    inverted.remove(17)
    assert 17 not in {i for i, _ in inverted.query(extract(texture(17)))}
    inverted.add(17, extract(texture(17)))
    assert isinstance(inverted._faiss, faiss.IndexBinaryIVF)
    assert [i for i, _ in inverted.matches(extract(texture(17)))] == [17]
    # Four times the descriptors it was trained on: retrained on the next query.
    for seed in range(40, 200):
        inverted.add(seed, extract(texture(seed)))
    assert inverted._faiss is None
    assert [i for i, _ in inverted.matches(extract(texture(150)))] == [150]
    assert inverted._trained_on == inverted.descriptors


def test_unrelated_textures_do_not_verify() -> None:
    features = [extract(texture(seed)) for seed in range(6)]
    for a in range(6):
        for b in range(a + 1, 6):
            assert verify(features[a], features[b]) < MIN_INLIERS


def test_keypoints_are_spread_over_the_grid() -> None:
    # 100 strong corners in the top-left cell, one weak one in each of the 15 others: left alone,
    # the 32 strongest would all be top-left; spread, each cell keeps its best two first.
    strong = [cv2.KeyPoint(5 + i % 10, 5 + i // 10, 7, response=100 + i) for i in range(100)]
    weak = [
        cv2.KeyPoint(40 * (c % 4) + 20, 40 * (c // 4) + 20, 7, response=1) for c in range(1, 16)
    ]
    kept = _spread(strong + weak, (160, 160), 32)
    assert len(kept) == 32
    assert all(k in kept for k in weak)
    assert sorted(k.response for k in kept if k.response > 1) == list(range(183, 200))
    assert _spread(weak, (160, 160), 32) == weak  # fewer than asked for: all of them


def test_extraction_is_deterministic_and_bounded() -> None:
    picture = texture(5, (640, 480))
    features = extract(picture, 200)
    assert len(features) == 200
    assert extract(picture, 200).points.tobytes() == features.points.tobytes()
    assert len(extract(np.full((300, 400, 3), 128, np.uint8))) == 0  # nothing to find


def test_inliers_piled_on_one_spot_are_not_a_match() -> None:
    # The same patch at one place: many matches agreeing on a transform, but all on one spot.
    a, b = extract(texture(1)), extract(texture(2))
    spot = Features(np.full((40, 2), 0.5, np.float32), a.descriptors[:40])
    assert verify(spot, spot) == 0
    assert verify(a, a) >= MIN_INLIERS
    assert verify(a, b) == 0


def test_many_mutual_inliers_on_a_small_textured_part_are_a_match() -> None:
    # A body-swap fake keeps the top of the photo; its one textured part there (a face) may be a
    # small share of the picture. Nearly every inlier is a mutual best match: a copy, however
    # close together they lie; fewer mutual ones on so small a part would not be.
    picture = np.full((360, 480, 3), 120, np.uint8)
    picture[150:190, 200:240] = texture(12, (40, 40))  # 0.7% of the square on the longer side
    copy = np.asarray(
        Image.open(io.BytesIO(encode(Image.fromarray(picture), "JPEG", quality=85))).convert("RGB")
    )
    found = fit(extract(copy, 1000), extract(picture))
    assert MIN_SPREAD_STRONG <= found.spread < MIN_SPREAD
    assert found.mutual >= STRONG_MUTUAL
    assert found.inliers >= MIN_INLIERS
    assert verify(extract(copy, 1000), extract(picture)) == found.inliers
    weaker = replace(found, mutual=STRONG_MUTUAL - 1)
    assert weaker.inliers >= MIN_INLIERS and weaker.mutual >= MIN_MUTUAL
    assert not weaker.plausible


def test_inliers_that_are_not_mutual_best_matches_are_not_a_match() -> None:
    # Each query keypoint sits where the candidate's does, with its descriptor 2 bits off; a
    # decoy elsewhere carries the exact descriptor. Every keypoint's best match agrees on the
    # geometry, but each candidate keypoint's own best match is its decoy: what chance fits
    # look like (docs/accuracy.md), and not a copy.
    candidate = extract(texture(3))
    n = len(candidate)
    near = candidate.descriptors.copy()
    near[:, 0] ^= 0b11
    decoys = np.random.default_rng(0).random((n, 2), dtype=np.float32)
    query = Features(
        np.concatenate([candidate.points, decoys]),
        np.concatenate([near, candidate.descriptors]),
    )
    honest = Features(candidate.points, near)
    assert verify(honest, candidate) >= MIN_INLIERS
    found = fit(query, candidate)
    assert found.inliers >= MIN_INLIERS  # the geometry agrees...
    assert found.mutual < MIN_MUTUAL  # ...but the decoys are the best matches back
    assert verify(query, candidate) == 0


def test_thumbnails_are_enlarged_to_find_their_corners() -> None:
    picture = texture(7, (480, 360))
    thumbnail = np.asarray(Image.fromarray(picture).resize((120, 90), Image.Resampling.BILINEAR))
    features = extract(thumbnail)
    assert len(features) >= 100
    assert verify(features, extract(picture)) >= MIN_INLIERS


def test_a_mirrored_copy_is_found_through_the_mirror_image() -> None:
    picture = texture(8, (480, 360))
    index = FeatureIndex()
    index.add(1, extract(picture))
    index.add(2, extract(texture(9, (480, 360))))
    copy = np.ascontiguousarray(picture[20:340, 30:450][:, ::-1])  # cropped, then mirrored
    plain = extract(copy, 1000)
    assert plain.mirror is None
    assert index.matches(plain) == []  # ORB descriptors do not survive a mirror
    both = extract(copy, 1000, mirror=True)
    assert sorted(map(bytes, both.descriptors)) == sorted(map(bytes, plain.descriptors))
    assert [image for image, _ in index.matches(both)] == [1]
    # The mirror image is only looked at when the picture itself shows nothing.
    itself = extract(picture, 1000)
    assert index.matches(extract(picture, 1000, mirror=True)) == index.matches(itself)


def test_the_mirror_images_features_are_those_of_the_flipped_picture() -> None:
    # Only the descriptors are computed again, at the mirrored keypoints: what ORB detects on
    # the flipped picture, at the same places, with the same descriptors (to a few bits).
    picture = texture(12, (480, 360))
    mirror = extract(picture, 1000, mirror=True).mirror
    flipped = extract(np.ascontiguousarray(picture[:, ::-1]), 1000)
    assert mirror is not None and abs(len(mirror) - len(flipped)) <= 10
    apart = np.linalg.norm(mirror.points[:, None] - flipped.points[None], axis=2)
    nearest = apart.argmin(axis=1)
    same_place = apart[np.arange(len(mirror)), nearest] * 480 < 0.5
    assert same_place.mean() >= 0.9
    bits = np.unpackbits(mirror.descriptors ^ flipped.descriptors[nearest], axis=1).sum(axis=1)
    assert np.median(bits[same_place]) == 0 and (bits[same_place] <= 16).mean() >= 0.95


def test_a_querys_keypoints_come_in_rounds_over_the_grid() -> None:
    # The strongest of each of the 16 cells first, then the second strongest of each: the first
    # pass's first descriptors are spread over the whole picture, not its top rows.
    picture = texture(13, (480, 360))
    query = extract(picture, 1000, mirror=True)
    plain = extract(picture, 1000)
    assert sorted(map(bytes, query.descriptors)) == sorted(map(bytes, plain.descriptors))
    for features in (query, query.mirror):
        assert features is not None
        cells = (features.points * np.array([4 * 480 / 480, 4 * 480 / 360])).astype(int)
        first = {tuple(c) for c in np.minimum(cells[:16], 3)}
        assert len(first) == 16
        top = np.minimum(cells[:FIRST_PASS], 3)
        counts = np.unique(top[:, 1] * 4 + top[:, 0], return_counts=True)[1]
        assert len(counts) == 16 and counts.min() >= FIRST_PASS // 16 - 1


def test_an_upload_that_shows_nothing_is_searched_in_its_first_pass_only(
    monkeypatch: pytest.MonkeyPatch, pictures: dict[str, Image.Image]
) -> None:
    # 40 pictures: in a handful, chance neighbours pass the ratio test too easily to be chance.
    index = FeatureIndex()
    for seed in range(20, 60):
        index.add(seed, extract(texture(seed, (480, 360))))
    searched: list[list[int]] = []
    nearest = index._nearest

    def spy(descriptors: list[np.ndarray], *args: float) -> list[np.ndarray]:
        searched.append([len(d) for d in descriptors])
        return nearest(descriptors, *args)

    monkeypatch.setattr(index, "_nearest", spy)
    unrelated = extract(np.asarray(pictures["chelsea"]), 1000, mirror=True)
    assert index.matches(unrelated) == []
    assert searched == [[FIRST_PASS, FIRST_PASS]]  # the upload's and its mirror image's
    searched.clear()
    copy = np.ascontiguousarray(texture(22, (480, 360))[30:330, 40:440])
    assert [image for image, _ in index.matches(extract(copy, 1000, mirror=True))] == [22]
    assert searched == [[FIRST_PASS, FIRST_PASS], [1000 - FIRST_PASS]]  # then the rest


def test_a_photo_in_a_screenshot_is_found_through_its_trimmed_view() -> None:
    # The photo, its lower half painted over, is under a third of a phone screen's height:
    # ORB on the whole screen gives it few keypoints, ORB on the photo the trimmer finds many.
    picture = texture(10, (480, 360))
    index = FeatureIndex()
    index.add(1, extract(picture))
    index.add(2, extract(texture(11, (480, 360))))
    shown = np.asarray(Image.fromarray(picture).resize((336, 252)))
    shown = shown.copy()
    shown[126:] = (200, 170, 150)
    screen = np.empty((1200, 540, 3), np.uint8)
    screen[:] = (236, 229, 221)
    screen[:54] = (200, 200, 205)
    screen[54:116] = (0, 128, 105)
    screen[1100:] = (246, 246, 246)
    screen[700:952, 190:526] = shown
    views = Views(trimmed=True, keypoints=1000, mirrored=True)
    _, features = views_of(screen, views)
    assert features is not None and features.inner is not None
    whole = verify(features, index.get(1))
    inner = verify(features.inner, index.get(1))
    assert inner >= MIN_INLIERS and inner > whole
    assert [image for image, _ in index.matches(features)] == [1]
    # An ordinary photo has no small trimmed view, so no second extraction.
    _, plain = views_of(picture, views)
    assert plain is not None and plain.inner is None


# -- a protect bank through the service -------------------------------------------------------


def register_all(app: Unshared, bank: str, pictures: dict[str, Image.Image]) -> dict[int, str]:
    """PDQ entry id -> picture name."""
    out = {}
    for name, picture in pictures.items():
        entries = app.register_image(bank, encode(picture, "PNG"))
        out[next(e.id for e in entries if e.signal_type == "pdq")] = name
    return out


@pytest.mark.parametrize(
    "transform",
    ["crop_offset_80", "border_solid_25", "rotate_10", "edit_fill_35", "chain_flip_crop_jpeg"],
)
def test_protect_bank_catches_edited_copies(
    app: Unshared, pictures: dict[str, Image.Image], transform: str
) -> None:
    app.create_bank("mine", "protect")
    names = register_all(app, "mine", pictures)
    for name in ("chelsea", "coffee"):
        copy = TRANSFORMS[transform].apply(pictures[name], rng_for(1, transform, 0), donor=None)
        _, verdict = app.match_image_signals(encode(copy, "JPEG", quality=90))
        assert verdict.matched
        assert {names[m.entry] for m in verdict.matches} == {name}


def test_features_are_reported_as_such(app: Unshared, pictures: dict[str, Image.Image]) -> None:
    app.create_bank("mine", "protect")
    register_all(app, "mine", pictures)
    copy = TRANSFORMS["rotate_10"].apply(pictures["rocket"], rng_for(1, "rotate_10", 0), donor=None)
    _, verdict = app.match_image_signals(encode(copy, "JPEG", quality=90))
    (match,) = verdict.matches
    assert (match.signal, match.variant, match.bank_kind) == ("features", "features", "protect")
    assert match.distance >= MIN_INLIERS  # the count of agreeing keypoints


def test_other_photos_do_not_match(app: Unshared, pictures: dict[str, Image.Image]) -> None:
    app.create_bank("mine", "protect")
    register_all(app, "mine", {n: pictures[n] for n in ("chelsea", "coffee")})
    for name in ("rocket", "hubble_deep_field", "retina"):
        _, verdict = app.match_image_signals(encode(pictures[name], "JPEG", quality=90))
        assert not verdict.matches
    for seed in range(4):
        _, verdict = app.match_image_signals(encode(Image.fromarray(texture(seed)), "PNG"))
        assert not verdict.matches


@pytest.mark.parametrize("how", ["withdraw", "disable"])
def test_status_change_stops_feature_matches_at_once(
    app: Unshared, pictures: dict[str, Image.Image], how: str
) -> None:
    app.create_bank("mine", "protect")
    names = register_all(app, "mine", pictures)
    entry = next(i for i, n in names.items() if n == "chelsea")
    copy = TRANSFORMS["crop_center_80"].apply(pictures["chelsea"], rng_for(1, "c", 0), donor=None)
    data = encode(copy, "JPEG", quality=90)
    assert app.match_image_signals(data)[1].matched
    if how == "withdraw":
        app.withdraw_entry("mine", entry)
        assert entry not in app.features
    else:
        app.store.set_entry_status(entry, "disabled", actor="test")
    assert not app.match_image_signals(data)[1].matches


def test_features_survive_a_restart(tmp_path: Path, pictures: dict[str, Image.Image]) -> None:
    with Unshared(Settings.load(env={}, home=tmp_path)) as app:
        app.create_bank("mine", "protect")
        register_all(app, "mine", {"coffee": pictures["coffee"]})
    copy = TRANSFORMS["rotate_10"].apply(pictures["coffee"], rng_for(1, "r", 0), donor=None)
    with Unshared(Settings.load(env={}, home=tmp_path)) as app:
        assert app.match_image_signals(encode(copy, "JPEG", quality=90))[1].matched


def test_ncii_banks_never_store_features(app: Unshared, pictures: dict[str, Image.Image]) -> None:
    app.create_bank("ncii")
    register_all(app, "ncii", pictures)
    assert len(app.features) == 0
    app.save_index()
    assert not (app.index_folder / "features").exists()
    copy = TRANSFORMS["rotate_10"].apply(pictures["coffee"], rng_for(1, "r", 0), donor=None)
    assert not app.match_image_signals(encode(copy, "JPEG", quality=90))[1].matches


def test_the_feed_carries_no_features(app: Unshared, pictures: dict[str, Image.Image]) -> None:
    app.create_bank("mine", "protect")
    entries = app.register_image("mine", encode(pictures["coffee"], "PNG"))
    assert {e.signal_type for e in entries} == {"pdq", "md5", "sha256"}
    assert {c.signal_type for c in app.store.changes()} <= {"pdq", "md5", "sha256"}
    # What a platform syncs, and every export format: hashes, never a descriptor or a point.
    assert {c.signal_type for c in app.feed().changes} <= {"pdq", "md5", "sha256"}
    features = app.features.get(next(e.id for e in entries if e.signal_type == "pdq"))
    descriptor = features.descriptors[0].tobytes().hex()
    for fmt in ("lines", "csv", "pytx"):
        out = io.StringIO()
        app.lists.export("mine", out, fmt)
        assert out.getvalue() and descriptor not in out.getvalue()
        assert "features" not in out.getvalue()
