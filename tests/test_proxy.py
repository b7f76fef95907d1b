"""The hosting kit for real: Debian's nginx, configured from deploy/nginx/keuzehulp.conf.template,
on free localhost ports with a throwaway TLS certificate, in front of two app processes started
by deploy/serve.py (the hosting settings, warmed). Asserts what a hosting party relies on: the
security headers, blocked endpoints, a wrong Host refused, the 1 MB limit, sticky sessions, the
WebSocket through the proxy, a CSP the app works with, and the Dutch page when the app is down.

Needs /usr/sbin/nginx (Debian package `nginx`, installed by .ci/run) and openssl; skipped
locally without them, failing in CI (CI=true).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from websockets.exceptions import InvalidStatus

from deploy.render_nginx import render
from deploy.stream_client import Session

ROOT = Path(__file__).resolve().parent.parent
NGINX = "/usr/sbin/nginx"
PUBLIC = "keuzehulp.test"  # the public name in this test (resolved by hand to 127.0.0.1)

pytestmark = pytest.mark.proxy
if not (Path(NGINX).exists() and shutil.which("openssl")) and os.environ.get("CI") != "true":
    pytestmark = [pytest.mark.proxy, pytest.mark.skip(reason="needs Debian's nginx and openssl")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Stack:
    tmp: Path
    cert: Path
    https_port: int
    http_port: int
    app_ports: list[int]
    apps: list[subprocess.Popen]
    nginx: subprocess.Popen

    @property
    def access_log(self) -> Path:
        return self.tmp / "access.log"

    def context(self) -> ssl.SSLContext:
        """Verifies the proxy's certificate for the public name, as a browser would."""
        return ssl.create_default_context(cafile=str(self.cert))

    def request(self, path: str, method: str = "GET", headers: dict | None = None, body: bytes | None = None,
                server_hostname: str = PUBLIC, context: ssl.SSLContext | None = None):
        """(status, headers, body) over HTTPS to the proxy; Host is the public name unless given."""
        context = context or self.context()
        conn = http.client.HTTPSConnection(PUBLIC, self.https_port, context=context, timeout=60)
        conn.sock = context.wrap_socket(socket.create_connection(("127.0.0.1", self.https_port)),
                                        server_hostname=server_hostname)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def websocket(self, cookie: str | None = None, origin: str | None = None) -> Session:
        return Session(f"wss://{PUBLIC}:{self.https_port}/_stcore/stream",
                       connect_to=("127.0.0.1", self.https_port), ssl_context=self.context(),
                       origin=origin or f"https://{PUBLIC}:{self.https_port}", timeout=120,
                       headers={"Cookie": cookie} if cookie else None)

    def upstreams(self, marker: str) -> list[str]:
        """The app process (address:port) nginx chose for each logged request holding `marker`
        ("a, b" when the first one failed and nginx tried the next)."""
        time.sleep(0.3)  # nginx writes its log line after the response
        lines = [line for line in self.access_log.read_text().splitlines() if marker in line]
        return [re.search(r"upstream=(.+?) node=", line).group(1) for line in lines]


def start_app(port: int, tmp: Path, database_url: str | None) -> subprocess.Popen:
    env = {**os.environ, "KEUZEHULP_PUBLIC_NAME": PUBLIC, "PYTHONPATH": str(ROOT),
           "KEUZEHULP_DATA_DIR": str(tmp / "data")}
    if database_url:
        env["KEUZEHULP_DATABASE_URL"] = database_url
    log = (tmp / f"app-{port}.log").open("wb")
    return subprocess.Popen([sys.executable, str(ROOT / "deploy" / "serve.py"), "--port", str(port)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(port: int, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    """Until serve.py says the process is warm."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serve.py stopped: {log.read_text()[-2000:]}")
        if "serve: ready" in log.read_text(errors="replace"):
            return
        time.sleep(0.5)
    raise RuntimeError(f"app on {port} not ready: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def shared_database(request) -> str | None:
    """One PostgreSQL database for both processes, as in production (the throwaway cluster of
    tests/pgcluster.py); None (each process on SQLite in the temp dir) without PostgreSQL."""
    from tests.pgcluster import postgres_bin

    if postgres_bin() is None:
        return None
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(request.getfixturevalue("postgres_url"))
    with psycopg.connect(host=base.host, port=base.port, user=base.username, dbname=base.database,
                         autocommit=True) as conn:
        conn.execute("CREATE DATABASE proxy_test")
    return base.set(database="proxy_test").render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def stack(tmp_path_factory, request):
    tmp = tmp_path_factory.mktemp("proxy")
    database_url = shared_database(request)
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", f"/CN={PUBLIC}",
                    "-addext", f"subjectAltName=DNS:{PUBLIC}"], check=True, capture_output=True)
    app_ports = [free_port(), free_port()]
    apps = [start_app(port, tmp, database_url) for port in app_ports]
    https_port, http_port = free_port(), free_port()
    site = render(PUBLIC, app_ports, str(cert), str(key), https_port=https_port, http_port=http_port,
                  address="127.0.0.1", access_log=str(tmp / "access.log"))
    (tmp / "keuzehulp.conf").write_text(site)
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / sub).mkdir()
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(f"""{user}worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/keuzehulp.conf;
}}
""")
    check = subprocess.run([NGINX, "-t", "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    nginx = subprocess.Popen([NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf"),
                              "-g", "daemon off;"], stderr=subprocess.PIPE)
    result = Stack(tmp, cert, https_port, http_port, app_ports, apps, nginx)
    try:
        for port, app in zip(app_ports, apps, strict=True):
            wait_ready(port, app, tmp / f"app-{port}.log")
        yield result
    finally:
        for app in apps:
            stop(app)
        stop(nginx)


def test_the_app_page_comes_with_the_security_headers(stack):
    status, headers, body = stack.request("/")
    assert status == 200 and b"<title>Streamlit</title>" in body or b"streamlit" in body.lower()
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "http:" not in csp and "https:" not in csp  # nothing from elsewhere
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "nginx/" not in headers.get("Server", "")  # no version given away
    # The sticky cookie: a random id, HttpOnly and Secure, set on the first answer only.
    cookie = headers["Set-Cookie"]
    assert re.match(r"kh_node=[0-9a-f]{32}; Path=/; Secure; HttpOnly; SameSite=Lax$", cookie)
    node = cookie.split(";")[0]
    status, headers, _ = stack.request("/", headers={"Cookie": node})
    assert status == 200 and "Set-Cookie" not in headers


def test_plain_http_goes_to_https(stack):
    conn = http.client.HTTPConnection("127.0.0.1", stack.http_port, timeout=30)
    conn.request("GET", "/q2_organisatie?x=1", headers={"Host": PUBLIC})
    response = conn.getresponse()
    assert response.status == 301
    assert response.headers["Location"] == f"https://{PUBLIC}:{stack.https_port}/q2_organisatie?x=1"


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_stcore//metrics", "/_stcore/%6detrics",
                                  "/_stcore/metrics?format=text", "/_stcore/agent/openapi.json",
                                  "/_stcore/agent/interact"])
def test_metrics_and_agent_api_are_not_public(stack, path):
    status, headers, body = stack.request(path)
    assert status == 404
    assert b"streamlit" not in body.lower() and b"session" not in body.lower()
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_app_itself_has_the_agent_api_off_and_metrics_only_behind_the_proxy(stack):
    """Straight to an app process (what the proxy hides): metrics answer there, so the block in
    nginx is what keeps them private; the agent API is off in the process itself."""
    port = stack.app_ports[0]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/metrics", timeout=30) as response:
        assert response.status == 200
    # Streamlit describes its agent API there and says whether it is on.
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/agent/openapi.json", timeout=30) as response:
        described = json.loads(response.read())
    assert described["info"]["x-streamlit-agent-api"] == "disabled"
    request = urllib.request.Request(f"http://127.0.0.1:{port}/_stcore/agent/interact", data=b"{}",
                                     headers={"Content-Type": "application/json", "Host": PUBLIC})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code in (403, 404)


def test_a_wrong_host_gets_no_answer(stack):
    # The right certificate and name in TLS, another name in the Host header: connection closed.
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        stack.request("/", headers={"Host": "evil.example"})
    # Another name in TLS (SNI): the handshake is refused, nothing is served.
    loose = ssl.create_default_context()
    loose.check_hostname = False
    loose.verify_mode = ssl.CERT_NONE
    with pytest.raises(ssl.SSLError):
        stack.request("/", server_hostname="evil.example", context=loose)
    # Plain HTTP with a bare IP address: no redirect, no app.
    conn = http.client.HTTPConnection("127.0.0.1", stack.http_port, timeout=30)
    with pytest.raises(http.client.RemoteDisconnected):
        conn.request("GET", "/")
        conn.getresponse()


def test_the_app_process_refuses_a_websocket_for_another_host(stack):
    """Behind the proxy too: Streamlit itself accepts only the public name (server.allowedHosts)."""
    port = stack.app_ports[0]
    with pytest.raises(InvalidStatus) as refused:
        Session(f"ws://evil.example:{port}/_stcore/stream", connect_to=("127.0.0.1", port)).open()
    assert refused.value.response.status_code == 403
    with Session(f"ws://{PUBLIC}:{port}/_stcore/stream", connect_to=("127.0.0.1", port)) as session:
        assert session.rerun("").status == 0  # the public name is let in


def test_a_request_over_1_mb_is_refused_with_a_dutch_page(stack):
    status, headers, body = stack.request("/_stcore/upload_file/x/y", method="PUT", body=b"x" * (1024 * 1024 + 10),
                                          headers={"Content-Type": "application/octet-stream"})
    assert status == 413
    text = body.decode("utf-8")
    assert 'lang="nl"' in text and "Dit bestand is te groot" in text and "1 MB" in text
    assert "<title>Bestand te groot</title>" in text and "<style>" in text  # the shared head, included
    assert "<!--#" not in text
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_sessions_are_sticky_and_spread_over_both_processes(stack):
    cookies = []
    for _ in range(16):
        status, headers, _ = stack.request("/")
        assert status == 200
        cookies.append(headers["Set-Cookie"].split(";")[0])
    chosen = {}
    for cookie in cookies:
        value = cookie.split("=", 1)[1]
        for _ in range(3):
            stack.request("/_stcore/health", headers={"Cookie": cookie})
        seen = set(stack.upstreams(f"node={value}"))
        assert len(seen) == 1, f"one visitor went to {seen}"
        chosen[value] = seen.pop()
    assert set(chosen.values()) == {f"127.0.0.1:{port}" for port in stack.app_ports}


def test_the_websocket_runs_the_app_through_the_proxy_on_the_visitors_process(stack):
    status, headers, _ = stack.request("/")
    cookie = headers["Set-Cookie"].split(";")[0]
    node = cookie.split("=", 1)[1]
    page_process = set(stack.upstreams(f"node={node}"))
    with stack.websocket(cookie=cookie) as session:
        assert session.websocket.response.status_code == 101  # upgraded through nginx
        assert session.websocket.subprotocol == "streamlit"
        run = session.rerun("municipality=Lochem")
        assert run.status == 0  # the script finished
        assert any("Keuzehulp duaal inburgeren" in text for text in run.texts())
        time.sleep(2)  # an idle WebSocket stays open (long proxy timeouts; Streamlit pings)
        assert session.rerun("municipality=Lochem").status == 0
    # The WebSocket went to the process that served the visitor's page.
    assert set(stack.upstreams(f"node={node}")) == page_process


def test_a_websocket_from_another_site_is_refused(stack):
    with pytest.raises(InvalidStatus) as refused:
        stack.websocket(origin="https://evil.example").open()
    assert refused.value.response.status_code == 403


@pytest.mark.browser
def test_the_app_works_under_the_content_security_policy(stack, playwright_driver):
    """Chromium through the proxy, every page: the app draws it, the Dutch script runs (an
    inline script: needs 'unsafe-inline'), the group chart draws (Vega), and the browser
    reports nothing blocked by the CSP."""
    from ui.kit.nav import PAGES

    from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, wait_idle

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found")
    console: list[str] = []
    base = f"https://{PUBLIC}:{stack.https_port}"
    browser = playwright_driver.chromium.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {PUBLIC} 127.0.0.1"])
    try:
        context = browser.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.on("console", lambda message: console.append(message.text))
        for nav_page in PAGES:
            path = "" if nav_page.path == "pages/start.py" else Path(nav_page.path).stem
            page.goto(f"{base}/{path}?municipality=Lochem&annual_intake=12")
            wait_idle(page, timeout=120_000)
            # The inline script sets the language. Polled from here: wait_for_function would
            # evaluate its predicate with eval in the page, which this very CSP forbids.
            deadline = time.monotonic() + 30
            while page.evaluate("document.documentElement.lang") != "nl" and time.monotonic() < deadline:
                page.wait_for_timeout(200)
            assert page.evaluate("document.documentElement.lang") == "nl", nav_page.title
            assert "Traceback" not in page.inner_text("body")
        page.goto(f"{base}/advies?municipality=Lochem&annual_intake=12")
        wait_idle(page, timeout=120_000)
        page.get_by_text("Grafiek: wachttijd bij meer of minder instroom").first.click()
        wait_idle(page, timeout=120_000)
        chart = page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").first
        chart.wait_for(timeout=60_000)
        box = chart.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100
        page.wait_for_timeout(1000)
    finally:
        browser.close()
    blocked = [text for text in console if "Content Security Policy" in text or "Refused to" in text]
    assert blocked == []


def test_when_one_process_stops_its_visitors_go_on_at_the_other(stack):
    """A restart or crash of one process: nginx sends its visitors to the other process, the
    page and the WebSocket keep working (the answers come back from the store)."""
    first, second = (f"127.0.0.1:{port}" for port in stack.app_ports)
    cookie = None
    for _ in range(40):  # a visitor whose process is the first one
        _, headers, _ = stack.request("/")
        candidate = headers["Set-Cookie"].split(";")[0]
        stack.request("/_stcore/health", headers={"Cookie": candidate})
        if stack.upstreams(f"node={candidate.split('=', 1)[1]}")[-1] == first:
            cookie = candidate
            break
    assert cookie, "no visitor went to the first process"
    stop(stack.apps[0])
    status, _, body = stack.request("/", headers={"Cookie": cookie})
    assert status == 200 and b"De keuzehulp is even niet bereikbaar" not in body
    assert stack.upstreams(f"node={cookie.split('=', 1)[1]}")[-1].endswith(second)
    with stack.websocket(cookie=cookie) as session:
        assert session.rerun("municipality=Lochem").status == 0


def test_when_both_processes_are_down_a_dutch_page_says_the_work_is_kept(stack):
    """Last in this file: stops the app processes (the first one is already stopped)."""
    for app in stack.apps:
        stop(app)
    status, headers, body = stack.request("/")
    assert status == 503
    text = body.decode("utf-8")
    assert 'lang="nl"' in text and "De keuzehulp is even niet bereikbaar" in text
    assert "Uw werk is bewaard" in text
    assert "<title>Keuzehulp duaal inburgeren is even niet bereikbaar</title>" in text and "<style>" in text
    assert "<!--#" not in text
    assert headers["Retry-After"] == "30"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["Cache-Control"] == "no-store"
