"""The live workshop's link to the store: one engine per server process, and who is asking.

Nothing that must be shared between app servers is kept here: the engine is a connection pool,
and every workshop, vote and flood counter lives in the database (keuzehulp/workshop/repo.py).
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import streamlit as st
from sqlalchemy import Engine

from keuzehulp.store import make_engine, migrate
from keuzehulp.workshop import repo

PUBLIC_URL_ENV = "KEUZEHULP_PUBLIC_URL"  # e.g. https://keuzehulp.gemeente.nl (set by `make workshop`)
TRUST_PROXY_ENV = "KEUZEHULP_TRUST_PROXY"  # "1" behind a reverse proxy that sets X-Forwarded-For
PARTICIPANT_PAGE = "stemmen"


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The store (migrated to the newest revision), once per process; expired workshops purged."""
    store = make_engine()
    migrate(store)
    repo.purge_expired(store)
    return store


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


def participant_link(code: str) -> str:
    """The address participants open: KEUZEHULP_PUBLIC_URL, else the address this page has."""
    base = (os.environ.get(PUBLIC_URL_ENV) or "").strip().rstrip("/")
    if not base:
        parts = urlsplit(st.context.url or "http://localhost:8501/")
        base = f"{parts.scheme}://{parts.netloc}"
    return f"{base}/{PARTICIPANT_PAGE}?code={code}"
