"""The live workshop: participants vote from their phones, the facilitator sees the spread.

    codes.py    join codes (what participants type) and the facilitator's secret (only a hash stored)
    ballot.py   the questions a workshop asks and the validation of one vote
    tally.py    counts per question and an agreement measure a team understands
    tables.py   the store's `workshops`, `votes` and `rate_limits` tables (Alembic revision 0002)
    repo.py     every read and write of a workshop and its votes, with flood limits in the store
    notify.py   every write tells the pages that watch its workshop (PostgreSQL NOTIFY, a wake-up
                in the process); one Feed thread per process reruns them

No Streamlit here; the pages (ui/workshop/stemmen.py, ui/workshop/live.py) call these functions.

May import: keuzehulp.store, keuzehulp.contract, keuzehulp.dutch.
"""
