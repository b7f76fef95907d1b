"""The knowledge loader as an editor meets it: every broken page is named by file and line,
typed HTML stays text, and the search finds a word however it is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from keuzehulp.contract.yamlio import ContentError
from keuzehulp.knowledge.base import load_knowledge, render_page
from keuzehulp.knowledge.crossref import Citation, crossref_problems
from keuzehulp.knowledge.pages import parse_page

from tests.fixture_expect import assert_reported, expected_in_tree

# One deliberately broken knowledge tree per error type; each problem is marked where it must be
# reported (tests/fixture_expect.py: `# expect:` in front matter, `<!-- expect: -->` in a body).
BROKEN = Path(__file__).parent / "fixtures" / "knowledge-broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_broken_page_is_reported_as_file_line_message(case):
    expected = expected_in_tree(BROKEN / case, "*.md")
    assert expected, f"fixture {case} marks no expected problem"
    with pytest.raises(ContentError) as caught:
        load_knowledge(BROKEN / case)
    prefix = f"tests/fixtures/knowledge-broken/{case}/"
    problems = caught.value.problems
    assert all(p.file.startswith(prefix) for p in problems), problems
    assert all(str(p).startswith(f"{p.file}:{p.line}: ") for p in problems)  # file:line: message
    assert_reported(problems, expected, file_of=lambda p: p.file.removeprefix(prefix))


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


PAGE = """---
title: "{title}"
kind: {kind}
sources:
  - section: q3
{extra}---
{body}
"""


def page(title: str, body: str, kind: str = "glossary", extra: str = "") -> str:
    return PAGE.format(title=title, kind=kind, body=body, extra=extra)


@pytest.fixture()
def small_kb(tmp_path):
    write(
        tmp_path,
        "glossary/doorbraakbudget.md",
        page(
            "Doorbraakbudget",
            "Geld met weinig bureaucratie. Zie [Dordrecht](knowledge/glossary/dordrecht.md).",
        ),
    )
    write(
        tmp_path,
        "glossary/dordrecht.md",
        page(
            "Dordrecht",
            "Dordrecht reserveerde een doorbraakbudget. De aanpak is geëvalueerd.",
            extra="related:\n  - knowledge/glossary/doorbraakbudget.md\n",
        ),
    )
    write(tmp_path, "glossary/script.md", page("Onveilig", "Hallo <script>alert('x')</script> <b>vet</b>"))
    return load_knowledge(tmp_path)


def test_raw_html_in_a_page_is_shown_as_text_not_run(small_kb):
    html = small_kb.get("knowledge/glossary/script.md").html
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("query", ["doorbraakbudget", "Doorbraakbudget", "DOORBRAAKBUDGET"])
def test_search_ignores_case_and_ranks_title_hits_first(small_kb, query):
    hits = [item.id for item in small_kb.search(query)]
    assert hits == ["knowledge/glossary/doorbraakbudget.md", "knowledge/glossary/dordrecht.md"]


@pytest.mark.parametrize("query", ["geëvalueerd", "geevalueerd", "GEËVALUEERD"])
def test_search_ignores_accents(small_kb, query):
    assert [item.id for item in small_kb.search(query)] == ["knowledge/glossary/dordrecht.md"]


def test_search_needs_every_word_and_can_filter_on_kind(small_kb):
    assert [i.id for i in small_kb.search("dordrecht geevalueerd")] == ["knowledge/glossary/dordrecht.md"]
    assert small_kb.search("dordrecht fiets") == []
    assert small_kb.search("   ") == []
    assert small_kb.search("doorbraakbudget", kind="element") == []


def test_backlinks_come_from_related_and_from_links(small_kb):
    to_budget = [i.id for i in small_kb.backlinks("knowledge/glossary/doorbraakbudget.md")]
    to_dordrecht = [i.id for i in small_kb.backlinks("knowledge/glossary/dordrecht.md")]
    assert to_budget == ["knowledge/glossary/dordrecht.md"]
    assert to_dordrecht == ["knowledge/glossary/doorbraakbudget.md"]


def test_internal_links_can_be_pointed_at_an_app_address(small_kb):
    item = small_kb.get("knowledge/glossary/doorbraakbudget.md")
    assert 'href="knowledge/glossary/dordrecht.md"' in item.html
    html = render_page(item.body, lambda target: "/kennisbank?pagina=" + target)
    assert 'href="/kennisbank?pagina=knowledge/glossary/dordrecht.md"' in html


def test_lookups_by_contract_id(tmp_path):
    write(tmp_path, "elements/pre-teaching.md", page("Pre-teaching", "Tekst.", "element", "section: q4\n"))
    write(tmp_path, "examples/thematic-curriculum.md", page("Tilburg", "Tekst.", "example"))
    write(tmp_path, "questions/q4.md", page("Vraag 4", "Tekst.", "question", "section: q4\n"))
    write(tmp_path, "tradeoffs/matching.md", page("Matchen", "Tekst.", "question"))
    kb = load_knowledge(tmp_path)
    assert kb.element("pre-teaching").title == "Pre-teaching"
    assert kb.example("thematic-curriculum").title == "Tilburg"
    assert kb.question("q4").title == "Vraag 4"
    assert kb.decision("matching").title == "Matchen"
    assert [i.id for i in kb.by_kind("question")] == [
        "knowledge/questions/q4.md",
        "knowledge/tradeoffs/matching.md",
    ]
    with pytest.raises(KeyError):
        kb.element("aftercare")


def test_a_readme_is_documentation_not_a_page(tmp_path):
    write(tmp_path, "README.md", "# Uitleg voor redacteuren, zonder front matter")
    assert load_knowledge(tmp_path).items == {}


def citation(kind: str, ref: str) -> Citation:
    return Citation(file="rules/q3.yaml", line=7, rule="q3-budget", kind=kind, ref=ref)


def test_crossref_reports_what_rules_cite_but_knowledge_lacks(small_kb):
    problems = crossref_problems(
        [
            citation("element", "breakthrough-budget"),
            citation("example", "breakthrough-budget-dordrecht"),
            citation("decision", "matching"),
            citation("source", "q3"),
            citation("source", "knowledge/sources/nergens.md"),
            citation("source", "knowledge/glossary/dordrecht.md"),
        ],
        small_kb,
    )
    from_rules = [str(p) for p in problems if p.file == "rules/q3.yaml"]
    assert from_rules == [
        "rules/q3.yaml:7: rule 'q3-budget': element 'breakthrough-budget' has no page knowledge/elements/breakthrough-budget.md",
        "rules/q3.yaml:7: rule 'q3-budget': example 'breakthrough-budget-dordrecht' has no page "
        "knowledge/examples/breakthrough-budget-dordrecht.md",
        "rules/q3.yaml:7: rule 'q3-budget': decision 'matching' has no page knowledge/tradeoffs/matching.md",
        "rules/q3.yaml:7: rule 'q3-budget': source 'knowledge/sources/nergens.md' is not q1..q5 or a knowledge page",
        "rules/q3.yaml:7: rule 'q3-budget': source 'knowledge/glossary/dordrecht.md' is a glossary page, "
        "not a source or fact",
    ]
    missing = {p.file for p in problems if p.message.startswith("page missing")}
    assert "knowledge/questions/q1.md" in missing and "knowledge/elements/aftercare.md" in missing


def test_crossref_reports_an_element_page_no_rule_cites(tmp_path):
    write(tmp_path, "elements/pre-teaching.md", page("Pre-teaching", "Tekst.", "element", "section: q4\n"))
    write(tmp_path, "elements/aftercare.md", page("Nazorg", "Tekst.", "element", "section: q5\n"))
    kb = load_knowledge(tmp_path)
    problems = crossref_problems([citation("element", "pre-teaching")], kb)
    uncited = [str(p) for p in problems if "cited by no rule" in p.message]
    assert uncited == ["knowledge/elements/aftercare.md:1: element page is cited by no rule"]


FRONT_PIECES = st.sampled_from(
    ["---", "title: x", "kind: glossary", "kind: [", "sources:", "  - section: q9", "  - ref: 3", "related: 5",
     "  - title: a", "    url: b", "    as_of: gisteren", "title: x", ": :", "- -", "\t", "[link](knowledge/x.md)", ""]
)  # fmt: skip


@given(st.lists(FRONT_PIECES | st.text(max_size=20), max_size=12))
@settings(max_examples=300, deadline=None)
def test_any_page_text_gives_a_page_or_problems_never_a_crash(lines):
    page, problems = parse_page("knowledge/glossary/x.md", "knowledge/glossary/x.md", "\n".join(lines))
    assert (page is None) == bool(problems)
    assert all(p.line >= 1 for p in problems)


def test_a_page_saved_with_a_byte_order_mark_still_loads(tmp_path):
    path = tmp_path / "glossary" / "map.md"
    path.parent.mkdir()
    path.write_bytes("\ufeff".encode() + page("MAP", "Tekst.").encode())
    assert load_knowledge(tmp_path).get("knowledge/glossary/map.md").title == "MAP"
