"""Can the phones in the room reach this app, and at which address?

The join link and QR code are only worth showing when a phone on the network can open them.
That depends on how the app was started:

    configured public address   KEUZEHULP_PUBLIC_URL (set by `make workshop`, or by hand)
    behind a proxy              KEUZEHULP_PUBLIC_NAME (deploy/serve.py): https://<that name>
    listening on loopback only  server.address localhost / 127.0.0.1 / ::1 (`make run`): not
                                reachable; the facilitator is told how to open it to the room
    listening on the network    server.address 0.0.0.0, ::, empty (Streamlit's default) or a
                                network address: the address the facilitator's page has, or,
                                when that page was opened on this machine itself, this
                                machine's address on the local network

Finding the local network address asks the operating system which interface would route to a
private address (a UDP socket "connect" sends no packet); no outside service is asked.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

ALL_INTERFACES = {"", "0.0.0.0", "::", "[::]"}  # noqa: S104 - names, not a bind
PUBLIC_URL_ENV = "KEUZEHULP_PUBLIC_URL"
PUBLIC_NAME_ENV = "KEUZEHULP_PUBLIC_NAME"
ROOM_COMMAND = "make workshop"  # the one command that serves the app to the room (Makefile)


@dataclass(frozen=True)
class Reach:
    """Where participants go: `base` (scheme://host[:port]) and whether phones can open it."""

    base: str
    room: bool
    how: str  # "configured" | "proxy" | "network" | "loopback"


def lan_address() -> str:
    """This machine's address on the local network (127.0.0.1 when there is none)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # no packet is sent for a UDP connect
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def is_loopback(host: str | None) -> bool:
    """localhost, 127.x.x.x or ::1 (a name or an address; brackets allowed)."""
    host = (host or "").strip().strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host_port(host: str, port: int | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}" if port else shown


def reach(*, public_url: str | None, public_name: str | None, address: str | None,
          page_url: str | None, lan: Callable[[], str] = lan_address) -> Reach:
    """Where phones can reach the app started this way (see the module's docstring)."""
    configured = (public_url or "").strip().rstrip("/")
    if configured:
        return Reach(configured, True, "configured")
    name = (public_name or "").strip().strip("/")
    if name:
        return Reach(f"https://{name}", True, "proxy")
    page = urlsplit(page_url or "http://localhost:8501/")
    scheme, port = page.scheme or "http", page.port
    own = f"{scheme}://{page.netloc or 'localhost:8501'}"
    listen = (address or "").strip()
    if listen not in ALL_INTERFACES and is_loopback(listen):
        return Reach(own, False, "loopback")
    if not is_loopback(page.hostname):
        return Reach(own, True, "network")  # the facilitator's own page came over the network
    host = listen if listen not in ALL_INTERFACES else lan()
    if is_loopback(host):
        return Reach(own, False, "loopback")  # listening everywhere, but no network here
    return Reach(f"{scheme}://{_host_port(host, port)}", True, "network")
