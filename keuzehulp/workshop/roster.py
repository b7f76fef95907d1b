"""Who joined a workshop, for the facilitator: the roster with possible doubles marked, and
removing participants (their votes and their place). Never a participant's token or address."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, func, select

from . import notify
from .limits import MAX_PARTICIPANTS
from .repo import _owned, utcnow
from .tables import participants, votes


@dataclass(frozen=True)
class Joined:
    """One participant on the facilitator's list: never their token or address."""

    key: str  # the stored hash of their token (what remove_participants takes)
    number: int  # 1, 2, ... in the order they joined
    network: int  # 1, 2, ...: participants with the same number came from the same network
    joined_at: datetime
    votes: int
    author: str  # the name or role they typed, "" when none
    double: bool  # possibly someone who joined before, again: the same name as an earlier
                  # participant of their network, or joined within DOUBLE_SECONDS after the
                  # previous one of their network (the first of each stays unmarked)


DOUBLE_SECONDS = 1  # the facilitator's page says 'binnen een seconde'


def roster(engine: Engine, code: str, secret: str, now: datetime | None = None) -> list[Joined]:
    """Everyone who joined this workshop, in the order they joined (facilitator only)."""
    now = now or utcnow()
    with engine.connect() as conn:
        info = _owned(conn, code, secret, now)
        joined = conn.execute(select(participants.c.participant, participants.c.network,
                                     participants.c.joined_at)
                              .where(participants.c.workshop_id == info.id)
                              .order_by(participants.c.joined_at, participants.c.participant)).all()
        cast_votes = conn.execute(select(votes.c.participant, func.count(), func.max(votes.c.author))
                                  .where(votes.c.workshop_id == info.id)
                                  .group_by(votes.c.participant)).all()
    counted = {r[0]: (int(r[1]), r[2] or "") for r in cast_votes}
    networks: dict[str, int] = {}
    last: dict[str, datetime] = {}
    names: set[tuple[str, str]] = set()
    out = []
    for number, row in enumerate(joined, start=1):
        network = networks.setdefault(row.network, len(networks) + 1)
        count, author = counted.get(row.participant, (0, ""))
        quick = row.network in last and row.joined_at - last[row.network] <= timedelta(seconds=DOUBLE_SECONDS)
        name = (row.network, author.casefold())
        same_name = bool(author) and name in names
        names.add(name)
        last[row.network] = row.joined_at
        out.append(Joined(row.participant, number, network, row.joined_at, count, author, quick or same_name))
    return out


def remove_participants(engine: Engine, code: str, secret: str, keys: Iterable[str],
                        now: datetime | None = None) -> int:
    """The facilitator removes participants (doubles): their votes and their place in the
    workshop. Returns how many were removed. Joining again makes them a new participant."""
    keys = [k for k in keys if isinstance(k, str)][:MAX_PARTICIPANTS]
    with notify.writing(engine) as (conn, touch):
        info = _owned(conn, code, secret, now or utcnow())
        touch(info.id)
        conn.execute(delete(votes).where(votes.c.workshop_id == info.id, votes.c.participant.in_(keys)))
        result = conn.execute(delete(participants).where(participants.c.workshop_id == info.id,
                                                         participants.c.participant.in_(keys)))
    return int(result.rowcount or 0)
