"""Render deploy/nginx/keuzehulp.conf.template into an nginx site file.

    python deploy/render_nginx.py --public-name keuzehulp.gemeente.nl --ports 8501,8502 \
        --cert /etc/letsencrypt/live/keuzehulp.gemeente.nl/fullchain.pem \
        --key /etc/letsencrypt/live/keuzehulp.gemeente.nl/privkey.pem \
        > /etc/nginx/sites-available/keuzehulp.conf

tests/test_proxy.py renders the same template (other ports, a throwaway certificate) and runs
it with Debian's nginx.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "nginx" / "keuzehulp.conf.template"
ERROR_ROOT = HERE / "nginx" / "html"
NAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


def render(public_name: str, ports: list[int], cert: str, key: str, *, https_port: int = 443,
           http_port: int = 80, address: str = "", upstream_host: str = "127.0.0.1",
           error_root: str | Path = ERROR_ROOT, access_log: str = "/var/log/nginx/keuzehulp.access.log",
           error_log: str = "/var/log/nginx/keuzehulp.error.log") -> str:
    """The site file; `address` ("127.0.0.1" or "") binds the listeners to one address."""
    if not NAME.match(public_name):
        raise ValueError(f"not a host name: {public_name!r}")
    if not ports:
        raise ValueError("at least one app port")
    bind = f"{address}:" if address else ""
    values = {
        "PUBLIC_NAME": public_name,
        "UPSTREAM_SERVERS": "\n".join(
            f"    server {upstream_host}:{port} max_fails=1 fail_timeout=10s;" for port in ports),
        "HTTPS_LISTEN": f"{bind}{https_port}",
        "HTTP_LISTEN": f"{bind}{http_port}",
        "HTTPS_PORT_SUFFIX": "" if https_port == 443 else f":{https_port}",
        "TLS_CERT": cert,
        "TLS_KEY": key,
        "ERROR_ROOT": str(error_root),
        "ACCESS_LOG": access_log,
        "ERROR_LOG": error_log,
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    left = re.findall(r"\{\{\w+\}\}", text)
    if left:
        raise ValueError(f"placeholders without a value: {left}")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--public-name", required=True, help="the name users type, e.g. keuzehulp.gemeente.nl")
    parser.add_argument("--ports", required=True, help="app ports, comma-separated (one process per core)")
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--https-port", type=int, default=443)
    parser.add_argument("--http-port", type=int, default=80)
    parser.add_argument("--error-root", default="/opt/keuzehulp/deploy/nginx/html")
    args = parser.parse_args(argv)
    try:
        ports = [int(p) for p in args.ports.split(",") if p.strip()]
        sys.stdout.write(render(args.public_name, ports, args.cert, args.key, https_port=args.https_port,
                                http_port=args.http_port, error_root=args.error_root))
    except ValueError as exc:
        print(f"render_nginx: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
