"""Evidence bundles: a sealed case log verifies; any changed byte fails, and says where."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import live_server
from tests.cli.test_hash_cli import run
from tests.cli.test_startup import PRINTING, loaded_after
from tests.imaging import REPO
from unshared.errors import InvalidInput, UnsharedError
from unshared.takedown.chain import GENESIS, digest, link
from unshared.takedown.evidence import BankKey, PublicKey, verify_bundle, write_bundle

CASE = "K7Q-4M2-XW9"
SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
ENTRIES = [
    {"entry": 11, "type": "pdq", "hash": "f" * 64},
    {"entry": 12, "type": "md5", "hash": "0cc175b9c0f1b6a831c399e269772661"},
    {"entry": 13, "type": "sha256", "hash": SHA},
]
#: What happens in a case, in order: sightings, their fetches, notices, answers and removals.
EVENTS: list[tuple[str, dict[str, Any]]] = [
    ("sighting.reported", {"url": "https://host.example/a.jpg", "by": "person"}),
    ("fetch", {"url": "https://host.example/a.jpg", "status": 200, "sha256": SHA, "pdq": 0}),
    ("sighting.verified", {"sighting": 1, "entry": 11, "distance": 0}),
    ("notice.drafted", {"notice": 1, "regime": "take_it_down", "to": "abuse@host.example"}),
    ("notice.sent", {"notice": 1, "message_id": "<n1@unshared>"}),
    ("sighting.reported", {"url": "https://forum.example/t/9", "by": "operator"}),
    ("fetch", {"url": "https://forum.example/t/9", "status": 200, "images": 3}),
    ("sighting.verified", {"sighting": 2, "entry": 13, "distance": 0}),
    ("notice.drafted", {"notice": 2, "regime": "dsa", "to": "legal@forum.example"}),
    ("notice.sent", {"notice": 2, "message_id": "<n2@unshared>"}),
    ("response", {"notice": 1, "text": "Received; we are looking into it. — Trust & Safety"}),
    ("notice.acknowledged", {"notice": 1}),
    ("fetch", {"url": "https://host.example/a.jpg", "status": 404}),
    ("removal", {"notice": 1, "evidence": "404 on re-fetch"}),
    ("fetch", {"url": "https://forum.example/t/9", "status": 200, "images": 3}),
    ("notice.overdue", {"notice": 2, "deadline": "2026-12-03T10:00:00Z"}),
    ("notice.drafted", {"notice": 3, "follow_up": 2}),
    ("notice.sent", {"notice": 3, "message_id": "<n3@unshared>"}),
    ("fetch", {"url": "https://forum.example/t/9", "status": 410}),
    ("removal", {"notice": 2, "evidence": "410 on re-fetch"}),
]


def case_log(case: str = CASE) -> list[dict[str, Any]]:
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    records, prev = [], GENESIS
    for seq, (kind, data) in enumerate(EVENTS, start=1):
        record = link(case, seq, start + timedelta(hours=seq), kind, data, prev)
        records.append(record)
        prev = digest(record)
    return records


@pytest.fixture(scope="module")
def bank_key(tmp_path_factory: pytest.TempPathFactory) -> BankKey:
    return BankKey.load_or_create(tmp_path_factory.mktemp("keys") / "evidence-key.pem")


def seal(path: Path, key: BankKey, records: list[dict[str, Any]] | None = None) -> Path:
    return write_bundle(
        path,
        case_log() if records is None else records,
        key,
        case=CASE,
        store_id="test-store",
        exported_at="2026-12-05T12:00:00.000000Z",
        entries=ENTRIES,
    )


@pytest.fixture
def bundle(tmp_path: Path, bank_key: BankKey) -> Path:
    return seal(tmp_path / "case.jsonl", bank_key)


def line_of(data: bytes, position: int) -> int:
    """The 1-based line a byte is on (a newline belongs to the line it ends)."""
    return data.count(b"\n", 0, position) + 1


def problems(path: Path, key: PublicKey | None = None) -> list[str]:
    result = verify_bundle(path, public_key=key)
    assert not result.ok
    return [str(p) for p in result.problems]


def edit(path: Path, number: int, change: Any) -> None:
    """Rewrite line ``number`` (1-based) as JSON, changed by ``change(value)``, not resealed."""
    lines = path.read_bytes().split(b"\n")
    value = json.loads(lines[number - 1])
    change(value)
    lines[number - 1] = json.dumps(value, sort_keys=True, separators=(",", ":")).encode()
    path.write_bytes(b"\n".join(lines))


def doc_block(language: str, containing: str) -> str:
    """A fenced block of docs/takedown.md's "Evidence" section."""
    doc = (REPO / "docs" / "takedown.md").read_text().partition("## Evidence")[2]
    blocks = re.findall(rf"```{language}\n(.*?)```", doc, flags=re.DOTALL)
    return next(block for block in blocks if containing in block)


def test_an_intact_bundle_verifies(bundle: Path, bank_key: BankKey) -> None:
    result = verify_bundle(bundle, public_key=bank_key.public)
    assert result.ok, result.problems
    assert [r["seq"] for r in result.records] == list(range(1, 21))
    assert result.manifest["head"] == digest(case_log()[-1])
    assert result.manifest["entries"] == ENTRIES
    summary = result.summary()
    assert CASE in summary and "20 records" in summary
    assert "2026-12-01T10:00:00.000000Z to 2026-12-02T05:00:00.000000Z" in summary
    assert "    5  fetch" in summary and "    2  removal" in summary
    assert bank_key.public.fingerprint in summary
    assert b"image" not in bundle.read_bytes().replace(b'"images"', b"")


def test_every_changed_byte_fails_and_is_located(tmp_path: Path, bank_key: BankKey) -> None:
    """One bit of each byte in turn (a different bit from byte to byte), over a short case."""
    bundle = seal(tmp_path / "short.jsonl", bank_key, case_log()[:8])
    data = bundle.read_bytes()
    assert 2000 < len(data) < 4000
    tampered = bundle.with_name("tampered.jsonl")
    for position in range(len(data)):
        changed = bytearray(data)
        changed[position] ^= 1 << (position % 8)
        tampered.write_bytes(changed)
        result = verify_bundle(tampered, public_key=bank_key.public)
        assert not result.ok, position
        named = {p.line for p in result.problems}
        assert line_of(data, position) in named, (position, result.problems)


def test_a_changed_record_is_named(bundle: Path) -> None:
    edit(bundle, 6, lambda r: r["data"].update(url="https://elsewhere.example/a.jpg"))
    found = problems(bundle)
    assert found[0] == (
        "line 6, record seq 5: changed after signing: its SHA-256 is not the one the seal recorded"
    )
    assert found[1].startswith("line 7, record seq 6, field prev: is ")
    assert found[-1].startswith("line 22, field signature: the Ed25519 signature does not verify")


def test_a_changed_manifest_is_named(bundle: Path) -> None:
    edit(bundle, 1, lambda m: m.update(exported_at="2027-01-01T00:00:00.000000Z"))
    found = problems(bundle)
    assert found[0].startswith("line 1: changed after signing")
    assert len(found) == 2 and found[1].startswith("line 22, field signature")


def test_a_changed_signature_is_named(bundle: Path) -> None:
    def flip(seal: dict[str, Any]) -> None:
        seal["signature"] = ("0" if seal["signature"][0] != "0" else "1") + seal["signature"][1:]

    edit(bundle, 22, flip)
    assert problems(bundle) == [
        "line 22, field signature: the Ed25519 signature does not verify over the bytes before"
        " it under the manifest's key: the signature was changed, or made by another key"
    ]


def test_a_changed_line_digest_in_the_seal_is_named(bundle: Path) -> None:
    edit(bundle, 22, lambda seal: seal["lines"].__setitem__(3, "0" * 64))
    assert problems(bundle) == [
        "line 22, field lines[3]: its digest of line 4 was changed (that line is as signed)"
    ]


def test_a_removed_record_fails(bundle: Path) -> None:
    lines = bundle.read_bytes().split(b"\n")
    del lines[8]  # record seq 8
    bundle.write_bytes(b"\n".join(lines))
    found = problems(bundle)
    assert "line 1, field records: says 20 records, the bundle holds 19" in found
    assert "line 9, record seq 8, field seq: is 9, expected 8" in found
    assert any(p.startswith("line 9, record seq 8, field prev: is ") for p in found)
    assert "line 21, field lines: lists 21 lines, the bundle holds 20 before it" in found


def test_swapped_records_fail(bundle: Path) -> None:
    lines = bundle.read_bytes().split(b"\n")
    lines[4], lines[5] = lines[5], lines[4]  # records seq 4 and 5
    bundle.write_bytes(b"\n".join(lines))
    found = problems(bundle)
    assert "line 5, record seq 4, field seq: is 5, expected 4" in found
    assert "line 6, record seq 5, field seq: is 4, expected 5" in found
    assert any(p.startswith("line 5, record seq 4: changed after signing") for p in found)


def test_a_record_appended_after_signing_fails(bundle: Path) -> None:
    extra = link(CASE, 21, datetime(2026, 12, 6, tzinfo=UTC), "removal", {}, digest(case_log()[-1]))
    with bundle.open("ab") as fh:
        fh.write(json.dumps(extra, sort_keys=True, separators=(",", ":")).encode() + b"\n")
    found = problems(bundle)
    assert (
        "line 22: a seal, but not on the last line: what follows was added after signing" in found
    )
    assert "line 23, field lines: missing" in found


def test_a_bundle_signed_with_another_key_fails_against_the_banks(
    tmp_path: Path, bank_key: BankKey
) -> None:
    other = BankKey.generate()
    forged = seal(tmp_path / "forged.jsonl", other)
    assert verify_bundle(forged).ok  # whole under its own key: which proves nothing about who
    assert problems(forged, bank_key.public) == [
        f"line 1, field key: the bundle is signed by key {other.public.fingerprint[:16]}...,"
        f" not the bank's key {bank_key.public.fingerprint[:16]}..."
    ]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\n",
        b"{}\n",
        b"{}\n{}\n",
        b"[1]\n[2]\n",
        b"\xff\xfe\n\x00\n",
        b'{"format":NaN}\n{"lines":[],"signature":Infinity}\n',
        b"[" * 100_000 + b"\n{}\n",
        b'{"case":1,"entries":7,"exported_at":[],"format":{},"head":2,"key":"zz",'
        b'"records":"x","store":null,"version":1}\n'
        b'{"at":1,"case":[],"data":3,"kind":{},"prev":5,"seq":"1"}\n'
        b'{"lines":"no","signature":12}\n',
    ],
)
def test_hostile_bundles_fail_without_crashing(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(content)
    assert not verify_bundle(path).ok


def test_a_broken_chain_is_never_sealed(tmp_path: Path, bank_key: BankKey) -> None:
    records = case_log()
    records[9]["data"] = {"changed": True}
    with pytest.raises(InvalidInput, match="broken at record 11"):
        seal(tmp_path / "no.jsonl", bank_key, records)
    assert not (tmp_path / "no.jsonl").exists()
    with pytest.raises(InvalidInput, match="broken at record 1"):
        seal(tmp_path / "no.jsonl", bank_key, case_log("OTHER-CASE"))


def test_an_empty_case_seals_and_verifies(tmp_path: Path, bank_key: BankKey) -> None:
    result = verify_bundle(seal(tmp_path / "empty.jsonl", bank_key, []), public_key=bank_key.public)
    assert result.ok and result.manifest["head"] == GENESIS and result.records == []


def test_the_command_verifies_offline(tmp_path: Path, bundle: Path, bank_key: BankKey) -> None:
    home = tmp_path / "home"
    (tmp_path / "bank.pub").write_text(bank_key.public.pem)
    ok = run("evidence", "verify", bundle, "--key", tmp_path / "bank.pub", home=home)
    assert ok.returncode == 0, ok.stderr
    assert f"{bundle}: intact" in ok.stdout and f"case {CASE}" in ok.stdout
    assert not home.exists()  # no store was opened, no data folder made
    by_hex = run("evidence", "verify", bundle, "--key", bank_key.public.hex, home=home)
    assert by_hex.returncode == 0 and "note:" not in by_hex.stderr
    unkeyed = run("evidence", "verify", bundle, home=home)
    assert unkeyed.returncode == 0 and "give --key" in unkeyed.stderr

    edit(bundle, 12, lambda r: r["data"].update(text="Nothing to see here."))
    failed = run("evidence", "verify", bundle, "--key", bank_key.public.hex, home=home)
    assert failed.returncode == InvalidInput.exit_code
    assert "line 12, record seq 11: changed after signing" in failed.stderr
    assert "NOT intact" in failed.stderr and failed.stdout == ""

    other = BankKey.generate().public.hex
    wrong = run("evidence", "verify", seal(bundle, bank_key), "--key", other, home=home)
    assert wrong.returncode == InvalidInput.exit_code and "not the bank's key" in wrong.stderr
    missing = run("evidence", "verify", tmp_path / "nothing.jsonl", home=home)
    assert missing.returncode == 3 and "no bundle" in missing.stderr


def test_verifying_loads_no_store_or_service(bundle: Path, tmp_path: Path) -> None:
    argv = ["--home", str(tmp_path / "home"), "evidence", "verify", str(bundle)]
    loaded = loaded_after(argv, ["evidence", "--help"], ["evidence", "verify", "--help"])
    assert loaded == sorted(PRINTING)


def test_the_bundle_verifies_with_openssl_alone(
    tmp_path: Path, bundle: Path, bank_key: BankKey
) -> None:
    """The recipe of docs/takedown.md, "Evidence": no Unshared, no Python."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl here")
    (tmp_path / "bank.pub").write_text(bank_key.public.pem)
    script = "set -e\n" + doc_block("", "openssl pkeyutl")
    assert bundle == tmp_path / "case.jsonl"
    ok = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0 and "Signature Verified Successfully" in ok.stdout, ok.stderr
    edit(tmp_path / "case.jsonl", 3, lambda r: r["data"].update(status=500))
    bad = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode != 0 and "Signature Verification Failure" in bad.stdout


def test_the_key_file_is_private_and_made_once(tmp_path: Path) -> None:
    path = tmp_path / "data" / "evidence-key.pem"
    racer = (
        "import sys, time; from pathlib import Path;"
        " from unshared.takedown.evidence import BankKey;"
        " go = Path(sys.argv[2]); print('ready', flush=True)\n"
        "while not go.exists(): time.sleep(0.001)\n"
        "print(BankKey.load_or_create(Path(sys.argv[1])).public.hex)"
    )
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", racer, str(path), str(tmp_path / "go")],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    for process in racers:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    (tmp_path / "go").touch()
    keys = {process.communicate(timeout=60)[0].strip() for process in racers}
    assert len(keys) == 1 and all(p.returncode == 0 for p in racers)
    assert keys == {BankKey.load_or_create(path).public.hex}
    assert path.stat().st_mode & 0o777 == 0o600
    assert (path.parent.stat().st_mode & 0o777) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == ["evidence-key.pem"]  # no temp left


def test_a_damaged_key_file_is_the_services_error(tmp_path: Path) -> None:
    path = tmp_path / "evidence-key.pem"
    path.write_text("-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n")
    with pytest.raises(UnsharedError, match="not an unencrypted PEM key") as raised:
        BankKey.load_or_create(path)
    assert raised.value.status == 500 and not isinstance(raised.value, InvalidInput)


def test_the_service_serves_the_public_key(tmp_path: Path) -> None:
    home, key_file = tmp_path / "home", tmp_path / "keys" / "bank.pem"
    home.mkdir()
    (home / "unshared.toml").write_text(f"evidence_key = {str(key_file)!r}\n")
    with live_server(f"sqlite:///{tmp_path / 'unshared.db'}", home) as server:
        answer = httpx.get(f"{server.url}/v1/evidence/key", timeout=10)
        assert answer.status_code == 200
        body = answer.json()
        again = httpx.get(f"{server.url}/v1/evidence/key", timeout=10).json()
    assert server.settings.resolved_evidence_key == key_file and key_file.is_file()
    key = BankKey.load_or_create(key_file)
    assert (
        body
        == again
        == {
            "algorithm": "ed25519",
            "public_key": key.public.hex,
            "pem": key.public.pem,
            "fingerprint": key.public.fingerprint,
        }
    )
    assert PublicKey.parse(answer.text) == PublicKey.parse(body["pem"]) == key.public
    # The CLI shows the same key for this data folder, and takes the service's answer as --key.
    shown = run("evidence", "key", home=home)
    assert shown.returncode == 0 and f"ed25519 {key.public.hex}" in shown.stdout
    (tmp_path / "bank.json").write_text(answer.text)
    bundle = seal(tmp_path / "case.jsonl", key)
    checked = run("evidence", "verify", bundle, "--key", tmp_path / "bank.json", home=home)
    assert checked.returncode == 0, checked.stderr


def test_the_documented_example_is_a_real_bundle(tmp_path: Path) -> None:
    example = tmp_path / "example.jsonl"
    example.write_text(doc_block("", '"format":"unshared-evidence"'))
    result = verify_bundle(example)
    assert result.ok, result.problems
    assert [r["kind"] for r in result.records] == ["sighting.reported", "fetch"]


def test_the_documented_python_check_works_without_unshared(
    tmp_path: Path, bundle: Path, bank_key: BankKey
) -> None:
    script = tmp_path / "check.py"
    script.write_text(doc_block("python", "Ed25519PublicKey"))

    def check(key: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-I", str(script), str(bundle), key]
        return subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=tmp_path)

    ok = check(bank_key.public.hex)
    assert ok.returncode == 0 and ok.stdout == f"intact: {CASE} 20 records\n", ok.stderr
    assert "InvalidSignature" in check(BankKey.generate().public.hex).stderr
    edit(bundle, 9, lambda r: r["data"].update(regime="none"))
    assert "InvalidSignature" in check(bank_key.public.hex).stderr
