"""The Kosten en doorlooptijd page, its results (in full on the page, short on slides) and charts.

May import: ui.kennis, ui.kit, ui.session and the engine.
"""
