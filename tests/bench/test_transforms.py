"""The benchmark's transforms: sizes, determinism, contracts, edit areas and the registry."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from bench.transforms import (
    FAMILIES,
    TRANSFORMS,
    Registry,
    Transform,
    apply_all,
    edit_mask,
    families,
    inner_rectangle,
    rng_for,
)
from tests.imaging import sample_photo

NAMES = list(TRANSFORMS)
SEEDED = [name for name, t in TRANSFORMS.items() if t.seeded]
UNSEEDED = [name for name, t in TRANSFORMS.items() if not t.seeded]


def field(width: int = 200, height: int = 150, seed: int = 0) -> Image.Image:
    """A smooth random colour field: photo-like, no file needed."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, 256, (max(2, height // 16), max(2, width // 16), 3), dtype=np.uint8)
    return Image.fromarray(coarse).resize((width, height), Image.Resampling.BICUBIC)


@pytest.fixture(scope="module")
def image() -> Image.Image:
    return field()


@pytest.fixture(scope="module")
def donor() -> Image.Image:
    return sample_photo("coffee").resize((120, 80))


def run(
    name: str, image: Image.Image, seed: int = 7, donor: Image.Image | None = None
) -> Image.Image:
    return TRANSFORMS[name].apply(image, rng_for(seed, name, 0), donor)


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("jpeg_q30", (200, 150)),
        ("resize_0.25", (50, 38)),
        ("resize_0.5", (100, 75)),
        ("resize_2", (400, 300)),
        ("stretch_width_1.3", (260, 150)),
        ("crop_center_90", (180, 135)),
        ("crop_center_80", (160, 120)),
        ("crop_center_70", (140, 105)),
        ("crop_offset_90", (180, 135)),
        ("crop_offset_80", (160, 120)),
        ("crop_offset_70", (140, 105)),
        ("border_solid_10", (240, 180)),
        ("border_solid_25", (300, 225)),
        ("border_blurred_10", (240, 180)),
        ("border_blurred_25", (300, 225)),
        ("letterbox", (267, 150)),
        ("screenshot_phone_light", (585, 1266)),
        ("screenshot_phone_dark", (585, 1266)),
        ("meme_caption_top", (200, 180)),
        ("meme_caption_top_bottom", (200, 210)),
        ("rotate_90", (150, 200)),
        ("rotate_180", (200, 150)),
        ("rotate_270", (150, 200)),
        ("flip_lr", (200, 150)),
        ("flip_tb", (200, 150)),
        ("rotate_10", (200, 150)),
        ("edit_inpaint_50", (200, 150)),
        ("chain_jpeg_crop_brightness", (180, 135)),
        ("chain_resize_text_jpeg", (100, 75)),
        ("chain_border_rotate_saturation", (240, 180)),
        ("crop_center_60", (120, 90)),
        ("crop_offset_60", (120, 90)),
        ("bodyswap_donor_50", (200, 150)),
        ("bodyswap_donor_50_messenger", (100, 75)),
        ("padded_blurred_square", (200, 200)),
    ],
)
def test_output_sizes(image: Image.Image, name: str, size: tuple[int, int]) -> None:
    assert run(name, image).size == size


@pytest.mark.parametrize(
    ("size", "framed"),
    [((150, 200), (150, 267)), ((160, 90), (160, 284)), ((90, 160), (284, 160))],
)
def test_letterbox_picks_the_frame_that_adds_bars(
    size: tuple[int, int], framed: tuple[int, int]
) -> None:
    # Portrait goes to 9:16; an exact 16:9 (or 9:16) picture goes to the other frame.
    out = run("letterbox", field(*size))
    assert out.size == framed
    assert out.size != size


def test_crops_take_the_window_they_say(image: Image.Image) -> None:
    assert run("crop_center_80", image).tobytes() == image.crop((20, 15, 180, 135)).tobytes()
    pixels, out = np.asarray(image), np.asarray(run("crop_offset_70", image))
    windows = [
        (x, y)
        for x in range(200 - 140 + 1)
        for y in range(150 - 105 + 1)
        if np.array_equal(pixels[y : y + 105, x : x + 140], out)
    ]
    assert len(windows) == 1


@pytest.mark.parametrize("name", ["border_solid_25", "border_blurred_10", "letterbox"])
def test_borders_keep_the_picture_whole_in_the_middle(image: Image.Image, name: str) -> None:
    out = run(name, image)
    left, top = (out.width - image.width) // 2, (out.height - image.height) // 2
    inner = out.crop((left, top, left + image.width, top + image.height))
    assert inner.tobytes() == image.tobytes()


def test_solid_border_is_one_colour(image: Image.Image) -> None:
    pixels = np.asarray(run("border_solid_10", image))
    band = pixels[:15].reshape(-1, 3)
    assert (band == band[0]).all()


@pytest.mark.parametrize("degrees", [3, 5, 10])
def test_rotate_crop_leaves_no_fill(degrees: int) -> None:
    white = Image.new("RGB", (200, 150), (255, 255, 255))
    assert np.asarray(run("rotate_10", white)).min() == 0  # the corners are filled black
    cropped = run(f"rotate_crop_{degrees}", white)
    assert np.asarray(cropped).min() >= 250
    inner_w, inner_h = inner_rectangle(200, 150, degrees)
    assert cropped.width <= inner_w and cropped.height <= inner_h
    assert cropped.width >= inner_w - 4 and cropped.height >= inner_h - 4


def test_inner_rectangle_of_no_turn_is_the_rectangle() -> None:
    assert inner_rectangle(200, 150, 0) == pytest.approx((200, 150))
    assert inner_rectangle(150, 200, 90) == pytest.approx((200, 150))


@pytest.mark.parametrize("name", NAMES)
def test_every_transform_is_deterministic_and_keeps_its_inputs(
    image: Image.Image, donor: Image.Image, name: str
) -> None:
    before, donor_before = image.tobytes(), donor.tobytes()
    first = run(name, image, donor=donor)
    second = run(name, image, donor=donor)
    assert first.mode == "RGB"
    assert first.width >= 8 and first.height >= 8
    assert first.size == second.size and first.tobytes() == second.tobytes()
    assert image.tobytes() == before and donor.tobytes() == donor_before


@pytest.mark.parametrize("name", SEEDED)
def test_seeded_transforms_change_with_the_seed(image: Image.Image, name: str) -> None:
    outputs = {run(name, image, seed=seed).tobytes() for seed in range(4)}
    assert len(outputs) > 1


@pytest.mark.parametrize("name", UNSEEDED)
def test_unseeded_transforms_ignore_the_seed(image: Image.Image, name: str) -> None:
    assert run(name, image, seed=1).tobytes() == run(name, image, seed=2).tobytes()


@pytest.mark.parametrize("size", [(8, 8), (31, 9), (9, 40)])
@pytest.mark.parametrize("name", NAMES)
def test_tiny_and_thin_pictures_still_give_8x8_rgb(name: str, size: tuple[int, int]) -> None:
    out = run(name, field(*size, seed=3))
    assert out.mode == "RGB"
    assert out.width >= 8 and out.height >= 8


@pytest.mark.parametrize("mode", ["L", "RGBA", "P", "CMYK"])
def test_other_modes_are_converted(image: Image.Image, mode: str) -> None:
    assert run("crop_offset_90", image.convert(mode)).mode == "RGB"


def test_too_small_pictures_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 8x8"):
        run("jpeg_q90", field(7, 40))


def test_families_cover_the_benchmark_list() -> None:
    assert set(families()) == {
        "recompression",
        "resize",
        "crop",
        "border",
        "screenshot",
        "overlay",
        "rotate90_flip",
        "small_rotation",
        "colour_filter",
        "blur_noise",
        "chain",
        "edit",
        "body_swap",
        "body_swap_shared",
        "tight_crop",
        "app_screenshot",
        "blurred_padding",
    }
    assert {t.family for t in TRANSFORMS.values()} == set(FAMILIES)
    assert sorted(n for names in families().values() for n in names) == sorted(TRANSFORMS)


def test_registry_refuses_duplicate_names() -> None:
    registry = Registry()
    registry.register(TRANSFORMS["jpeg_q90"])
    copy = Transform("jpeg_q90", "recompression", {"quality": 10}, TRANSFORMS["jpeg_q30"].fn)
    with pytest.raises(ValueError, match="already registered"):
        registry.register(copy)
    assert registry["jpeg_q90"] is TRANSFORMS["jpeg_q90"]
    assert not hasattr(TRANSFORMS, "__setitem__")


def test_params_are_read_only() -> None:
    with pytest.raises(TypeError):
        TRANSFORMS["jpeg_q30"].params["quality"] = 95  # type: ignore[index]


def test_generators_depend_on_seed_name_and_index_only() -> None:
    def draw(seed: int, name: str, index: int) -> int:
        return int(rng_for(seed, name, index).integers(1 << 62))

    # Pinned, so a run's seed reproduces it in any process (str hash() would not).
    assert draw(1, "crop_offset_80", 0) == draw(1, "crop_offset_80", 0) == 502672873578077882
    assert len({draw(1, "crop_offset_80", 0), draw(2, "crop_offset_80", 0)}) == 2
    assert len({draw(1, "crop_offset_80", 0), draw(1, "crop_offset_70", 0)}) == 2
    assert len({draw(1, "crop_offset_80", 0), draw(1, "crop_offset_80", 1)}) == 2


@settings(max_examples=150, deadline=None)
@given(
    width=st.integers(32, 640),
    height=st.integers(32, 640),
    fraction=st.sampled_from([0.2, 0.35, 0.5]),
    seed=st.integers(0, 2**32 - 1),
)
def test_edit_mask_covers_the_nominal_area(
    width: int, height: int, fraction: float, seed: int
) -> None:
    mask = edit_mask((width, height), fraction, np.random.default_rng(seed))
    assert mask.shape == (height, width) and mask.dtype == np.bool_
    assert abs(mask.mean() - fraction) <= 0.03


def test_edit_mask_refuses_impossible_fractions() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        edit_mask((100, 100), 1.0, np.random.default_rng(0))


def _mask_for(name: str, image: Image.Image, seed: int = 7) -> np.ndarray:
    # The edits draw their mask first, so the same generator redraws it.
    fraction = TRANSFORMS[name].params["area"]
    return edit_mask(image.size, fraction, rng_for(seed, name, 0))


@pytest.mark.parametrize(
    "name", [f"edit_{how}_{p}" for how in ("fill", "inpaint") for p in (20, 50)]
)
def test_edits_change_only_the_masked_region(image: Image.Image, name: str) -> None:
    mask = _mask_for(name, image)
    before, after = np.asarray(image), np.asarray(run(name, image))
    assert np.array_equal(before[~mask], after[~mask])
    assert (before[mask] != after[mask]).any(axis=1).mean() > 0.5
    if name.startswith("edit_fill"):
        assert len(np.unique(after[mask], axis=0)) == 1


def test_donor_edit_pastes_the_donor(image: Image.Image) -> None:
    flat = Image.new("RGB", (50, 40), (10, 200, 30))
    mask = _mask_for("edit_donor_35", image)
    after = np.asarray(run("edit_donor_35", image, donor=flat))
    assert (after[mask] == (10, 200, 30)).all()
    assert np.array_equal(after[~mask], np.asarray(image)[~mask])
    # Without a donor, a seeded texture goes in instead.
    textured = np.asarray(run("edit_donor_35", image))
    assert len(np.unique(textured[mask], axis=0)) > 100


def test_fixed_chain_is_its_steps_in_order(image: Image.Image) -> None:
    expected = image
    for step in TRANSFORMS["chain_jpeg_crop_brightness"].params["steps"]:
        expected = run(step, expected)
    assert run("chain_jpeg_crop_brightness", image).tobytes() == expected.tobytes()


def test_random_chain_draws_from_its_pool(image: Image.Image) -> None:
    pool = TRANSFORMS["chain_random"].params["pool"]
    assert all(TRANSFORMS[name].family not in {"edit", "chain", "rotate90_flip"} for name in pool)
    sizes = {run("chain_random", image, seed=seed).size for seed in range(12)}
    assert len(sizes) > 1  # some draws resize, crop or pad, others keep the size


def test_apply_all_gives_every_transform(image: Image.Image) -> None:
    small = image.resize((64, 48))
    every = apply_all(small, seed=3, index=5)
    assert list(every) == list(TRANSFORMS)
    some = apply_all(small, seed=3, index=5, names=["crop_offset_80", "noise_gauss_10"])
    assert some["noise_gauss_10"].tobytes() == every["noise_gauss_10"].tobytes()
    other_index = apply_all(small, seed=3, index=6, names=["noise_gauss_10"])
    assert other_index["noise_gauss_10"].tobytes() != every["noise_gauss_10"].tobytes()
