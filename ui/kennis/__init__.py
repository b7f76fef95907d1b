"""The Kennisbank page and links into it (read more, assumptions, the glossary links under a
page).

May import: ui.kit, ui.session and the engine.
"""
