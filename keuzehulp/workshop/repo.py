"""Every read and write of a workshop and its votes (SQLAlchemy Core, SQLite or PostgreSQL).

Participants reach a workshop by its join code only; the facilitator's functions also need the
secret, checked against the stored hash. Every write names its workshop by id inside one
transaction, so a wrong or guessed code can never change another workshop's data.

Flood limits live in the store (`rate_limits`), so several app servers enforce them together:
    per client address   JOIN_FAILURES_PER_WINDOW wrong codes, SUBMITS_PER_CLIENT submissions,
                         NEW_PARTICIPANTS_PER_CLIENT new participants, per WINDOW
    per participant      SUBMITS_PER_PARTICIPANT submissions per WINDOW
    per workshop         at most MAX_PARTICIPANTS participants
A "submission" is one press of a save button (a decision, or all element priorities at once).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from ..store.sessions import retention_days, utcnow  # one setting, one clock for sessions and workshops
from .ballot import ELEMENT_MODES, ElementMode, Vote, VoteError, clean_author, questions
from .codes import hash_secret, new_code, new_secret, normalise, participant_key, secret_matches
from .tables import rate_limits, votes, workshops
from .tally import VoteRow

WINDOW = timedelta(minutes=10)
JOIN_FAILURES_PER_WINDOW = 20
SUBMITS_PER_PARTICIPANT = 60
SUBMITS_PER_CLIENT = 3000
NEW_PARTICIPANTS_PER_CLIENT = 200
MAX_PARTICIPANTS = 250  # well below schema.MAX_WORKSHOP_COUNT, the most any saved count may be


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


@dataclass(frozen=True)
class Opened:
    """A new workshop: the code for the room and the secret for the facilitator alone."""

    code: str
    secret: str
    expires_at: datetime


def _insert(conn: Connection, table):  # type: ignore[no-untyped-def]
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


def _hit(conn: Connection, bucket: str, now: datetime) -> int:
    """Count one hit in `bucket` for the current window; returns the hits so far (atomic)."""
    stale = rate_limits.c.window_start < now - WINDOW
    stmt = _insert(conn, rate_limits).values(bucket=bucket[:160], window_start=now, hits=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[rate_limits.c.bucket],
        set_={
            "hits": case((stale, 1), else_=rate_limits.c.hits + 1),
            "window_start": case((stale, now), else_=rate_limits.c.window_start),
        },
    ).returning(rate_limits.c.hits)
    return int(conn.execute(stmt).scalar_one())


def _hits(conn: Connection, bucket: str, now: datetime) -> int:
    row = conn.execute(select(rate_limits.c.hits, rate_limits.c.window_start)
                       .where(rate_limits.c.bucket == bucket[:160])).first()
    if row is None or row.window_start < now - WINDOW:
        return 0
    return int(row.hits)


def _info(row) -> WorkshopInfo:  # type: ignore[no-untyped-def]
    return WorkshopInfo(row.id, row.code, row.element_mode, bool(row.closed), row.expires_at)


# --- facilitator ------------------------------------------------------------------------------


def create_workshop(engine: Engine, mode: ElementMode = "priority", now: datetime | None = None,
                    days: int | None = None) -> Opened:
    """A new workshop with a fresh code (a collision, however unlikely, draws another)."""
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
                    element_mode=mode, closed=False, created_at=now, expires_at=expires))
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
        asked = questions(info.element_mode)
        rows = conn.execute(
            select(votes.c.question, votes.c.value, votes.c.reason, votes.c.author)
            .where(votes.c.workshop_id == info.id, votes.c.question.in_(asked))
            .order_by(votes.c.updated_at)
        ).all()
        participants = conn.execute(
            select(func.count(func.distinct(votes.c.participant))).where(votes.c.workshop_id == info.id)
        ).scalar_one()
    return info, [VoteRow(r.question, r.value, r.reason, r.author) for r in rows], int(participants)


def set_closed(engine: Engine, code: str, secret: str, closed: bool, now: datetime | None = None) -> None:
    with engine.begin() as conn:
        info = _owned(conn, code, secret, now or utcnow())
        conn.execute(update(workshops).where(workshops.c.id == info.id).values(closed=closed))


def set_mode(engine: Engine, code: str, secret: str, mode: ElementMode, now: datetime | None = None) -> None:
    if mode not in ELEMENT_MODES:
        raise ValueError(mode)
    with engine.begin() as conn:
        info = _owned(conn, code, secret, now or utcnow())
        conn.execute(update(workshops).where(workshops.c.id == info.id).values(element_mode=mode))


def reset_question(engine: Engine, code: str, secret: str, question: str, now: datetime | None = None) -> int:
    """Delete every vote on one question of this workshop; returns how many were deleted."""
    with engine.begin() as conn:
        info = _owned(conn, code, secret, now or utcnow())
        result = conn.execute(delete(votes).where(votes.c.workshop_id == info.id,
                                                  votes.c.question == question))
    return int(result.rowcount or 0)


def delete_workshop(engine: Engine, code: str, secret: str, now: datetime | None = None) -> None:
    """'Workshop verwijderen': the workshop and all its votes, at once."""
    with engine.begin() as conn:
        info = _owned(conn, code, secret, now or utcnow())
        conn.execute(delete(votes).where(votes.c.workshop_id == info.id))
        conn.execute(delete(workshops).where(workshops.c.id == info.id))


def purge_expired(engine: Engine, now: datetime | None = None) -> int:
    """Delete workshops past their expiry with their votes, and stale flood counters."""
    now = now or utcnow()
    with engine.begin() as conn:
        expired = select(workshops.c.id).where(workshops.c.expires_at <= now)
        conn.execute(delete(votes).where(votes.c.workshop_id.in_(expired)))
        result = conn.execute(delete(workshops).where(workshops.c.expires_at <= now))
        conn.execute(delete(rate_limits).where(rate_limits.c.window_start < now - 2 * WINDOW))
    return int(result.rowcount or 0)


# --- participants -----------------------------------------------------------------------------


def join(engine: Engine, typed: str, client: str, now: datetime | None = None) -> WorkshopInfo:
    """The workshop behind a typed code, or JoinError with a Dutch message.

    Wrong codes count against the client address; after JOIN_FAILURES_PER_WINDOW of them in
    WINDOW even a right code is refused until the window has passed.
    """
    now = now or utcnow()
    bucket = f"join-fail:{client}"
    with engine.begin() as conn:
        if _hits(conn, bucket, now) >= JOIN_FAILURES_PER_WINDOW:
            raise JoinError("Te veel verkeerde codes vanaf dit apparaat. Probeer het over tien "
                            "minuten opnieuw, of vraag de begeleider om de link.")
        canonical = normalise(typed)
        row = None
        if canonical is not None:
            row = conn.execute(select(workshops).where(workshops.c.code == canonical)).first()
        if row is not None and row.expires_at > now:
            return _info(row)
        _hit(conn, bucket, now)  # committed when the block ends, before the refusal below
    if row is not None:
        raise JoinError("Deze workshop is verlopen. Vraag de begeleider om een nieuwe code.")
    raise JoinError("Deze code kennen we niet. Controleer de code of scan de QR-code opnieuw.")


def my_votes(engine: Engine, workshop_id: str, participant: str) -> dict[str, tuple[str, str, str]]:
    """This participant's stored votes: question -> (value, reason, author)."""
    with engine.connect() as conn:
        rows = conn.execute(select(votes.c.question, votes.c.value, votes.c.reason, votes.c.author)
                            .where(votes.c.workshop_id == workshop_id,
                                   votes.c.participant == participant_key(participant))).all()
    return {r.question: (r.value, r.reason, r.author) for r in rows}


def cast(engine: Engine, workshop_id: str, participant: str, client: str, ballot: Iterable[Vote],
         author: str = "", now: datetime | None = None) -> None:
    """Store one submission (one or more votes of one participant) or raise VoteError.

    Refused when the workshop is gone or closed, the participant or client floods, or the
    workshop is full. A vote on a question the participant answered before replaces it.
    """
    now = now or utcnow()
    author = clean_author(author)
    ballot = list(ballot)
    who = participant_key(participant)
    with engine.begin() as conn:
        row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).first()
        if row is None or row.expires_at <= now:
            raise VoteError("Deze workshop bestaat niet meer. Uw stem is niet opgeslagen.")
        if row.closed:
            raise VoteError("De stemming is gesloten. Uw stem is niet meer opgeslagen.")
        asked = set(questions(row.element_mode))
        if any(v.question not in asked for v in ballot):
            raise VoteError("De begeleider heeft de vragen veranderd. Laad de pagina opnieuw.")
        if _hit(conn, f"submit:{workshop_id}:{who}", now) > SUBMITS_PER_PARTICIPANT:
            raise VoteError("U stemt wel erg vaak. Wacht even en probeer het dan opnieuw.")
        if _hit(conn, f"submit-client:{client}", now) > SUBMITS_PER_CLIENT:
            raise VoteError("Er komen te veel stemmen van dit netwerk. Wacht even en probeer het opnieuw.")
        known = conn.execute(select(votes.c.question).where(
            votes.c.workshop_id == workshop_id, votes.c.participant == who).limit(1)).first()
        if known is None:
            count = conn.execute(select(func.count(func.distinct(votes.c.participant)))
                                 .where(votes.c.workshop_id == workshop_id)).scalar_one()
            if count >= MAX_PARTICIPANTS:
                raise VoteError(f"Deze workshop is vol ({MAX_PARTICIPANTS} deelnemers).")
            if _hit(conn, f"new-participant:{client}", now) > NEW_PARTICIPANTS_PER_CLIENT:
                raise VoteError("Er komen te veel nieuwe deelnemers van dit netwerk. Probeer het later opnieuw.")
        for vote in ballot:
            stmt = _insert(conn, votes).values(
                workshop_id=workshop_id, participant=who, question=vote.question, value=vote.value,
                reason=vote.reason, author=author, updated_at=now)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=[votes.c.workshop_id, votes.c.participant, votes.c.question],
                set_={"value": stmt.excluded.value, "reason": stmt.excluded.reason,
                      "author": stmt.excluded.author, "updated_at": stmt.excluded.updated_at}))
        if author or ballot:
            # The name or role goes with every vote of this participant (one person, one label).
            conn.execute(update(votes).where(and_(votes.c.workshop_id == workshop_id,
                                                  votes.c.participant == who)).values(author=author))
