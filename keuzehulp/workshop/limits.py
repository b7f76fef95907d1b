"""Flood limits of the live workshop, in the store (`rate_limits`), so all app servers share them.

Who is counted is a *network*, not a single address (network_of): an IPv4 address, or the /64
an IPv6 address belongs to (one household, phone or office gets a whole /64 and could otherwise
rotate through its addresses). Everyone in a room behind one office NAT or guest Wi-Fi is one
network, so the limits are made for a room, not for a person:

    wrong codes   per network: WRONG_CODES_FREE per WINDOW pass without delay; after that the
                  network waits before its next try, a delay that doubles per wrong code
                  (2, 4, 8, ... seconds) up to MAX_WAIT. Nothing is locked for minutes, and a
                  participant who has joined a workshop is never refused by it (repo.join).
    submissions   per participant SUBMITS_PER_PARTICIPANT; per workshop and network
                  SUBMITS_PER_ROOM (a room of 250 phones changing votes), per WINDOW
    participants  per workshop at most MAX_PARTICIPANTS (from any network: a hall on one guest
                  Wi-Fi may fill it); one device is one participant (ui/workshop/stemmen.py), and the
                  facilitator sees and removes doubles (roster.roster, roster.remove_participants)

Guessing stays hopeless: per WINDOW one network gets WRONG_CODES_FREE tries, five more after
waits of 2 to 32 seconds, then one per MAX_WAIT: about 20 per ten minutes, 120 per hour,
against 20**8 = 25.6 billion codes. Tries during a wait are refused unchecked and not counted.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import bindparam, case, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from .tables import rate_limits

WINDOW = timedelta(minutes=10)
WRONG_CODES_FREE = 5
FIRST_WAIT_SECONDS = 2
MAX_WAIT = timedelta(seconds=60)
SUBMITS_PER_PARTICIPANT = 60
SUBMITS_PER_ROOM = 5000
MAX_PARTICIPANTS = 250  # well below schema.MAX_WORKSHOP_COUNT, the most any saved count may be


def network_of(client: str) -> str:
    """The network a client address counts as: IPv4 as it is, IPv6 as its /64 ('2001:db8::/64');
    an IPv4 address inside IPv6 (::ffff:192.0.2.1) as the IPv4 address; anything else as given."""
    text = str(client or "").strip()[:64]
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return text
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False))
    return str(address)


def insert(dialect: str, table):  # type: ignore[no-untyped-def]
    """An INSERT of `table` with ON CONFLICT, in the dialect named (conn.dialect.name)."""
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def hit(conn: Connection, bucket: str, now: datetime) -> int:
    """Count one hit in `bucket` for the current window; returns the hits so far (atomic)."""
    params = {"bucket": bucket[:160], "now": now, "stale_before": now - WINDOW}
    return int(conn.execute(_hit_statement(conn.dialect.name), params).scalar_one())


@cache
def _hit_statement(dialect: str):  # type: ignore[no-untyped-def]
    """The upsert of `hit`, built once per dialect with its values as parameters: every vote
    counts twice, and building and keying the statement anew took most of a vote's own time."""
    now = bindparam("now", type_=rate_limits.c.window_start.type)
    stale = rate_limits.c.window_start < bindparam("stale_before", type_=rate_limits.c.window_start.type)
    stmt = insert(dialect, rate_limits).values(
        bucket=bindparam("bucket"), window_start=now, hits=1)
    return stmt.on_conflict_do_update(
        index_elements=[rate_limits.c.bucket],
        set_={
            "hits": case((stale, 1), else_=rate_limits.c.hits + 1),
            "window_start": case((stale, now), else_=rate_limits.c.window_start),
        },
    ).returning(rate_limits.c.hits)


def _row(conn: Connection, bucket: str, now: datetime):  # type: ignore[no-untyped-def]
    row = conn.execute(select(rate_limits.c.hits, rate_limits.c.window_start)
                       .where(rate_limits.c.bucket == bucket[:160])).first()
    return None if row is None or row.window_start < now - WINDOW else row


def _stamp(conn: Connection, bucket: str, now: datetime) -> None:
    """Remember `now` as the last time in `bucket` (its window_start)."""
    stmt = insert(conn.dialect.name, rate_limits).values(bucket=bucket[:160], window_start=now, hits=1)
    conn.execute(stmt.on_conflict_do_update(index_elements=[rate_limits.c.bucket],
                                            set_={"window_start": now, "hits": 1}))


def wait_after(wrong_codes: int) -> timedelta:
    """How long a network waits after its n-th wrong code in a window: nothing for the first
    WRONG_CODES_FREE, then 2, 4, 8, ... seconds, at most MAX_WAIT."""
    extra = wrong_codes - WRONG_CODES_FREE
    if extra <= 0:
        return timedelta(0)
    return min(timedelta(seconds=FIRST_WAIT_SECONDS * 2 ** min(extra - 1, 16)), MAX_WAIT)


def join_wait(conn: Connection, network: str, now: datetime) -> int:
    """Whole seconds this network must still wait before it may try a code (0: go ahead)."""
    counted = _row(conn, f"join-fail:{network}", now)
    last = _row(conn, f"join-last:{network}", now)
    if counted is None or last is None:
        return 0
    left = last.window_start + wait_after(int(counted.hits)) - now
    return max(0, -int(-left.total_seconds() // 1))  # rounded up


def wrong_code(conn: Connection, network: str, now: datetime) -> None:
    """Count one wrong code of this network and remember when it came."""
    hit(conn, f"join-fail:{network}", now)
    _stamp(conn, f"join-last:{network}", now)
