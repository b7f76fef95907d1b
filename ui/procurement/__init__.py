"""The Inkoop page: the building blocks for procurement of the design the team chose (else the
advice), their basis, what a different choice changes, the price check and the downloads.

May import: ui.kennis, ui.kit, ui.session and the engine.
"""
