"""A small client for Streamlit's WebSocket protocol (/_stcore/stream), as its frontend speaks it:
binary BackMsg protobufs up (rerun_script with the query string, page and widget values),
ForwardMsg protobufs down (new_session, deltas, ..., script_finished).

Used to warm a fresh process (deploy/serve.py), by bench/load.py for concurrent sessions and by
tests/test_proxy.py for a real handshake through nginx. Localhost and the public name of a
test proxy only; no browser needed.
"""

from __future__ import annotations

import socket
import ssl
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

EARLY_FOR_RERUN = 2  # the script asked for a rerun (st.rerun): the server runs it again at once


@dataclass
class Run:
    """One script run as the client saw it."""

    seconds: float
    messages: list[ForwardMsg]
    status: int  # ForwardMsg.script_finished: 0 finished, 1 compile error, 2 stopped for a rerun

    def widget_ids(self) -> dict[str, str]:
        """Widget id -> element kind, for every widget the run drew (radio, toggle, ...)."""
        found: dict[str, str] = {}
        for msg in self.messages:
            if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
                continue
            element = msg.delta.new_element
            kind = element.WhichOneof("type")
            widget = getattr(element, kind, None)
            widget_id = getattr(widget, "id", "")
            if widget_id:
                found[widget_id] = kind
        return found

    def options(self, widget_id: str) -> list[str]:
        """The options a radio or selectbox shows, as the frontend sends them back."""
        for msg in self.messages:
            if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                widget = getattr(element, element.WhichOneof("type"), None)
                if getattr(widget, "id", "") == widget_id:
                    return list(widget.options)
        raise KeyError(widget_id)

    def texts(self) -> list[str]:
        """Markdown bodies the run drew."""
        return [m.delta.new_element.markdown.body for m in self.messages
                if m.WhichOneof("type") == "delta" and m.delta.WhichOneof("type") == "new_element"
                and m.delta.new_element.WhichOneof("type") == "markdown"]


@dataclass
class Session:
    """One browser tab's WebSocket session."""

    url: str  # ws://127.0.0.1:8501/_stcore/stream or wss://name:port/_stcore/stream
    connect_to: tuple[str, int] | None = None  # open the TCP connection here instead (a proxy test)
    ssl_context: ssl.SSLContext | None = None
    origin: str | None = None
    headers: dict[str, str] | None = None  # e.g. the Cookie a browser would send
    timeout: float = 60.0
    page_script_hash: str = ""
    widgets: dict[str, object] = field(default_factory=dict)  # id -> value sent on each rerun
    _ws: object = None
    _connection: object = None

    def open(self) -> Session:
        sock = socket.create_connection(self.connect_to) if self.connect_to else None
        kwargs = {"subprotocols": ["streamlit"], "open_timeout": self.timeout, "sock": sock,
                  "max_size": 64 * 2**20, "origin": self.origin, "additional_headers": self.headers}
        if self.url.startswith("wss:"):
            kwargs["ssl"] = self.ssl_context
        self._connection = connect(self.url, **kwargs)
        self._ws = self._connection.__enter__()
        return self

    @property
    def websocket(self):
        return self._ws

    def close(self) -> None:
        if self._ws is not None:
            self._connection.__exit__(None, None, None)
            self._ws = self._connection = None

    def __enter__(self) -> Session:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def rerun(self, query_string: str = "", page_name: str = "", **changes: object) -> Run:
        """Send a rerun as the frontend does after a page load or a click, and read until the
        script has finished. `changes` are widget values by widget id (str, bool, int, float)."""
        self.widgets.update(changes)
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query_string
        state.page_name = page_name
        state.page_script_hash = self.page_script_hash
        for widget_id, value in self.widgets.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            if isinstance(value, bool):
                widget.bool_value = value
            elif isinstance(value, int):
                widget.int_value = value
            elif isinstance(value, float):
                widget.double_value = value
            else:
                widget.string_value = str(value)
        start = time.perf_counter()
        self._ws.send(msg.SerializeToString())
        messages = []
        while True:
            data = self._ws.recv(timeout=self.timeout)
            forward = ForwardMsg()
            forward.ParseFromString(data)
            messages.append(forward)
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = forward.new_session.page_script_hash or self.page_script_hash
            elif kind == "navigation" and forward.navigation.page_script_hash:
                self.page_script_hash = forward.navigation.page_script_hash
            elif kind == "script_finished" and forward.script_finished != EARLY_FOR_RERUN:
                return Run(time.perf_counter() - start, messages, forward.script_finished)
