"""`make workshop`: serve the keuzehulp on this laptop's local network for a room of phones.

Prints the address and its QR code in the terminal, sets KEUZEHULP_PUBLIC_URL so the app's
participant link and QR code use this address, and starts Streamlit listening on every network
interface (`make run` stays on localhost only). Plain HTTP: use it on a network you trust; see
docs/WORKSHOP.md for hosting behind HTTPS instead.

Finding the address asks the operating system which interface would route to a private address
(a UDP socket "connect" sends nothing); no outside service is asked, and browser.serverAddress is
set so Streamlit does not look up an external address either.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import segno

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_local import serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from keuzehulp.workshop.reach import PUBLIC_URL_ENV, lan_address  # noqa: E402


def main() -> int:
    port = int(os.environ.get("STREAMLIT_SERVER_PORT", "8501"))
    host = os.environ.get("KEUZEHULP_WORKSHOP_HOST") or lan_address()
    url = f"http://{host}:{port}"
    print(f"\nKeuzehulp voor de workshop: {url}")
    print(f"Deelnemers: {url}/stemmen  (of scan de QR-code op de pagina Workshop)\n")
    segno.make(url, error="m").terminal(compact=True)
    print("\nLet op: iedereen op dit netwerk kan deze app openen (gewone http, geen wachtwoord).")
    print("Stoppen: Ctrl+C.\n", flush=True)
    env = {**os.environ, PUBLIC_URL_ENV: url}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
               "--server.address", "0.0.0.0", "--server.port", str(port),  # noqa: S104 - on purpose
               "--browser.serverAddress", host, "--browser.gatherUsageStats", "false"]
    # Warmed before the first phone arrives, as `make run` (scripts/serve_local.py).
    return serve(command, port, env=env, url=url)


if __name__ == "__main__":
    sys.exit(main())
