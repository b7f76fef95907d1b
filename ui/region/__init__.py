"""Regio (issue 25): a facilitator enters a region and 2-15 municipalities with their answers (or
uploads a region file or a municipality's saved session), sees the regional view with the
municipalities side by side and the differences marked, and downloads the regional summary.
The region is kept in the session store under its own key (`?regio=` in the address). Each
municipality's representative can fill in their own part through their own link (reps.py).

May import: ui.kit, ui.session, ui.workshop (the store's engine, the app's address), and the
engine (keuzehulp.*).
"""
