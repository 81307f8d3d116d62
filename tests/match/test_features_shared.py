"""Several processes over one data folder and one store (``unshared serve --workers N``): an
image protected through one is matched by local features through the others, through the saved
feature file, within the feed's poll; two processes saving at once lose neither's images; a
withdrawal through one stops feature matches through the others at once."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from bench.transforms import TRANSFORMS, rng_for
from tests.imaging import encode
from tests.match.test_features import pictures, register_all
from tests.waiting import eventually
from unshared.config import Settings
from unshared.service import Unshared

__all__ = ["pictures"]  # the fixture

POLL = 0.05


def _copy(picture: Image.Image) -> bytes:
    rotated = TRANSFORMS["rotate_10"].apply(picture, rng_for(1, "rotate_10", 0), donor=None)
    return encode(rotated, "JPEG", quality=90)


def test_protected_images_reach_every_process(
    tmp_path: Path, pictures: dict[str, Image.Image]
) -> None:
    def settings() -> Settings:
        return Settings.load(env={}, home=tmp_path, feed_poll=POLL)

    with Unshared(settings()) as a, Unshared(settings()) as b:
        a.create_bank("mine", "protect")
        for app in (a, b):
            app.warm()
            app.follow()
        coffee = _copy(pictures["coffee"])
        assert not a.match_found_image(coffee)[1].matched

        names = register_all(b, "mine", {"coffee": pictures["coffee"]})
        assert eventually(lambda: a.match_found_image(coffee)[1].matched)

        # Both add at once, each before seeing the other's: the file keeps both.
        names |= register_all(a, "mine", {"chelsea": pictures["chelsea"]})
        names |= register_all(b, "mine", {"rocket": pictures["rocket"]})
        for app in (a, b):
            assert eventually(lambda app=app: set(app.features.ids()) == set(names))
        with Unshared(settings()) as c:
            assert set(c.features.ids()) == set(names)
            assert c.match_found_image(_copy(pictures["rocket"]))[1].matched

        # Withdrawn through B: A's features still hold it for a moment, but what they find is
        # read back from the store.
        entry = next(i for i, n in names.items() if n == "coffee")
        b.withdraw_entry("mine", entry)
        assert not a.match_found_image(coffee)[1].matches
        assert eventually(lambda: entry not in a.features)
