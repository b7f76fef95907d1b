"""The locked build (issue 21): requirements*.txt are the inputs people edit, requirements*.lock
pin every package, direct and transitive, at one version with hashes, and `make run`/`make test`
install only those (pip --require-hashes). These tests fail when the inputs and the locks
disagree, so a pin changed by hand without `make lock` cannot reach main."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from licences import read_lock  # noqa: E402

LOCKS = {"requirements.txt": "requirements.lock", "requirements-dev.txt": "requirements-dev.lock"}
# make audit's own tool (pip-audit), installed only by that target: locked the same way.
ALL_LOCKS = {**LOCKS, "requirements-audit.txt": "requirements-audit.lock"}


def _inputs(name: str) -> list[Requirement]:
    out = []
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            out += _inputs(line.split(None, 1)[1])
        elif line and not line.startswith("-"):
            out.append(Requirement(line))
    return out


def _applies(marker: str, extras: frozenset[str] = frozenset()) -> bool:
    if not marker:
        return True
    return any(Marker(marker).evaluate({"extra": e}) for e in (extras or {""}))


def _pins(lock: str) -> dict[str, str]:
    """name -> version of the lock's entries that apply to this interpreter."""
    return {canonicalize_name(p.name): p.version for p in read_lock(ROOT / lock) if _applies(p.marker)}


@pytest.mark.parametrize("inputs", sorted(ALL_LOCKS))
def test_every_input_is_pinned_exactly_and_locked_at_that_version(inputs):
    pins = _pins(ALL_LOCKS[inputs])
    for req in _inputs(inputs):
        versions = [s.version for s in req.specifier if s.operator == "=="]
        assert versions, f"{inputs}: {req} is not pinned with =="
        assert pins.get(canonicalize_name(req.name)) == versions[0], (
            f"{inputs} asks {req} but {ALL_LOCKS[inputs]} has {pins.get(canonicalize_name(req.name))}: run make lock")


@pytest.mark.parametrize("lock", sorted(ALL_LOCKS.values()))
def test_every_locked_package_has_hashes(lock):
    text = (ROOT / lock).read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n") if b and not b.startswith((" ", "#"))]
    assert len(blocks) == len(read_lock(ROOT / lock)) > 10
    current = None
    hashed: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith((" ", "#")):
            current = line.split("==", 1)[0]
            hashed[current] = 0
        elif current and line.strip().startswith("--hash=sha256:"):
            hashed[current] += 1
    assert hashed and all(hashed.values()), [n for n, c in hashed.items() if not c]


def test_runtime_and_test_locks_agree():
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    assert {n: v for n, v in dev.items() if n in runtime} == runtime
    audit = _pins("requirements-audit.lock")  # pip-audit installs beside the app: the same versions
    assert {n: v for n, v in audit.items() if n in runtime} == {n: v for n, v in runtime.items() if n in audit}


@pytest.mark.parametrize("lock", sorted(LOCKS.values()))
def test_lock_is_closed_under_the_packages_own_requirements(lock):
    """Every requirement of every locked package (for this interpreter) is itself in the lock,
    at a version its parent accepts: a lock made by hand or from stale inputs misses one."""
    pins = _pins(lock)
    extras: dict[str, set[str]] = {}
    for req in _inputs(next(i for i, lk in LOCKS.items() if lk == lock)):
        extras.setdefault(canonicalize_name(req.name), set()).update(req.extras)
    missing = []
    for name in sorted(pins):
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            pytest.fail(f"{name} is locked but not installed: make test installs the lock")
        for text in dist.requires or []:
            child = Requirement(text)
            if child.marker and not _applies(str(child.marker), frozenset(extras.get(name, set()))):
                continue
            got = pins.get(canonicalize_name(child.name))
            if got is None or (child.specifier and not child.specifier.contains(got, prereleases=True)):
                missing.append(f"{name} needs {child}, lock has {got}")
    assert not missing, missing


def test_installed_packages_are_the_locked_versions():
    """make test installs requirements-dev.lock with --require-hashes: what runs is what is locked."""
    wrong = []
    for name, version in _pins("requirements-dev.lock").items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong.append(f"{name}: locked {version}, installed {installed}")
    assert not wrong, wrong


def test_every_install_path_uses_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes" in makefile and "-r requirements.lock" in makefile
    assert "-r requirements-dev.lock" in makefile
    installs = [line for line in makefile.splitlines() if "pip install" in line or "PIP_INSTALL)" in line]
    assert not [line for line in installs if "requirements" in line and ".lock" not in line], installs
    assert any("-r requirements-audit.lock" in line for line in installs)  # make audit, audit-offline
    container = (ROOT / "deploy" / "Containerfile").read_text(encoding="utf-8")
    assert "--require-hashes" in container and "requirements.lock" in container
    for doc in ("README.md", "docs/HOSTING.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        installs = [ln for ln in text.splitlines() if "pip install" in ln]
        assert installs and all("--require-hashes" in ln for ln in installs), (doc, installs)
