"""Offline check of the locked dependencies against known vulnerabilities.

Reads pip-style requirement files (a hash-locked file from pip-compile, or requirements.txt with
`name==version` pins; `-r`/`-c` includes are followed) and looks every pinned version up in
security/osv-pypi.json, a snapshot of OSV advisories for PyPI kept in the repository (built by
tools/osv_snapshot.py). No network: it runs in CI and on any machine. The snapshot is only as new
as its last refresh ("source" and "built" in the file); `make audit` adds pip-audit against the
live databases where a network exists. See SECURITY.md.

    python tools/vulncheck.py                       # requirements.lock (else requirements.txt)
    python tools/vulncheck.py requirements-dev.lock requirements.txt --db security/osv-pypi.json

Exit 0: no known vulnerability; 1: a locked version is affected (each advisory is named);
2: a file cannot be read, or a requirement is not pinned to one version (nothing to check).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "security" / "osv-pypi.json"
DEFAULT_FILES = ("requirements.lock", "requirements.txt")  # the first that exists


class RequirementsError(ValueError):
    """A requirement file that cannot be checked (Dutch message naming file and line)."""


@dataclass(frozen=True)
class Pin:
    name: str  # canonical (PEP 503)
    version: str
    where: str  # file:line


@dataclass(frozen=True)
class Finding:
    pin: Pin
    advisory: str
    aliases: tuple[str, ...]
    summary: str


def _logical_lines(path: Path) -> list[tuple[int, str]]:
    """Lines with backslash continuations joined and comments removed, with their first line number."""
    out: list[tuple[int, str]] = []
    buffer, start = "", 0
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split(" #", 1)[0] if not raw.lstrip().startswith("#") else ""
        if not buffer:
            start = number
        if line.rstrip().endswith("\\"):
            buffer += line.rstrip()[:-1] + " "
            continue
        buffer += line
        if buffer.strip():
            out.append((start, buffer.strip()))
        buffer = ""
    if buffer.strip():
        out.append((start, buffer.strip()))
    return out


def read_pins(path: Path, seen: set[Path] | None = None) -> list[Pin]:
    """Every `name==version` in a requirement file and the files it includes."""
    seen = set() if seen is None else seen
    path = path.resolve()
    if path in seen:
        return []
    seen.add(path)
    try:
        lines = _logical_lines(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise RequirementsError(f"{path}: kan het bestand niet lezen ({exc.__class__.__name__})") from None
    pins: list[Pin] = []
    for number, line in lines:
        where = f"{path.name}:{number}"
        words = line.split()
        if words[0] in ("-r", "--requirement", "-c", "--constraint") and len(words) > 1:
            pins += read_pins(path.parent / words[1], seen)
            continue
        if words[0].startswith(("-r", "-c")) and words[0][:2] in ("-r", "-c") and len(words[0]) > 2:
            pins += read_pins(path.parent / words[0][2:], seen)
            continue
        if line.startswith("-"):
            continue  # --hash on its own line, --index-url, --require-hashes, ...
        spec = " ".join(w for w in words if not w.startswith("--hash"))
        try:
            requirement = Requirement(spec)
        except InvalidRequirement:
            raise RequirementsError(f"{where}: geen geldige eis: {spec[:80]!r}") from None
        exact = [s for s in requirement.specifier if s.operator in ("==", "===") and "*" not in s.version]
        if len(exact) != 1 or len(requirement.specifier) != 1:
            raise RequirementsError(f"{where}: {requirement.name} staat niet vast op één versie "
                                    f"({requirement.specifier or 'geen versie'}); zet er ==versie bij")
        pins.append(Pin(canonicalize_name(requirement.name), exact[0].version, where))
    return pins


def _in_range(version: Version, events: list[dict[str, str]]) -> bool:
    """OSV ECOSYSTEM range: introduced <= version < fixed (or <= last_affected), per pair."""
    affected = False
    for event in events:
        ((kind, value),) = event.items()
        try:
            bound = Version(value) if value != "0" else None
        except InvalidVersion:
            continue
        if kind == "introduced":
            affected = affected or bound is None or version >= bound
            if bound is not None and version < bound:
                affected = False
        elif kind == "fixed" and bound is not None and version >= bound:
            affected = False
        elif kind == "last_affected" and bound is not None and version > bound:
            affected = False
        elif kind == "limit" and bound is not None and version >= bound:
            affected = False
    return affected


def is_affected(version: str, advisory: dict) -> bool:
    if version in advisory.get("versions", []):
        return True
    try:
        parsed = Version(version)
    except InvalidVersion:
        return False
    for events in advisory.get("ranges", []):
        # Each introduced/fixed pair on its own, in order (a range may hold several pairs).
        pairs: list[list[dict[str, str]]] = []
        for event in events:
            if "introduced" in event or not pairs:
                pairs.append([])
            pairs[-1].append(event)
        if any(_in_range(parsed, pair) for pair in pairs):
            return True
    return False


def load_snapshot(path: Path) -> dict:
    try:
        snapshot = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RequirementsError(f"{path}: kan de momentopname niet lezen ({exc.__class__.__name__})") from None
    if not isinstance(snapshot.get("packages"), dict):
        raise RequirementsError(f"{path}: geen momentopname van tools/osv_snapshot.py (geen 'packages')")
    return snapshot


def check(pins: list[Pin], snapshot: dict) -> list[Finding]:
    findings = []
    for pin in pins:
        for advisory in snapshot["packages"].get(pin.name, []):
            if is_affected(pin.version, advisory):
                findings.append(Finding(pin, advisory["id"], tuple(advisory.get("aliases", [])),
                                        advisory.get("summary", "")))
    return findings


def default_files() -> list[Path]:
    for name in DEFAULT_FILES:
        if (ROOT / name).exists():
            return [ROOT / name]
    return [ROOT / DEFAULT_FILES[-1]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path,
                        help="requirement or lock files (default: requirements.lock, else requirements.txt)")
    parser.add_argument("--db", type=Path, default=SNAPSHOT, help="the snapshot (default: security/osv-pypi.json)")
    args = parser.parse_args(argv)
    files = args.files or default_files()
    try:
        snapshot = load_snapshot(args.db)
        pins = [pin for path in files for pin in read_pins(path)]
    except RequirementsError as exc:
        print(f"vulncheck: {exc}", file=sys.stderr)
        return 2
    unique = sorted({(p.name, p.version): p for p in pins}.values(), key=lambda p: p.name)
    findings = check(unique, snapshot)
    for f in findings:
        aliases = f" ({', '.join(f.aliases)})" if f.aliases else ""
        print(f"{f.pin.name}=={f.pin.version} ({f.pin.where}): {f.advisory}{aliases}: {f.summary}")
    source = f"momentopname {snapshot.get('source', '?')}, gemaakt {snapshot.get('built', '?')}"
    names = ", ".join(str(p) for p in files)
    if findings:
        print(f"vulncheck: {len(findings)} bekende kwetsbaarheden in {names} ({source})", file=sys.stderr)
        return 1
    print(f"vulncheck: {len(unique)} vastgezette pakketten in {names}: geen bekende kwetsbaarheden ({source})",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
