"""Waiting for something another thread or process does, without asserting how fast."""

from __future__ import annotations

import time
from collections.abc import Callable

#: Far beyond what the tests wait for, so a machine under load does not fail them: they say a
#: thing happens without being asked for, not how fast.
WITHIN = 30.0


def eventually(check: Callable[[], bool], within: float = WITHIN, every: float = 0.02) -> bool:
    """Whether ``check()`` comes true within ``within`` seconds, asked every ``every``."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every)
    return check()
