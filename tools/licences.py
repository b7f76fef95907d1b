"""The runtime dependencies with their licences, as docs/AFHANKELIJKHEDEN.md, generated from the
lock (requirements.lock: every package at the exact version `make run` installs), not from
whatever happens to be installed. The licence is read from the installed package's metadata;
`make run`/`make test` install exactly the locked versions, and a package installed at another
version than the lock names is an error.

Run: .venv/bin/python tools/licences.py          (writes the file)
     .venv/bin/python tools/licences.py --check  (exit 1 when the file is out of date)
tests/test_public_sector.py fails when the file no longer matches the lock.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
OUTPUT = ROOT / "docs" / "AFHANKELIJKHEDEN.md"

# Classifier -> SPDX id, for packages that name their licence only in a classifier.
CLASSIFIERS = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: BSD License": "BSD",
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: Python Software Foundation License": "PSF-2.0",
    "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0",
    "License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)": "LGPL-3.0-or-later",
    "License :: OSI Approved :: ISC License (ISCL)": "ISC",
}


def licence(dist: metadata.Distribution) -> str:
    """SPDX expression if the package gives one, else its licence field when short, else its
    licence classifiers."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 60 and field.upper() != "UNKNOWN":
        return field
    classified = [CLASSIFIERS.get(c, c.rsplit("::", 1)[-1].strip())
                  for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classified:
        return " OR ".join(dict.fromkeys(classified))
    return "onbekend (zie het pakket)"


@dataclass
class Locked:
    """One package of the lock: its name as written, exact version, environment marker and the
    packages (or requirements file) that need it (uv's `# via` lines)."""
    name: str
    version: str
    marker: str = ""
    via: list[str] = field(default_factory=list)


_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def read_lock(path: Path = LOCK) -> list[Locked]:
    """The pins of a lock written by `uv pip compile --generate-hashes` (make lock)."""
    packages: list[Locked] = []
    in_via = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        match = _PIN.match(line) if not raw.startswith((" ", "#")) else None
        if match:
            packages.append(Locked(match[1], match[3], (match[4] or "").strip()))
            in_via = False
        elif packages and line.startswith("# via"):
            rest = line[len("# via"):].strip()
            in_via = not rest
            if rest:
                packages[-1].via.append(rest)
        elif packages and in_via and line.startswith("#"):
            packages[-1].via.append(line.lstrip("#").strip())
        else:
            in_via = False
    return packages


def _applies(marker: str) -> bool:
    return not marker or Marker(marker).evaluate()


def render(lock: Path = LOCK) -> str:
    rows = []
    for pkg in sorted(read_lock(lock), key=lambda p: (canonicalize_name(p.name), p.version)):
        try:
            dist = metadata.distribution(pkg.name)
        except metadata.PackageNotFoundError:
            dist = None
        if _applies(pkg.marker):
            if dist is None or dist.version != pkg.version:
                found = dist.version if dist else "not installed"
                raise SystemExit(f"{pkg.name}: the lock says {pkg.version}, installed is {found}: "
                                 "run make run (or pip install --require-hashes -r requirements.lock)")
        via = ", ".join(v.removeprefix("-r ") for v in pkg.via if not v.startswith("-c ")) or "requirements.txt"
        if pkg.marker:
            via += f" (alleen als {pkg.marker})"
        name = dist.metadata["Name"] if dist else pkg.name
        rows.append(f"| {name} | {pkg.version} | {licence(dist) if dist else 'zie het pakket'} | {via} |")
    return "\n".join([
        "# Afhankelijkheden en hun licenties",
        "",
        "De pakketten die de keuzehulp nodig heeft om te draaien: wat in `requirements.txt` staat en",
        "alles wat die pakketten zelf weer nodig hebben, precies zoals `requirements.lock` ze vastlegt",
        "(elke versie met hashes; `make run` installeert niets anders). De licentie komt uit de",
        "gegevens van het geïnstalleerde pakket. De keuzehulp zelf valt onder de EUPL-1.2 (zie `LICENSE`).",
        "",
        "Dit bestand wordt gemaakt, niet met de hand bijgehouden: `make lock` (of",
        "`.venv/bin/python tools/licences.py`). `tests/test_public_sector.py` faalt als het niet meer",
        "klopt met `requirements.lock`. De hulpmiddelen voor tests (`requirements-dev.lock`) draaien",
        "niet mee met de app en staan hier niet.",
        "",
        "| pakket | versie | licentie | nodig voor |",
        "|---|---|---|---|",
        *rows,
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run make lock (or tools/licences.py)",
                  file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
