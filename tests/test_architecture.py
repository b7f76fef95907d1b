"""The code's own layout rules, checked on the source: the engine never imports Streamlit,
the engine's modules never import each other in a circle, and no feature hides behind an
`except ImportError` (a missing dependency must fail loudly, not quietly drop a download)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "keuzehulp"
APP_FILES = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py"))]
MAX_LINES = 400


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
    return {_module_name(p): p for p in sorted(ENGINE.rglob("*.py")) if "migrations" not in p.parts}


def _app_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted((ROOT / "ui").rglob("*.py"))}


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
    assert [path for path, names in inside.items() if names] == [ADAPTER], inside
    assert "streamlit.runtime.pages_manager" in inside[ADAPTER]


ADAPTER = "ui/kit/streamlit_adapter.py"
LAYOUT = "ui/kit/streamlit_layout.py"  # the adapter's CSS and scripts on test ids, re-exported by it

# `data-testid`, or a Streamlit component id such as stSidebar, stMainBlockContainer,
# stBaseButton-primary or the class stMarkdownEllipsis (ours are `.st-key-<key>`).
STREAMLIT_TEST_ID = re.compile(r"data-testid|\bst[A-Z][A-Za-z]+")


def streamlit_test_ids(text: str) -> list[str]:
    return sorted(set(STREAMLIT_TEST_ID.findall(text)))


def test_only_the_adapter_knows_streamlits_test_ids() -> None:
    """CSS and scripts that find Streamlit's parts by their test ids break when an upgrade
    renames one; they live in the adapter (ui/kit/streamlit_adapter.py and its section on the
    page structure, ui/kit/streamlit_layout.py), and the pages call its functions with
    their own keys (tests and bench/ drive a browser and may use test ids)."""
    files = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py")),
             *sorted(ENGINE.rglob("*.py"))]
    found = {path.relative_to(ROOT).as_posix(): streamlit_test_ids(path.read_text(encoding="utf-8"))
             for path in files}
    assert [path for path, ids in found.items() if ids] == [ADAPTER, LAYOUT], found
    assert {"data-testid", "stSidebar", "stMainBlockContainer", "stVegaLiteChart", "stApp"} <= set(
        found[ADAPTER] + found[LAYOUT])


def test_the_test_id_check_tells_ours_from_streamlits() -> None:
    """The check above can fail on a test id, and leaves our own keys alone."""
    assert streamlit_test_ids("""[data-testid="stSidebar"] { display: none; }""") == ["data-testid", "stSidebar"]
    assert streamlit_test_ids("[data-testid='stCheckbox'] .stMarkdownEllipsis p") == [
        "data-testid", "stCheckbox", "stMarkdownEllipsis"]
    assert streamlit_test_ids(".st-key-slide-nav button p, .st-key-stemmen h1 { st.html }") == []


def test_no_import_cycles_inside_the_engine() -> None:
    assert import_cycles(_engine_modules()) == []


def test_no_import_cycles_inside_the_app_layer() -> None:
    assert import_cycles(_app_modules()) == []


# --- wings: packages by domain that depend one way (docs/ARCHITECTURE.md, "Wings") ----------


def wing_ranks(doc: str) -> dict[str, int]:
    """The wing table of docs/ARCHITECTURE.md: `package  rank` per line in the ```wings block."""
    block = re.search(r"```wings\n(.*?)\n```", doc, re.S)
    assert block, "docs/ARCHITECTURE.md has no ```wings block"
    ranks = {}
    for line in block.group(1).splitlines():
        name, rank, *_ = line.split()
        ranks[name] = int(rank)
    return ranks


def wing_of(module: str, ranks: dict[str, int]) -> str | None:
    parts = module.split(".")
    for i in range(len(parts), 0, -1):
        if ".".join(parts[:i]) in ranks:
            return ".".join(parts[:i])
    return None


def wrong_way_imports(modules: dict[str, Path], ranks: dict[str, int], root: Path = ROOT) -> list[str]:
    """Every import (also inside functions and under TYPE_CHECKING) from a module to a wing that
    is not below its own: a wing imports itself and the wings of lower rank only."""
    wrong = []
    for name, path in modules.items():
        own = wing_of(name, ranks)
        assert own is not None, f"{name} is in no wing of docs/ARCHITECTURE.md"
        for target in sorted(_imports(path, root=root)):
            other = wing_of(target, ranks)
            if other is None or other == own or target == other and own.startswith(other + "."):
                continue  # outside our code, the own wing, or a wing importing its parent package name
            if ranks[other] >= ranks[own]:
                wrong.append(f"{name} ({own}, {ranks[own]}) imports {target} ({other}, {ranks[other]})")
    return wrong


def test_wings_depend_one_way_from_the_ui_down_to_the_contract() -> None:
    ranks = wing_ranks(DOC)
    assert wrong_way_imports({**_engine_modules(), **_app_modules()}, ranks) == []


def test_every_package_is_a_wing_of_the_table_with_a_docstring_saying_what_it_may_import() -> None:
    ranks = wing_ranks(DOC)
    packages = sorted(p.parent for p in [*ENGINE.rglob("__init__.py"), *(ROOT / "ui").rglob("__init__.py")]
                      if "migrations" not in p.parts)
    for package in packages:
        name = _module_name(package / "__init__.py")
        if name in ("keuzehulp", "ui"):
            continue
        assert name in ranks, f"{name}: add it to the wings table in docs/ARCHITECTURE.md"
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert len(doc) > 80 and "import" in doc.lower(), f"{name}/__init__.py: say what the wing owns and may import"


def test_the_wing_check_finds_an_import_the_wrong_way(tmp_path: Path) -> None:
    """The check above can fail: a lower wing importing a higher one is reported; downwards
    and inside a wing is fine."""
    for wing in ("low", "high"):
        (tmp_path / "pkg" / wing).mkdir(parents=True)
        (tmp_path / "pkg" / wing / "__init__.py").write_text("")
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "high" / "a.py").write_text("from pkg.low import b\nfrom . import c\n")
    (tmp_path / "pkg" / "high" / "c.py").write_text("")
    (tmp_path / "pkg" / "low" / "b.py").write_text("def f():\n    from pkg.high.a import x\n")
    modules = {_module_name(p, tmp_path): p for p in (tmp_path / "pkg").rglob("*.py")}
    ranks = {"pkg": 9, "pkg.low": 0, "pkg.high": 1}
    assert wrong_way_imports(modules, ranks, root=tmp_path) == [
        "pkg.low.b (pkg.low, 0) imports pkg.high.a (pkg.high, 1)",
        "pkg.low.b (pkg.low, 0) imports pkg.high.a.x (pkg.high, 1)"]


def test_no_module_over_400_lines() -> None:
    long = {p.relative_to(ROOT).as_posix(): n for p in [*ENGINE.rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, "split these by concept"


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
        for path in sorted((ROOT / folder).rglob("*")):
            if path.name.startswith(("_", ".")) or "migrations" in path.parts or "fonts" in path.parts:
                continue
            if path.suffix == ".py" and path.name not in words:
                missing.append(path.relative_to(ROOT).as_posix())
            elif path.is_dir() and (path / "__init__.py").exists() and f"{path.name}/" not in layout:
                missing.append(path.relative_to(ROOT).as_posix() + "/")
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
