"""Image bytes -> a small RGB pixel array, ready for PDQ.

PDQ reduces every picture to 64x64 before its DCT, so decoding 12 megapixels only to throw them
away is waste. We ask the JPEG decoder for a reduced-size decode (its DCT scaling, Pillow's
``draft``), and shrink any other format by a box filter (``Image.reduce``), by the same factor: a
power of two up to 8, the largest that keeps the short side at least ``PDQ_SIDE`` pixels.

Why those two rules. PDQ itself blurs the picture it is given with two passes of a box filter as
wide as 1/128 of each side (Jarosz), then samples it 64 times each way. The reference pipeline
(python-threatexchange: full decode, then ``pdqhash``) gives it the full picture. A pre-shrink by
k makes PDQ's first pass about the same (a box of k, then of w/k, is a box of w), but its second
pass coarser, so the fine, regular detail of buildings, fences and text that the filter does not
remove aliases differently. With the short side kept at 512, PDQ's window is still at least 4
shrunk pixels wide and the hash stays within a few bits of the reference; at 256 (2 pixels) it
drifted by up to 48 bits. And a PNG reduced by 3 and its JPEG copy DCT-scaled by 2 aliased
differently, so a photo and its own recompression landed far apart where the reference puts them
together; one factor for every format keeps them together. ``benchmarks/fidelity.py`` measures
both on high-detail pictures (``docs/hashing.md``).

Only a fixed list of formats is decoded: the ones people's photos come in. Formats that run
external programs (EPS) or are rarely legitimate uploads are refused.

Decoding has a budget, checked from the header before any pixel is decoded, because a file of a
few hundred kilobytes can claim a picture that takes gigabytes and minutes to decode:

- ``max_pixels``: width x height;
- ``max_side`` and ``max_aspect``: the long side, and the long side over the short one (for a
  long side over ``MAX_LONG_SIDE``). A 100 x 2,000,000 picture is under any pixel limit yet is
  no photo or screenshot;
- ``max_decode_bytes``: the memory the decoded picture needs in Pillow. Every format but JPEG
  decodes at full size before it can be shrunk, so this bounds the one full-size copy; JPEG is
  checked at the size its reduced (draft) decode gives.

After decoding, the picture is shrunk before any other full-size copy is made where the result
is the same (8-bit grey and RGB), 16-bit and float pictures are shrunk in their own mode before
they are scaled to 8 bits, and a long side still over ``MAX_LONG_SIDE`` is squeezed (PDQ squeezes
every picture to 64 x 64 anyway), so that the 8 turned copies of a thin picture stay small.

Every failure of a decoder, whatever it raises (Pillow's ``OSError``, pillow-heif's
``RuntimeError``, ...), becomes a ``CorruptImage``: a damaged upload is the sender's problem, not
a server error.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from unshared.errors import (
    CorruptImage,
    EmptyFile,
    FileTooLarge,
    ImageTooLarge,
    NotAnImage,
    UnsharedError,
    UnsupportedFormat,
)

if TYPE_CHECKING:
    from unshared.config import Settings

#: The formats decoded, in the order their openers are tried. The JPEG opener also reads MPO
#: (multi-picture JPEGs from phones); HEIF comes from pillow-heif, AVIF from Pillow itself.
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "HEIF", "AVIF")

#: Decoding shrinks no further than would take the short side under this many pixels: at 512
#: PDQ's own filter is at least 4 shrunk pixels wide, so the pre-shrink barely changes its result.
PDQ_SIDE = 512
#: Largest shrink factor; JPEG's DCT scaling also stops at 1/8. Factors are powers of two, the
#: ones JPEG's DCT scaling offers, so that every format is shrunk alike.
MAX_REDUCE = 8
#: A long side still over this after shrinking is squeezed to it. Only thin pictures get here
#: (a 4000 x 3000 photo is 1000 x 750 by then), so ordinary photos hash as before.
MAX_LONG_SIDE = 4096

# Our own pixel limit is checked before decoding; Pillow's warning would only repeat it.
Image.MAX_IMAGE_PIXELS = None


@dataclass(frozen=True, slots=True)
class Limits:
    """The decoding budget; ``Settings`` documents each limit (``docs/configuration.md``)."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_pixels: int = 200_000_000
    max_side: int = 50_000
    max_aspect: float = 50.0
    max_decode_bytes: int = 256 * 1024 * 1024

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(
            max_file_bytes=settings.max_file_bytes,
            max_pixels=settings.max_pixels,
            max_side=settings.max_side,
            max_aspect=settings.max_aspect,
            max_decode_bytes=settings.max_decode_bytes,
        )


# Bytes Pillow holds per pixel: 1 for 1/L/P, 2 for I;16, and 4 for everything else (RGB is
# stored as RGBX).
_PIXEL_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2, "I;16N": 2}


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
    except UnsharedError:
        raise
    except MemoryError as exc:
        raise ImageTooLarge("the image needs more memory to decode than there is") from exc
    except Exception as exc:
        # Decoders report damaged files through any exception: Pillow through OSError,
        # SyntaxError, ValueError, EOFError and more; pillow-heif through RuntimeError. All of
        # them mean the same to the sender, and none is a fault of ours worth a traceback.
        raise CorruptImage(f"the image could not be decoded: {_short(exc)}") from exc


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def _load_openers(head: bytes) -> tuple[str, ...]:
    """Register the openers a file starting with ``head`` may need; the formats that have one.

    Loading every opener (``Image.init`` imports some 40 Pillow plugins, and pillow-heif its
    library) costs more than hashing a photo, and ``unshared hash`` pays it at every start. So
    the file's first bytes pick: JPEG, PNG, GIF and BMP need only Pillow's ``preinit``, WebP and
    TIFF their one plugin, an ISO media file (``ftyp``: HEIC, AVIF) Pillow's AVIF plugin and
    pillow-heif. Anything else gets them all, so an odd file is judged exactly as before.
    """
    Image.preinit()
    if head.startswith(_PREINIT_MAGIC):
        pass
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        from PIL import WebPImagePlugin  # noqa: F401
    elif head[:4] in _TIFF_MAGIC:
        from PIL import TiffImagePlugin  # noqa: F401
    elif head[4:8] == b"ftyp":
        from PIL import AvifImagePlugin  # noqa: F401

        _register_heif()
    else:
        _register_heif()
        Image.init()
    # Only formats with an opener: Image.open would load every plugin for a missing one.
    return tuple(f for f in FORMATS if f in Image.OPEN)


#: First bytes of the formats ``Image.preinit`` opens: JPEG, PNG, GIF, BMP.
_PREINIT_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM")
#: Little- and big-endian TIFF, and BigTIFF.
_TIFF_MAGIC = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")


def _register_heif() -> None:
    import pillow_heif

    if "HEIF" not in Image.OPEN:
        pillow_heif.register_heif_opener()


def _open(data: bytes, limits: Limits) -> Image.Image:
    formats = _load_openers(data[:16])
    try:
        image = Image.open(io.BytesIO(data), formats=formats)
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
    check_dimensions(image, limits)
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", (PDQ_SIDE, PDQ_SIDE))
    check_decode_bytes(image, limits)
    image.load()
    return image


def check_dimensions(image: Image.Image, limits: Limits) -> None:
    """Refuse, from the header, a picture over the pixel, side or aspect limit."""
    width, height = image.size
    if width <= 0 or height <= 0:
        raise CorruptImage(f"the image claims to be {width}x{height} pixels")
    long, short = max(width, height), min(width, height)
    size = {"width": width, "height": height}
    if width * height > limits.max_pixels:
        raise ImageTooLarge(
            f"the image is {width}x{height} = {width * height:,} pixels;"
            f" the limit is {limits.max_pixels:,}",
            **size,
            limit=limits.max_pixels,
        )
    if long > limits.max_side:
        raise ImageTooLarge(
            f"the image is {width}x{height}; the longest side allowed is {limits.max_side:,}",
            **size,
            limit=limits.max_side,
        )
    # A small thin picture (a banner, a strip of a screenshot) costs nothing: only a long side
    # past what hashing squeezes to anyway is refused for its shape.
    if long > limits.max_aspect * short and long > MAX_LONG_SIDE:
        raise ImageTooLarge(
            f"the image is {width}x{height}, {long / short:,.0f} times longer than wide;"
            f" the most allowed is {limits.max_aspect:g}",
            **size,
            limit=limits.max_aspect,
        )


def check_decode_bytes(image: Image.Image, limits: Limits) -> None:
    """Refuse a picture whose decoded pixels would take more than ``max_decode_bytes``."""
    width, height = image.size  # after draft, for JPEG: the size it will decode at
    need = width * height * _PIXEL_BYTES.get(image.mode, 4)
    if need > limits.max_decode_bytes:
        raise ImageTooLarge(
            f"the image ({width}x{height}, {image.mode}) needs {need:,} bytes to decode;"
            f" the limit is {limits.max_decode_bytes:,}",
            width=width,
            height=height,
            limit=limits.max_decode_bytes,
        )


def _to_rgb_array(image: Image.Image) -> np.ndarray:
    image = _upright(image)
    if image.mode.startswith("I;16"):
        image = _to_8bit(_shrink_16bit(image), sixteen=True)
    elif image.mode in ("I", "F"):
        # Shrunk in its own mode first: scaling to 8 bits at full size took five full-size
        # float arrays.
        image = _to_8bit(_shrink(image))
    if image.mode not in ("L", "RGB"):
        # Transparency is dropped, keeping the colour under it, as the PDQ reference tools do: a
        # hash shared by another bank must match the hash we make of the same file. (Pillow
        # shrinks RGBA and LA premultiplied by alpha, so they are converted first.)
        image = image.convert("RGB")
    # For grey and RGB, shrinking before converting gives the same pixels without a full-size copy.
    rgb = _squeeze(_shrink(image)).convert("RGB")
    return np.asarray(rgb, dtype=np.uint8)


def _upright(image: Image.Image) -> Image.Image:
    """Turn by the EXIF orientation; no copy when there is nothing to turn (Pillow's
    ``exif_transpose`` copies the whole picture even then)."""
    if image.getexif().get(ExifTags.Base.Orientation, 1) in (2, 3, 4, 5, 6, 7, 8):
        return ImageOps.exif_transpose(image)
    return image


def _factor(image: Image.Image) -> int:
    """The shrink factor: the power of two JPEG's ``draft`` would pick for ``PDQ_SIDE``."""
    most = min(MAX_REDUCE, image.width // PDQ_SIDE, image.height // PDQ_SIDE)
    return 1 << (most.bit_length() - 1) if most >= 1 else 1


def _shrink(image: Image.Image) -> Image.Image:
    factor = _factor(image)
    return image.reduce(factor) if factor >= 2 else image


def _shrink_16bit(image: Image.Image) -> Image.Image:
    """A 16-bit picture shrunk as 32-bit ``I``, a band of rows at a time: Pillow cannot shrink
    16-bit pixels, and converting the whole picture first would double it."""
    factor = max(1, _factor(image))
    width, height = image.size
    out = Image.new("I", (-(-width // factor), -(-height // factor)))
    band = factor * 64  # a multiple of the factor, so the bands shrink as the whole would
    for top in range(0, height, band):
        strip = image.crop((0, top, width, min(height, top + band))).convert("I")
        out.paste(strip.reduce(factor) if factor > 1 else strip, (0, top // factor))
    return out


def _squeeze(image: Image.Image) -> Image.Image:
    """Box-shrink the long side of a thin picture to at most ``MAX_LONG_SIDE``."""
    x = -(-image.width // MAX_LONG_SIDE)
    y = -(-image.height // MAX_LONG_SIDE)
    return image.reduce((x, y)) if x > 1 or y > 1 else image


def _to_8bit(image: Image.Image, *, sixteen: bool = False) -> Image.Image:
    """Scale 16-bit and 32-bit grey to 0-255 by the range the mode can hold."""
    array = np.asarray(image)
    if sixteen:
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
