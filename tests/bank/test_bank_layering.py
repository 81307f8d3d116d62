"""The bank is library code: importing it pulls in no adapter, and no driver unasked."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_bank_imports_no_cli_web_or_postgres_driver() -> None:
    code = (
        "import sys, unshared.bank, unshared.bank.formats;"
        "print(' '.join(sorted(m for m in ('typer', 'rich', 'fastapi', 'starlette', 'psycopg')"
        " if m in sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""


def test_postgres_store_is_there_when_asked_for() -> None:
    import unshared.bank
    from unshared.bank.postgres import PostgresStore

    assert unshared.bank.PostgresStore is PostgresStore
