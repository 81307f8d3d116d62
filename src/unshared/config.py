"""Settings: one typed object, built once and passed in; never a module-level instance.

Each setting is read from the environment (``UNSHARED_<NAME>``), else from ``unshared.toml`` in
the data folder, else its default. Every field is documented in ``docs/configuration.md``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unshared.errors import InvalidInput
from unshared.signals import Pdq

ENV_PREFIX = "UNSHARED_"
CONFIG_FILE = "unshared.toml"
EVIDENCE_KEY = "evidence-key.pem"


def default_home() -> Path:
    """The per-user data folder: ``$XDG_DATA_HOME/unshared`` or ``~/.local/share/unshared``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "unshared"


@dataclass(frozen=True)
class Settings:
    #: The data folder: the SQLite store, the index files and ``unshared.toml``.
    home: Path = field(default_factory=default_home)
    #: Where the bank lives: ``sqlite:///PATH`` or ``postgresql://...``; empty means
    #: ``sqlite:///<home>/unshared.db``.
    store_url: str = ""
    #: Files larger than this many bytes are refused before they are read.
    max_file_bytes: int = 50 * 1024 * 1024
    #: Images with more pixels than this are refused before they are decoded (decompression bombs).
    #: 200 million covers the largest phone cameras (200 MP).
    max_pixels: int = 200_000_000
    #: Images whose longest side is over this many pixels are refused before they are decoded.
    max_side: int = 50_000
    #: Images whose long side is more than this many times their short side are refused before
    #: they are decoded: a 100 x 2,000,000 picture is under any pixel limit but no photo.
    max_aspect: float = 50.0
    #: Images whose decoded pixels would take more than this many bytes are refused before they
    #: are decoded (JPEG counts at the reduced size it decodes at; the rest at full size).
    max_decode_bytes: int = 256 * 1024 * 1024
    #: The service decodes uploads in this many worker processes at most at once; 0 decodes in
    #: the calling process, with no time or memory bound.
    decode_workers: int = 2
    #: Seconds one upload may take to decode and hash before its worker is killed
    #: (``image_too_complex``); also how long a request waits for a free worker (then 503).
    decode_timeout: float = 10.0
    #: Each decode worker's address space, in MiB; 0 for no cap.
    decode_memory_mb: int = 2048
    #: Video files larger than this many bytes are refused before they are read or decoded.
    video_max_bytes: int = 200 * 1024 * 1024
    #: Videos whose container says they last longer than this many seconds are refused before
    #: any frame is decoded (``video_too_long``); vPDQ hashes one frame a second.
    video_max_seconds: float = 600.0
    #: Seconds one video may take to decode and hash before its worker is killed
    #: (``video_too_complex``); also how long a request waits for a free video worker (then 503).
    video_timeout: float = 120.0
    #: Worker processes that hash videos at most at once (apart from the image workers, each
    #: capped at ``decode_memory_mb``); 0 hashes them in the calling process, unbounded.
    video_workers: int = 1
    #: PDQ hashes below this quality (0-100) are refused as too flat to identify a picture.
    pdq_min_quality: int = Pdq.DEFAULT_MIN_QUALITY
    #: An entry that matches more uploads than this goes on the operators' review list; it keeps
    #: matching until an operator decides otherwise.
    flood_matches: int = 1000
    #: The bank a person's protected ordinary photos go into, from the page (their hashes and
    #: local features): a ``protect`` bank, made on first use.
    protect_bank: str = "protect"
    #: Cases one client address may create per hour.
    case_creations_per_hour: int = 20
    #: Links one client address may report per hour (each makes the server fetch a URL).
    link_reports_per_hour: int = 30
    #: Wrong PINs per hour from one client address (only failures count; no per-case lockout).
    pin_attempts_per_hour: int = 10
    #: Largest JSON request body, in bytes (image uploads are bounded by ``max_file_bytes``).
    max_json_bytes: int = 1024 * 1024
    #: Where rate limits are counted: ``memory://``, ``redis://HOST:PORT/DB`` or
    #: ``postgresql://...``; empty means the store's own PostgreSQL, or memory over SQLite.
    rate_limit_url: str = ""
    #: Proxies whose ``X-Forwarded-For`` is believed: comma-separated IPs or CIDRs; none by default.
    trusted_proxies: str = ""
    #: Seconds a request body may stall (no new part arriving) before it is answered with 408.
    body_timeout: int = 30
    #: Whether ``/metrics`` answers anyone; otherwise it needs an operator's key.
    public_metrics: bool = False
    #: Networks a reported URL may point into although they are not public (loopback, private,
    #: link-local, ...): comma-separated CIDRs, none by default. Only for tests and labs.
    fetch_allow_networks: str = ""
    #: Redirects followed, each checked as the first URL was, before a fetch is refused.
    fetch_max_redirects: int = 5
    #: Bytes read from one answer before the fetch is refused (``too_large``).
    fetch_max_bytes: int = 20 * 1024 * 1024
    #: Seconds one fetch may take in all, redirects and body included.
    fetch_timeout: float = 20.0
    #: Images taken from one HTML page (``img``, ``srcset``, ``og:image``, links to images).
    fetch_max_images: int = 20
    #: Seconds between two of the monitor's requests to one host (politeness).
    watch_host_delay: float = 1.0
    #: Links (pages and images) the monitor takes from one sitemap or feed per run.
    watch_max_pages: int = 100
    #: Requests one run of a watch target makes at most: the target, nested sitemaps, pages and
    #: their images; the run stops there and says it was capped.
    watch_max_fetches: int = 300
    #: Seconds one run of a watch target may take before it stops and says it was capped; keep
    #: it under the scheduler's lease (5 minutes), so no other process starts the same run.
    watch_max_seconds: float = 240.0
    #: The organisation running this Unshared (an NGO or helpline), named in the notices it sends
    #: on a person's behalf.
    operator_name: str = ""
    #: The operator's address for hosts' replies to the notices it sends.
    operator_email: str = ""
    #: The individual at the operator authorised to sign notices (``/s/ NAME``).
    operator_signatory: str = ""
    #: Hours a host has to act on a TAKE IT DOWN notice before the copy is checked again (the
    #: law's 48).
    notice_hours_us_take_it_down: int = 48
    #: Hours after a DSA Article 16 notice before the copy is checked again.
    notice_hours_eu_dsa_16: int = 72
    #: Hours after a UK Online Safety Act notice before the copy is checked again.
    notice_hours_uk_osa: int = 72
    #: The law a notice is drafted under when a sighting is verified: ``us_take_it_down``,
    #: ``eu_dsa_16`` or ``uk_osa`` (the person or an operator may draft one under another).
    notice_regime: str = "us_take_it_down"
    #: Seconds between the server's looks for due jobs (a notice's check at its deadline); 0:
    #: this server runs none, and another process over the same store must.
    scheduler_poll: float = 30.0
    #: The mail server notices are sent through: ``smtp://USER:PASS@HOST:PORT`` (STARTTLS per
    #: ``smtp_starttls``) or ``smtps://...`` (TLS from the start); empty: notices are downloads.
    smtp_url: str = field(default="", repr=False)
    #: Whether an ``smtp://`` server must upgrade to TLS (STARTTLS) before anything is sent.
    smtp_starttls: bool = True
    #: A PEM file of the certificate authorities the mail server's certificate is checked against
    #: (a private relay's own CA); empty: the system's.
    smtp_ca_file: str = ""
    #: The From address of notices sent by email.
    smtp_from: str = ""
    #: Seconds to wait for the mail server to connect or answer.
    smtp_timeout: float = 30.0
    #: The bank's Ed25519 key that signs evidence bundles, a PEM file made on first use (mode
    #: 0600); empty means ``<home>/evidence-key.pem``.
    evidence_key: str = ""
    #: Seconds between the server's looks at the bank's feed, for changes made by other
    #: processes over the same store (its own writes reach its index before they return). An
    #: entry added elsewhere starts matching here within this plus the time to apply it; a
    #: withdrawal counts at once everywhere, since every candidate is read back from the store.
    feed_poll: float = 0.25
    #: ``/readyz`` answers 503 when the server has not read the feed for this many seconds
    #: (the store unreachable, say), so a load balancer can take it out.
    feed_stale_after: float = 30.0
    #: Seconds the server trusts an API key it has checked before reading it from the store
    #: again: a key revoked by another process over the store stops working here within this;
    #: one revoked through this server stops at once. 0 (the default): a revocation anywhere
    #: counts for the very next request (the key is read on every request, or over SQLite
    #: trusted while the store's count of keys made and revoked is unchanged).
    key_cache_seconds: float = 0.0

    @property
    def resolved_store_url(self) -> str:
        return self.store_url or f"sqlite:///{self.home / 'unshared.db'}"

    @property
    def resolved_evidence_key(self) -> Path:
        return (
            Path(self.evidence_key).expanduser() if self.evidence_key else self.home / EVIDENCE_KEY
        )

    @property
    def resolved_rate_limit_url(self) -> str:
        if self.rate_limit_url:
            return self.rate_limit_url
        store = self.resolved_store_url
        return store if store.startswith(("postgresql:", "postgres:")) else "memory://"

    def environment(self) -> dict[str, str]:
        """Every setting as the ``UNSHARED_*`` variables ``load`` reads back: how the processes
        of ``unshared serve --workers N`` get the settings their parent was given."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            out[ENV_PREFIX + f.name.upper()] = text
        return out

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Build settings from overrides > environment > ``unshared.toml`` > defaults."""
        env = os.environ if env is None else env
        fields = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        home_raw = overrides.get("home") or env.get(ENV_PREFIX + "HOME")
        home = Path(home_raw).expanduser() if home_raw else default_home()
        file_values = _read_file(home / CONFIG_FILE)
        for name, f in fields.items():
            if overrides.get(name) is not None:
                raw: Any = overrides[name]
            elif ENV_PREFIX + name.upper() in env:
                raw = env[ENV_PREFIX + name.upper()]
            elif name in file_values:
                raw = file_values[name]
            else:
                continue
            values[name] = _coerce(name, f.type, raw)
        values["home"] = home
        unknown = set(file_values) - set(fields)
        if unknown:
            raise InvalidInput(f"unknown settings in {home / CONFIG_FILE}: {sorted(unknown)}")
        return cls(**values)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        return {}
    import tomllib  # most homes have no file: every command starts without the TOML parser

    with fh:
        try:
            return tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise InvalidInput(f"{path} is not valid TOML: {exc}") from exc


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(raw)


def _coerce(name: str, type_name: Any, raw: Any) -> Any:
    try:
        if type_name in ("int", int):
            return int(raw)
        if type_name in ("bool", bool):
            return _boolean(raw)
        if type_name in ("float", float):
            return float(raw)
        if type_name in ("Path", Path):
            return Path(raw).expanduser()
        return str(raw)
    except ValueError as exc:
        raise InvalidInput(f"setting {name} must be {type_name}, got {raw!r}") from exc
