"""One exception tree for all of Unshared.

Every error carries the HTTP status and the CLI exit code it maps to; the HTTP adapter and the CLI
entry point each map them in exactly one place.

    UnsharedError                      500  exit 1
    ├── InvalidInput                   400  exit 2
    │   ├── MalformedSignal            422
    │   ├── MalformedFeatures          400  (a photo's local features, as a client sent them)
    │   ├── NotAnImage                 415
    │   │   ├── EmptyFile              415
    │   │   ├── UnsupportedFormat      415
    │   │   └── CorruptImage           422
    │   ├── FileTooLarge               413
    │   ├── ImageTooLarge              413
    │   ├── ImageTooComplex            422
    │   ├── LowQuality                 422
    │   ├── NotAVideo                  415  (unshared.hashing.video)
    │   │   └── CorruptVideo           422
    │   ├── VideoTooLong               413
    │   ├── VideoTooComplex            422
    │   └── FetchRefused               400  (a URL safe fetching will not follow)
    ├── NotFound                       404  exit 3
    ├── Conflict                       409  exit 4
    ├── Unauthorized                   401  exit 5
    ├── Forbidden                      403  exit 5
    ├── RateLimited                    429  exit 6
    ├── Unavailable                    503  exit 7
    │   └── FetchFailed                502  (a reported URL did not answer)
    └── CorruptIndex                   500  (unshared.index: an index file to rebuild)
"""

from __future__ import annotations

from typing import Any, ClassVar


class UnsharedError(Exception):
    """Base of every error Unshared raises on purpose."""

    status: ClassVar[int] = 500
    exit_code: ClassVar[int] = 1
    code: ClassVar[str] = "internal"

    def __init__(self, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries when folders are hashed on several cores.
        return (_rebuild, (type(self), self.message, self.detail))

    def to_dict(self) -> dict[str, Any]:
        """The one JSON error shape: ``{"error": {"code", "message", "detail"}}``."""
        return {"error": {"code": self.code, "message": self.message, "detail": self.detail}}


def _rebuild(cls: type[UnsharedError], message: str, detail: dict[str, Any]) -> UnsharedError:
    return cls(message, **detail)


class InvalidInput(UnsharedError):
    status = 400
    exit_code = 2
    code = "invalid_input"


class MalformedSignal(InvalidInput):
    """A hash that is not of its type's form (wrong length, not hex, unknown type)."""

    status = 422
    code = "malformed_signal"


class MalformedFeatures(InvalidInput):
    """Local features (keypoints and descriptors) that are not of their form: not hex, counts
    that disagree, too few or too many keypoints, a keypoint outside the picture."""

    code = "malformed_features"


class NotAnImage(InvalidInput):
    """Bytes that no allowed image decoder recognises."""

    status = 415
    code = "not_an_image"


class EmptyFile(NotAnImage):
    code = "empty_file"


class UnsupportedFormat(NotAnImage):
    """An image format we do not decode on purpose (EPS, PSD, ...)."""

    code = "unsupported_format"


class CorruptImage(NotAnImage):
    """A recognised image that fails to decode: truncated or damaged."""

    status = 422
    code = "corrupt_image"


class FileTooLarge(InvalidInput):
    status = 413
    code = "file_too_large"


class ImageTooLarge(InvalidInput):
    """Dimensions past the pixel limit: a decompression bomb or an absurd image."""

    status = 413
    code = "image_too_large"


class ImageTooComplex(InvalidInput):
    """An image the decoder could not finish within its time or memory budget (the service's
    ``decode_timeout`` and ``decode_memory_mb``): hostile, or too costly to be worth it."""

    status = 422
    code = "image_too_complex"


class LowQuality(InvalidInput):
    """PDQ quality below the threshold: the image is too flat for a perceptual hash to mean much.

    ``quality`` is the PDQ quality (0-100); ``detail`` also holds the hashes (``pdq``, ``md5``,
    ``sha256``): the exact ones stay useful.
    """

    status = 422
    code = "low_quality"

    def __init__(self, message: str, *, quality: int, threshold: int, **detail: Any) -> None:
        super().__init__(message, quality=quality, threshold=threshold, **detail)
        self.quality = quality
        self.threshold = threshold


class NotAVideo(InvalidInput):
    """Bytes that are not a video in one of the containers Unshared hashes
    (``hashing.video.FORMATS``)."""

    status = 415
    code = "not_a_video"


class CorruptVideo(NotAVideo):
    """A recognised video that fails to decode: truncated or damaged."""

    status = 422
    code = "corrupt_video"


class VideoTooLong(InvalidInput):
    """A video whose container says it lasts longer than ``video_max_seconds``."""

    status = 413
    code = "video_too_long"


class VideoTooComplex(InvalidInput):
    """A video not hashed within ``video_timeout`` seconds (or its worker's memory): hostile,
    or too costly to be worth it."""

    status = 422
    code = "video_too_complex"


class FetchRefused(InvalidInput):
    """A URL that safe fetching will not follow: not http(s), an address that is not public
    (unless ``fetch_allow_networks`` holds it), too many redirects, or an answer over
    ``fetch_max_bytes`` (``reason`` says which)."""

    code = "fetch_refused"


class NotFound(UnsharedError):
    status = 404
    exit_code = 3
    code = "not_found"


class Conflict(UnsharedError):
    status = 409
    exit_code = 4
    code = "conflict"


class Unauthorized(UnsharedError):
    status = 401
    exit_code = 5
    code = "unauthorized"


class Forbidden(UnsharedError):
    status = 403
    exit_code = 5
    code = "forbidden"


class RateLimited(UnsharedError):
    status = 429
    exit_code = 6
    code = "rate_limited"


class Unavailable(UnsharedError):
    status = 503
    exit_code = 7
    code = "unavailable"


class FetchFailed(Unavailable):
    """A reported URL that did not answer in time, or a network error on the way."""

    status = 502
    code = "fetch_failed"
