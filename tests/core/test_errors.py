"""The one error tree: every error has a status, an exit code, a unique code and one JSON shape."""

from __future__ import annotations

import pickle

from unshared import errors
from unshared.errors import LowQuality, UnsharedError


def all_errors() -> list[type[UnsharedError]]:
    found: list[type[UnsharedError]] = []
    stack: list[type[UnsharedError]] = [UnsharedError]
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found


def test_codes_are_unique_and_drawn_in_the_docstring() -> None:
    classes = all_errors()
    assert len({c.code for c in classes}) == len(classes)
    doc = errors.__doc__ or ""
    for cls in classes:
        assert cls.__name__ in doc, cls.__name__
        assert 400 <= cls.status < 600 and cls.exit_code > 0


def test_json_shape() -> None:
    error = LowQuality("too plain", quality=12, threshold=50)
    assert error.to_dict() == {
        "error": {
            "code": "low_quality",
            "message": "too plain",
            "detail": {"quality": 12, "threshold": 50},
        }
    }


def test_errors_survive_pickling() -> None:
    error = LowQuality("too plain", quality=12, threshold=50, sha256="ab")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is LowQuality
    assert (copy.message, copy.quality, copy.detail) == (error.message, 12, error.detail)
