"""``UnsharedSignalExchangeAPI``: an Unshared bank as a python-threatexchange exchange.

**Fetching.** ``fetch_iter`` reads the service's delta feed (``GET /v1/feed``) after the
checkpoint, a page at a time, with a platform's key. Fetched state is keyed by Unshared's entry
id, one record per entry, because one hash may be in several entries (two people's cases, two
banks) and one person withdrawing must not take another's hash away:

- an entry that is ``active`` after a change is an ``UnsharedEntry``;
- an entry that is anything else (``withdrawn``, ``disabled``, ``quarantined``) is ``None``, which
  pytx (``naive_fetch_merge``) and HMA (``exchange_commit_fetch``) both apply as a delete. The
  status decides, never the hash: pytx's own StopNCII exchange compares ``hashValue`` with the
  status names, so a withdrawn StopNCII hash stays in its copies for good.

``naive_convert_to_signal_type`` gathers the active entries by hash; a hash is matched while any
entry holds it. Only PDQ reaches pytx: Unshared's ``md5`` and ``sha256`` are of image files, a
type pytx does not have (its ``video_md5`` is for videos). Other signal types pass through by
name when pytx knows one of that name, in pytx's form of it (``Signal.pytx_form``): a video's
``vpdq`` reaches pytx's vPDQ extension (``threatexchange.extensions.vpdq.manifest``) as the
JSON list of frames it reads.

**Banks.** By default every ``ncii`` and ``protect`` bank. ``allow`` banks hold known-innocent
pictures whose matches Unshared overrules; pytx and HMA would act on them as on any other, so
they come only when named in ``banks``, and then as ``NEGATIVE_CLASS`` opinions. Per-bank
thresholds stay on the server: pytx matches PDQ within its own distance (31).

**Checkpoint.** The feed's ``next`` and the server's store id. A server whose store id changed
(a new database) or whose feed ends before the checkpoint (restored from an older backup) is
refused (``Conflict``): the fetched state no longer describes it; clear it
(``threatexchange fetch --clear``) and fetch again.

**Opinions.** ``report_opinion`` finds the active entries holding exactly that PDQ (a lookup
through ``POST /v1/match``, counted as a match for the key) and reports each with
``POST /v1/reports``: ``POSITIVE_CLASS`` as ``blocked``, ``NEGATIVE_CLASS`` as ``not_ncii``,
``INVESTIGATION_SEED`` as ``queued``, unless a tag names an outcome (``removed``, ...).

No ``from __future__ import annotations`` here: pytx builds its command-line options and HMA its
forms from the config dataclass's field types, which must be types, not strings.
"""

import typing as t
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from threatexchange.exchanges import auth
from threatexchange.exchanges import fetch_state as state
from threatexchange.exchanges.collab_config import CollaborationConfigWithDefaults
from threatexchange.exchanges.signal_exchange_api import SignalExchangeAPI
from threatexchange.signal_type.signal_base import SignalType

from unshared.bank.models import REPORT_OUTCOMES, Change, FeedPage
from unshared.client import Client
from unshared.errors import Conflict, NotFound
from unshared.signals import SIGNAL_TYPES

#: Feed changes asked for per call (the API allows 1 to 10,000).
PAGE = 1000
#: Unshared's signal types that pytx has no type for (exact hashes of image files).
NOT_IN_PYTX = frozenset({"md5", "sha256"})
#: Bank kinds fetched unless ``banks`` names others.
DEFAULT_KINDS = frozenset({"ncii", "protect"})

_OUTCOMES = {
    state.SignalOpinionCategory.POSITIVE_CLASS: "blocked",
    state.SignalOpinionCategory.NEGATIVE_CLASS: "not_ncii",
    state.SignalOpinionCategory.INVESTIGATION_SEED: "queued",
}


@dataclass
class _Server:
    server: str = field(metadata={"help": "the Unshared service's address, https://..."})


@dataclass
class UnsharedCollabConfig(CollaborationConfigWithDefaults, _Server):
    """One Unshared service as a collaboration: which server, and which of its banks."""

    banks: set[str] = field(
        default_factory=set,
        metadata={
            "help": "only these banks (default: every ncii and protect bank)",
            "metavar": "BANK[,BANK...]",
        },
    )


@dataclass
class UnsharedCredentials(auth.CredentialHelper):
    """A platform's API key for the service: ``TX_UNSHARED_KEY``, or the file
    ``~/.tx_unshared_key`` (``chmod 400`` it), or HMA's ``flask auth unshared``."""

    ENV_VARIABLE: t.ClassVar[str] = "TX_UNSHARED_KEY"
    FILE_NAME: t.ClassVar[str] = "~/.tx_unshared_key"

    api_key: str = field(
        repr=False,  # never in a log line
        metadata={"help": "a platform's API key for the Unshared service (unsh_...)"},
    )

    @classmethod
    def _from_str(cls, s: str) -> "UnsharedCredentials":
        return cls(s.strip())

    def _are_valid(self) -> bool:
        return bool(self.api_key)


@dataclass
class UnsharedCheckpoint(state.FetchCheckpointBase):
    """How far the feed is applied: its ``next``, the server's store, the newest change's time."""

    seq: int
    store: str
    at: int = 0

    def get_progress_timestamp(self) -> int | None:
        return self.at or None


@dataclass
class UnsharedEntry:
    """One active Unshared entry, as fetched: its id, hash and bank."""

    entry: int
    signal_type: str
    value: str
    bank: str
    bank_kind: str


@dataclass
class UnsharedSignalMetadata(state.FetchedSignalMetadata):
    """What pytx's index keeps for one hash: every active entry that holds it."""

    entries: list[UnsharedEntry]

    def get_as_opinions(self) -> Sequence[state.SignalOpinion]:
        return [
            state.SignalOpinion(
                False,
                state.SignalOpinionCategory.NEGATIVE_CLASS
                if e.bank_kind == "allow"
                else state.SignalOpinionCategory.POSITIVE_CLASS,
                {e.bank},
            )
            for e in self.entries
        ]

    def __str__(self) -> str:
        category = self.get_as_aggregate_opinion().category.name
        return f"{category} " + ",".join(f"{e.bank}#{e.entry}" for e in self.entries)


class UnsharedSignalExchangeAPI(
    auth.SignalExchangeWithAuth[UnsharedCollabConfig, UnsharedCredentials],
    SignalExchangeAPI[
        UnsharedCollabConfig, UnsharedCheckpoint, UnsharedSignalMetadata, int, UnsharedEntry
    ],
):
    """An Unshared service's banks, fetched from its delta feed; see the module's notes."""

    def __init__(self, collab: UnsharedCollabConfig, api_key: str) -> None:
        self.collab = collab
        self._api_key = api_key

    @classmethod
    def get_name(cls) -> str:
        return "unshared"

    @staticmethod
    def get_config_cls() -> type[UnsharedCollabConfig]:
        return UnsharedCollabConfig

    @staticmethod
    def get_checkpoint_cls() -> type[UnsharedCheckpoint]:
        return UnsharedCheckpoint

    @staticmethod
    def get_record_cls() -> type[UnsharedSignalMetadata]:
        return UnsharedSignalMetadata

    @staticmethod
    def get_credential_cls() -> type[UnsharedCredentials]:
        return UnsharedCredentials

    @classmethod
    def for_collab(
        cls,
        collab: UnsharedCollabConfig,
        credentials: UnsharedCredentials | None = None,
    ) -> "UnsharedSignalExchangeAPI":
        credentials = credentials or UnsharedCredentials.get(cls)
        return cls(collab, credentials.api_key)

    def client(self) -> Client:
        return Client(self.collab.server, self._api_key)

    # -- fetching ---------------------------------------------------------------------------

    def fetch_iter(
        self,
        supported_signal_types: Sequence[type[SignalType]],
        checkpoint: UnsharedCheckpoint | None,
    ) -> Iterator[state.FetchDelta[int, UnsharedEntry, UnsharedCheckpoint]]:
        names = {s.get_name() for s in supported_signal_types}
        after = checkpoint.seq if checkpoint is not None else 0
        at = checkpoint.at if checkpoint is not None else 0
        with self.client() as client:
            while True:
                page = client.feed(after, PAGE)
                self._check_same_store(page, checkpoint, after)
                updates: dict[int, UnsharedEntry | None] = {}
                for change in page.changes:  # in seq order: a later change of an entry wins
                    kind = page.banks[change.bank].kind if change.bank in page.banks else ""
                    if self._wanted(change.bank, kind) and _pytx_name(change) in names:
                        updates[change.entry_id] = _record(change, kind)
                if page.changes:
                    at = max(at, int(page.changes[-1].at.timestamp()))
                checkpoint = UnsharedCheckpoint(page.next, page.store, at)
                if not page.changes:
                    return
                yield state.FetchDelta(updates, checkpoint)
                if page.next >= page.latest:
                    return
                after = page.next

    def _check_same_store(
        self, page: FeedPage, checkpoint: UnsharedCheckpoint | None, after: int
    ) -> None:
        if checkpoint is None:
            return
        if page.store != checkpoint.store:
            raise Conflict(
                f"{self.collab.server} is a different bank now (store {page.store}, was"
                f" {checkpoint.store}): clear this collaboration's fetched state"
                " (threatexchange fetch --clear) and fetch again",
                store=page.store,
            )
        if page.latest < after:
            raise Conflict(
                f"{self.collab.server}'s feed ends at {page.latest}, before this copy's"
                f" checkpoint {after} (restored from a backup?): clear this collaboration's"
                " fetched state (threatexchange fetch --clear) and fetch again",
                latest=page.latest,
            )

    def _wanted(self, bank: str, kind: str) -> bool:
        return bank in self.collab.banks if self.collab.banks else kind in DEFAULT_KINDS

    @classmethod
    def naive_convert_to_signal_type(
        cls,
        signal_types: Sequence[type[SignalType]],
        collab: UnsharedCollabConfig,
        fetched: Mapping[int, UnsharedEntry],
    ) -> dict[type[SignalType], dict[str, UnsharedSignalMetadata]]:
        by_name = {s.get_name(): s for s in signal_types}
        out: dict[type[SignalType], dict[str, UnsharedSignalMetadata]] = {}
        for entry_id in sorted(fetched):
            entry = fetched[entry_id]
            s_type = None if entry is None else by_name.get(entry.signal_type)
            if s_type is None:
                continue
            ours = SIGNAL_TYPES.parse(entry.signal_type, entry.value)
            value = s_type.validate_signal_str(ours.pytx_form())
            held = out.setdefault(s_type, {}).setdefault(value, UnsharedSignalMetadata([]))
            held.entries.append(entry)
        return out

    # -- opinions -----------------------------------------------------------------------------

    def report_opinion(
        self, s_type: type[SignalType], signal: str, opinion: state.SignalOpinion
    ) -> None:
        """Report what the platform found for every active entry holding ``signal`` (a PDQ).
        A tag naming an outcome (``removed``, ``blocked``, ``queued``, ``not_ncii``,
        ``duplicate``, ``not_found``) is the outcome; else the opinion's category says."""
        if s_type.get_name() != "pdq":
            raise NotImplementedError("Unshared takes opinions on PDQ hashes")
        tags = sorted(opinion.tags)
        outcome = next((t for t in tags if t in REPORT_OUTCOMES), _OUTCOMES[opinion.category])
        note = ("python-threatexchange: " + " ".join(tags))[:500]
        with self.client() as client:
            verdict = client.match(pdq=[s_type.validate_signal_str(signal)])
            entries = [
                m.entry
                for m in (*verdict.matches, *verdict.allowed)
                if m.signal == "pdq" and m.distance == 0 and self._wanted(m.bank, m.bank_kind)
            ]
            if not entries:
                raise NotFound(f"{self.collab.server} has no active entry with this PDQ")
            for entry in entries:
                client.report(entry, outcome, note)


def _pytx_name(change: Change) -> str:
    return "" if change.signal_type in NOT_IN_PYTX else change.signal_type


def _record(change: Change, kind: str) -> UnsharedEntry | None:
    if change.status != "active":
        return None  # withdrawn, disabled, quarantined: deleted from every copy
    return UnsharedEntry(change.entry_id, change.signal_type, change.value, change.bank, kind)
