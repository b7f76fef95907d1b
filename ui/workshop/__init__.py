"""The live workshop: the facilitator's Workshop page, the participants' Stemmen page, and
store access per process.

May import: ui.kit, ui.session and the engine.
"""
