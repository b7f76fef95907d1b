"""A minimal Streamlit WebSocket client (/_stcore/stream) speaking the frontend's protocol:
BackMsg rerun_script up (page, query string, widget values), ForwardMsg deltas down until the
script run has finished. Used by the two-servers test and bench/votes.py; localhost only.
"""

from __future__ import annotations

import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

TIMEOUT = 60.0
EARLY_FOR_RERUN = 2  # script_finished status: the script asked for a rerun, which follows at once
FRAGMENT_RUN = 3  # script_finished status: a run of fragments only


class Tab:
    """One browser tab's session with the app."""

    def __init__(self, base_url: str, timeout: float = TIMEOUT) -> None:
        self.timeout = timeout
        self._connection = connect(base_url.replace("http", "ws", 1) + "/_stcore/stream",
                                   subprotocols=["streamlit"], open_timeout=timeout, max_size=64 * 2**20)
        self.ws = self._connection.__enter__()
        self.page_hash = ""  # the page the server ran last (from its navigation message)
        self.page = ""
        self.query = ""
        self.elements: list = []
        self.auto_reruns: dict[str, float] = {}  # fragment id -> interval (s), as the server asked
        self.fragments: dict[str, str] = {}  # widget id -> the fragment it is drawn in

    def close(self) -> None:
        self._connection.__exit__(None, None, None)

    def __enter__(self) -> Tab:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rerun(self, page: str, query: str = "", widgets: dict[str, object] | None = None) -> list:
        """Run `page` (its address, e.g. "stemmen") with these widget values (True = a button
        press, str = a radio's shown option or a text); returns the elements it drew."""
        msg = BackMsg()
        run = msg.rerun_script
        # Another page: ask for it by name; the same page: by the hash the server gave it.
        run.query_string, run.page_name = query, page
        run.page_script_hash = self.page_hash if page == self.page else ""
        self.page, self.query = page, query
        return self._run(msg, widgets)

    def rerun_fragment(self, fragment_id: str, widgets: dict[str, object] | None = None) -> list:
        """Run one fragment alone (on the page shown last), as the browser does on a fragment's
        timer (run_every) or for a widget inside it (`widgets`, e.g. a form's submit button in
        a fragment: see `fragments`); returns the elements it drew."""
        msg = BackMsg()
        run = msg.rerun_script
        run.query_string, run.page_name, run.page_script_hash = self.query, self.page, self.page_hash
        run.fragment_id, run.is_auto_rerun = fragment_id, widgets is None
        return self._run(msg, widgets)

    def listen(self, timeout: float) -> list | None:
        """Wait up to `timeout` seconds for a run the server started by itself (a fragment the
        app reruns when something changed, without this tab asking); the elements it drew, or
        None when none came."""
        deadline = time.monotonic() + timeout
        while True:  # until a run starts: other messages (a status, a ping's answer) pass
            try:
                data = self.ws.recv(timeout=max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                return None
            forward = ForwardMsg()
            forward.ParseFromString(data)
            if forward.WhichOneof("type") == "new_session":
                return self._receive(fragment=True)

    def _run(self, msg: BackMsg, widgets: dict[str, object] | None) -> list:
        run = msg.rerun_script
        for widget_id, value in (widgets or {}).items():
            state = run.widget_states.widgets.add()
            state.id = widget_id
            if value is True:
                state.trigger_value = True
            else:
                state.string_value = str(value)
        self.ws.send(msg.SerializeToString())
        return self._receive(fragment=bool(run.fragment_id))

    def _receive(self, fragment: bool) -> list:
        """The messages of one run until it has finished. Asked for the whole page, a run of a
        fragment alone that the server started meanwhile is passed over."""
        elements = []
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(self.ws.recv(timeout=self.timeout))
            kind = forward.WhichOneof("type")
            if kind == "navigation" and forward.navigation.page_script_hash:
                self.page_hash = forward.navigation.page_script_hash
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                elements.append(forward.delta.new_element)
                if forward.delta.fragment_id:  # which fragment drew it: a widget there reruns it alone
                    self.fragments[_widget_id(forward.delta.new_element)] = forward.delta.fragment_id
            elif kind == "auto_rerun":
                self.auto_reruns[forward.auto_rerun.fragment_id] = forward.auto_rerun.interval
            elif kind == "script_finished" and forward.script_finished == FRAGMENT_RUN and not fragment:
                elements = []  # the server ran a fragment by itself; the page's own run follows
            elif kind == "script_finished" and forward.script_finished != EARLY_FOR_RERUN:
                self.elements = elements
                return elements

    def click(self, page: str, query: str, widgets: dict[str, object]) -> list:
        """Widgets changed as a browser sends them: when the first sits in a fragment, that
        fragment reruns alone; else the whole page."""
        fragment = self.fragments.get(next(iter(widgets)))
        if fragment and page == self.page:
            return self.rerun_fragment(fragment, widgets)
        return self.rerun(page, query, widgets)

    def widget(self, suffix: str) -> str:
        """The id of the widget whose id ends with `suffix` (its key, e.g. "-vote_delivery")."""
        for element in self.elements:
            widget = getattr(element, element.WhichOneof("type"), None)
            widget_id = getattr(widget, "id", "")
            if widget_id.endswith(suffix):
                return widget_id
        raise KeyError(suffix)

    def texts(self) -> list[str]:
        """Markdown, alert and code texts of the last run."""
        out = []
        for e in self.elements:
            kind = e.WhichOneof("type")
            if kind in ("markdown", "alert"):
                out.append(getattr(e, kind).body)
            elif kind == "code":
                out.append(e.code.code_text)
        return out


def _widget_id(element) -> str:  # type: ignore[no-untyped-def]
    widget = getattr(element, element.WhichOneof("type") or "", None)
    return getattr(widget, "id", "")
