"""The kinds of copy of issue 13: body-region replacement, fakes passed on, tight crops, app
screenshots with layered chrome and photos padded with their own blurred copy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from scipy import ndimage

from bench.transforms import TRANSFORMS, body_mask, families, rng_for
from bench.transforms.bodyswap import DONORS, FEATHER, held_out_donor
from bench.transforms.screen import SCREENS
from tests.bench.test_transforms import field
from tests.imaging import sample_photo

SCREENSHOTS = families()["app_screenshot"]
SWAPS = families()["body_swap"]
MAGENTA = (255, 0, 255)


def run(
    name: str, image: Image.Image, seed: int = 7, donor: Image.Image | None = None
) -> Image.Image:
    return TRANSFORMS[name].apply(image, rng_for(seed, name, 0), donor)


def marked(width: int = 240, height: int = 180) -> Image.Image:
    """A magenta picture with green stripes: no chrome of any screenshot has its colour."""
    pixels = np.zeros((height, width, 3), np.uint8)
    pixels[:] = MAGENTA
    pixels[:, 8::16] = (0, 255, 0)
    return Image.fromarray(pixels)


def magenta_box(image: Image.Image) -> tuple[int, int, int, int]:
    """left, top, right, bottom (exclusive) of the magenta pixels."""
    pixels = np.asarray(image).astype(np.int16)
    hit = (pixels[:, :, 0] > 190) & (pixels[:, :, 1] < 80) & (pixels[:, :, 2] > 190)
    rows, cols = np.flatnonzero(hit.any(axis=1)), np.flatnonzero(hit.any(axis=0))
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


# -- body-region replacement ------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(64, 640),
    height=st.integers(64, 640),
    fraction=st.sampled_from([0.4, 0.5, 0.6]),
    seed=st.integers(0, 2**32 - 1),
)
def test_body_mask_covers_the_share_and_keeps_the_top(
    width: int, height: int, fraction: float, seed: int
) -> None:
    mask = body_mask((width, height), fraction, np.random.default_rng(seed))
    assert mask.shape == (height, width)
    assert abs(mask.mean() - fraction) <= 0.02
    assert not mask[: int(0.2 * height)].any()  # the top of the picture (the face) is kept
    assert mask[-1].any()  # the region runs to the bottom edge


def test_body_mask_refuses_impossible_shares() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        body_mask((100, 100), 0.0, np.random.default_rng(0))


@pytest.mark.parametrize("name", SWAPS)
def test_body_swap_changes_only_the_body_region(name: str) -> None:
    image = field(240, 180, seed=4)
    fraction = TRANSFORMS[name].params["area"]
    mask = body_mask(image.size, fraction, rng_for(7, name, 0))  # drawn first, redrawn here
    reach = 4 * max(1.0, FEATHER * 240) + 1
    far = ~ndimage.binary_dilation(mask, iterations=int(np.ceil(reach)))
    before, after = np.asarray(image), np.asarray(run(name, image))
    assert np.array_equal(before[far], after[far])
    assert (np.abs(before[mask].astype(int) - after[mask]).sum(axis=1) > 6).mean() > 0.5


@pytest.mark.parametrize("name", ["bodyswap_donor_50", "bodyswap_donor_40_screenshot"])
def test_body_swap_donors_are_never_the_benchmark_photos(name: str) -> None:
    # The donor a benchmark passes (a registered photo) is not read: the content comes from a
    # photo no bank holds.
    image = field(200, 150, seed=1)
    first = run(name, image, donor=Image.new("RGB", (50, 40), (10, 200, 30)))
    assert first.tobytes() == run(name, image, donor=field(90, 60, seed=9)).tobytes()
    assert np.abs(np.asarray(first).astype(int) - (10, 200, 30)).sum(axis=2).min() > 0


def test_held_out_donors_load_and_vary() -> None:
    cuts = {held_out_donor((60, 40), np.random.default_rng(seed)).tobytes() for seed in range(6)}
    assert len(cuts) == 6
    assert len(DONORS) >= 5


def test_fill_is_smooth_and_inpainting_comes_from_the_edge() -> None:
    image = field(240, 180, seed=2)
    mask = body_mask(image.size, 0.5, rng_for(7, "bodyswap_fill_50", 0))
    inner = ndimage.binary_erosion(mask, iterations=6)
    filled = np.asarray(run("bodyswap_fill_50", image)).astype(np.float64)
    assert np.abs(np.diff(filled, axis=1))[inner[:, 1:]].mean() < 3
    mask = body_mask(image.size, 0.5, rng_for(7, "bodyswap_inpaint_50", 0))
    inner = ndimage.binary_erosion(mask, iterations=6)
    painted = np.asarray(run("bodyswap_inpaint_50", image)).astype(np.float64)
    edge = np.asarray(image).astype(np.float64)[ndimage.binary_dilation(mask) & ~mask]
    assert (painted[inner].min(axis=0) >= edge.min(axis=0) - 2).all()
    assert (painted[inner].max(axis=0) <= edge.max(axis=0) + 2).all()


def test_shared_fakes_are_screenshots_or_halved() -> None:
    image = field(240, 180, seed=3)
    for name in families()["body_swap_shared"]:
        out = run(name, image)
        if name.endswith("_screenshot"):
            assert out.size in SCREENS
        else:
            assert out.size == (120, 90)


# -- screenshots with layered chrome ----------------------------------------------------------


@pytest.mark.parametrize("name", SCREENSHOTS)
def test_screenshot_chrome_has_layers_of_several_colours(name: str) -> None:
    layers = []
    for seed in range(10):
        out = np.asarray(run(name, marked(), seed=seed))
        edge = [tuple(c) for c in out[:, 2]]  # down the left edge: bar after bar
        distinct = [c for i, c in enumerate(edge) if i == 0 or c != edge[i - 1]]
        layers.append(len(set(distinct)))
        assert out.shape[1::-1] in SCREENS
    assert min(layers) >= 2
    assert sum(n >= 3 for n in layers) >= 7


@pytest.mark.parametrize("name", SCREENSHOTS)
@pytest.mark.parametrize("size", [(240, 180), (180, 240)])
def test_screenshot_holds_the_whole_photo(name: str, size: tuple[int, int]) -> None:
    for seed in range(4):
        out = run(name, marked(*size), seed=seed)
        left, top, right, bottom = magenta_box(out)
        assert (right - left) / (bottom - top) == pytest.approx(size[0] / size[1], rel=0.03)
        if "viewer" in name and size[0] > size[1]:
            assert (left, right) == (0, out.width)  # full width
        if "chat" in name:
            assert 0.55 * out.width <= right - left <= 0.8 * out.width  # in a bubble
            assert left > 0 and right < out.width
        assert top > 0.08 * out.height and bottom < out.height - 60  # bars above and below


@pytest.mark.parametrize("name", ["padded_blurred_story", "padded_blurred_square"])
def test_blurred_padding_is_the_photo_blurred(name: str) -> None:
    image = sample_photo("coffee").resize((240, 180))
    out = np.asarray(run(name, image)).astype(np.float64)
    height, width = out.shape[:2]
    if name.endswith("square"):
        assert (width, height) == (240, 240)
        top = (240 - 180) // 2
        assert np.array_equal(out[top : top + 180], np.asarray(image))
    else:
        assert (width, height) in {(w, round(w * 16 / 9)) for w, _ in SCREENS}
    # Far smoother than the photo: its curvature along the rows, at a few times less.
    band, photo = out[:12], out[height // 2 - 6 : height // 2 + 6]
    assert np.abs(np.diff(band, 2, axis=1)).mean() < 0.4 * np.abs(np.diff(photo, 2, axis=1)).mean()


def test_story_screenshot_draws_its_chrome_over_the_blur() -> None:
    out = run("screenshot_story", marked(), seed=1)
    assert out.size in SCREENS
    _, top, _, bottom = magenta_box(out)
    assert top < out.height * 0.1 and bottom > out.height * 0.9  # the blurred copy, everywhere
    pixels = np.asarray(out)
    assert (pixels[: out.height // 8] == 255).all(axis=2).any()  # white chrome at the top
