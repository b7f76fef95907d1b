"""The runtime dependencies (requirements.txt and everything they pull in) with their licences,
read from the installed packages' metadata, as docs/AFHANKELIJKHEDEN.md.

Run: .venv/bin/python tools/licences.py          (writes the file)
     .venv/bin/python tools/licences.py --check  (exit 1 when the file is out of date)
tests/test_public_sector.py fails when the file no longer matches requirements.txt.
"""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements.txt"
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


def top_level() -> list[Requirement]:
    """The requirements named in requirements.txt (comments and options skipped)."""
    out = []
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            out.append(Requirement(line))
    return out


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


def closure() -> dict[str, tuple[metadata.Distribution, set[str]]]:
    """Every installed distribution requirements.txt needs (with the extras asked for), with
    the packages that need it."""
    dists: dict[str, metadata.Distribution] = {}
    parents: dict[str, set[str]] = {}
    extras_done: dict[str, set[str]] = {}
    queue: list[tuple[Requirement, str]] = [(r, "requirements.txt") for r in top_level()]
    while queue:
        req, parent = queue.pop()
        name = canonicalize_name(req.name)
        parents.setdefault(name, set()).add(parent)
        wanted = {""} | set(req.extras)
        if name in dists and wanted <= extras_done[name]:
            continue
        try:
            dist = dists.get(name) or metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{req.name} (needed by {parent}) is not installed: "
                             "pip install -r requirements.txt") from None
        dists[name] = dist
        new = wanted - extras_done.get(name, set())
        extras_done[name] = extras_done.get(name, set()) | wanted
        for text in dist.requires or []:
            child = Requirement(text)
            if child.marker is not None:
                if not any(child.marker.evaluate({"extra": extra}) for extra in new):
                    continue
            elif "" not in new:
                continue  # an unconditional requirement, queued when the package was first seen
            queue.append((child, dist.metadata["Name"]))
    return {name: (dists[name], parents[name]) for name in dists}


def render() -> str:
    rows = []
    direct = {canonicalize_name(r.name) for r in top_level()}
    for name, (dist, parents) in sorted(closure().items()):
        via = "requirements.txt" if name in direct else ", ".join(sorted(p for p in parents if p != "requirements.txt"))
        rows.append(f"| {dist.metadata['Name']} | {dist.version} | {licence(dist)} | {via} |")
    return "\n".join([
        "# Afhankelijkheden en hun licenties",
        "",
        "De pakketten die de keuzehulp nodig heeft om te draaien: wat in `requirements.txt` staat en",
        "alles wat die pakketten zelf weer nodig hebben. Licentie en versie komen uit de gegevens van",
        "de geïnstalleerde pakketten. De keuzehulp zelf valt onder de EUPL-1.2 (zie `LICENSE`).",
        "",
        "Dit bestand wordt gemaakt, niet met de hand bijgehouden: `.venv/bin/python tools/licences.py`.",
        "`tests/test_public_sector.py` faalt als het niet meer klopt met `requirements.txt`.",
        "De hulpmiddelen voor tests (`requirements-dev.txt`) draaien niet mee met de app en staan",
        "hier niet.",
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
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run .venv/bin/python tools/licences.py",
                  file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
