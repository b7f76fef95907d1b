"""Every abbreviation and piece of jargon is explained where a reader first meets it
(tests/cases/language/abbreviations.yaml): spelled out in brackets on a page or slide, and listed with
its meaning in Bijlage D of every download. Quotes from the handreiking stay verbatim."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from keuzehulp import Profile, advise
from keuzehulp.contract.schema import Session, TeamInput
from keuzehulp.knowledge.abbreviations import FirstUse, Term, first_unexplained, occurrences, terms
from keuzehulp.report import render
from keuzehulp.report.texts import texts
from keuzehulp.rules.register import knowledge_base
from tests.test_report_formats import text_of

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "language" / "abbreviations.yaml").read_text(encoding="utf-8"))
EXPLANATIONS = {c["term"]: c["meaning"] for c in CASES}
TODAY = date(2026, 12, 1)
# Answers that bring most terms into the advice: every partner, the WSP among them.
BUSY = Profile(municipality="Lochem", partners=["language_provider", "reintegration_company", "social_work_company",
                                                 "vocational_college", "employer_service_point"],
               recent_arrivals="most", employer_network="weak")


@pytest.mark.parametrize("case", CASES, ids=[c["term"] for c in CASES])
def test_the_glossary_explains_each_term_with_this_meaning(case: dict) -> None:
    page = knowledge_base().get(case["glossary"])
    assert page is not None, f"no glossary page {case['glossary']}"
    declared = {a.term: a.meaning for a in page.abbreviations}
    assert declared.get(case["term"]) == case["meaning"], declared


def test_first_use_is_spelled_out_once_and_an_explained_term_is_left_alone() -> None:
    first = FirstUse()
    text = first.explain("Maak afspraken met het WSP. Het WSP werkt vraaggericht.")
    assert text == "Maak afspraken met het WSP (werkgeversservicepunt). Het WSP werkt vraaggericht."
    assert first.explain("Bel het WSP.") == "Bel het WSP."  # met before on this page
    fresh = FirstUse()
    assert fresh.explain("Het werkgeversservicepunt (WSP) helpt.") == "Het werkgeversservicepunt (WSP) helpt."
    assert fresh.explain("Het WSP helpt.") == "Het WSP helpt."
    assert first_unexplained("Stem de taalles af (pre-teaching). Dan pre-teaching.", EXPLANATIONS) is None
    assert first_unexplained("Het MAP-examen en de MAP.", EXPLANATIONS) == "MAP"


def test_text_made_inert_first_is_explained_once_and_a_compound_is_left_whole() -> None:
    """Escaped Markdown ('MAP \\(module …\\)', 'B1\\-route'): an explanation already there counts,
    and a term joined to a word by a hyphen is part of that word (the slide 'Wat koopt u in?'
    read 'MAP (module …) (module …)' and 'B1 (…)-route')."""
    from keuzehulp.dutch.markdown import inert_markdown

    first = FirstUse()
    text = inert_markdown("MAP (module arbeidsmarkt en participatie)")
    assert first.explain(text) == text
    assert first.explain(inert_markdown("B1-route 15")) == inert_markdown("B1-route 15")
    explained = FirstUse().explain(inert_markdown("De MAP."))  # not explained yet: it is, once
    assert explained.startswith("De MAP (module arbeidsmarkt en participatie)") and explained.count("module") == 1


def test_a_quote_from_the_handreiking_is_never_changed() -> None:
    quote = "Volgens de handreiking: ‘Focus op het bereiken van de juiste ‘mindset’ bij de inburgeraar.’"
    first = FirstUse()
    assert first.explain(quote) == quote
    # the term is still new after the quote: our own text explains it
    assert first.explain("Werk aan de mindset.") == "Werk aan de mindset (houding en motivatie)."


def test_every_term_of_the_cases_is_known_to_the_app() -> None:
    known = {t.term: t.meaning for t in terms()}
    assert {k: known.get(k) for k in EXPLANATIONS} == EXPLANATIONS


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    session = Session(profile=BUSY, team=TeamInput())
    advice = advise(BUSY)
    return {fmt: text_of(fmt, render(fmt, advice, session, TODAY)) for fmt in ("md", "html", "docx", "pdf")}


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_every_download_lists_the_terms_it_uses_in_bijlage_d(fmt: str, reports: dict[str, str]) -> None:
    text = reports[fmt]
    heading = texts().abbreviations_heading
    assert heading in text, f"{fmt}: no {heading}"
    body, _, appendix = text.rpartition(heading)
    used = [term for term, meaning in EXPLANATIONS.items() if occurrences(body, Term(term, meaning, ""))]
    assert {"sw-bedrijf", "SZW", "MAP", "PIP"} <= set(used), used
    for term in used:
        assert term in appendix and EXPLANATIONS[term] in appendix, f"{fmt}: {term} not explained in {heading}"
    assert "Volgens de handreiking" in body  # the quotes are there, unchanged (the passage check)
