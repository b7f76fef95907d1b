"""The code's own layout rules, checked on the source: the engine never imports Streamlit,
the engine's modules never import each other in a circle, and no feature hides behind an
`except ImportError` (a missing dependency must fail loudly, not quietly drop a download)."""

from __future__ import annotations

import ast
import re
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


def test_only_the_adapter_reaches_into_streamlits_internals() -> None:
    """Our code uses Streamlit's public API (`import streamlit as st`); what leans on its
    internals lives in ui/kit/streamlit_adapter.py, the one module to read on an upgrade."""
    files = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py")),
             *sorted(ENGINE.rglob("*.py"))]
    inside = {path.relative_to(ROOT).as_posix(): sorted(m for m in _imports(path) if m.startswith("streamlit."))
              for path in files}
    assert [path for path, names in inside.items() if names] == ["ui/kit/streamlit_adapter.py"], inside
    assert "streamlit.runtime.pages_manager" in inside["ui/kit/streamlit_adapter.py"]


# `data-testid`, or a Streamlit component id such as stSidebar, stMainBlockContainer,
# stBaseButton-primary or the class stMarkdownEllipsis (ours are `.st-key-<key>`).
STREAMLIT_TEST_ID = re.compile(r"data-testid|\bst[A-Z][A-Za-z]+")


def streamlit_test_ids(text: str) -> list[str]:
    return sorted(set(STREAMLIT_TEST_ID.findall(text)))


def test_only_the_adapter_knows_streamlits_test_ids() -> None:
    """CSS and scripts that find Streamlit's parts by their test ids break when an upgrade
    renames one; they live in ui/kit/streamlit_adapter.py, and the pages call its functions with
    their own keys (tests and bench/ drive a browser and may use test ids)."""
    files = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py")),
             *sorted(ENGINE.rglob("*.py"))]
    found = {path.relative_to(ROOT).as_posix(): streamlit_test_ids(path.read_text(encoding="utf-8"))
             for path in files}
    assert [path for path, ids in found.items() if ids] == ["ui/kit/streamlit_adapter.py"], found
    assert {"data-testid", "stSidebar", "stMainBlockContainer", "stVegaLiteChart", "stApp"} <= set(
        found["ui/kit/streamlit_adapter.py"])


def test_the_test_id_check_tells_ours_from_streamlits() -> None:
    """The check above can fail on a test id, and leaves our own keys alone."""
    assert streamlit_test_ids("""[data-testid="stSidebar"] { display: none; }""") == ["data-testid", "stSidebar"]
    assert streamlit_test_ids("[data-testid='stCheckbox'] .stMarkdownEllipsis p") == [
        "data-testid", "stCheckbox", "stMarkdownEllipsis"]
    assert streamlit_test_ids(".st-key-slide-nav button p, .st-key-stemmen h1 { st.html }") == []


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


# --- docs/ARCHITECTURE.md stays true -----------------------------------------------------------

DOC = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = DOC.index(f"## {title}")
    end = DOC.find("\n## ", start + 3)
    return DOC[start:] if end < 0 else DOC[start:end]


def test_the_layout_map_names_every_module_and_only_paths_that_exist() -> None:
    layout = _section("Layout")
    words = set(re_words(layout))
    missing = []
    for folder in ("keuzehulp", "ui"):
        for path in sorted((ROOT / folder).iterdir()):
            if path.name.startswith(("_", ".")):
                continue
            if path.suffix == ".py" and path.name not in words:
                missing.append(f"{folder}/{path.name}")
            elif path.is_dir() and (path / "__init__.py").exists() and f"{path.name}/" not in layout:
                missing.append(f"{folder}/{path.name}/")
    assert missing == [], "add these to the layout map in docs/ARCHITECTURE.md"


def re_words(text: str) -> list[str]:
    return re.findall(r"[\w.]+\.py", text)


def test_every_file_the_walk_throughs_name_exists() -> None:
    import re

    for title in ("How to add a question", "How to add a report format"):
        for path in re.findall(r"`((?:keuzehulp|ui|texts|rules|tests|docs)/[\w./*]+)`", _section(title)):
            if "*" not in path:
                assert (ROOT / path).exists(), f"{title}: {path}"


def test_the_question_walk_through_is_a_complete_declaration(tmp_path: Path, monkeypatch) -> None:
    """Its schema step plus its YAML snippet pass `check`; without the flips they do not."""
    import re

    import pytest
    import yaml
    from keuzehulp.contract import fields
    from keuzehulp.contract.yamlio import ContentError

    section = _section("How to add a question")
    block = re.search(r"\n( *)```yaml\n(.*?)\n *```", section, re.S)
    indent = len(block.group(1))  # the snippet sits in a numbered list item
    snippet = "\n".join(line[indent:] for line in block.group(2).splitlines()) + "\n"
    (name, entry), = yaml.safe_load(snippet).items()
    assert set(re.findall(r"`(\w+)`", section.split("`widget` is one of")[1].split("must fit")[0])) == set(
        fields.WIDGETS_ALL)
    types = {**fields.field_types(), name: fields.FieldType(name, "bool", (True, False))}
    monkeypatch.setattr(fields, "field_types", lambda: types)
    real = fields.FIELDS_PATH.read_text(encoding="utf-8")
    (tmp_path / "fields.yaml").write_text(real + snippet, encoding="utf-8")
    assert name in fields.load_fields(tmp_path / "fields.yaml").fields
    without_flips = snippet.split("    flips:")[0]
    (tmp_path / "fields.yaml").write_text(real + without_flips, encoding="utf-8")
    with pytest.raises(ContentError, match="no phrase for 'true'"):
        fields.load_fields(tmp_path / "fields.yaml")


def test_the_report_format_walk_through_matches_the_registry() -> None:
    import dataclasses

    from keuzehulp.report import Format

    section = _section("How to add a report format")
    for field in dataclasses.fields(Format):
        assert field.name in section, field.name
