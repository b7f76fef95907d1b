"""Every read and write of a workshop and its votes (SQLAlchemy Core, SQLite or PostgreSQL).

Participants reach a workshop by its join code only; the facilitator's functions also need the
secret, checked against the stored hash. Every write names its workshop by id inside one
transaction, so a wrong or guessed code can never change another workshop's data, and tells
the pages that watch it (notify.writing).

Flood limits (keuzehulp/workshop/limits.py) live in the store (`rate_limits`), so several app
servers enforce them together. They count networks (an IPv4 address, an IPv6 /64), so a room
behind one address is treated as a room: wrong codes cost a network a growing delay of seconds,
never minutes, and a participant who has joined (the `participants` table) is never refused by
it. A "submission" is one press of a save button (a decision, or all element priorities at once).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from ..store.sessions import retention_days, utcnow  # one setting, one clock for sessions and workshops
from . import limits, notify
from .ballot import ELEMENT_MODES, ElementMode, Vote, VoteError, clean_author, questions
from .codes import hash_secret, new_code, new_secret, normalise, participant_key, secret_matches
from .limits import (  # noqa: F401  (re-exported: the limits as the pages and docs name them)
    MAX_PARTICIPANTS,
    SUBMITS_PER_PARTICIPANT,
    SUBMITS_PER_ROOM,
    WINDOW,
    WRONG_CODES_FREE,
    network_of,
)
from .tables import participants, rate_limits, votes, workshops
from .tally import VoteRow


class JoinError(ValueError):
    """A code that leads nowhere (unknown, expired, too many tries); Dutch message."""


class NotAllowed(PermissionError):
    """The facilitator's secret does not match (or the workshop is gone)."""


@dataclass(frozen=True)
class WorkshopInfo:
    id: str
    code: str
    element_mode: ElementMode
    closed: bool
    expires_at: datetime
    show_results: bool = False  # shown while voting is open (revision 0004); closed: always shown
    municipalities: tuple[str, ...] = ()  # a regional workshop's (revision 0007; regional.py)


@dataclass(frozen=True)
class Opened:
    """A new workshop: the code for the room and the secret for the facilitator alone."""

    code: str
    secret: str
    expires_at: datetime


def _info(row) -> WorkshopInfo:  # type: ignore[no-untyped-def]
    return WorkshopInfo(row.id, row.code, row.element_mode, bool(row.closed), row.expires_at,
                        bool(row.show_results), tuple(json.loads(row.municipalities or "[]")))


# --- facilitator ------------------------------------------------------------------------------


def create_workshop(engine: Engine, mode: ElementMode = "priority", now: datetime | None = None,
                    days: int | None = None, region: tuple[str, list[str]] | None = None) -> Opened:
    """A new workshop with a fresh code (a collision, however unlikely, draws another); with
    `region` (its key, its municipalities' names) a regional workshop (regional.py)."""
    if mode not in ELEMENT_MODES:
        raise ValueError(mode)
    now = now or utcnow()
    expires = now + timedelta(days=days or retention_days())
    secret = new_secret()
    for _ in range(10):
        code = new_code()
        try:
            with engine.begin() as conn:
                conn.execute(workshops.insert().values(
                    id=secrets.token_hex(16), code=code, secret_hash=hash_secret(secret),
                    element_mode=mode, closed=False, created_at=now, expires_at=expires,
                    show_results=False, changes=0, region_key=region and region[0],
                    municipalities=region and json.dumps(region[1])))
            return Opened(code, secret, expires)
        except IntegrityError:
            continue
    raise RuntimeError("no free join code after 10 tries")


def _owned(conn: Connection, code: str, secret: str, now: datetime) -> WorkshopInfo:
    canonical = normalise(code)
    row = None
    if canonical is not None:
        row = conn.execute(select(workshops).where(workshops.c.code == canonical,
                                                   workshops.c.expires_at > now)).first()
    if row is None or not secret_matches(secret, row.secret_hash):
        raise NotAllowed("workshop not found or secret does not match")
    return _info(row)


def facilitator_view(engine: Engine, code: str, secret: str,
                     now: datetime | None = None) -> tuple[WorkshopInfo, list[VoteRow], int]:
    """The workshop, its votes in the current mode's questions, and its number of participants."""
    now = now or utcnow()
    with engine.connect() as conn:
        info = _owned(conn, code, secret, now)
        asked = questions(info.element_mode, bool(info.municipalities))
        rows = conn.execute(
            select(votes.c.question, votes.c.value, votes.c.reason, votes.c.author)
            .where(votes.c.workshop_id == info.id, votes.c.question.in_(asked))
            .order_by(votes.c.updated_at)
        ).all()
        participants = conn.execute(
            select(func.count(func.distinct(votes.c.participant))).where(votes.c.workshop_id == info.id)
        ).scalar_one()
    return info, [VoteRow(r.question, r.value, r.reason, r.author) for r in rows], int(participants)


_CHANGES = (select(workshops.c.id, workshops.c.closed, workshops.c.element_mode, workshops.c.show_results,
                   workshops.c.changes,
                   select(func.count()).where(votes.c.workshop_id == workshops.c.id).scalar_subquery(),
                   select(func.coalesce(func.sum(votes.c.revision), 0))
                   .where(votes.c.workshop_id == workshops.c.id).scalar_subquery())
            .where(workshops.c.code == bindparam("canonical"),
                   workshops.c.expires_at > bindparam("now", type_=workshops.c.expires_at.type)))
# built once: the facilitator's page and the feed ask it several times a second


def changes(engine: Engine, code: str, now: datetime | None = None) -> tuple | None:
    """What the facilitator's results depend on, in a few values, or None when the workshop
    is gone: its state (closed, mode, shown, the facilitator's resets) and its votes' number
    and the sum of their revisions. One read: cheap enough to ask several times a second (the
    results are read again only when it differs). Every committed vote raises the sum, in
    whatever order the votes commit (a timestamp would not: a vote stamped earlier can commit
    later), and takes no lock but its own row's for it. A vote (new or changed), a reset,
    closing, the mode and showing each change it."""
    canonical = normalise(code)
    if canonical is None:
        return None
    with engine.connect() as conn:
        row = conn.execute(_CHANGES, {"canonical": canonical, "now": now or utcnow()}).first()
    return None if row is None else tuple(row)


def set_closed(engine: Engine, code: str, secret: str, closed: bool, now: datetime | None = None) -> None:
    with notify.writing(engine) as (conn, touch):
        info = _owned(conn, code, secret, now or utcnow())
        touch(info.id)
        conn.execute(update(workshops).where(workshops.c.id == info.id).values(closed=closed))


def set_show_results(engine: Engine, code: str, secret: str, shown: bool, now: datetime | None = None) -> None:
    """The facilitator shows (or hides again) the results while voting is open."""
    with notify.writing(engine) as (conn, touch):
        info = _owned(conn, code, secret, now or utcnow())
        touch(info.id)
        conn.execute(update(workshops).where(workshops.c.id == info.id).values(show_results=shown))


def set_mode(engine: Engine, code: str, secret: str, mode: ElementMode, now: datetime | None = None) -> None:
    if mode not in ELEMENT_MODES:
        raise ValueError(mode)
    with notify.writing(engine) as (conn, touch):
        info = _owned(conn, code, secret, now or utcnow())
        touch(info.id)
        conn.execute(update(workshops).where(workshops.c.id == info.id).values(element_mode=mode))


def reset_question(engine: Engine, code: str, secret: str, question: str, now: datetime | None = None) -> int:
    """Delete every vote on one question of this workshop; returns how many were deleted."""
    with notify.writing(engine) as (conn, touch):
        info = _owned(conn, code, secret, now or utcnow())
        touch(info.id)
        result = conn.execute(delete(votes).where(votes.c.workshop_id == info.id,
                                                  votes.c.question == question))
        # Deleted votes could leave changes() as it was (fewer votes, while others came in):
        # the facilitator's own writes are counted on the workshop (rare; no lock on a vote).
        conn.execute(update(workshops).where(workshops.c.id == info.id)
                     .values(changes=workshops.c.changes + 1))
    return int(result.rowcount or 0)


def delete_workshop(engine: Engine, code: str, secret: str, now: datetime | None = None) -> None:
    """'Workshop verwijderen': the workshop and all its votes, at once."""
    with notify.writing(engine) as (conn, touch):
        info = _owned(conn, code, secret, now or utcnow())
        touch(info.id)
        conn.execute(delete(votes).where(votes.c.workshop_id == info.id))
        conn.execute(delete(participants).where(participants.c.workshop_id == info.id))
        conn.execute(delete(workshops).where(workshops.c.id == info.id))


def purge_expired(engine: Engine, now: datetime | None = None) -> int:
    """Delete workshops past their expiry with their votes, and stale flood counters."""
    now = now or utcnow()
    with engine.begin() as conn:
        expired = select(workshops.c.id).where(workshops.c.expires_at <= now)
        conn.execute(delete(votes).where(votes.c.workshop_id.in_(expired)))
        conn.execute(delete(participants).where(participants.c.workshop_id.in_(expired)))
        result = conn.execute(delete(workshops).where(workshops.c.expires_at <= now))
        conn.execute(delete(rate_limits).where(rate_limits.c.window_start < now - 2 * WINDOW))
    return int(result.rowcount or 0)


# --- participants -----------------------------------------------------------------------------


def _network_key(network: str) -> str:
    """What the store keeps of a network: a short hash (the facilitator sees 'netwerk 2')."""
    return hashlib.sha256(("network:" + network).encode("utf-8")).hexdigest()[:16]


_JOINED = [select(table.c.participant).where(table.c.workshop_id == bindparam("of_workshop"),
                                            table.c.participant == bindparam("who")).limit(1)
           for table in (participants, votes)]  # built once: every vote asks


def _joined(conn: Connection, workshop_id: str, who: str) -> bool:
    """Whether this participant (hashed token) joined this workshop, or voted in it before
    revision 0005 kept who joined."""
    params = {"of_workshop": workshop_id, "who": who}
    return any(conn.execute(statement, params).first() for statement in _JOINED)


def _register(conn: Connection, workshop_id: str, who: str, network: str, now: datetime) -> None:
    """Record a participant who joins, or raise VoteError when the workshop is full."""
    if _joined(conn, workshop_id, who):
        return
    count = conn.execute(select(func.count()).select_from(participants)
                         .where(participants.c.workshop_id == workshop_id)).scalar_one()
    if count >= MAX_PARTICIPANTS:
        raise VoteError(f"Deze workshop is vol ({MAX_PARTICIPANTS} deelnemers).")
    stmt = limits.insert(conn.dialect.name, participants).values(workshop_id=workshop_id, participant=who,
                                                    network=_network_key(network), joined_at=now)
    conn.execute(stmt.on_conflict_do_nothing())


def join(engine: Engine, typed: str, client: str, participant: str | None = None,
         now: datetime | None = None) -> WorkshopInfo:
    """The workshop behind a typed code, or JoinError with a Dutch message.

    A participant (their token) who joined this workshop before is always let in: the limit on
    wrong codes never stops a room that is voting. Anyone else first waits out the delay their
    network earned with wrong codes (limits.join_wait: seconds, growing); a right code then
    joins them, a wrong one counts and makes the next wait longer.
    """
    now = now or utcnow()
    network = network_of(client)
    canonical = normalise(typed)
    who = participant_key(participant) if participant else None
    with engine.begin() as conn:
        row = None
        if canonical is not None:
            row = conn.execute(select(workshops).where(workshops.c.code == canonical)).first()
        live = row is not None and row.expires_at > now
        if live and who is not None and _joined(conn, row.id, who):
            return _info(row)
        wait = limits.join_wait(conn, network, now)
        if wait:
            raise JoinError(wait_message(wait))
        if live:
            if who is not None:
                try:
                    _register(conn, row.id, who, network, now)
                except VoteError as exc:
                    raise JoinError(str(exc)) from None
            return _info(row)
        limits.wrong_code(conn, network, now)  # committed when the block ends, before the refusal
    if row is not None:
        raise JoinError("Deze workshop is verlopen. Vraag de begeleider om een nieuwe code.")
    raise JoinError("Deze code kennen we niet. Controleer de code of scan de QR-code opnieuw.")


def wait_message(seconds: int) -> str:
    amount = "1 seconde" if seconds == 1 else f"{seconds} seconden"
    return (f"Vanaf dit netwerk zijn te veel verkeerde codes ingevuld. Wacht {amount} en probeer het "
            "dan opnieuw. Wie al meedoet, kan gewoon verder stemmen.")


def my_votes(engine: Engine, workshop_id: str, participant: str) -> dict[str, tuple[str, str, str]]:
    """This participant's stored votes: question -> (value, reason, author)."""
    with engine.connect() as conn:
        rows = conn.execute(select(votes.c.question, votes.c.value, votes.c.reason, votes.c.author)
                            .where(votes.c.workshop_id == workshop_id,
                                   votes.c.participant == participant_key(participant))).all()
    return {r.question: (r.value, r.reason, r.author) for r in rows}


# The statements of a vote, built once with their values as parameters: 40 phones vote at once,
# and building and keying each statement anew took more of the server's time than the database.
_WORKSHOP_BY_ID = select(workshops).where(workshops.c.id == bindparam("id"))
_AUTHOR_OF_PARTICIPANT = (update(votes)
                          .where(votes.c.workshop_id == bindparam("of_workshop"),
                                 votes.c.participant == bindparam("of_participant"),
                                 votes.c.author != bindparam("new_author"))
                          .values(author=bindparam("new_author"), revision=votes.c.revision + 1))


@cache
def _upsert_vote(dialect: str):  # type: ignore[no-untyped-def]
    """A vote, or a changed vote replacing the one before (its revision counts the changes)."""
    stmt = limits.insert(dialect, votes)  # its values: the parameters
    return stmt.on_conflict_do_update(
        index_elements=[votes.c.workshop_id, votes.c.participant, votes.c.question],
        set_={"value": stmt.excluded.value, "reason": stmt.excluded.reason, "author": stmt.excluded.author,
              "updated_at": stmt.excluded.updated_at, "revision": votes.c.revision + 1})


def cast(engine: Engine, workshop_id: str, participant: str, client: str, ballot: Iterable[Vote],
         author: str = "", now: datetime | None = None) -> None:
    """Store one submission (one or more votes of one participant) or raise VoteError.

    Refused when the workshop is gone or closed, the participant or their room floods, or the
    workshop is full. A vote on a question the participant answered before replaces it.
    """
    now = now or utcnow()
    author = clean_author(author)
    ballot = list(ballot)
    who = participant_key(participant)
    network = network_of(client)
    with notify.writing(engine) as (conn, touch):
        row = conn.execute(_WORKSHOP_BY_ID, {"id": workshop_id}).first()
        if row is None or row.expires_at <= now:
            raise VoteError("Deze workshop bestaat niet meer. Uw stem is niet opgeslagen.")
        if row.closed:
            raise VoteError("De stemming is gesloten. Uw stem is niet meer opgeslagen.")
        asked = set(questions(row.element_mode, bool(row.municipalities)))
        if any(v.question not in asked for v in ballot):
            raise VoteError("De begeleider heeft de vragen veranderd. Laad de pagina opnieuw.")
        if limits.hit(conn, f"submit:{workshop_id}:{who}", now) > SUBMITS_PER_PARTICIPANT:
            raise VoteError("U stemt wel erg vaak. Wacht even en probeer het dan opnieuw.")
        _register(conn, workshop_id, who, network, now)
        if row.municipalities and not conn.execute(select(participants.c.municipality).where(
                participants.c.workshop_id == workshop_id, participants.c.participant == who)).scalar():
            raise VoteError("Kies eerst uw gemeente. Uw stem is niet opgeslagen.")
        if ballot:
            conn.execute(_upsert_vote(conn.dialect.name), [
                {"workshop_id": workshop_id, "participant": who, "question": vote.question, "value": vote.value,
                 "reason": vote.reason, "author": author, "updated_at": now, "revision": 1} for vote in ballot])
        if author or ballot:
            # The name or role goes with every vote of this participant (one person, one label).
            conn.execute(_AUTHOR_OF_PARTICIPANT,
                         {"of_workshop": workshop_id, "of_participant": who, "new_author": author})
        touch(workshop_id)  # the facilitator's page hears of it once this commits (notify.py)
        # Last: every phone behind one address (a guest Wi-Fi, a proxy) shares this counter's row,
        # and a write holds its lock until the commit; a refusal here still undoes the votes above.
        if limits.hit(conn, f"submit-room:{workshop_id}:{network}", now) > SUBMITS_PER_ROOM:
            raise VoteError("Er komen te veel stemmen van dit netwerk. Wacht even en probeer het opnieuw.")
