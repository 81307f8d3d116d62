"""Hash lists in and out of a bank: plain lines, CSV (python-threatexchange's and
ThreatExchange's layouts), StopNCII hash pages; ``Unshared.lists``."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Literal, TextIO

from unshared.bank import ImportSummary, formats, stopncii

if TYPE_CHECKING:
    from unshared.service import Unshared

#: ``lines``: one PDQ a line; ``csv``: every entry; ``pytx``: ``pdq <hash>`` lines, as
#: python-threatexchange's local-file exchange reads them.
ExportFormat = Literal["lines", "csv", "pytx"]
#: ``stopncii``: a StopNCII hash page (``unshared.bank.stopncii``), which also withdraws.
ImportFormat = Literal["lines", "csv", "stopncii"]


class Lists:
    def __init__(self, app: Unshared) -> None:
        self.app = app

    def import_file(self, bank: str, stream: TextIO, fmt: ImportFormat) -> ImportSummary:
        """Add a list's hashes to ``bank`` (the file read and checked whole first); the index
        has them when this returns."""
        store = self.app.store
        store.get_bank(bank)
        if fmt == "stopncii":
            return self._import_stopncii(bank, stream)
        reader = formats.read_csv if fmt == "csv" else formats.read_lines
        summary = store.import_records(bank, reader(stream), source="import", actor="operator")
        self.app.catch_up()
        return summary

    def _import_stopncii(self, bank: str, stream: TextIO) -> ImportSummary:
        """Add a StopNCII page's active hashes and withdraw its withdrawn and deleted ones.

        Only entries this list brought (source ``stopncii``, no case) are withdrawn: the same
        hash from a person's case or another list stays. The file is read and checked whole
        before anything is written."""
        store = self.app.store
        page = stopncii.read_page(stream)
        summary = store.import_records(
            bank, page.to_add(), source=stopncii.SOURCE, actor="operator"
        )
        withdrawn = 0
        for signal in page.withdrawn:
            for entry in store.find_entries(signal.name, signal.hex):
                if (
                    entry.bank == bank
                    and entry.source == stopncii.SOURCE
                    and entry.case_id is None
                    and entry.status != "withdrawn"
                ):
                    store.set_entry_status(
                        entry.id, "withdrawn", actor="operator", reason="withdrawn in StopNCII"
                    )
                    withdrawn += 1
        self.app.catch_up()
        return replace(
            summary,
            records=page.records,
            withdrawn=withdrawn,
            skipped=sum(page.skipped.values()),
        )

    def export(self, bank: str, out: TextIO, fmt: ExportFormat) -> int:
        """Write ``bank``'s hashes to ``out``; how many."""
        store = self.app.store
        store.get_bank(bank)
        if fmt == "csv":
            return formats.write_csv(store.entries(bank=bank, status=None), out)
        pdq = store.entries(bank=bank, signal_type="pdq")
        return formats.write_lines(pdq, out, with_type=fmt == "pytx")
