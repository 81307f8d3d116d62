"""``unshared evidence``: export a case's evidence bundle, check one offline; show the bank's
public key."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unshared.cli import add_group, escape, group, settings, stdout
from unshared.errors import InvalidInput, NotFound

if TYPE_CHECKING:  # cryptography loads only in the commands using it
    from unshared.takedown.evidence import PublicKey

evidence_app = group(
    help="Evidence bundles for police and prosecutors: a case's signed log, checked offline.",
    no_args_is_help=True,
)


def _public_key(given: str) -> PublicKey:
    from unshared.takedown.evidence import PublicKey

    path = Path(given).expanduser()
    return PublicKey.parse(path.read_bytes() if path.is_file() else given)


@evidence_app.command("verify")
def verify(
    bundle: Annotated[Path, typer.Argument(help="The bundle file.")],
    key: Annotated[
        str | None,
        typer.Option(
            "--key",
            help="The bank's published public key: a file (PEM, hex, or the JSON of"
            " GET /v1/evidence/key) or 64 hex digits. Without it, the bundle is only checked"
            " to be whole under the key it carries.",
        ),
    ] = None,
) -> None:
    """Check a case's evidence bundle offline (no store is opened).

    Exit 0 and a summary when intact; otherwise exit 2 and each problem, one a line, with
    where it is (line, record, field).
    """
    from unshared.takedown.evidence import verify_bundle

    if not bundle.is_file():
        raise NotFound(f"no bundle at {bundle}")
    result = verify_bundle(bundle, public_key=_public_key(key) if key else None)
    if not result.ok:
        for problem in result.problems:  # one a line, never folded: scripts read them
            print(problem, file=sys.stderr)
        raise InvalidInput(
            f"{bundle} is NOT intact: {len(result.problems)} problem(s)",
            problems=[str(p) for p in result.problems],
        )
    out = stdout()
    out.print(f"{escape(str(bundle))}: intact", highlight=False)
    out.print(escape(result.summary()), highlight=False)
    if key is None:
        print(
            "note: checked against the key in the bundle only; give --key with the bank's"
            " published key to know the bank signed it",
            file=sys.stderr,
        )


@evidence_app.command("export")
def export(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="The case number.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The bundle file to write.")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON on standard output.")] = False,
) -> None:
    """Write a case's evidence bundle: its log (sightings, fetches, notices, responses,
    removals) signed with the bank's key, and its registered hashes. No image is in it.

    Check it with 'unshared evidence verify FILE --key KEY'.
    """
    import json

    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        exported = app.evidence.export(case, out)
        fingerprint = app.evidence.public_key().fingerprint
    if as_json:
        print(json.dumps({**exported.to_dict(), "key_fingerprint": fingerprint}))
        return
    stdout().print(
        f"case {exported.case}: {exported.records} records, {exported.sightings} sightings,"
        f" {exported.notices} notices -> {escape(str(out))}",
        highlight=False,
    )
    stdout().print(f"head {exported.head}", highlight=False)
    stdout().print(f"signed by Ed25519 key {fingerprint} (SHA-256)", highlight=False)


@evidence_app.command("key")
def key(
    ctx: typer.Context,
    pem: Annotated[bool, typer.Option("--pem", help="Only the PEM (a file for --key).")] = False,
) -> None:
    """The bank's public key, which its evidence bundles verify under.

    The key of this data folder (setting evidence_key), made on first use.
    """
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        public = app.evidence.public_key()
    if pem:
        print(public.pem, end="")
        return
    print(f"ed25519 {public.hex}")
    print(f"fingerprint (SHA-256) {public.fingerprint}")
    print(public.pem, end="")


def register(app: typer.Typer) -> None:
    add_group(evidence_app, "evidence")
