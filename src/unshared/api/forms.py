"""The one file of a ``multipart/form-data`` body, parsed in memory.

HMA's clients send an image as a form upload (``curl --form photo=@file.png``). Starlette's own
form parser spools any file over 1 MB to a temporary file on disk; an image a platform asks about
must never be written anywhere, so the body (already bounded by ``BodyLimit``) is parsed here,
in memory, with python-multipart's streaming parser, and dropped with the request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from unshared.errors import InvalidInput

#: Most parts one form may have: one file, and a few plain fields at most.
MAX_PARTS = 8


@dataclass
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    data: list[bytes] = field(default_factory=list)
    done: bool = False


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its form field's name (HMA: the content type) and its bytes."""

    name: str
    data: bytes = field(repr=False)


def one_file(body: bytes, content_type: str) -> Upload:
    """The single file in a ``multipart/form-data`` body; ``InvalidInput`` when the body is not
    such a form, holds no file, or more than one."""
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise InvalidInput("send the file as multipart/form-data (curl --form photo=@file)")
    parts: list[_Part] = []
    header: list[bytes] = []
    value: list[bytes] = []

    def begin() -> None:
        if len(parts) >= MAX_PARTS:
            raise InvalidInput(f"a form of at most {MAX_PARTS} parts")
        parts.append(_Part())

    def end() -> None:
        parts[-1].done = True

    def header_end() -> None:
        parts[-1].headers[b"".join(header).strip().lower()] = b"".join(value).strip()
        header.clear()
        value.clear()

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": begin,
            "on_header_field": lambda d, s, e: header.append(d[s:e]),
            "on_header_value": lambda d, s, e: value.append(d[s:e]),
            "on_header_end": header_end,
            "on_part_data": lambda d, s, e: parts[-1].data.append(d[s:e]),
            "on_part_end": end,
        },
    )
    try:
        parser.write(body)
        parser.finalize()
    except FormParserError as exc:
        raise InvalidInput(f"the form could not be read: {exc}") from None
    if not all(part.done for part in parts):
        raise InvalidInput("the form ends before its last part does")
    files = []
    for part in parts:
        _, disposition = parse_options_header(part.headers.get(b"content-disposition"))
        if b"filename" in disposition:
            name = disposition.get(b"name", b"").decode("utf-8", "replace")
            files.append(Upload(name, b"".join(part.data)))
    if not files:
        raise InvalidInput("the form holds no file (curl --form photo=@file)")
    if len(files) > 1:
        raise InvalidInput("one file per request")
    return files[0]
