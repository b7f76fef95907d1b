"""The wizard: the Start page, one step per question (questions beside the live advice), the
Advies page, the cards of decisions and elements, the team's choices and actions, the group
chart and the widget of each profile field.

May import: ui.kennis, ui.kit, ui.session and the engine.
"""
