"""Case numbers and PINs: unguessable, forgiving to type, and PINs kept only as scrypt hashes."""

from __future__ import annotations

import re

import pytest

from unshared.bank.secrets import (
    ALPHABET,
    hash_pin,
    is_pin_hash,
    new_case_number,
    new_pin,
    normalise_case_number,
    verify_pin,
)
from unshared.errors import InvalidInput, UnsharedError


def test_the_alphabet_has_no_look_alikes() -> None:
    assert len(ALPHABET) == len(set(ALPHABET)) == 30
    assert not set(ALPHABET) & set("01OILU")


def test_case_numbers_look_right_and_differ() -> None:
    numbers = {new_case_number() for _ in range(1000)}
    assert len(numbers) == 1000
    pattern = re.compile(f"UN-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")
    assert all(pattern.fullmatch(n) for n in numbers)


@pytest.mark.parametrize("typed", ["UN-7KQ4-M2XD", "un-7kq4-m2xd", " UN 7KQ4 M2XD ", "7KQ4M2XD"])
def test_case_numbers_are_read_as_people_type_them(typed: str) -> None:
    assert normalise_case_number(typed) == "UN-7KQ4-M2XD"


@pytest.mark.parametrize("typed", ["", "UN-7KQ4", "UN-7KQ4-M2X0", "UN-7KQ4-M2XD-1", "X" * 500])
def test_a_malformed_case_number_is_invalid_input(typed: str) -> None:
    with pytest.raises(InvalidInput):
        normalise_case_number(typed)


def test_pins_are_ten_characters_of_the_alphabet() -> None:
    pins = {new_pin() for _ in range(1000)}
    assert len(pins) == 1000
    assert all(re.fullmatch(f"[{ALPHABET}]{{5}}-[{ALPHABET}]{{5}}", p) for p in pins)


def test_a_pin_hash_verifies_its_pin_only() -> None:
    pin = new_pin()
    stored = hash_pin(pin)
    assert is_pin_hash(stored) and not is_pin_hash(pin)
    assert stored.startswith("scrypt$ln=14,r=8,p=1$")
    assert pin not in stored
    assert verify_pin(pin, stored)
    assert verify_pin(pin.lower().replace("-", " "), stored)
    assert not verify_pin(new_pin(), stored)
    assert not verify_pin("", stored)
    assert not verify_pin("x" * 10_000, stored)
    assert hash_pin(pin) != stored  # a fresh salt each time


def test_parameters_travel_with_the_hash() -> None:
    stored = hash_pin("ABCDE-FGHJK")
    cheaper = stored.replace("ln=14", "ln=10", 1)
    assert not verify_pin("ABCDE-FGHJK", cheaper)  # the key was made with 2**14, not 2**10


@pytest.mark.parametrize(
    "stored",
    ["", "plain", "scrypt$ln=14,r=8,p=1$c2FsdA==", "scrypt$ln=40,r=8,p=1$AAAA$" + "A" * 44],
)
def test_a_damaged_stored_hash_is_an_error_not_a_wrong_pin(stored: str) -> None:
    with pytest.raises(UnsharedError):
        verify_pin("ABCDE-FGHJK", stored)


def test_an_empty_pin_cannot_be_hashed() -> None:
    with pytest.raises(InvalidInput):
        hash_pin(" - ")
