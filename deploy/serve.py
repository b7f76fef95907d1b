"""Start the Keuzehulp for hosting: one Streamlit process per port, with the settings a public
installation needs, each warmed before it is announced ready; restarts a process that stops.

    KEUZEHULP_PUBLIC_NAME=keuzehulp.gemeente.nl python deploy/serve.py --port 8501
    KEUZEHULP_PUBLIC_NAME=keuzehulp.gemeente.nl python deploy/serve.py --processes 4 --port 8501
        (ports 8501..8504; one process per core)

Environment:
  KEUZEHULP_PUBLIC_NAME    the name users type (required): Streamlit accepts only this Host
                           header and WebSocket origin (server.allowedHosts/corsAllowedOrigins)
  KEUZEHULP_DATABASE_URL   the store (postgresql+psycopg://user@host/db); without it SQLite
  KEUZEHULP_ADDRESS        address to listen on (default 127.0.0.1; 0.0.0.0 in a container)

systemd runs one process per unit instead (deploy/systemd/keuzehulp@.service, --processes 1).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def streamlit_command(port: int, public_name: str, address: str) -> list[str]:
    """`streamlit run app.py` with the hosting settings (these override .streamlit/config.toml)."""
    return [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
        "--browser.gatherUsageStats", "false",
        # Only the public name: a request for another Host is refused (DNS rebinding), and a
        # WebSocket only from a page of this site.
        "--server.allowedHosts", public_name,
        "--server.enableCORS", "true",
        "--server.corsAllowedOrigins", f"https://{public_name}",
        "--server.enableXsrfProtection", "true",
        # Streamlit's agent API (HTTP and MCP at /_stcore/agent/): off, explicitly.
        "--server.enableAgentApi", "false",
        "--server.maxUploadSize", "1",
        "--server.enableStaticServing", "false",
        # No full garbage collection after every click: it walks every live session's objects,
        # so a click cost more the more sessions were open (ui/kit/memory.py, bench/load.py).
        "--runner.postScriptGC", "false",
        "--client.showErrorDetails", "none",
        "--client.toolbarMode", "viewer",
        "--logger.level", "warning",
    ]


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = 90) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def warm(port: int, public_name: str) -> float:
    """Run the app once in the fresh process (the start page and the advice), so that the
    first real user does not wait for imports, content loading and the memory freeze.
    Returns the seconds it took; 0 when it failed (the app still serves, only slower)."""
    from deploy.stream_client import Session

    start = time.perf_counter()
    try:
        # Host header: the public name (the process refuses any other, server.allowedHosts).
        with Session(f"ws://{public_name}:{port}/_stcore/stream", connect_to=("127.0.0.1", port),
                     timeout=120) as session:
            session.rerun("")
            session.rerun("", "advies")
    except Exception as exc:  # a warm-up failure must not stop the service
        print(f"serve: warming the process on port {port} failed: {exc}", file=sys.stderr)
        return 0.0
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8501, help="first port")
    parser.add_argument("--processes", type=int, default=1, help="how many processes (one per core)")
    parser.add_argument("--no-warm", action="store_true", help="do not run the app once at start")
    args = parser.parse_args(argv)
    public_name = os.environ.get("KEUZEHULP_PUBLIC_NAME", "").strip()
    if not public_name:
        print("serve: set KEUZEHULP_PUBLIC_NAME to the name users type, e.g. keuzehulp.gemeente.nl",
              file=sys.stderr)
        return 2
    address = os.environ.get("KEUZEHULP_ADDRESS", "127.0.0.1")
    ports = [args.port + i for i in range(max(1, args.processes))]
    processes: dict[int, subprocess.Popen] = {}
    stopping = False

    def start(port: int) -> None:
        processes[port] = subprocess.Popen(streamlit_command(port, public_name, address), cwd=ROOT)

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True
        for process in processes.values():
            if process.poll() is None:
                process.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for port in ports:
        start(port)
    for port in ports:
        if wait_healthy(port, processes[port]) and not args.no_warm:
            seconds = warm(port, public_name)
            print(f"serve: port {port} warm in {seconds:.1f} s", file=sys.stderr, flush=True)
    print(f"serve: ready on {', '.join(map(str, ports))}", file=sys.stderr, flush=True)
    while not stopping:
        time.sleep(1)
        for port, process in list(processes.items()):
            if process.poll() is not None and not stopping:
                print(f"serve: process on port {port} stopped ({process.returncode}); restarting",
                      file=sys.stderr, flush=True)
                start(port)
                if wait_healthy(port, processes[port]) and not args.no_warm:
                    warm(port, public_name)
    for process in processes.values():
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
