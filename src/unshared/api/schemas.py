"""The HTTP API's request and response bodies. Schemas live here and nowhere else."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from unshared.actions.protect import ProtectedPhoto
from unshared.bank.models import (
    MAX_ADDRESS,
    MAX_DETAIL,
    MAX_EMAIL,
    MAX_KEY_NAME,
    MAX_NOTE,
    MAX_REASON,
    MAX_URL,
    MAX_WATCH_INTERVAL,
    MIN_WATCH_INTERVAL,
    Bank,
    BankKind,
    Category,
    Delivery,
    FetchOutcome,
    KeyRole,
    NoticeState,
    Reporter,
    ReportOutcome,
    SightingStatus,
    WatchKind,
)
from unshared.errors import InvalidInput
from unshared.match.query import MAX_TRIMMED_VIEWS
from unshared.signals import Md5, Pdq, Sha256
from unshared.video import MAX_FRAMES, Vpdq

HEX64 = r"^[0-9a-fA-F]{64}$"
HEX32 = r"^[0-9a-fA-F]{32}$"
VPDQ_HEX = r"^(?:[0-9a-fA-F]{64})+$"
#: Most images one call may carry (a person adding photos, a platform's batch).
MAX_IMAGES_PER_CALL = 50
#: Most photos one call may protect: each brings its features (up to 500 keypoints, 40,000 hex
#: digits), and a call must stay under the JSON body limit (``max_json_bytes``, 1 MiB).
MAX_PROTECTED_PER_CALL = 20
#: Most videos one call may carry: an hour's vPDQ is 230,400 hex digits, and four of them stay
#: under the JSON body limit (``max_json_bytes``, 1 MiB).
MAX_VIDEOS_PER_CALL = 4


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ImageHashes(Strict):
    """The hashes of one image, made on the person's device. Never the image."""

    pdq: str | None = Field(default=None, pattern=HEX64, description="PDQ, 64 hex digits")
    quality: int | None = Field(default=None, ge=0, le=100, description="PDQ quality")
    md5: str | None = Field(default=None, pattern=HEX32)
    sha256: str | None = Field(default=None, pattern=HEX64)

    @model_validator(mode="after")
    def _some_hash(self) -> ImageHashes:
        if not (self.pdq or self.md5 or self.sha256):
            raise ValueError("give at least one of pdq, md5, sha256")
        return self

    def signals(self, min_quality: int = 0) -> list[Pdq | Md5 | Sha256]:
        """The signals; ``InvalidInput`` for a PDQ without its quality or under ``min_quality``
        (a flat picture's PDQ would match other flat pictures: send its exact hashes alone)."""
        if self.pdq and (self.quality is None or self.quality < min_quality):
            raise InvalidInput(
                f"a PDQ needs its quality, at least {min_quality}: send a plainer picture's"
                " md5 and sha256 alone",
                quality=self.quality,
                threshold=min_quality,
            )
        out: list[Pdq | Md5 | Sha256] = []
        if self.pdq:
            out.append(Pdq.from_hex(self.pdq))
        if self.md5:
            out.append(Md5.from_hex(self.md5))
        if self.sha256:
            out.append(Sha256.from_hex(self.sha256))
        return out


class VideoHashes(Strict):
    """The hashes of one video, made on the person's device (docs/video.md). Never the video."""

    vpdq: str = Field(
        pattern=VPDQ_HEX,
        max_length=64 * MAX_FRAMES,
        description="vPDQ: the distinct PDQ of its frames of quality 50 or more, one a second,"
        f" 64 hex digits each, one after another (1 to {MAX_FRAMES} frames)",
    )
    md5: str = Field(pattern=HEX32, description="MD5 of the video file's bytes")
    sha256: str | None = Field(default=None, pattern=HEX64, description="SHA-256 of the file")

    def signals(self) -> list[Vpdq | Md5 | Sha256]:
        out: list[Vpdq | Md5 | Sha256] = [Vpdq.from_hex(self.vpdq), Md5.from_hex(self.md5)]
        if self.sha256:
            out.append(Sha256.from_hex(self.sha256))
        return out


class FeaturesIn(Strict):
    """One photo's local features (ORB), made on the person's device as the server makes them
    for a protect bank. Checked by ``unshared.features.wire``: a malformed one is refused with
    400 ``malformed_features``, saying what is wrong."""

    keypoints: int = Field(ge=0, description="How many keypoints (15 to 500)")
    points: str = Field(
        description="Hex of keypoints x 2 little-endian float32: each keypoint's x and y divided"
        " by the longer side of the picture (0 to 1)"
    )
    descriptors: str = Field(description="Hex of keypoints x 32 bytes: each keypoint's descriptor")


class ProtectedImage(ImageHashes):
    """The hashes and local features of one ordinary photo to protect. Never the photo. Its PDQ
    (and quality) is required: the features are kept by it."""

    features: FeaturesIn

    def photo(self, min_quality: int) -> ProtectedPhoto:
        """The photo as the service takes it; ``InvalidInput`` without a PDQ, and
        ``MalformedFeatures`` for features that are not of their form."""
        from unshared.features import features_from_hex  # OpenCV, only when photos are protected

        if not self.pdq:
            raise InvalidInput("a protected photo needs its PDQ: its features are kept by it")
        f = self.features
        return ProtectedPhoto(
            self.signals(min_quality), features_from_hex(f.keypoints, f.points, f.descriptors)
        )


class PersonLimits(BaseModel):
    """What the page (or any client) must know to prepare a case the service will take."""

    pdq_min_quality: int = Field(description="A PDQ under this quality is sent as exact hashes")
    max_file_bytes: int = Field(description="Files over this are refused")
    max_images_per_call: int = Field(description="Most images one call may carry")
    max_protected_per_call: int = Field(description="Most photos one call may protect")
    max_videos_per_call: int = Field(description="Most videos one call may carry")
    video_max_bytes: int = Field(description="Video files over this are refused")
    video_max_seconds: float = Field(description="Videos longer than this are refused")
    video_max_frames: int = Field(description="Most distinct frames one vPDQ may hold")
    video_seconds_per_hash: float = Field(description="vPDQ hashes one frame per this long")
    video_min_frame_quality: int = Field(description="Frames under this PDQ quality are left out")
    protect_min_keypoints: int = Field(description="Fewest keypoints a protected photo may have")
    protect_max_keypoints: int = Field(description="Most keypoints a protected photo may have")


#: What every ``category`` field says, in the OpenAPI schema.
CATEGORY = (
    "minor: the person in the image is under 18, or was when it was taken; for a platform, child"
    " sexual abuse material, with its own duty to report (in the US, to NCMEC). null: none"
)


def _some_media(images: list[ImageHashes], videos: list[VideoHashes]) -> None:
    if not (images or videos):
        raise ValueError("give at least one image or video")


class NewCase(Strict):
    images: list[ImageHashes] = Field(default_factory=list, max_length=MAX_IMAGES_PER_CALL)
    videos: list[VideoHashes] = Field(
        default_factory=list,
        max_length=MAX_VIDEOS_PER_CALL,
        description="The hashes of videos (vPDQ, MD5, SHA-256), made on the person's device",
    )
    minor: bool = Field(
        default=False,
        strict=True,  # true or false: never "yes", 1 or "on" taken as a yes
        description="The person in the photos is under 18, or was when they were taken."
        " Optional; the one thing asked about them. Platforms then treat the hashes as child"
        " sexual abuse material",
    )

    @model_validator(mode="after")
    def _some(self) -> NewCase:
        _some_media(self.images, self.videos)
        return self


class Pin(Strict):
    pin: str = Field(min_length=1, max_length=64)


class AddToCase(Pin):
    images: list[ImageHashes] = Field(default_factory=list, max_length=MAX_IMAGES_PER_CALL)
    videos: list[VideoHashes] = Field(default_factory=list, max_length=MAX_VIDEOS_PER_CALL)

    @model_validator(mode="after")
    def _some(self) -> AddToCase:
        _some_media(self.images, self.videos)
        return self


#: Why a protect case refuses videos: said in words, not as an unknown field.
_NO_VIDEOS = (
    "videos are for takedown cases (POST /v1/cases): a protect case watches ordinary photos by"
    " their local features, which videos do not have"
)


class NewProtectCase(Strict):
    images: list[ProtectedImage] = Field(min_length=1, max_length=MAX_PROTECTED_PER_CALL)

    @model_validator(mode="before")
    @classmethod
    def _no_minor(cls, data: Any) -> Any:
        # The one answer about the person belongs to a takedown case; a protect case is of
        # ordinary photos, and the page never asks it there. Said in words, not as an unknown
        # field.
        if isinstance(data, dict) and "videos" in data:
            raise ValueError(_NO_VIDEOS)
        if isinstance(data, dict) and "minor" in data:
            raise ValueError(
                "minor is for takedown cases (POST /v1/cases): a protect case holds ordinary"
                " photos and never takes it"
            )
        return data


class AddProtected(Pin):
    images: list[ProtectedImage] = Field(min_length=1, max_length=MAX_PROTECTED_PER_CALL)

    @model_validator(mode="before")
    @classmethod
    def _no_videos(cls, data: Any) -> Any:
        if isinstance(data, dict) and "videos" in data:
            raise ValueError(_NO_VIDEOS)
        return data


class CaseCreated(BaseModel):
    case: str = Field(description="The case number; keep it with the PIN")
    pin: str = Field(description="Shown once, never again: it is stored only as a slow hash")
    status: str
    hashes: int
    minor: bool = Field(description="The case is a minor's")


class CaseHash(BaseModel):
    entry: int
    signal: str
    status: str
    added_at: datetime


class CaseReport(BaseModel):
    at: datetime
    outcome: str
    entry: int


class CaseStatus(BaseModel):
    case: str
    status: str
    created_at: datetime
    withdrawn_at: datetime | None
    minor: bool = Field(description="The case is a minor's: its hashes carry that to platforms")
    hashes: list[CaseHash]
    reports: list[CaseReport]
    kind: BankKind = Field(
        description="ncii: intimate images to take down; protect: ordinary photos of the person,"
        " watched for edited copies (POST /v1/cases/protect)"
    )


class MatchQuery(Strict):
    """Hashes of one upload. ``pdq`` may hold the 8 rotations and flips, original first;
    ``trimmed`` the same 8 for each view of the upload with its margins trimmed (at most 5
    views: ``unshared.hashing.batch.views_of`` makes them)."""

    pdq: list[Annotated[str, Field(pattern=HEX64)]] = Field(default_factory=list, max_length=8)
    trimmed: list[Annotated[str, Field(pattern=HEX64)]] = Field(
        default_factory=list, max_length=MAX_TRIMMED_VIEWS * 8
    )
    quality: int | None = Field(default=None, ge=0, le=100)
    md5: str | None = Field(default=None, pattern=HEX32)
    sha256: str | None = Field(default=None, pattern=HEX64)
    vpdq: str | None = Field(
        default=None,
        pattern=VPDQ_HEX,
        max_length=64 * MAX_FRAMES,
        description="A video's vPDQ: its distinct frames' PDQ, 64 hex digits each, one after"
        " another (docs/video.md); md5 and sha256 are then the video file's",
    )

    @model_validator(mode="after")
    def _some_hash(self) -> MatchQuery:
        if not (self.pdq or self.md5 or self.sha256 or self.vpdq):
            raise ValueError("give at least one of pdq, md5, sha256, vpdq")
        if len(self.trimmed) % 8:
            raise ValueError("trimmed holds 8 PDQ hashes (the rotations and flips) a view")
        return self


class MatchOut(BaseModel):
    """One matched entry. Never its case: a platform must not learn which hashes belong to one
    person."""

    bank: str
    bank_kind: str
    entry: int
    signal: str
    distance: int
    variant: str
    category: Category | None = Field(description=CATEGORY)
    metadata: dict[str, Any]


class VerdictOut(BaseModel):
    matched: bool
    suppressed: bool
    matches: list[MatchOut]
    allowed: list[MatchOut]
    notes: list[str]
    hashes: dict[str, Any] | None = Field(
        default=None, description="The upload's own hashes, for image and video uploads"
    )


class ChangeOut(BaseModel):
    seq: int
    op: str
    entry: int
    bank: str
    signal: str
    value: str
    status: str
    at: datetime
    category: Category | None = Field(description=CATEGORY)
    bank_kind: str = Field(description="ncii, allow or protect: an allow bank overrules matches")
    bank_thresholds: dict[str, int]


class BankInfo(BaseModel):
    id: int
    name: str
    kind: str = Field(description="ncii, allow or protect: an allow bank overrules matches")
    thresholds: dict[str, int]
    created_at: datetime

    @classmethod
    def of(cls, bank: Bank) -> BankInfo:
        return cls(
            id=bank.id,
            name=bank.name,
            kind=bank.kind,
            thresholds=bank.thresholds,
            created_at=bank.created_at,
        )


class Feed(BaseModel):
    store: str = Field(description="The bank's identity: a new value means a new database")
    changes: list[ChangeOut]
    banks: dict[str, BankInfo] = Field(description="The banks these changes are in, by name")
    next: int = Field(description="Pass as ?after= to get what comes next")
    latest: int


class NewReport(Strict):
    entry: int = Field(ge=1)
    outcome: ReportOutcome
    note: str = Field(default="", max_length=MAX_NOTE)
    url: str | None = Field(
        default=None,
        max_length=MAX_URL,
        description="Where the copy was (http or https): it becomes a sighting on the entry's"
        " case, verified by the service before this call answers",
    )


class ReportOut(BaseModel):
    id: int
    entry: int
    outcome: str
    note: str
    at: datetime
    sighting: int | None = Field(
        default=None, description="The sighting made from ``url``, if the entry has a case"
    )


# -- sightings -----------------------------------------------------------------------------------


class NewSighting(Pin):
    url: str = Field(min_length=1, max_length=MAX_URL, description="Where the copy is")


class NewOperatorSighting(Strict):
    case: str = Field(min_length=1, max_length=64, description="The case number")
    url: str = Field(min_length=1, max_length=MAX_URL)


class FetchOut(BaseModel):
    """One verification: what the URL answered and the hashes of what it served (never the
    bytes)."""

    id: int
    at: datetime
    outcome: FetchOutcome
    http_status: int | None
    final_url: str | None
    content_type: str | None
    size: int | None = Field(description="Bytes of the answer (the page, for a page)")
    sha256: str | None
    md5: str | None
    pdq: str | None
    quality: int | None
    image_url: str | None = Field(description="The image hashed, when the URL was a page")
    entry: int | None = Field(description="The case's entry it matched or came closest to")
    distance: int | None = Field(description="PDQ distance to that entry; 0 for an exact hash")
    matched: bool
    error: str


class SightingOut(BaseModel):
    id: int
    case: str
    url: str
    host: str
    reported_by: Reporter
    reported_at: datetime
    status: SightingStatus
    entry: int | None
    distance: int | None
    checked_at: datetime | None
    category: Category | None = Field(description=f"The case's category. {CATEGORY}")
    fetch: FetchOut | None = Field(description="The latest verification")


class ContactIn(Strict):
    email: str = Field(min_length=3, max_length=MAX_EMAIL)


class ContactOut(BaseModel):
    host: str
    email: str
    set_by: str
    updated_at: datetime


# -- notices ---------------------------------------------------------------------------------

Regime = Literal["us_take_it_down", "eu_dsa_16", "uk_osa"]
NoticeFormat = Literal["text", "html", "pdf"]


class NoticeOut(BaseModel):
    """A notice to a host and its clock. Never the person's own details."""

    id: int
    sighting_id: int
    case: str = Field(description="The case number")
    url: str = Field(description="The sighting's URL, where the copy is")
    host: str
    regime: Regime
    state: NoticeState
    delivery: Delivery
    recipient: str = Field(description="The host's abuse address it goes to; empty until known")
    minor: bool
    created_at: datetime
    sent_at: datetime | None
    deadline: datetime | None = Field(description="When the copy is fetched again")
    closed_at: datetime | None = Field(description="When it was removed or withdrawn")
    follow_up_of: int | None = Field(description="The notice this one follows up")
    authorised: bool = Field(description="The person authorised the operator to send it")
    message_id: str | None = Field(description="The Message-ID of the email that carried it")


class NewNotice(Strict):
    sighting: int = Field(ge=1, description="A verified sighting")
    regime: Regime | None = Field(default=None, description="Default: the notice_regime setting")
    delivery: Delivery | None = Field(
        default=None, description="Default: email when the host's abuse contact is known"
    )
    recipient: str = Field(default="", max_length=MAX_EMAIL, description="Default: the contact")
    minor: bool = False


class SendNotice(Strict):
    recipient: str | None = Field(
        default=None, max_length=MAX_EMAIL, description="Instead of the one drafted with it"
    )


class PersonNewNotice(Pin):
    sighting: int = Field(ge=1, description="One of the case's verified sightings")
    regime: Regime | None = Field(default=None, description="Default: the notice_regime setting")


class NoticeDownload(Pin):
    """The person's own copy, to send themselves. Details given here go into this file only and
    are kept nowhere; without them the notice has blanks to fill in by hand."""

    format: NoticeFormat
    name: str = Field(default="", max_length=MAX_DETAIL)
    email: str = Field(default="", max_length=MAX_EMAIL)
    signature: str = Field(default="", max_length=MAX_DETAIL, description="Typed as /s/ NAME")


class NoticeAuthorisation(Pin):
    """The person asks the operator to send this one notice on their behalf. Their details are
    kept with this notice only, used in it alone, and forgotten when it closes."""

    name: str = Field(min_length=1, max_length=MAX_DETAIL)
    email: str = Field(min_length=3, max_length=MAX_EMAIL)
    signature: str = Field(min_length=1, max_length=MAX_DETAIL, description="Their full name")
    phone: str = Field(default="", max_length=MAX_DETAIL)
    address: str = Field(default="", max_length=MAX_ADDRESS)
    good_faith: bool = Field(
        description="They confirm, in good faith, that the picture was shared without their"
        " consent and that the notice is accurate: must be true"
    )


class ReviewReport(ReportOut):
    key: int | None = Field(description="The reporting platform's key (see GET /v1/keys)")


class NewBank(Strict):
    name: str = Field(pattern=r"^[a-z0-9_-]{1,64}$")
    kind: BankKind = "ncii"
    thresholds: dict[str, int] = Field(default_factory=dict)


class BankOut(BankInfo):
    active_entries: int


class NewKey(Strict):
    name: str = Field(min_length=1, max_length=MAX_KEY_NAME)
    role: KeyRole


class KeyOut(BaseModel):
    id: int
    name: str
    role: str
    created_at: datetime
    revoked_at: datetime | None


class KeyCreated(KeyOut):
    key: str = Field(description="Shown once: it is stored only hashed")


class EntryStatusChange(Strict):
    status: Literal["active", "disabled", "quarantined"]
    reason: str = Field(default="", max_length=MAX_REASON)


class EntryOut(BaseModel):
    id: int
    bank: str
    bank_id: int
    case: int | None
    signal: str
    value: str
    status: str
    source: str
    added_at: datetime
    category: Category | None = Field(description=CATEGORY)
    metadata: dict[str, Any]


class ReviewItem(BaseModel):
    entry: EntryOut
    matches: int = Field(description="Uploads it has matched")
    platforms: int = Field(description="Distinct platforms (API keys) that matched it")
    not_ncii_reports: int
    not_ncii_platforms: int = Field(description="Distinct platforms that reported it not NCII")
    flooded: bool = Field(description="It has matched more uploads than the flood line")
    reasons: list[str]
    reports: list[ReviewReport] = Field(
        description="What platforms reported about its matches, with their notes; newest first"
    )


class HistoryOut(BaseModel):
    id: int
    at: datetime
    actor: str
    action: str
    subject_type: str
    subject_id: int
    detail: dict[str, Any]


class EvidenceKey(BaseModel):
    """The bank's public key: evidence bundles it signed verify under it
    (``unshared evidence verify BUNDLE --key FILE`` takes this answer as the file)."""

    algorithm: Literal["ed25519"] = "ed25519"
    public_key: str = Field(description="The 32-byte Ed25519 public key, 64 hex digits")
    pem: str = Field(description="The same key as a PEM SubjectPublicKeyInfo (for openssl)")
    fingerprint: str = Field(description="SHA-256 of the 32 key bytes, to compare by voice")


class NewWatch(Strict):
    url: str = Field(min_length=1, max_length=MAX_URL, description="The page, sitemap or feed")
    kind: WatchKind = Field(default="page", description="page, sitemap or feed (RSS or Atom)")
    interval_seconds: int = Field(
        default=3600,
        ge=MIN_WATCH_INTERVAL,
        le=MAX_WATCH_INTERVAL,
        description="Seconds between runs",
    )


class WatchChange(Strict):
    enabled: bool = Field(description="Run on its schedule (true) or not (false)")


class WatchRunOut(BaseModel):
    """What one run of a watch target did."""

    started_at: datetime
    seconds: float
    fetches: int = Field(description="Requests made: the target, sitemaps, pages, images")
    pages: int
    images: int = Field(description="Images hashed")
    matches: int = Field(description="Images that matched an entry of a case")
    sightings: list[int] = Field(description="Sightings this run made or verified, by id")
    known: int = Field(description="Matches on pages already verified for their case")
    failures: int
    capped: bool = Field(description="Stopped at watch_max_fetches or watch_max_seconds")
    error: str = Field(description="Why the target itself could not be read, or empty")
    problems: list[str] = Field(description="The first problems with its pages and images")


class WatchOut(BaseModel):
    id: int
    url: str
    host: str
    kind: WatchKind
    interval_seconds: int
    enabled: bool
    created_by: str
    created_at: datetime
    next_run_at: datetime
    last_run_at: datetime | None
    last_result: WatchRunOut | None


class WatchRan(BaseModel):
    """A run done at once: the target after it, and what the run did."""

    watch: WatchOut
    run: WatchRunOut


class ErrorDetail(BaseModel):
    code: str = Field(description="A stable, machine-readable name, such as rate_limited")
    message: str = Field(description="What went wrong, in words for a person")
    detail: dict[str, Any] = Field(description="Facts about it: limits, sizes, retry_after")


class ErrorBody(BaseModel):
    """Every error, whatever its status, has this one shape."""

    error: ErrorDetail


# -- HMA's matching API (``api/routers/hma.py``) ------------------------------------------------


class HmaMatch(BaseModel):
    """One match in HMA's shape: the bank content id, here the matched entry's id, and the
    distance, which HMA gives as text."""

    bank_content_id: int = Field(description="The entry; report on it with POST /v1/reports")
    distance: str = Field(description='As text, as HMA gives it: "0" for an exact hash')


class HmaRawLookup(BaseModel):
    matches: list[int | HmaMatch] = Field(
        description="Entry ids, or with include_distance=true each with its distance"
    )


#: Each error status the API answers with: what it means and an example body (codes from
#: ``unshared.errors``).
_ERRORS: dict[int, tuple[str, str, str, dict[str, Any]]] = {
    400: ("Bad input", "invalid_input", "a PDQ needs its quality, at least 50", {}),
    401: (
        "No key, an unknown key, or a wrong PIN",
        "unauthorized",
        "unknown or revoked API key",
        {},
    ),
    403: ("The key may not do this", "forbidden", "this needs an operator's key", {}),
    404: ("No such thing", "not_found", "there is no entry 7", {"entry_id": 7}),
    408: ("The body stopped arriving", "request_timeout", "the request body stalled", {}),
    409: ("It conflicts with what is there", "conflict", "this case is withdrawn", {}),
    413: (
        "The body or the image is too large",
        "too_large",
        "the request body is over 1,048,576 bytes",
        {"limit": 1048576},
    ),
    415: (
        "Not an image or video in a format decoded here",
        "not_a_video",
        "not a video in a supported container (MP4, MOV, WebM, Matroska, AVI, MPEG-TS, FLV)",
        {"format": "gif"},
    ),
    422: (
        "The request does not fit the schema, or the image cannot be decoded",
        "invalid_input",
        "the request is not valid",
        {"problems": [{"where": "body.images", "problem": "Field required"}]},
    ),
    429: (
        "Too many; the Retry-After header says when to try again",
        "rate_limited",
        "too many wrong PINs from this address; try again later",
        {"retry_after": 1800},
    ),
    503: ("Not ready or busy; try again", "unavailable", "the index is still loading", {}),
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses: the one error shape, an example each."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        description, code, message, detail = _ERRORS[status]
        example = {"error": {"code": code, "message": message, "detail": detail}}
        out[status] = {
            "model": ErrorBody,
            "description": description,
            "content": {"application/json": {"example": example}},
        }
    return out
