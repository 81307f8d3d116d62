"""Write the generated parts of the docs: docs/cli.md from ``--help``, the endpoint table of
docs/api.md from the OpenAPI schema. ``--check`` fails if either is stale (CI runs that).

    .venv/bin/python scripts/gen_docs.py [--check]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import typer.main

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- endpoints:start -->", "<!-- endpoints:end -->"


def help_text(args: list[str]) -> str:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "UNSHARED_HOME": "/x"}
    env.pop("FORCE_COLOR", None)
    out = subprocess.run(
        [sys.executable, "-m", "unshared", *args, "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    return "\n".join(line.rstrip() for line in out.strip().splitlines())


def commands() -> list[list[str]]:
    from unshared.cli import app

    found: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:
        found.append(path)
        if not hasattr(command, "list_commands"):
            return
        # Through the group's own lookup: the top level builds its groups only when asked.
        ctx = typer.Context(command)
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


def cli_doc() -> str:
    parts = [
        "# Command-line reference\n",
        "Generated from `--help` by `scripts/gen_docs.py`; CI checks it is current.\n",
        "Help is Click's plain text, not Typer's Rich panels: Rich help loads Rich's markdown,"
        " traceback and pretty-printing modules, about 0.1 s of CPU on every `--help`"
        ' (docs/hashing.md, "How fast the command starts"). A command\'s first paragraph is'
        " listed whole, as Rich help listed it.\n",
    ]
    for path in commands():
        parts.append(f"## `{' '.join(['unshared', *path])}`\n")
        parts.append("```\n" + help_text(path) + "\n```\n")
    return "\n".join(parts)


def endpoint_table() -> str:
    from unshared.api.app import create_app
    from unshared.config import Settings

    with tempfile.TemporaryDirectory() as home:
        schema = create_app(Settings.load(env={}, home=Path(home))).openapi()
    rows = ["| method | path | who | what |", "|---|---|---|---|"]
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            tags = op.get("tags", [""])[0]
            who = {
                "cases (a person)": "a person (PIN)",
                "platforms": "platform key",
                "operators": "operator key",
                "health": "anyone",
                "evidence": "anyone",
            }.get(tags, tags)
            summary = op.get("summary", "")
            doc = (op.get("description") or "").split("\n\n")[0].replace("\n", " ")
            rows.append(f"| {method.upper()} | `{path}` | {who} | {doc or summary} |")
    return "\n".join(rows)


def api_doc(current: str) -> str:
    before, _, rest = current.partition(START)
    _, _, after = rest.partition(END)
    return f"{before}{START}\n{endpoint_table()}\n{END}{after}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="fail if a generated doc is stale")
    args = parser.parse_args()
    api_path = ROOT / "docs" / "api.md"
    wanted = {ROOT / "docs" / "cli.md": cli_doc(), api_path: api_doc(api_path.read_text())}
    stale = (
        [path for path, text in wanted.items() if path.read_text() != text] if args.check else []
    )
    for path, text in wanted.items():
        if not args.check:
            path.write_text(text)
    for path in stale:
        print(f"{path.relative_to(ROOT)} is stale: run scripts/gen_docs.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
