"""Facts go out of date. Every fact page says when its facts were last checked (`checked:`);
`python -m keuzehulp check` warns, but still passes, when that is more than 12 months ago.
The page "Wat is er veranderd sinds de handreiking (2021)" leads to every fact that changed,
and each page that rested on a changed fact says so and links the fact page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from keuzehulp.knowledge.base import a_year_before, stale_pages
from keuzehulp.rules.register import knowledge_base

ROOT = Path(__file__).resolve().parent.parent
STALE = Path(__file__).parent / "fixtures" / "knowledge-stale"
TODAY = date(2026, 12, 6)
CHANGES = "knowledge/facts/wat-is-er-veranderd.md"

# The facts of 2025-2026 that the handreiking (2021) could not know, each a page of its own.
NEW_FACT_PAGES = [
    "knowledge/facts/wet-inburgering-2021.md",
    "knowledge/sources/kis-monitor-2023.md",
    "knowledge/sources/kamerbrief-uitkomsten-wi2021-2024.md",
    "knowledge/facts/boetes-inburgering.md",
    "knowledge/sources/kamerbrief-voortgang-inburgering-2025.md",
    "knowledge/facts/voorrang-statushouders.md",
    "knowledge/facts/z-route-werkvloer.md",
    "knowledge/facts/instroom-cijfers.md",
]

# A page that rested on a fact that changed -> the fact page it must now link to.
CHANGED_PAGES = {
    "knowledge/facts/taakstelling-huisvesting.md": "knowledge/facts/voorrang-statushouders.md",
    "knowledge/facts/profiel-invullen.md": "knowledge/facts/voorrang-statushouders.md",
    "knowledge/glossary/statushouder.md": "knowledge/facts/voorrang-statushouders.md",
    "knowledge/facts/pip.md": "knowledge/facts/boetes-inburgering.md",
    "knowledge/routes/z-route.md": "knowledge/facts/z-route-werkvloer.md",
}


@pytest.fixture(scope="module")
def kb():
    return knowledge_base()


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "keuzehulp", "check", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


# --- the warning -------------------------------------------------------------------------

def test_a_page_checked_more_than_a_year_ago_gets_a_warning_with_file_and_line() -> None:
    warnings = stale_pages(STALE, today=TODAY)
    by_file = {w.file.rsplit("/", 2)[-2] + "/" + w.file.rsplit("/", 1)[-1]: w for w in warnings}
    assert set(by_file) == {"facts/oud-feit.md", "sources/oude-bron.md"}  # not vers-feit.md
    old = by_file["facts/oud-feit.md"]
    assert old.file == "tests/fixtures/knowledge-stale/facts/oud-feit.md"
    assert old.line == 4  # the line 'checked: 2024-01-15'
    assert "checked: 2024-01-15 is more than 12 months ago" in old.message


@pytest.mark.parametrize(("checked", "today", "warns"), [
    (date(2025, 12, 6), date(2026, 12, 6), False),  # exactly twelve months: still fine
    (date(2025, 12, 5), date(2026, 12, 6), True),   # one day more: warn
    (date(2027, 2, 28), date(2028, 2, 29), False),  # a leap day counts back to 28 February
    (date(2027, 2, 27), date(2028, 2, 29), True),
])
def test_twelve_months_are_counted_from_today(tmp_path: Path, checked: date, today: date, warns: bool) -> None:
    page = tmp_path / "facts" / "feit.md"
    page.parent.mkdir()
    page.write_text(f'---\ntitle: "Feit"\nkind: fact\nchecked: {checked.isoformat()}\nsources:\n'
                    "  - section: q1\n---\nTekst.\n", encoding="utf-8")
    assert bool(stale_pages(tmp_path, today=today)) is warns
    assert a_year_before(today) <= today


def test_check_prints_the_warning_and_still_exits_0(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    shutil.copy(STALE / "facts" / "oud-feit.md", knowledge / "facts" / "oud-feit.md")
    result = run_check("--knowledge", str(knowledge))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "oud-feit.md:4: warning: checked: 2024-01-15 is more than 12 months ago" in result.stdout
    assert "Alles in orde:" in result.stdout
    assert "Let op: 1 pagina is meer dan 12 maanden niet gecontroleerd" in result.stdout


def test_a_fact_page_without_checked_fails_check_with_file_and_line(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    page = knowledge / "facts" / "termijn.md"
    page.write_text("\n".join(line for line in page.read_text(encoding="utf-8").splitlines()
                              if not line.startswith("checked:")) + "\n", encoding="utf-8")
    result = run_check("--knowledge", str(knowledge))
    assert result.returncode == 1
    assert "facts/termijn.md:3: checked: a fact page says when its facts were last checked" in result.stdout


# --- the real knowledge base ---------------------------------------------------------------

def test_every_fact_page_says_when_it_was_checked_and_not_in_the_future(kb) -> None:
    facts = kb.by_kind("fact")
    assert facts
    assert all(item.checked is not None for item in facts)
    assert [item.id for item in facts if item.checked > date.today()] == []


def test_the_changes_page_is_a_dated_fact_page_that_links_every_new_fact(kb) -> None:
    page = kb.get(CHANGES)
    assert page is not None and page.kind == "fact" and page.checked is not None
    missing = [target for target in NEW_FACT_PAGES if target not in page.links]
    assert missing == [], missing
    for target in NEW_FACT_PAGES:
        fact = kb.get(target)
        assert fact is not None and fact.checked is not None, target  # each new fact is dated too


@pytest.mark.parametrize(("page_id", "fact_id"), sorted(CHANGED_PAGES.items()))
def test_a_page_that_rested_on_a_changed_fact_says_so_and_links_the_fact(kb, page_id: str, fact_id: str) -> None:
    page = kb.get(page_id)
    assert page is not None
    assert fact_id in page.links, page.links
    assert "eranderd" in page.body  # "Veranderd sinds de handreiking" / "veranderd"


def test_pip_no_longer_says_anyone_late_can_simply_be_fined(kb) -> None:
    body = " ".join(kb.get("knowledge/facts/pip.md").body.split())
    assert "kan een boete krijgen (nt2.nl)" not in body
    assert "alleen in uitzonderlijke gevallen" in body


def test_intake_guidance_no_longer_starts_from_the_housing_target(kb) -> None:
    guidance = " ".join(kb.get("knowledge/facts/profiel-invullen.md").body.split())
    assert "Begin bij de [taakstelling huisvesting]" not in guidance
    assert "bovengrens" in guidance
    taakstelling = kb.get("knowledge/facts/taakstelling-huisvesting.md")
    assert "## Zo schat u uw jaarlijkse instroom" not in taakstelling.body
