"""Stemmen: participants vote from their phones (no sidebar)."""

from ui.stemmen import stemmen_page

stemmen_page()
