"""Start the real app (`streamlit run app.py`) on a free port, for browser tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


class Server:
    """A Streamlit server for one script; `url` once healthy; stop() ends only this process."""

    def __init__(self, script: str = "app.py", cwd: Path = ROOT, env: dict[str, str] | None = None,
                 port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        log_dir = ROOT / "test-artifacts"
        log_dir.mkdir(exist_ok=True)
        self.log_path = log_dir / f"streamlit-{self.port}.log"
        log = self.log_path.open("ab")  # a restart on the same port adds to the same log
        self._start = lambda: subprocess.Popen(
            [python(), "-m", "streamlit", "run", script, "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false"],
            cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=log,
        )
        self.process = self._start()
        self._wait()

    def restart(self) -> None:
        """Start the server again on the same port (after stop()), as after a crash or update."""
        self.stop()
        self.process = self._start()
        self._wait()

    def _wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit stopped: {self.log_path.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not become healthy within 60 s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def wait_idle(page, timeout: float = 30_000) -> None:
    """Until the app has finished its script run (and rendered), and is still idle 150 ms later:
    a page that reruns itself (a new session key, st.rerun) is idle for a moment between its two
    runs, and on a busy machine that moment can outlast the pause."""
    idle = "[data-testid='stApp'][data-test-script-state='notRunning']"
    for _ in range(20):
        page.wait_for_selector(idle, timeout=timeout)
        page.wait_for_timeout(150)
        if page.locator(idle).count():
            return
