"""The code's own layout rules, checked on the source: the engine never imports Streamlit,
the engine's modules never import each other in a circle, and no feature hides behind an
`except ImportError` (a missing dependency must fail loudly, not quietly drop a download)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "keuzehulp"
APP_FILES = [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "pages").glob("*.py"))]


def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node: ast.Import | ast.ImportFrom, path: Path, root: Path) -> set[str]:
    """Absolute names one import statement brings in (module and module.name)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    module = node.module or ""
    if node.level:
        own = _module_name(path, root).split(".")
        package = own if path.name == "__init__.py" else own[:-1]
        base = package[: len(package) - node.level + 1]
        module = ".".join([*base, node.module] if node.module else base)
    return {module, *(f"{module}.{alias.name}" for alias in node.names)}


def _imports(path: Path, *, at_run_time: bool = False, root: Path = ROOT) -> set[str]:
    """Every module this file imports (also inside functions); `at_run_time` leaves out the
    imports under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if at_run_time:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
                skipped |= {id(inner) for stmt in node.body for inner in ast.walk(stmt)}
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in skipped:
            names |= _resolve(node, path, root)
    return names


def _engine_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ENGINE.rglob("*.py"))}


def import_cycles(modules: dict[str, Path], root: Path = ROOT) -> list[list[str]]:
    """Loops of run-time imports among `modules` (a package importing its own submodules to
    hand names on is no loop; a submodule importing its package back is)."""
    graph = {
        name: sorted(m for m in _imports(path, at_run_time=True, root=root)
                     if m in modules and m != name and not m.startswith(name + "."))
        for name, path in modules.items()
    }
    cycles: list[list[str]] = []
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        for nxt in graph[node]:
            if nxt in trail:
                cycles.append([*trail[trail.index(nxt):], nxt])
            elif nxt not in done:
                visit(nxt, [*trail, nxt])
        done.add(node)

    for start in graph:
        if start not in done:
            visit(start, [start])
    return cycles


def test_the_engine_never_imports_streamlit() -> None:
    offenders = {name: sorted(i for i in _imports(path) if i.split(".")[0] == "streamlit")
                 for name, path in _engine_modules().items()}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_import_cycles_inside_the_engine() -> None:
    assert import_cycles(_engine_modules()) == []


def test_the_cycle_finder_finds_a_cycle(tmp_path: Path) -> None:
    """The check above can fail: two modules that import each other are reported."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text("from .b import thing\n")
    (package / "b.py").write_text("def thing(): ...\n\ndef later():\n    from . import a\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import x\n")
    modules = {f"pkg.{p.stem}": p for p in package.glob("*.py")}
    cycles = import_cycles(modules, root=tmp_path)
    assert [sorted(set(c)) for c in cycles] == [["pkg.a", "pkg.b"]]


def test_a_missing_dependency_fails_loudly() -> None:
    """No `except ImportError` (or ModuleNotFoundError) in the engine or the app."""
    found = []
    for path in [*sorted(ENGINE.rglob("*.py")), *APP_FILES]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                caught = ast.unparse(node.type)
                if "ImportError" in caught or "ModuleNotFoundError" in caught:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
