"""`make run` and `make workshop` warm the process before they say where to open it
(scripts/serve_local.py); bench/first_page.py measures what that buys."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from serve_local import port_of  # noqa: E402

from tests.browser.server import free_port  # noqa: E402


@pytest.mark.parametrize("args, env, port", [
    (["--server.port", "8600"], {}, 8600),
    (["--server.port=8601"], {}, 8601),
    ([], {"STREAMLIT_SERVER_PORT": "8602"}, 8602),
    ([], {}, 8501),
])
def test_the_port_is_the_one_streamlit_will_use(monkeypatch, args, env, port):
    monkeypatch.delenv("STREAMLIT_SERVER_PORT", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert port_of(args) == port


def test_make_run_and_make_workshop_start_through_the_warm_start():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/serve_local.py" in run and "streamlit run" not in run
    assert "from serve_local import serve" in (ROOT / "scripts" / "serve_workshop.py").read_text(encoding="utf-8")


def test_it_says_ready_only_after_a_page_has_run_and_stops_its_server(tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve_local.py"), "--script", "bench/bare_page.py",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    try:
        deadline = time.monotonic() + 120
        while "De keuzehulp is klaar" not in log.read_text(errors="replace"):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.3)
        assert f"open http://localhost:{port}" in log.read_text()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as response:
            assert response.status == 200
    finally:
        process.terminate()  # as a service manager or `timeout` stops it: the server stops too
        process.wait(timeout=30)
    time.sleep(1)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
