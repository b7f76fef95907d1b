"""The team's scenarios side by side (Vergelijken) and on the screen (Presenteren).

May import: ui.wizard, ui.costs, ui.workshop, ui.kennis, ui.kit, ui.session and the engine.
"""
