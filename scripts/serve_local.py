"""`make run` (and `make workshop`): start Streamlit and warm it before the first visitor.

A fresh Streamlit process pays for its imports, the content (rules, knowledge base, texts) and
the memory freeze on its first page: 3.7-3.9 s against 1.0 s for a bare page (issue 24). This
starts `streamlit run` as a child, waits until it answers, runs the start page and the advice
once over Streamlit's own WebSocket protocol (deploy/stream_client.py, as deploy/serve.py does
for hosting), and only then says where to open it. Ctrl+C stops both.

    python scripts/serve_local.py [--no-warm] [--script app.py] [streamlit options ...]

The port is STREAMLIT_SERVER_PORT or --server.port, else 8501. Nothing leaves this machine: the
warm-up talks to 127.0.0.1.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.serve import wait_healthy  # noqa: E402

WARM_PAGES = ("", "advies")  # the start page, then the advice (loads the rules and the texts)


def port_of(args: list[str]) -> int:
    """--server.port N or --server.port=N among Streamlit's options, else the environment's."""
    for i, arg in enumerate(args):
        if arg == "--server.port" and i + 1 < len(args):
            return int(args[i + 1])
        if arg.startswith("--server.port="):
            return int(arg.split("=", 1)[1])
    return int(os.environ.get("STREAMLIT_SERVER_PORT", "8501"))


def warm(port: int, pages: tuple[str, ...] = WARM_PAGES) -> float:
    """Run `pages` once in the fresh process; the seconds it took, 0 when it failed (the app
    still serves, only its first page is slower)."""
    from deploy.stream_client import Session

    start = time.perf_counter()
    try:
        with Session(f"ws://localhost:{port}/_stcore/stream", connect_to=("127.0.0.1", port),
                     timeout=120) as session:
            for page in pages:
                session.rerun("", page)
    except Exception as exc:  # a warm-up failure must not stop the app
        print(f"Opwarmen lukte niet ({exc}); de keuzehulp werkt wel, alleen de eerste pagina is trager.",
              file=sys.stderr, flush=True)
        return 0.0
    return time.perf_counter() - start


def serve(command: list[str], port: int, env: dict[str, str] | None = None, warm_up: bool = True,
          pages: tuple[str, ...] = WARM_PAGES, url: str | None = None) -> int:
    """Run `command` (a `streamlit run ...`) until it stops or Ctrl+C; warm it first."""
    process = subprocess.Popen(command, cwd=ROOT, env=env)

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt  # a stop from outside (SIGTERM) ends the child too

    signal.signal(signal.SIGTERM, interrupted)
    try:
        if wait_healthy(port, process, timeout=180) and warm_up:
            seconds = warm(port, pages)
            if seconds:
                print(f"\nDe keuzehulp is klaar (opgewarmd in {seconds:.1f} s): open "
                      f"{url or f'http://localhost:{port}'}\n", file=sys.stderr, flush=True)
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            return 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    warm_up = "--no-warm" not in args
    args = [a for a in args if a != "--no-warm"]
    script = "app.py"
    if "--script" in args:
        i = args.index("--script")
        script = args[i + 1]
        del args[i:i + 2]
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / script), *args]
    pages = WARM_PAGES if script == "app.py" else ("",)
    return serve(command, port_of(args), warm_up=warm_up, pages=pages)


if __name__ == "__main__":
    sys.exit(main())
