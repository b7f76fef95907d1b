"""The OSV query API (POST /v1/query, https://google.github.io/osv.dev/post-v1-query/) on
127.0.0.1, answered from the snapshot in security/osv-pypi.json. So pip-audit runs offline
against the snapshot kept in the repository, with its OSV service pointed here:

    python tools/osv_local.py --run pip-audit --strict --no-deps --disable-pip -s osv \\
        --osv-url {url} -r requirements.lock

(--run: serve on a free port, run the command with {url} filled in, stop; its exit code.)
`make audit-offline` does exactly that. The answers hold what pip-audit reads of an OSV record:
id, aliases, summary and, for the package asked about, its ECOSYSTEM ranges (for the versions
that fix it). Only PyPI; localhost only; no other route.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from packaging.utils import canonicalize_name

from tools.vulncheck import SNAPSHOT, is_affected, load_snapshot

MAX_QUERY_BYTES = 64 * 1024


def answer(snapshot: dict, query: object) -> dict:
    """The OSV answer to one query {"package": {"name", "ecosystem"}, "version"}; {} for none."""
    if not isinstance(query, dict):
        raise ValueError("query is not an object")
    package, version = query.get("package"), query.get("version")
    if not isinstance(package, dict) or not isinstance(version, str) or package.get("ecosystem") != "PyPI":
        raise ValueError("only PyPI packages with a version")
    name = canonicalize_name(str(package.get("name", "")))
    vulns = [{
        "id": advisory["id"], "aliases": advisory.get("aliases", []), "summary": advisory.get("summary", ""),
        "affected": [{"package": {"name": name, "ecosystem": "PyPI"},
                      "ranges": [{"type": "ECOSYSTEM", "events": events} for events in advisory.get("ranges", [])],
                      "versions": advisory.get("versions", [])}],
    } for advisory in snapshot["packages"].get(name, []) if is_affected(version, advisory)]
    return {"vulns": vulns} if vulns else {}


def make_server(snapshot: dict, port: int = 0) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            length = int(self.headers.get("Content-Length") or 0)
            if self.path != "/v1/query" or not 0 < length <= MAX_QUERY_BYTES:
                self._send(404 if self.path != "/v1/query" else 400, {"message": "POST /v1/query only"})
                return
            try:
                body = answer(snapshot, json.loads(self.rfile.read(length)))
            except ValueError as exc:
                self._send(400, {"message": str(exc)})
                return
            self._send(200, body)

        def _send(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:  # quiet: pip-audit prints what matters
            pass

    return ThreadingHTTPServer(("127.0.0.1", port), Handler)


def serve_in_background(snapshot: dict) -> tuple[ThreadingHTTPServer, str]:
    """A running server on a free port and its query URL (tests; stop with .shutdown())."""
    server = make_server(snapshot)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1/query"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--db", type=Path, default=SNAPSHOT)
    parser.add_argument("--run", nargs=argparse.REMAINDER, help="a command to run against it ({url})")
    args = parser.parse_args(argv)
    if args.run:
        server, url = serve_in_background(load_snapshot(args.db))
        try:
            return subprocess.run([part.replace("{url}", url) for part in args.run], check=False).returncode
        finally:
            server.shutdown()
    server = make_server(load_snapshot(args.db), args.port)
    print(f"osv_local: http://127.0.0.1:{server.server_address[1]}/v1/query", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
