"""The frame around every page: the script run (entry: Dutch chrome, navigation, autosave,
sidebar, page) and the sidebar (route, save, scenarios).

May import: every other ui wing and the engine. Nothing imports the shell but app.py.
"""
