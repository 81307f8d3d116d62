"""Image bytes -> a small RGB pixel array, ready for PDQ.

PDQ reduces every picture to 64x64 before its DCT, so decoding 12 megapixels only to throw them
away is waste. We ask the JPEG decoder for a reduced-size decode (its DCT scaling, Pillow's
``draft``), and shrink any other format by an integer box filter (``Image.reduce``), in both cases
stopping while the short side is still at least ``PDQ_SIDE`` pixels. Measured on phone-size photos
this stays within a few bits of the full-size reference (``benchmarks/hash_throughput.py``).

Only a fixed list of formats is decoded: the ones people's photos come in. Formats that run
external programs (EPS) or are rarely legitimate uploads are refused.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

from unshared.errors import (
    CorruptImage,
    EmptyFile,
    FileTooLarge,
    ImageTooLarge,
    NotAnImage,
    UnsupportedFormat,
)

pillow_heif.register_heif_opener()
Image.init()
# The JPEG opener also reads MPO (multi-picture JPEGs from phones); HEIF comes from pillow-heif,
# AVIF from Pillow itself.
FORMATS = tuple(
    f for f in ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "HEIF", "AVIF") if f in Image.OPEN
)

#: Decoding stops shrinking while the short side is at least this many pixels.
PDQ_SIDE = 256
#: Largest integer shrink factor; JPEG's DCT scaling also stops at 1/8.
MAX_REDUCE = 8

# Our own pixel limit is checked before decoding; Pillow's warning would only repeat it.
Image.MAX_IMAGE_PIXELS = None


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 50 * 1024 * 1024
    max_pixels: int = 200_000_000


def check_size(nbytes: int, limits: Limits) -> None:
    if nbytes == 0:
        raise EmptyFile("the file is empty")
    if nbytes > limits.max_file_bytes:
        raise FileTooLarge(
            f"the file is {nbytes:,} bytes; the limit is {limits.max_file_bytes:,}",
            size=nbytes,
            limit=limits.max_file_bytes,
        )


def decode_for_pdq(data: bytes, limits: Limits = Limits()) -> np.ndarray:
    """Decode image bytes to an ``(h, w, 3)`` uint8 RGB array, shrunk for PDQ.

    Applies EXIF orientation, takes the first frame of animations, drops transparency (as the
    PDQ reference tools do) and scales 16-bit and float images to 8 bits. Raises a
    ``NotAnImage`` subclass, ``FileTooLarge`` or ``ImageTooLarge``; never returns garbage.
    """
    check_size(len(data), limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns on odd but readable metadata
            image = _open(data, limits)
            return _to_rgb_array(image)
    except (NotAnImage, ImageTooLarge):
        raise
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError) as exc:
        # Pillow reports truncated and damaged files through these.
        raise CorruptImage(f"the image could not be decoded: {exc}") from exc
    except Image.DecompressionBombError as exc:  # pragma: no cover - MAX_IMAGE_PIXELS is off
        raise ImageTooLarge(str(exc)) from exc
    except MemoryError as exc:
        raise ImageTooLarge("the image needs more memory to decode than there is") from exc


def _open(data: bytes, limits: Limits) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data), formats=FORMATS)
    except UnidentifiedImageError:
        kind = _sniff_other(data)
        if kind:
            raise UnsupportedFormat(
                f"{kind} files are not accepted; use JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC or AVIF",
                format=kind,
            ) from None
        raise NotAnImage(
            "not an image: use JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC or AVIF"
        ) from None
    width, height = image.size
    if width <= 0 or height <= 0:
        raise CorruptImage(f"the image claims to be {width}x{height} pixels")
    if width * height > limits.max_pixels:
        raise ImageTooLarge(
            f"the image is {width}x{height} = {width * height:,} pixels;"
            f" the limit is {limits.max_pixels:,}",
            width=width,
            height=height,
            limit=limits.max_pixels,
        )
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", (PDQ_SIDE, PDQ_SIDE))
    image.load()
    return image


def _to_rgb_array(image: Image.Image) -> np.ndarray:
    image = ImageOps.exif_transpose(image)
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        image = _to_8bit(image)
    # Transparency is dropped, keeping the colour under it, as the PDQ reference tools do: a
    # hash shared by another bank must match the hash we make of the same file.
    rgb = image.convert("RGB")
    factor = min(MAX_REDUCE, rgb.width // PDQ_SIDE, rgb.height // PDQ_SIDE)
    if factor >= 2:
        rgb = rgb.reduce(factor)
    return np.asarray(rgb, dtype=np.uint8)


def _to_8bit(image: Image.Image) -> Image.Image:
    """Scale 16-bit and 32-bit grey to 0-255 by the range the mode can hold."""
    array = np.asarray(image)
    if image.mode.startswith("I;16"):
        scaled = array.astype(np.float32) / 257.0
    elif image.mode == "F":
        # Float images in the wild are stored either in 0..1 or in 0..255.
        peak = float(np.nanmax(array)) if array.size else 0.0
        scaled = array * 255.0 if peak <= 1.0 else array
    else:  # "I": 32-bit ints, usually 16-bit data in a 32-bit container
        peak = float(array.max()) if array.size else 0.0
        scaled = array / 257.0 if peak > 255 else array
    clean = np.nan_to_num(scaled, nan=0.0, posinf=255.0, neginf=0.0)
    return Image.fromarray(np.clip(np.rint(clean), 0, 255).astype(np.uint8), mode="L")


_OTHER_SIGNATURES = (
    (b"%!PS", "PostScript"),
    (b"\xc5\xd0\xd3\xc6", "EPS"),
    (b"8BPS", "Photoshop"),
    (b"%PDF", "PDF"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"icns", "ICNS"),
    (b"DDS ", "DDS"),
)


def _sniff_other(data: bytes) -> str | None:
    """Name image-like formats we refuse on purpose, so the error can say so."""
    for signature, name in _OTHER_SIGNATURES:
        if data.startswith(signature):
            return name
    if data.lstrip()[:5].lower() in (b"<svg ", b"<?xml"):
        return "SVG"
    return None
