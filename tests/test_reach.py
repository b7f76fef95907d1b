"""Where phones can reach the app (keuzehulp/workshop/reach.py): the join link only claims the
room when a phone on the network can open it."""

from __future__ import annotations

import pytest

from keuzehulp.workshop.reach import is_loopback, reach


def lan() -> str:
    return "192.168.1.20"


@pytest.mark.parametrize(("settings", "base", "room", "how"), [
    # `make run`: .streamlit/config.toml listens on localhost only
    ({"address": "localhost", "page_url": "http://localhost:8501/workshop"}, "http://localhost:8501", False, "loopback"),
    ({"address": "127.0.0.1", "page_url": "http://127.0.0.1:8611/"}, "http://127.0.0.1:8611", False, "loopback"),
    ({"address": "::1", "page_url": "http://[::1]:8501/"}, "http://[::1]:8501", False, "loopback"),
    # `make workshop`: KEUZEHULP_PUBLIC_URL wins, however the facilitator opened the page
    ({"public_url": "http://192.168.1.20:8501/", "address": "0.0.0.0", "page_url": "http://localhost:8501/"},
     "http://192.168.1.20:8501", True, "configured"),
    # deploy/serve.py behind the proxy: listens on loopback, the public name is what phones open
    ({"public_name": "keuzehulp.gemeente.nl", "address": "127.0.0.1", "page_url": "http://127.0.0.1:8501/"},
     "https://keuzehulp.gemeente.nl", True, "proxy"),
    # listening everywhere, opened on the laptop itself: this machine's network address
    ({"address": "0.0.0.0", "page_url": "http://localhost:8501/workshop"}, "http://192.168.1.20:8501", True, "network"),
    ({"address": None, "page_url": "http://127.0.0.1:9000/"}, "http://192.168.1.20:9000", True, "network"),
    # listening everywhere, opened over the network: that address works for the phones too
    ({"address": "", "page_url": "http://10.0.0.5:8501/workshop"}, "http://10.0.0.5:8501", True, "network"),
    # listening on one network address
    ({"address": "10.0.0.7", "page_url": "http://localhost:8501/"}, "http://10.0.0.7:8501", True, "network"),
])
def test_the_join_link_names_an_address_phones_can_open_or_says_it_cannot(settings, base, room, how):
    given = {"public_url": None, "public_name": None, **settings}
    found = reach(**given, lan=lan)
    assert (found.base, found.room, found.how) == (base, room, how)


def test_listening_everywhere_on_a_machine_without_a_network_is_not_the_room():
    found = reach(public_url=None, public_name=None, address="0.0.0.0", page_url="http://localhost:8501/",
                  lan=lambda: "127.0.0.1")
    assert not found.room


@pytest.mark.parametrize(("host", "loopback"), [
    ("localhost", True), ("127.0.0.1", True), ("127.8.9.1", True), ("::1", True), ("[::1]", True),
    ("app.localhost", True), ("192.168.1.20", False), ("keuzehulp.gemeente.nl", False), ("", False), (None, False),
])
def test_loopback_names_and_addresses(host, loopback):
    assert is_loopback(host) is loopback
