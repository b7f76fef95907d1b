"""The live workshop's link to the store: one engine per server process, and who is asking.

Nothing that must be shared between app servers is kept here: the engine is a connection pool,
the feed only wakes this process's pages, and every workshop, vote and flood counter lives in
the database (keuzehulp/workshop/repo.py).
"""

from __future__ import annotations

import os

import streamlit as st
from sqlalchemy import Engine

from keuzehulp.store import make_engine, migrate
from keuzehulp.workshop import notify, repo
from keuzehulp.workshop.reach import PUBLIC_NAME_ENV, PUBLIC_URL_ENV, Reach, reach

TRUST_PROXY_ENV = "KEUZEHULP_TRUST_PROXY"  # "1" behind a reverse proxy that sets X-Forwarded-For
PARTICIPANT_PAGE = "stemmen"


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The store (migrated to the newest revision), once per process; expired workshops purged."""
    store = make_engine()
    migrate(store)
    repo.purge_expired(store)
    return store


@st.cache_resource(show_spinner=False)
def feed() -> notify.Feed:
    """Once per process: the thread that tells a facilitator's open page of a vote at once
    (keuzehulp/workshop/notify.py), so the page need not ask the store several times a second."""
    store = engine()
    return notify.Feed(store, lambda code: repo.changes(store, code))


def forwarded_client(header: str | None) -> str:
    """The address our own proxy saw: the LAST X-Forwarded-For entry. nginx
    ($proxy_add_x_forwarded_for) appends the connection's address to whatever the client sent,
    so the first entries are the client's to choose and would let it dodge the flood limits."""
    return (header or "").split(",")[-1].strip()[:64]


def client() -> str:
    """Who is asking, for the flood limits: the connection's address (behind a reverse proxy,
    with KEUZEHULP_TRUST_PROXY=1, the address the proxy saw). 'local' on this machine."""
    if os.environ.get(TRUST_PROXY_ENV) == "1":
        forwarded = forwarded_client(st.context.headers.get("X-Forwarded-For"))
        if forwarded:
            return forwarded
    return (st.context.ip_address or "local")[:64]


def where() -> Reach:
    """Whether phones in the room can reach this app, and at which address
    (keuzehulp/workshop/reach.py: the configured address, the proxy's, or how it listens)."""
    return reach(public_url=os.environ.get(PUBLIC_URL_ENV), public_name=os.environ.get(PUBLIC_NAME_ENV),
                 address=st.get_option("server.address"), page_url=st.context.url)


def participant_link(code: str, base: Reach | None = None) -> str:
    """The address participants open (on `base`, by default where() this app is reachable)."""
    return f"{(base or where()).base}/{PARTICIPANT_PAGE}?code={code}"
