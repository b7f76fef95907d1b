"""The session API the pages use, in one import (`from ui.session import state`).

The work is split over three modules; this one re-exports them so pages keep one name:
- ui/session/store.py: the tab's Session in session state (answers, scenarios, team input,
  route marks) and the advice for it;
- ui/session/binding.py: profile widgets seeded from the session and written back on change;
- ui/session/downloads.py: downloads built when clicked read the newest session (Latest).
The autosave to the database is ui/session/autosave.py (ui/shell/entry.py calls it around each run).
"""

from __future__ import annotations

from ui.session.binding import ERRORS_KEY, commit_widget, field_errors, seed_widget, validated, widget_value
from ui.session.downloads import DOWNLOAD_WAIT_S, LATEST_KEY, Latest
from ui.session.store import (
    ADVICE_KEY,
    DEFAULT_PROFILE,
    REGION_STATE,
    SESSION_KEY,
    answered_steps,
    changed_steps,
    current_advice,
    get_profile,
    get_session,
    latest,
    mark_answered,
    mark_changed_steps,
    mark_read,
    read_steps,
    run_began,
    set_profile,
    set_session,
    store_session,
    tab_region,
)

__all__ = [
    "ADVICE_KEY", "DEFAULT_PROFILE", "REGION_STATE", "DOWNLOAD_WAIT_S", "ERRORS_KEY", "LATEST_KEY", "SESSION_KEY",
    "Latest", "answered_steps", "changed_steps", "commit_widget", "current_advice", "field_errors",
    "get_profile", "get_session", "latest", "mark_answered", "mark_changed_steps", "mark_read",
    "read_steps", "run_began", "seed_widget", "set_profile", "set_session", "store_session",
    "tab_region", "validated", "widget_value",
]
