"""Presenteren: the advice as large slides for the meeting room (no sidebar)."""

from ui.presentation import presentation_page

presentation_page()
