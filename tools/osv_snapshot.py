"""Build security/osv-pypi.json, the vulnerability-database snapshot that tools/vulncheck.py
checks the locked versions against without a network.

The source is OSV data for PyPI (https://osv.dev/, format: https://ossf.github.io/osv-schema/),
in either of two forms:

- a checkout of the PyPA advisory database (https://github.com/pypa/advisory-database): the
  YAML files under vulns/ (PYSEC advisories);
- OSV's export of the whole PyPI ecosystem, a zip of JSON files (PYSEC and GHSA advisories):
  https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip

Only what the check needs is kept: per advisory its id, aliases, a one-line summary and, per
affected PyPI package, the ECOSYSTEM ranges (or the explicit versions when there are no ranges).
Withdrawn advisories are left out.

    python tools/osv_snapshot.py path/to/advisory-database --source "pypa/advisory-database@<commit>"
    python tools/osv_snapshot.py all.zip --source "osv.dev PyPI all.zip of 2027-01-15"

`make audit-snapshot` downloads the zip and runs this (where a network exists). See SECURITY.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import yaml
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "security" / "osv-pypi.json"
SUMMARY_CHARS = 160


def _records(source: Path) -> Iterator[dict]:
    """Every OSV record in a checkout (YAML or JSON files) or a zip of JSON files."""
    if source.is_file() and zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                if name.endswith(".json"):
                    yield json.loads(archive.read(name))
        return
    base = source / "vulns" if (source / "vulns").is_dir() else source
    for path in sorted(base.rglob("*")):
        if path.suffix in (".yaml", ".yml"):
            yield yaml.safe_load(path.read_text(encoding="utf-8"))
        elif path.suffix == ".json":
            yield json.loads(path.read_text(encoding="utf-8"))


def _summary(record: dict) -> str:
    text = (record.get("summary") or record.get("details") or "").strip().split("\n")[0]
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1] + "…"


def _trim(record: dict) -> dict[str, dict] | None:
    """{package: advisory as the check reads it} for the PyPI packages the record affects."""
    if record.get("withdrawn") or not record.get("id"):
        return None
    found: dict[str, dict] = {}
    for affected in record.get("affected") or []:
        package = affected.get("package") or {}
        if package.get("ecosystem") != "PyPI" or not package.get("name"):
            continue
        ranges = [[{k: str(v) for k, v in event.items()} for event in r.get("events") or []]
                  for r in affected.get("ranges") or [] if r.get("type") == "ECOSYSTEM"]
        entry = found.setdefault(canonicalize_name(package["name"]), {
            "id": record["id"], "aliases": sorted(record.get("aliases") or []),
            "summary": _summary(record), "ranges": [], "versions": []})
        entry["ranges"] += ranges
        if not ranges:
            entry["versions"] += [str(v) for v in affected.get("versions") or []]
    return found


def build(source: Path, label: str) -> dict:
    packages: dict[str, dict[str, dict]] = {}
    for record in _records(source):
        for name, entry in (_trim(record) or {}).items():
            known = packages.setdefault(name, {})
            if entry["id"] in known:  # the same advisory twice (YAML and JSON): keep one
                continue
            # An alias already present (a GHSA beside its PYSEC twin): keep the first one.
            if any(entry["id"] in other["aliases"] for other in known.values()):
                continue
            known[entry["id"]] = entry
    return {
        "about": "OSV advisories for PyPI packages, trimmed for tools/vulncheck.py; built by "
                 "tools/osv_snapshot.py. Data: OSV / PyPA advisory database (CC-BY 4.0).",
        "source": label,
        "built": datetime.now(UTC).strftime("%Y-%m-%d"),
        "advisories": sum(len(v) for v in packages.values()),
        "packages": {name: sorted(packages[name].values(), key=lambda e: e["id"])
                     for name in sorted(packages)},
    }


def dumps(snapshot: dict) -> str:
    """JSON with one package per line: small, and a refresh shows as a readable diff."""
    head = {k: v for k, v in snapshot.items() if k != "packages"}
    lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "packages": {']
    items = list(snapshot["packages"].items())
    for i, (name, advisories) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(f" {json.dumps(name)}: {json.dumps(advisories, ensure_ascii=False, sort_keys=True)}{comma}")
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="advisory-database checkout, or OSV's PyPI all.zip")
    parser.add_argument("--source", dest="label", required=True,
                        help="where the data came from and of when (written into the snapshot)")
    parser.add_argument("--out", type=Path, default=SNAPSHOT)
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"osv_snapshot: {args.source} bestaat niet", file=sys.stderr)
        return 2
    snapshot = build(args.source, args.label)
    if not snapshot["packages"]:
        print(f"osv_snapshot: geen OSV-meldingen voor PyPI gevonden in {args.source}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps(snapshot), encoding="utf-8")
    print(f"osv_snapshot: {snapshot['advisories']} meldingen over {len(snapshot['packages'])} pakketten "
          f"naar {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
