"""The spreadsheet button that the Workshop, Vergelijken and Kosten pages share (issue 24)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from keuzehulp.contract.schema import WorkshopVotes
from keuzehulp.dutch.dates import local_today
from ui.session.store import get_session, latest

SPREADSHEET_LABEL = "Spreadsheet (Excel)"
SPREADSHEET_HELP = "De stemmen in de workshop, de vergelijking van de scenario's en de kosten, in één Excel-bestand."


def spreadsheet_button(key: str, newest_votes: Callable[[], WorkshopVotes | None] | None = None,
                       width: str = "content") -> None:
    """"Spreadsheet (Excel)": the workshop's votes, the scenario comparison and the cost table
    (keuzehulp/report/as_xlsx.py), built when clicked from the newest session; `newest_votes`
    gives the newest counts from the store while the workshop runs."""
    from keuzehulp.report.as_xlsx import XLSX_MIME, workshop_xlsx, workshop_xlsx_filename
    holder = latest()

    def build() -> bytes:
        votes = newest_votes() if newest_votes is not None else None
        return workshop_xlsx(holder.newest(), votes)

    st.download_button(SPREADSHEET_LABEL, data=build, help=SPREADSHEET_HELP,
                       file_name=workshop_xlsx_filename(get_session(), local_today()), mime=XLSX_MIME,
                       on_click="ignore", icon=":material/table_view:", key=key, width=width)  # type: ignore[arg-type]
