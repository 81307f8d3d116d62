"""Edits that keep the geometry: recompression, colour filters, blur, noise and sharpening."""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter

from bench.transforms.base import Transform

Pixels = Callable[[Image.Image], Image.Image]


def _fixed(name: str, family: str, params: dict[str, object], edit: Pixels) -> Transform:
    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        return edit(image)

    return Transform(name, family, params, run)


def jpeg(quality: int) -> Transform:
    def edit(image: Image.Image) -> Image.Image:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=quality)
        buffer.seek(0)
        with Image.open(buffer) as decoded:
            return decoded.convert("RGB")

    # Pillow's default chroma subsampling is 4:2:0, as most platforms use.
    return _fixed(
        f"jpeg_q{quality}", "recompression", {"quality": quality, "codec": "pillow"}, edit
    )


_ENHANCERS = {
    "brightness": ImageEnhance.Brightness,
    "contrast": ImageEnhance.Contrast,
    "saturation": ImageEnhance.Color,
}


def enhance(what: str, factor: float) -> Transform:
    enhancer = _ENHANCERS[what]
    return _fixed(
        f"{what}_{factor:g}",
        "colour_filter",
        {"factor": factor},
        lambda image: enhancer(image).enhance(factor),
    )


def gamma(value: float) -> Transform:
    table = [round(255 * (i / 255) ** value) for i in range(256)] * 3
    return _fixed(
        f"gamma_{value:g}", "colour_filter", {"gamma": value}, lambda image: image.point(table)
    )


def _greyscale(image: Image.Image) -> Image.Image:
    return image.convert("L").convert("RGB")


_SEPIA = np.array(
    [[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]], dtype=np.float32
)


def _sepia(image: Image.Image) -> Image.Image:
    pixels = np.asarray(image, dtype=np.float32) @ _SEPIA.T
    return Image.fromarray(np.clip(pixels + 0.5, 0, 255).astype(np.uint8))


VIGNETTE_STRENGTH = 0.6


def _vignette(image: Image.Image) -> Image.Image:
    # Darker towards the corners: 1 at the centre, 1 - strength at the corners.
    ys = np.linspace(-1.0, 1.0, image.height, dtype=np.float32)[:, None]
    xs = np.linspace(-1.0, 1.0, image.width, dtype=np.float32)[None, :]
    gain = 1.0 - VIGNETTE_STRENGTH * (xs * xs + ys * ys) / 2.0
    pixels = np.asarray(image, dtype=np.float32) * gain[:, :, None]
    return Image.fromarray(np.clip(pixels + 0.5, 0, 255).astype(np.uint8))


def _noise(sigma: float) -> Transform:
    def run(image: Image.Image, rng: np.random.Generator, donor: Image.Image | None) -> Image.Image:
        noise = rng.normal(0.0, sigma, (image.height, image.width, 3))
        pixels = np.asarray(image, dtype=np.float64) + noise
        return Image.fromarray(np.clip(np.rint(pixels), 0, 255).astype(np.uint8))

    return Transform(f"noise_gauss_{sigma:g}", "blur_noise", {"sigma": sigma}, run, seeded=True)


RECOMPRESSION: tuple[Transform, ...] = tuple(jpeg(q) for q in (90, 70, 50, 30))

COLOUR_FILTERS: tuple[Transform, ...] = (
    enhance("brightness", 1.3),
    enhance("brightness", 0.7),
    enhance("contrast", 1.3),
    enhance("contrast", 0.7),
    gamma(0.7),
    gamma(1.5),
    enhance("saturation", 1.5),
    enhance("saturation", 0.5),
    _fixed("greyscale", "colour_filter", {"weights": "ITU-R 601-2 luma"}, _greyscale),
    _fixed("sepia", "colour_filter", {"matrix": "Microsoft sepia"}, _sepia),
    _fixed("vignette", "colour_filter", {"corner_gain": 1 - VIGNETTE_STRENGTH}, _vignette),
)

BLUR_NOISE: tuple[Transform, ...] = (
    _fixed(
        "blur_gauss_2",
        "blur_noise",
        {"radius": 2},
        lambda image: image.filter(ImageFilter.GaussianBlur(2)),
    ),
    _noise(10),
    _fixed(
        "sharpen",
        "blur_noise",
        {"unsharp_radius": 2, "percent": 150, "threshold": 3},
        lambda image: image.filter(ImageFilter.UnsharpMask(radius=2, percent=150, threshold=3)),
    ),
)
