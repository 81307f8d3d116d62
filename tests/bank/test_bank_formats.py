"""Hash lists and CSVs in the layouts python-threatexchange and ThreatExchange use."""

from __future__ import annotations

import hashlib
import io
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unshared.bank.formats import CSV_COLUMNS, read_csv, read_lines, write_csv, write_lines
from unshared.bank.models import Entry, EntryStatus
from unshared.errors import InvalidInput, MalformedSignal
from unshared.signals import SIGNAL_TYPES, Md5, Pdq, Sha256

PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
MD5 = "d41d8cd98f00b204e9800998ecf8427e"


def entry(
    value: str = PDQ,
    signal_type: str = "pdq",
    metadata: dict[str, Any] | None = None,
    status: EntryStatus = "active",
    entry_id: int = 1,
) -> Entry:
    return Entry(
        id=entry_id,
        bank="ncii",
        bank_id=1,
        case_id=7,
        signal_type=signal_type,
        value=value,
        status=status,
        source="test",
        added_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        metadata=metadata or {},
    )


# -- lines -------------------------------------------------------------------------------------


def test_lines_skip_blanks_and_comments_and_take_types() -> None:
    text = f"# exported 2026-01-02\n\n{PDQ.upper()}  # the first\n   \nmd5 {MD5}\n"
    records = list(read_lines(io.StringIO(text)))
    assert records == [(Pdq.from_hex(PDQ), {}), (Md5.from_hex(MD5), {})]
    assert list(read_lines([MD5], signal_type="md5")) == [(Md5.from_hex(MD5), {})]


@pytest.mark.parametrize(
    ("text", "line", "error"),
    [
        (f"{PDQ}\n{PDQ[:-2]}\n", 2, MalformedSignal),
        (f"# header\n\n{PDQ}\nnot-hex\n", 4, MalformedSignal),
        (f"{PDQ}\nphash {PDQ}\n", 2, MalformedSignal),
        (f"pdq {PDQ} extra\n", 1, MalformedSignal),
        (f"{MD5}\n", 1, MalformedSignal),  # an MD5 where PDQ was promised
    ],
)
def test_a_bad_line_is_reported_by_number(text: str, line: int, error: type[Exception]) -> None:
    with pytest.raises(error, match=f"^line {line}: ") as caught:
        list(read_lines(io.StringIO(text)))
    assert caught.value.detail["line"] == line  # type: ignore[attr-defined]


def test_lines_are_written_plain_or_typed() -> None:
    out = io.StringIO()
    assert write_lines([entry(), entry()], out) == 2
    assert out.getvalue() == f"{PDQ}\n{PDQ}\n"
    typed = io.StringIO()
    write_lines([entry(), entry(MD5, "md5")], typed, with_type=True)
    assert typed.getvalue() == f"pdq {PDQ}\nmd5 {MD5}\n"
    assert list(read_lines(io.StringIO(typed.getvalue()))) == [
        (Pdq.from_hex(PDQ), {}),
        (Md5.from_hex(MD5), {}),
    ]
    with pytest.raises(InvalidInput):
        write_lines([entry(), entry(MD5, "md5")], io.StringIO())


def endless_lines() -> Iterator[str]:
    for i in itertools.count():
        yield hashlib.sha256(str(i).encode()).hexdigest() + "\n"


def test_reading_streams() -> None:
    """An endless input gives records one by one: nothing reads the whole file first."""
    assert len(list(itertools.islice(read_lines(endless_lines()), 1000))) == 1000
    header = iter(["signal_type,signal_str\n"])
    rows = (f"pdq,{line}" for line in endless_lines())
    assert len(list(itertools.islice(read_csv(itertools.chain(header, rows)), 1000))) == 1000


# -- CSV ---------------------------------------------------------------------------------------


def test_python_threatexchange_dataset_csv() -> None:
    """``threatexchange dataset -P --csv``: signal_type,signal_str,collab,category,tags."""
    text = (
        "signal_type,signal_str,collab,category,tags\r\n"
        f"pdq,{PDQ},Sample Signals,INVESTIGATION_SEED,media_type_photo ncii\r\n"
        f"md5,{MD5},Sample Signals,POSITIVE_CLASS,\r\n"
    )
    assert list(read_csv(io.StringIO(text, newline=""))) == [
        (
            Pdq.from_hex(PDQ),
            {
                "collab": "Sample Signals",
                "category": "INVESTIGATION_SEED",
                "tags": ["media_type_photo", "ncii"],
            },
        ),
        (Md5.from_hex(MD5), {"collab": "Sample Signals", "category": "POSITIVE_CLASS"}),
    ]


def test_threatexchange_query_csv() -> None:
    """``threatexchange api fb_threatexchange query``: id,indicator,type,status,tags,owner_id."""
    sha = Sha256.of(b"x").hex
    text = (
        "\ufeffid,indicator,type,status,tags,owner_id\n"
        f"101,{PDQ},HASH_PDQ,MALICIOUS,ncii reviewed,42\n"
        f'102,{sha},HASH_SHA256,UNKNOWN,"",\n'
    )
    assert list(read_csv(io.StringIO(text))) == [
        (
            Pdq.from_hex(PDQ),
            {
                "te_id": "101",
                "te_status": "MALICIOUS",
                "tags": ["ncii", "reviewed"],
                "te_owner_id": "42",
            },
        ),
        (Sha256.from_hex(sha), {"te_id": "102", "te_status": "UNKNOWN"}),
    ]
    with pytest.raises(MalformedSignal, match="line 2"):
        list(read_csv(io.StringIO("type,indicator\nURI,https://example.com\n")))


@pytest.mark.parametrize(
    ("text", "line", "error"),
    [
        ("hash\n" + PDQ, 1, InvalidInput),
        (f"signal_type,signal_str\npdq,{PDQ}\npdq,{PDQ},x\n", 3, InvalidInput),
        (f"signal_type,signal_str\npdq,{PDQ}\nvideo_md5,{MD5}\n", 3, MalformedSignal),
        (f"signal_type,signal_str\n\npdq,{PDQ[:10]}\n", 3, MalformedSignal),
        (f"signal_type,signal_str,metadata\npdq,{PDQ},[1]\n", 2, InvalidInput),
        (f"signal_type,signal_str,metadata\npdq,{PDQ},{{bad\n", 2, InvalidInput),
    ],
)
def test_a_bad_csv_row_is_reported_by_line(text: str, line: int, error: type[Exception]) -> None:
    with pytest.raises(error, match=f"^line {line}: "):
        list(read_csv(io.StringIO(text)))


def test_an_empty_csv_has_no_records() -> None:
    assert list(read_csv(io.StringIO(""))) == []
    assert list(read_csv(io.StringIO("signal_type,signal_str\n"))) == []


def test_our_export_keeps_the_python_threatexchange_columns_first() -> None:
    out = io.StringIO(newline="")
    metadata = {"collab": "StopNCII", "tags": ["a", "b"], "case": {"n": 1}}
    write_csv([entry(metadata=metadata)], out)
    header, row = out.getvalue().splitlines()
    assert header.split(",") == list(CSV_COLUMNS)
    assert header.startswith("signal_type,signal_str,collab,category,tags,")
    assert row.startswith(f"pdq,{PDQ},StopNCII,,a b,ncii,1,active,2026-01-02T03:04:05+00:00,")
    assert "UN-" not in out.getvalue()  # never a case number


def test_rows_not_active_in_an_export_are_not_read_back() -> None:
    out = io.StringIO(newline="")
    statuses: list[EntryStatus] = ["active", "withdrawn", "disabled", "quarantined"]
    write_csv([entry(PDQ, metadata={"s": s}, status=s) for s in statuses], out)
    assert [m for _, m in read_csv(io.StringIO(out.getvalue(), newline=""))] == [{"s": "active"}]


json_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"))
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | json_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(json_text, inner, max_size=3),
    max_leaves=8,
)
metadata_strategy = st.dictionaries(
    st.sampled_from(["collab", "category", "tags", "bank", "status", "metadata"]) | json_text,
    json_values | st.lists(st.text("abc ", min_size=0, max_size=4), max_size=3),
    max_size=5,
)
signals = st.sampled_from(SIGNAL_TYPES.names()).flatmap(
    lambda name: st.binary(
        min_size=SIGNAL_TYPES.get(name).nbytes, max_size=SIGNAL_TYPES.get(name).nbytes
    ).map(SIGNAL_TYPES.get(name))
)


@given(st.lists(st.tuples(signals, metadata_strategy), max_size=5))
def test_csv_round_trips_any_metadata(records: list[tuple[Any, dict[str, Any]]]) -> None:
    entries = [entry(s.hex, s.name, metadata=m, entry_id=i) for i, (s, m) in enumerate(records, 1)]
    out = io.StringIO(newline="")
    assert write_csv(entries, out) == len(entries)
    back = list(read_csv(io.StringIO(out.getvalue(), newline="")))
    assert back == [(s, m) for s, m in records]
