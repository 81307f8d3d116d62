"""Issue 15's round trip with the real python-threatexchange: its CLI adds Unshared as an
exchange (``threatexchange config extensions add unshared.pytx``), fetches a running server's
feed, matches a case's photo, and after the person withdraws the case, fetches again and no
longer finds it. The CLI runs in processes of its own, its home under the test's tmp_path."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from bench.transforms import TRANSFORMS, rng_for
from tests.api.conftest import LiveServer, live_server
from tests.imaging import encode
from tests.interop.pytx import counts, ok, pytx
from unshared.client import Client
from unshared.config import Settings
from unshared.errors import Conflict, NotFound
from unshared.hashing import hash_bytes
from unshared.service import Unshared

pytest.importorskip("threatexchange")

from threatexchange.exchanges import fetch_state
from threatexchange.signal_type.pdq.signal import PdqSignal

from unshared.pytx import (
    TX_MANIFEST,
    UnsharedCheckpoint,
    UnsharedCollabConfig,
    UnsharedCredentials,
    UnsharedEntry,
    UnsharedSignalExchangeAPI,
    UnsharedSignalMetadata,
)

COLLAB = "unshared-bank"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server") as live:
        yield live


@pytest.fixture
def platform_key(server: LiveServer) -> str:
    with Client(server.url, server.admin_key) as admin:
        return admin.create_key("a-pytx-platform", "platform")[1]


@pytest.fixture
def pictures(tmp_path: Path, photos: list[Image.Image]) -> dict[str, Path]:
    """Three people's photos, a re-encoded smaller copy of the first, and a stranger's."""
    folder = tmp_path / "pictures"
    folder.mkdir()
    small = TRANSFORMS["resize_0.5"].apply(photos[0], rng_for(3, "small", 0))
    made = {
        "hers.jpg": encode(photos[0], "JPEG", quality=92),
        "his.png": encode(photos[1], "PNG"),
        "theirs.png": encode(photos[2], "PNG"),
        "hers-copy.jpg": encode(small, "JPEG", quality=70),
        "stranger.png": encode(photos[3], "PNG"),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return {Path(name).stem: folder / name for name in made}


def matches(home: Path, picture: Path) -> list[str]:
    """``threatexchange match photo``'s lines: ``pdq <distance> (<collab>) <opinion>``."""
    return [line for line in ok(pytx(home, "match", "photo", picture)).splitlines() if line]


def checkpoint(home: Path) -> tuple[UnsharedCheckpoint, dict[int, UnsharedEntry]]:
    """What pytx's CLI keeps of the collaboration: its checkpoint and its records."""
    path = home / ".threatexchange" / "fetched" / "unshared" / f"{COLLAB}.state.pickle"
    delta = pickle.loads(path.read_bytes())
    return delta.checkpoint, delta.updates


def test_fetch_match_withdraw_fetch_again(
    server: LiveServer, platform_key: str, pictures: dict[str, Path], tmp_path: Path
) -> None:
    home = tmp_path / "platform"
    with Client(server.url) as person:
        hers = person.hash_and_create_case([pictures["hers"]])
        his = person.hash_and_create_case([pictures["his"]])
        # A third, so two hashes are left after a withdrawal: pytx 1.2's PDQ index, saved
        # holding one hash and loaded again, finds nothing (its bug, not the feed's).
        person.hash_and_create_case([pictures["theirs"]])

    # The platform adds the exchange and its key (a file in its home, as pytx looks for one).
    added = ok(pytx(home, "config", "extensions", "add", "unshared.pytx"))
    assert "unshared - UnsharedSignalExchangeAPI" in added
    ok(pytx(home, "config", "collab", "edit", "unshared", "--create", COLLAB,
            "--server", server.url))  # fmt: skip
    (home / ".tx_unshared_key").write_text(platform_key + "\n")
    ok(pytx(home, "fetch"))
    assert counts(home) == {"pdq": 3}
    first, records = checkpoint(home)

    found = matches(home, pictures["hers-copy"])
    assert len(found) == 1 and found[0].startswith("pdq ")
    assert f"({COLLAB}) POSITIVE_CLASS ncii#" in found[0]
    assert len(matches(home, pictures["his"])) == 1
    assert matches(home, pictures["stranger"]) == []

    # Nothing new: the next fetch reads from the checkpoint and changes nothing.
    ok(pytx(home, "fetch"))
    assert checkpoint(home) == (first, records)

    # She withdraws her case; the next fetch applies it as a delete, and her photo is gone.
    with Client(server.url) as person:
        person.withdraw_case(hers.number, hers.pin)
    ok(pytx(home, "fetch"))
    second, records = checkpoint(home)
    assert second.seq > first.seq and second.store == first.store
    left = {hash_bytes(pictures[name].read_bytes()).pdq.hex for name in ("his", "theirs")}
    assert {r.value for r in records.values()} == left and len(records) == 2
    assert counts(home) == {"pdq": 2}
    assert matches(home, pictures["hers"]) == []
    assert matches(home, pictures["hers-copy"]) == []
    assert len(matches(home, pictures["his"])) == 1

    # The platform took his photo down and tells the service through pytx's label command.
    pdq = hash_bytes(pictures["his"].read_bytes()).pdq.hex
    ok(pytx(home, "label", "-l", "removed", "-H", "pdq", COLLAB, "photo", "--", pdq))
    with Client(server.url) as person:
        reports = person.case_status(his.number, his.pin).reports
    assert [r.outcome for r in reports] == ["removed"]


def test_the_manifest_names_the_exchange() -> None:
    assert TX_MANIFEST.apis == (UnsharedSignalExchangeAPI,)
    assert UnsharedSignalExchangeAPI.get_name() == "unshared"
    assert "unsh_" not in repr(UnsharedCredentials("unsh_secret"))


def fetch_all(
    api: UnsharedSignalExchangeAPI,
    checkpoint: UnsharedCheckpoint | None = None,
    state: dict[int, UnsharedEntry] | None = None,
) -> tuple[dict[int, UnsharedEntry], UnsharedCheckpoint | None]:
    """Every delta merged into ``state`` as pytx merges them in memory; the last checkpoint."""
    state = {} if state is None else state
    for delta in api.fetch_iter([PdqSignal], checkpoint):
        UnsharedSignalExchangeAPI.naive_fetch_merge(state, delta.updates)
        checkpoint = delta.checkpoint
    return state, checkpoint


def test_banks_pages_and_shared_hashes(
    server: LiveServer, platform_key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process: allow banks only when named, a hash two people hold stays until both
    withdraw, the feed read a page at a time, and a different server refused."""
    from unshared.pytx import exchange

    monkeypatch.setattr(exchange, "PAGE", 2)
    pdq = hash_bytes(encode(Image.effect_mandelbrot((128, 128), (-2, -1.5, 1, 1.5), 60), "PNG"))
    other = hash_bytes(encode(Image.radial_gradient("L").convert("RGB"), "PNG"), min_quality=0)
    with Client(server.url, server.admin_key) as admin, Client(server.url) as person:
        admin.create_bank("known-innocent", "allow")
        first = person.create_case([pdq])
        second = person.create_case([pdq])
    with UnsharedSignalExchangeAPI.get_credential_cls().set_default(
        UnsharedCredentials(platform_key), "test"
    ):
        api = UnsharedSignalExchangeAPI.for_collab(
            UnsharedCollabConfig(server=server.url, name="x", api="unshared")
        )
    pages = list(api.fetch_iter([PdqSignal], None))
    # Each case is 3 changes (pdq, md5, sha256); only PDQ reaches pytx, and a page without
    # one still moves the checkpoint on.
    assert [len(p.updates) for p in pages] == [1, 1, 0]
    assert [p.checkpoint.seq for p in pages] == [2, 4, 6]
    state, mark = fetch_all(api)
    assert len(state) == 2 and {e.value for e in state.values()} == {pdq.pdq.hex}
    assert all(e.signal_type == "pdq" and e.bank_kind == "ncii" for e in state.values())
    (by_value,) = api.naive_convert_to_signal_type([PdqSignal], api.collab, state).values()
    opinion = by_value[pdq.pdq.hex].get_as_aggregate_opinion()
    assert opinion.category == fetch_state.AggregateSignalOpinionCategory.POSITIVE_CLASS

    with Client(server.url) as person:
        person.withdraw_case(first.number, first.pin)
    state, mark = fetch_all(api, mark, state)
    assert len(state) == 1  # the other person's entry keeps the hash
    with Client(server.url) as person:
        person.withdraw_case(second.number, second.pin)
    state, mark = fetch_all(api, mark, state)
    assert state == {}

    # An allow bank's entries come only when the collaboration names that bank.
    operator = Settings.load(env={}, home=tmp_path / "operator", store_url=server.store_url)
    with Unshared(operator) as app:
        app.add_signals("known-innocent", other, source="test", actor="operator")
    assert fetch_all(api, mark)[0] == {}
    named = UnsharedSignalExchangeAPI(
        UnsharedCollabConfig(server=server.url, name="y", banks={"known-innocent"}), platform_key
    )
    allowed, _ = fetch_all(named)
    (entry,) = allowed.values()
    assert entry.bank_kind == "allow"
    (by_value,) = named.naive_convert_to_signal_type([PdqSignal], named.collab, allowed).values()
    category = by_value[other.pdq.hex].get_as_aggregate_opinion().category
    assert category == fetch_state.AggregateSignalOpinionCategory.NEGATIVE_CLASS

    # A checkpoint from another server (another store) is refused, not silently mixed in.
    assert mark is not None
    stranger = UnsharedCheckpoint(mark.seq, "another-store", mark.at)
    with pytest.raises(Conflict, match="different bank"):
        fetch_all(api, stranger)
    ahead = UnsharedCheckpoint(mark.seq + 100, mark.store, mark.at)
    with pytest.raises(Conflict, match="before this copy's checkpoint"):
        fetch_all(api, ahead)

    # An opinion on a hash no active entry holds says so.
    with pytest.raises(NotFound):
        api.report_opinion(
            PdqSignal,
            pdq.pdq.hex,
            fetch_state.SignalOpinion(
                True, fetch_state.SignalOpinionCategory.POSITIVE_CLASS, set()
            ),
        )


def test_as_hma_keeps_it() -> None:
    """HMA stores the config and the key as JSON (pytx's dataclass_json), and converts and
    stores each fetched record on its own, keyed by its fetch key."""
    from threatexchange.utils import dataclass_json

    as_json = {"name": "UNSHARED_NCII", "api": "unshared", "enabled": True}
    config = dataclass_json.dataclass_load_dict(
        {**as_json, "server": "https://unshared.example", "banks": ["ncii"]}, UnsharedCollabConfig
    )
    assert config.banks == {"ncii"}
    assert (
        dataclass_json.dataclass_load_dict(
            dataclass_json.dataclass_dump_dict(config), UnsharedCollabConfig
        )
        == config
    )
    creds = dataclass_json.dataclass_load_dict({"api_key": "unsh_x"}, UnsharedCredentials)
    assert creds._are_valid() and UnsharedCredentials._from_str(" unsh_x\n") == creds

    entry = UnsharedEntry(7, "pdq", "f" * 64, "ncii", "ncii")
    converted = UnsharedSignalExchangeAPI.naive_convert_to_signal_type(
        [PdqSignal], config, {7: entry}
    )
    assert converted == {PdqSignal: {"f" * 64: UnsharedSignalMetadata([entry])}}
    md5 = UnsharedEntry(8, "md5", "0" * 32, "ncii", "ncii")  # an image file's MD5: not for pytx
    assert (
        UnsharedSignalExchangeAPI.naive_convert_to_signal_type([PdqSignal], config, {8: md5}) == {}
    )
