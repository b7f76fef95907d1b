"""Each municipality's representative fills in their own part of a region, through their own link.

The facilitator opens the links (`open_region`): a region id and a secret, of which the store
keeps only a hash; the secret stays with the facilitator's region (in the session store under
the region's own key, `?regio=`), never in a representative's link. Every facilitator function
needs it. A link's token is `<id>.<secret>`: the id finds the municipality's row, the secret is
compared with the stored hash in constant time (`hmac.compare_digest`), so a wrong or renewed
token says no more than "this link does not work". Revoking empties the hash; renewing draws a
new secret, so the old link stops working at once.

Each municipality's part (its answers, `PART_FIELDS` and the route mix) is its own row, and
every write lands only on the version its writer saw (compare-and-set on `version`): two
representatives never write the same row, and a representative and the facilitator changing the
same municipality at once cannot overwrite each other unseen (`Stale` carries what is stored).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection, Engine

from keuzehulp.store.sessions import retention_days, utcnow

from .content import NUMBER_FIELDS, OPTION_FIELDS
from .model import Region
from .tables import region_reps, regions

# A representative's part of the region: the table's answers and the partners.
PART_FIELDS = (*NUMBER_FIELDS, *OPTION_FIELDS, "partners")
TOKEN = re.compile(r"^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{32})$")
NO_LINK = ("Deze link werkt niet (meer). Misschien heeft de begeleider van de regio een nieuwe link "
           "gemaakt; vraag hem of haar om de link voor uw gemeente.")


class NotAllowed(PermissionError):
    """The facilitator's secret does not match (or the region's links are gone)."""


class LinkError(ValueError):
    """A representative's link that leads nowhere (malformed, wrong, revoked, expired); Dutch message."""


@dataclass(frozen=True)
class Governed:
    """What the facilitator keeps: the region's id in the store and the secret (never in a link)."""

    id: str
    secret: str


@dataclass(frozen=True)
class Part:
    """One municipality's row: never its token."""

    id: str
    municipality: str
    data: dict[str, Any]
    version: int
    saved_by: str  # "" (as issued), "rep" or "facilitator"
    updated_at: datetime
    active: bool  # False once revoked


class Stale(Exception):  # noqa: N818 (a state, like KeyInUse)
    """Someone wrote this municipality's part after the version the writer saw: `current` is it."""

    def __init__(self, current: Part) -> None:
        super().__init__(current.municipality)
        self.current = current


def _hash(kind: str, secret: str) -> str:
    return hashlib.sha256(f"{kind}:{secret}".encode()).hexdigest()


UNUSABLE = "!" * 64  # compared against when there is no row (or it was revoked): same length, never a match


def _matches(kind: str, secret: str, stored: str) -> bool:
    return hmac.compare_digest(_hash(kind, secret or ""), stored or UNUSABLE)


def _part(row: Any) -> Part:
    try:
        data = json.loads(row.data)
    except ValueError:
        data = {}
    return Part(row.id, row.municipality, data if isinstance(data, dict) else {}, int(row.version),
                row.saved_by, row.updated_at, bool(row.token_hash))


# --- the municipality's part as data ----------------------------------------------------------


def part_of(region: Region, name: str) -> dict[str, Any]:
    """A municipality's part of a region: its answers in PART_FIELDS and its route mix (or None)."""
    profile = region.profile(name).model_dump(mode="json")
    data = {f: profile[f] for f in PART_FIELDS}
    mix = region.route_shares.get(name)
    data["route_shares"] = mix.model_dump(mode="json") if mix is not None else None
    return data


def with_part(region: Region, name: str, part: dict[str, Any]) -> Region:
    """The region with one municipality's part replaced; ValueError when it does not fit."""
    doc = region.model_dump(mode="json")
    index = region.names.index(name)
    doc["municipalities"][index].update({f: part[f] for f in PART_FIELDS if f in part})
    mix = part.get("route_shares")
    doc["municipalities"][index]["route_shares"] = mix
    if mix:
        doc["route_shares"][name] = mix
    else:
        doc["route_shares"].pop(name, None)
    try:
        return Region.model_validate(doc)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


def find(region: Region, municipality: str) -> str | None:
    """The region's name for a municipality (names are unique ignoring case), or None."""
    wanted = municipality.strip().casefold()
    return next((n for n in region.names if n.casefold() == wanted), None)


# --- facilitator ------------------------------------------------------------------------------


def open_region(engine: Engine, name: str, now: datetime | None = None) -> Governed:
    """A new region in the store for links; the secret is the facilitator's alone."""
    now = now or utcnow()
    governed = Governed(secrets.token_hex(16), secrets.token_urlsafe(24))
    with engine.begin() as conn:
        conn.execute(regions.insert().values(id=governed.id, secret_hash=_hash("region", governed.secret),
                                             name=name[:100], created_at=now,
                                             expires_at=now + timedelta(days=retention_days())))
    return governed


def _owned(conn: Connection, governed: Governed, now: datetime) -> None:
    row = conn.execute(select(regions.c.secret_hash).where(regions.c.id == str(governed.id)[:32],
                                                           regions.c.expires_at > now)).first()
    if not _matches("region", governed.secret, row.secret_hash if row is not None else ""):
        raise NotAllowed("region not found or secret does not match")


def _touch(conn: Connection, governed: Governed, now: datetime, name: str | None = None) -> None:
    values: dict[str, Any] = {"expires_at": now + timedelta(days=retention_days())}
    if name is not None:
        values["name"] = name[:100]
    conn.execute(update(regions).where(regions.c.id == governed.id).values(**values))


def rename(engine: Engine, governed: Governed, name: str, now: datetime | None = None) -> None:
    """The region's name as representatives see it (and its expiry starts again)."""
    now = now or utcnow()
    with engine.begin() as conn:
        _owned(conn, governed, now)
        _touch(conn, governed, now, name)


def issue(engine: Engine, governed: Governed, municipality: str, data: dict[str, Any],
          now: datetime | None = None) -> str:
    """The link token for a municipality: a new row with `data`, or, when the municipality has one
    already, a new secret for it (renewed: the old link stops working; its answers stay)."""
    now = now or utcnow()
    secret = secrets.token_urlsafe(24)
    with engine.begin() as conn:
        _owned(conn, governed, now)
        _touch(conn, governed, now)
        rows = conn.execute(select(region_reps.c.id, region_reps.c.municipality)
                            .where(region_reps.c.region_id == governed.id)).all()
        existing = next((r.id for r in rows if r.municipality.casefold() == municipality.casefold()), None)
        if existing is not None:
            conn.execute(update(region_reps).where(region_reps.c.id == existing)
                         .values(token_hash=_hash("rep", secret)))
            return f"{existing}.{secret}"
        part_id = secrets.token_urlsafe(12)
        conn.execute(region_reps.insert().values(
            id=part_id, region_id=governed.id, municipality=municipality[:100], token_hash=_hash("rep", secret),
            data=json.dumps(data), version=1, saved_by="", updated_at=now))
    return f"{part_id}.{secret}"


def revoke(engine: Engine, governed: Governed, part_id: str, now: datetime | None = None) -> None:
    """The municipality's link stops working; its answers stay in the region."""
    with engine.begin() as conn:
        _owned(conn, governed, now or utcnow())
        conn.execute(update(region_reps).where(region_reps.c.id == part_id, region_reps.c.region_id == governed.id)
                     .values(token_hash=""))


def parts(engine: Engine, governed: Governed, now: datetime | None = None) -> list[Part]:
    """Every municipality with a link, in the order the links were made."""
    with engine.connect() as conn:
        _owned(conn, governed, now or utcnow())
        rows = conn.execute(select(region_reps).where(region_reps.c.region_id == governed.id)
                            .order_by(region_reps.c.updated_at, region_reps.c.id)).all()
    return [_part(r) for r in rows]


def changes(engine: Engine, governed: Governed) -> tuple[int, int] | None:
    """What the facilitator's view of the parts depends on, in two numbers (how many rows, the sum
    of their versions), or None when the region is gone. One small read without a lock: every
    committed write raises the sum, in whatever order writes commit."""
    with engine.connect() as conn:
        row = conn.execute(select(regions.c.secret_hash,
                                  select(func.count()).where(region_reps.c.region_id == regions.c.id)
                                  .scalar_subquery(),
                                  select(func.coalesce(func.sum(region_reps.c.version), 0))
                                  .where(region_reps.c.region_id == regions.c.id).scalar_subquery())
                           .where(regions.c.id == str(governed.id)[:32], regions.c.expires_at > utcnow())).first()
    if row is None or not _matches("region", governed.secret, row[0]):
        return None
    return int(row[1]), int(row[2])


def _write(conn: Connection, part_id: str, data: dict[str, Any], base_version: int, by: str, now: datetime,
           region_id: str | None = None) -> Part:
    where = [region_reps.c.id == part_id, region_reps.c.version == base_version]
    if region_id is not None:
        where.append(region_reps.c.region_id == region_id)
    result = conn.execute(update(region_reps).where(*where).values(
        data=json.dumps(data), version=region_reps.c.version + 1, saved_by=by, updated_at=now))
    row = conn.execute(select(region_reps).where(region_reps.c.id == part_id)).first()
    if row is None:
        raise LinkError(NO_LINK)
    if result.rowcount != 1:
        raise Stale(_part(row))
    return _part(row)


def write(engine: Engine, governed: Governed, part_id: str, data: dict[str, Any], base_version: int,
          now: datetime | None = None) -> Part:
    """The facilitator changes a municipality's part, on the version they saw (else Stale)."""
    now = now or utcnow()
    with engine.begin() as conn:
        _owned(conn, governed, now)
        return _write(conn, part_id, data, base_version, "facilitator", now, governed.id)


def delete_region(engine: Engine, governed: Governed) -> None:
    with engine.begin() as conn:
        _owned(conn, governed, utcnow())
        conn.execute(delete(region_reps).where(region_reps.c.region_id == governed.id))
        conn.execute(delete(regions).where(regions.c.id == governed.id))


def purge_expired(engine: Engine, now: datetime | None = None) -> int:
    """Regions past their expiry, with their links."""
    now = now or utcnow()
    with engine.begin() as conn:
        gone = select(regions.c.id).where(regions.c.expires_at <= now)
        conn.execute(delete(region_reps).where(region_reps.c.region_id.in_(gone)))
        return int(conn.execute(delete(regions).where(regions.c.expires_at <= now)).rowcount or 0)


# --- representative ---------------------------------------------------------------------------


def _linked(conn: Connection, token: str, now: datetime) -> tuple[str, Any]:
    match = TOKEN.match(str(token or "")[:60])
    row = None
    if match is not None:
        row = conn.execute(select(region_reps, regions.c.name.label("region_name"))
                           .join(regions, regions.c.id == region_reps.c.region_id)
                           .where(region_reps.c.id == match.group(1), regions.c.expires_at > now)).first()
    secret = match.group(2) if match is not None else ""
    if not _matches("rep", secret, row.token_hash if row is not None else "") or row is None:
        raise LinkError(NO_LINK)
    return row.region_name, row


def open_link(token: str, engine: Engine, now: datetime | None = None) -> tuple[str, Part]:
    """(the region's name, the municipality's part) for a representative's token, or LinkError."""
    with engine.connect() as conn:
        name, row = _linked(conn, token, now or utcnow())
    return name, _part(row)


def save_link(token: str, engine: Engine, data: dict[str, Any], base_version: int,
              now: datetime | None = None) -> Part:
    """A representative saves their municipality's part, on the version they saw (else Stale)."""
    now = now or utcnow()
    with engine.begin() as conn:
        _, row = _linked(conn, token, now)
        return _write(conn, row.id, data, base_version, "rep", now)
