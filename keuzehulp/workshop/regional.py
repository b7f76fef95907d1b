"""A regional workshop (issue 25): the workshop is tied to a region (its key in the session store
and its municipalities' names, revision 0007), a participant picks their municipality when joining,
and every vote they cast counts for that municipality. The questions are the scale of each
deelproduct (ballot.SCALE_QUESTIONS); keuzehulp.region.votes turns the votes into the spread
within and between the municipalities.

The rest is the ordinary workshop (repo.py): the join code, the facilitator's secret, the flood
limits, closing, the roster of participants.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from ..store.sessions import utcnow
from . import repo
from .ballot import SCALE_QUESTIONS, VoteError
from .codes import participant_key
from .limits import network_of
from .tables import participants, votes, workshops

MIN_MUNICIPALITIES, MAX_MUNICIPALITIES = 2, 15  # as a region file (keuzehulp/region/model.py)


@dataclass(frozen=True)
class RegionVote:
    """One stored scale vote with the municipality of whoever cast it."""

    municipality: str
    deelproduct: str
    scale: str
    reason: str = ""
    author: str = ""


def create_region_workshop(engine: Engine, region_key: str, municipalities: list[str],
                           now: datetime | None = None, days: int | None = None) -> repo.Opened:
    """A new workshop tied to this region: its participants pick one of these municipalities."""
    names = [str(n).strip() for n in municipalities]
    if not MIN_MUNICIPALITIES <= len(names) <= MAX_MUNICIPALITIES or not all(names) \
            or len({n.casefold() for n in names}) != len(names) or any(len(n) > 100 for n in names):
        raise ValueError("a regional workshop needs 2 to 15 municipalities with unique names")
    return repo.create_workshop(engine, now=now, days=days, region=(region_key, names))


def region_of(engine: Engine, code: str, secret: str, now: datetime | None = None) -> str | None:
    """The region key this workshop is tied to (facilitator only), None for an ordinary one."""
    with engine.connect() as conn:
        info = repo._owned(conn, code, secret, now or utcnow())
        return conn.execute(select(workshops.c.region_key).where(workshops.c.id == info.id)).scalar()


def choose_municipality(engine: Engine, workshop_id: str, participant: str, client: str, name: str,
                        now: datetime | None = None) -> None:
    """A participant says which municipality they speak for (or changes it: their votes follow).
    Raises VoteError with a Dutch message when the workshop is gone, closed, full, or the name is
    not one of the region's."""
    now = now or utcnow()
    who = participant_key(participant)
    with engine.begin() as conn:
        row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).first()
        if row is None or row.expires_at <= now:
            raise VoteError("Deze workshop bestaat niet meer.")
        names = json.loads(row.municipalities or "[]")
        if not names:
            raise VoteError("Deze workshop hoort niet bij een regio.")
        if row.closed:
            raise VoteError("De stemming is gesloten.")
        if name not in names:
            raise VoteError("Kies een gemeente uit de lijst.")
        repo._register(conn, workshop_id, who, network_of(client), now)
        conn.execute(update(participants).where(participants.c.workshop_id == workshop_id,
                                                participants.c.participant == who).values(municipality=name))
        # The results per municipality changed (their votes moved along, or one more joined): the
        # facilitator's cheap change check (repo.changes) counts it.
        conn.execute(update(workshops).where(workshops.c.id == workshop_id).values(changes=workshops.c.changes + 1))


def my_municipality(engine: Engine, workshop_id: str, participant: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(participants.c.municipality).where(
            participants.c.workshop_id == workshop_id,
            participants.c.participant == participant_key(participant))).scalar()


def region_votes(engine: Engine, code: str, secret: str,
                 now: datetime | None = None) -> tuple[repo.WorkshopInfo, list[RegionVote], dict[str, int]]:
    """The facilitator's read: the workshop, every scale vote with its municipality (oldest
    first), and how many participants each municipality has (who picked it, voted or not)."""
    with engine.connect() as conn:
        info = repo._owned(conn, code, secret, now or utcnow())
        rows = conn.execute(
            select(participants.c.municipality, votes.c.question, votes.c.value, votes.c.reason, votes.c.author)
            .join(participants, (participants.c.workshop_id == votes.c.workshop_id)
                  & (participants.c.participant == votes.c.participant))
            .where(votes.c.workshop_id == info.id, votes.c.question.in_(SCALE_QUESTIONS),
                   participants.c.municipality.is_not(None))
            .order_by(votes.c.updated_at, votes.c.question)).all()
        joined = conn.execute(select(participants.c.municipality).where(
            participants.c.workshop_id == info.id, participants.c.municipality.is_not(None))).scalars().all()
    present: dict[str, int] = dict.fromkeys(info.municipalities, 0)
    for name in joined:
        present[name] = present.get(name, 0) + 1
    out = [RegionVote(r.municipality, r.question.partition(":")[2], r.value, r.reason, r.author) for r in rows]
    return info, out, present
