"""Kennisbank search as a policy officer meets it (tests/cases/search/*.yaml): other forms of a
word, parts of compounds, glossary synonyms and abbreviations, typos, ranked hits with the
matching passage, and hostile queries that get a calm answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from keuzehulp.contract.yamlio import load_yaml_file
from keuzehulp.knowledge.base import KnowledgeBase, load_knowledge
from keuzehulp.knowledge.search import MAX_TERMS
from keuzehulp.knowledge.searchterms import CompoundSplitter, fold, stemmer
from keuzehulp.rules.register import knowledge_base
from pydantic import BaseModel, ConfigDict

CASES_DIR = Path(__file__).parent / "cases" / "search"


class SearchCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    query: str
    repeat: int = 1
    first: str | None = None
    top: int = 5
    pages: list[str] = []
    marks: list[str] = []
    corrected: dict[str, str] = {}
    nothing: bool = False
    suggests: list[str] = []
    dropped: int = 0


def _cases() -> list[object]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data, problems = load_yaml_file(path)
        assert not problems, problems
        params += [pytest.param(SearchCase.model_validate(raw), id=raw["name"]) for raw in data]
    return params


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base()


@pytest.mark.parametrize("case", _cases())
def test_search_case(kb, case):
    result = kb.find(case.query * case.repeat)
    ids = [hit.item.id for hit in result.hits]
    assert set(case.suggests) <= set(result.suggestions), result.suggestions
    if case.nothing:
        assert ids == [] and result.complete and result.corrections == {}
        return
    expected = ([case.first] if case.first else []) + case.pages
    assert expected or case.dropped, "a case names the pages it expects"
    if case.first:
        assert ids[:1] == [case.first], ids[:5]
    for page in case.pages:
        assert page in ids[:case.top], (page, ids[:case.top])
    for page in expected:
        if case.marks:
            hit = result.hits[ids.index(page)]
            marked = {fold(text) for text, match in hit.passage if match}
            assert marked & set(case.marks), (page, hit.passage)
    for typo, word in case.corrected.items():
        assert word in result.corrections.get(typo, ()), result.corrections
    assert result.dropped == case.dropped


def test_there_are_cases_for_the_words_of_the_workshop():
    queries = {p.values[0].query.strip() for p in _cases()}
    assert {"wachttijd", "financiering", "groepsgrootte", "werkgeversbenadering", "WSP", "pip", "MAP",
            "wachtijd", "financiring", "werkgeversbenaderng", "kosten", ""} <= queries


def test_a_title_hit_ranks_above_a_hit_in_the_text(kb):
    hits = kb.find("taalcoach").hits
    in_title = [hit.in_title for hit in hits]
    assert in_title[0] and in_title == sorted(in_title, reverse=True)


def test_the_exact_word_ranks_above_another_form(kb):
    hits = kb.find("gewacht").hits
    first_with_word = next(i for i, h in enumerate(hits) if "gewacht" in {fold(t) for t, m in h.passage if m})
    other_forms_only = [i for i, h in enumerate(hits) if not h.in_title
                        and "gewacht" not in {fold(t) for t, m in h.passage if m}]
    assert other_forms_only and first_with_word < min(other_forms_only)


def test_a_page_with_more_of_the_words_ranks_first_when_none_has_all(kb):
    result = kb.find("kinderopvang leerbaarheidstoets fietsenstalling")
    assert not result.complete and result.hits
    counts = [len(hit.terms) for hit in result.hits]
    assert counts == sorted(counts, reverse=True) and counts[0] == 2
    assert kb.search("kinderopvang leerbaarheidstoets fietsenstalling") == []  # search(): every word


def test_a_long_query_searches_its_first_words_and_says_how_many_were_left(kb):
    words = [f"woord{n}" for n in range(MAX_TERMS + 5)]
    result = kb.find(" ".join(words))
    assert result.terms == tuple(words[:MAX_TERMS]) and result.dropped == 5


def test_kind_filter_keeps_only_that_kind(kb):
    assert {hit.item.kind for hit in kb.find("wachttijd", kind="assumption").hits} == {"assumption"}
    assert kb.find("doorbraakbudget", kind="route").hits == ()


def test_stems_meet_as_a_policy_officer_expects():
    stem = stemmer()
    assert stem("wachten") == stem("wacht") == stem("gewacht")
    assert stem("financiering") == stem("financieren") == stem("gefinancierd")
    assert stem("werkgever") == stem("werkgevers") != stem("werkver")
    assert stem("begeleiding") != stem("beleid")  # the newer Snowball stemmer mixed these up


def test_compounds_split_into_known_words_with_the_linking_s():
    stem = stemmer()
    vocabulary = ["groep", "grootte", "wacht", "tijd", "werkgevers", "benadering", "ver"]
    splitter = CompoundSplitter(vocabulary, {stem(w) for w in vocabulary}, stem)
    assert splitter.split("groepsgrootte") == ("groep", "grootte")
    assert splitter.split("wachttijd") == ("wacht", "tijd")
    assert splitter.split("werkgeversbenadering") == ("werkgevers", "benadering")
    assert splitter.split("verwacht") is None  # "ver" is too short to be a part
    assert splitter.split("groep") is None


def test_aliases_of_a_glossary_page_are_searched(tmp_path):
    page = tmp_path / "glossary" / "fiets.md"
    page.parent.mkdir()
    page.write_text('---\ntitle: "Fiets"\nkind: glossary\naliases: ["rijwiel"]\nsources:\n  - section: q3\n'
                    '---\nEen fiets om naar het werk te komen.\n', encoding="utf-8")
    other = tmp_path / "glossary" / "werk.md"
    other.write_text('---\ntitle: "Werk"\nkind: glossary\nsources:\n  - section: q5\n---\n'
                     "Met de fiets naar het werk.\n", encoding="utf-8")
    small = load_knowledge(tmp_path)
    assert [i.id for i in small.search("rijwiel")] == ["knowledge/glossary/fiets.md", "knowledge/glossary/werk.md"]


def test_words_typed_by_many_users_do_not_fill_the_memory(monkeypatch, kb):
    import keuzehulp.knowledge.search as search

    monkeypatch.setattr(search, "CACHE_LIMIT", len(search.stemmer()._cache) + 10)
    index = kb.search_index()
    for n in range(50):
        index.search(f"onbekendwoord{n} samengesteldwoordnummer{n}")
    assert len(search.stemmer()._cache) <= search.CACHE_LIMIT
    assert len(index.splitter._cache) <= search.CACHE_LIMIT
