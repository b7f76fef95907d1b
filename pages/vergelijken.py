"""Vergelijken: two or three saved scenarios side by side."""

from ui.scenarios import comparison_page

comparison_page()
