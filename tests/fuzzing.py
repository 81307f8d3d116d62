"""Seed images and mutations for fuzzing the decoders (``tests/hashing/test_fuzz.py`` and the
longer ``benchmarks/fuzz.py``).

Seeds are small synthetic pictures (a gradient with noise, so every format has real content to
damage) saved by Pillow and pillow-heif in every accepted format, with the variants that take
other code paths: 16-bit PNG, palette and animated GIF, animated WebP, RGBA, and TIFF with
deflate. A mutation is a short list of edits; edits that write a 16- or 32-bit number write
values that size fields are edited to (0, 1, 65535, 2**31 - 1, ...), near the start of the file
half of the time, where the headers are.
"""

from __future__ import annotations

import random
from typing import Literal

import numpy as np
from PIL import Image

from tests.imaging import encode

EditKind = Literal["flip", "byte", "u16", "u32", "cut", "drop", "repeat"]
#: One edit: what, where (a fraction of the file's length, or a byte offset when ``head``),
#: and a value.
Edit = tuple[EditKind, float, bool, int]
EDIT_KINDS: tuple[EditKind, ...] = ("flip", "byte", "u16", "u32", "cut", "drop", "repeat")
#: Values that size and offset fields get edited to.
NUMBERS = (0, 1, 2, 255, 256, 4096, 32767, 65535, 65536, 2_000_000, 2**31 - 1, 2**32 - 1)
HEAD = 96


def _picture(size: tuple[int, int] = (64, 48), seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    w, h = size
    ramp = np.add.outer(np.arange(h) * 3, np.arange(w) * 2)[..., None] + np.array([0, 60, 120])
    noise = rng.integers(0, 40, (h, w, 3))
    return Image.fromarray(((ramp + noise) % 256).astype(np.uint8))


def seeds() -> dict[str, bytes]:
    """name -> a small valid file."""
    rgb = _picture()
    frames = [_picture(seed=s) for s in (1, 2)]
    grey16 = Image.fromarray(np.asarray(rgb.convert("L"), dtype=np.uint16) * 257).convert("I;16")
    rgba = rgb.copy()
    rgba.putalpha(128)
    return {
        "jpeg": encode(rgb, "JPEG", quality=85),
        "jpeg-progressive": encode(rgb, "JPEG", quality=85, progressive=True),
        "png": encode(rgb, "PNG"),
        "png-rgba": encode(rgba, "PNG"),
        "png-16bit": encode(grey16, "PNG"),
        "webp": encode(rgb, "WEBP", quality=80),
        "webp-animated": encode(frames[0], "WEBP", save_all=True, append_images=frames[1:]),
        "gif": encode(rgb.convert("P"), "GIF"),
        "gif-animated": encode(frames[0], "GIF", save_all=True, append_images=frames[1:]),
        "tiff": encode(rgb, "TIFF"),
        "tiff-deflate": encode(rgba, "TIFF", compression="tiff_adobe_deflate"),
        "bmp": encode(rgb, "BMP"),
        "heic": encode(rgb, "HEIF", quality=80),
        "avif": encode(rgb, "AVIF", quality=80),
    }


def mutate(data: bytes, edits: list[Edit]) -> bytes:
    """``data`` with each edit applied in turn."""
    out = bytearray(data)
    for kind, where, head, value in edits:
        if not out:
            break
        size = len(out)
        at = min(int(where * HEAD), size - 1) if head else min(int(where * size), size - 1)
        if kind == "flip":
            out[at] ^= 1 << (value % 8)
        elif kind == "byte":
            out[at] = value % 256
        elif kind in ("u16", "u32"):
            width = 2 if kind == "u16" else 4
            number = NUMBERS[value % len(NUMBERS)] % (1 << (8 * width))
            order = "big" if value % 2 else "little"
            out[at : at + width] = number.to_bytes(width, order)
        elif kind == "cut":
            del out[max(1, at) :]
        elif kind == "drop":
            del out[at : at + 1 + value % 64]
        else:  # "repeat": a stretch repeated in place (a chunk or a frame twice)
            out[at:at] = out[at : at + 1 + value % 256]
    return bytes(out)


def random_edits(rng: random.Random) -> list[Edit]:
    """One to four random edits (the long fuzz run's generator)."""
    return [
        (rng.choice(EDIT_KINDS), rng.random(), rng.random() < 0.5, rng.randrange(1 << 16))
        for _ in range(rng.randint(1, 4))
    ]
