"""Property tests: random images through encode/decode give valid signals; hex round-trips."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.imaging import encode
from unshared.errors import LowQuality, MalformedSignal
from unshared.hashing import hash_bytes
from unshared.signals import SIGNAL_TYPES, Md5, Pdq, Sha256, Signal

FORMATS = [
    ("PNG", {}),
    ("JPEG", {"quality": 75}),
    ("WEBP", {"quality": 80}),
    ("BMP", {}),
    ("TIFF", {}),
]


@st.composite
def images(draw: st.DrawFn) -> Image.Image:
    width = draw(st.integers(1, 300))
    height = draw(st.integers(1, 300))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    # Smooth random fields look more like photos than white noise does.
    small = rng.integers(0, 256, (max(1, height // 16), max(1, width // 16), 3), dtype=np.uint8)
    image = Image.fromarray(small).resize((width, height), Image.Resampling.BILINEAR)
    return image.convert(draw(st.sampled_from(["RGB", "L", "RGBA", "P"])))


@settings(max_examples=60, deadline=None)
@given(image=images(), fmt=st.sampled_from(FORMATS))
def test_random_images_give_valid_signals(
    image: Image.Image, fmt: tuple[str, dict[str, int]]
) -> None:
    name, params = fmt
    if name == "JPEG" and image.mode in ("RGBA", "P"):
        image = image.convert("RGB")
    data = encode(image, name, **params)
    try:
        signals = hash_bytes(data)
    except LowQuality as exc:
        assert 0 <= exc.quality < 50
        return
    assert 50 <= signals.quality <= 100
    assert len(signals.pdq.hex) == 64
    assert signals.sha256 == Sha256.of(data)
    # Hashing is a pure function of the bytes.
    assert hash_bytes(data) == signals


@given(value=st.binary(min_size=32, max_size=32))
def test_pdq_hex_round_trip(value: bytes) -> None:
    pdq = Pdq(value)
    assert Pdq.from_hex(pdq.hex) == pdq
    assert Pdq.from_hex(pdq.hex.upper()) == pdq
    assert pdq.distance(pdq) == 0


@given(a=st.binary(min_size=32, max_size=32), b=st.binary(min_size=32, max_size=32))
def test_pdq_distance_is_hamming(a: bytes, b: bytes) -> None:
    expected = sum(bin(x ^ y).count("1") for x, y in zip(a, b, strict=True))
    assert Pdq(a).distance(Pdq(b)) == expected == Pdq(b).distance(Pdq(a))


@pytest.mark.parametrize("kind", [Pdq, Md5, Sha256])
@given(data=st.data())
def test_every_signal_type_round_trips(kind: type[Signal], data: st.DataObject) -> None:
    value = data.draw(st.binary(min_size=kind.nbytes, max_size=kind.nbytes))
    signal = kind(value)
    assert SIGNAL_TYPES.parse(kind.name, signal.hex) == signal


@pytest.mark.parametrize("text", ["", "abc", "g" * 64, "0" * 63, "0" * 65, "0x" + "0" * 62])
def test_malformed_hex_is_refused(text: str) -> None:
    with pytest.raises(MalformedSignal):
        Pdq.from_hex(text)


def test_unknown_signal_type() -> None:
    with pytest.raises(MalformedSignal, match="unknown signal type"):
        SIGNAL_TYPES.parse("phash", "00")


def test_registry_refuses_duplicates() -> None:
    with pytest.raises(ValueError, match="already registered"):
        SIGNAL_TYPES.register(Pdq)
