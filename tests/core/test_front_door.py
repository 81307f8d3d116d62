"""``import unshared``: the public names, in one sorted ``__all__``, loaded on first use."""

from __future__ import annotations

import inspect

import pytest

import unshared
from unshared import errors


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert unshared.__all__ == sorted(unshared.__all__)
    assert len(set(unshared.__all__)) == len(unshared.__all__)
    for name in unshared.__all__:
        value = getattr(unshared, name)
        assert value.__name__ == name, name


def test_every_error_in_the_tree_is_at_the_front_door() -> None:
    tree = {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, errors.UnsharedError)
    }
    assert tree <= set(unshared.__all__)
    assert unshared.LowQuality is errors.LowQuality


def test_dir_lists_the_public_names() -> None:
    assert set(unshared.__all__) <= set(dir(unshared))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        unshared.no_such_thing  # noqa: B018
