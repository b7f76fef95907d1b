"""The Kennisbank page as a policy officer uses it: she types a word the knowledge base writes
differently, and sees the pages ranked with the passage that matches, the word in bold."""

from __future__ import annotations

import re

from keuzehulp.rules.register import knowledge_base
from wizard_helpers import fresh_app, open_page, page_text

KENNISBANK = "pages/kennisbank.py"


def _search(query: str):
    at = open_page(fresh_app().run(), KENNISBANK)
    at.text_input(key="kb_query").input(query).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _result_titles(at) -> list[str]:
    return [b.label for b in at.button if (b.key or "").startswith("open_")]


def test_a_typo_finds_the_ranked_pages_with_their_passage():
    at = _search("wachtijd")
    text = page_text(at)
    assert "resultaten voor ‘wachtijd’. Gezocht op ‘wachttijd’ in plaats van ‘wachtijd’." in text
    titles = _result_titles(at)
    best = knowledge_base().find("wachtijd").hits
    assert titles == [hit.item.title for hit in best]  # ranked as the engine ranks them
    passages = [c.value for c in at.caption if "**wachttijd**" in c.value]
    assert len(passages) >= len(titles) - 2, "the passages mark the word in bold"
    assert f"{len(titles)} resultaten voor ‘wachtijd’." in text


def test_the_synonym_shows_the_glossary_page_first_and_opens_it():
    at = _search("WSP")
    titles = _result_titles(at)
    assert titles[0] == "Werkgeversservicepunt (WSP)"
    next(b for b in at.button if b.label == titles[0]).click().run()
    assert [t.value for t in at.title][:1] == ["Werkgeversservicepunt (WSP)"]


def test_nothing_found_offers_the_closest_word_and_searches_it_on_a_click():
    at = _search("kinderopvangregeling")
    assert "Niets gevonden" in page_text(at)
    suggestion = next(b for b in at.button if b.label == "kinderopvang")
    suggestion.click().run()
    assert at.text_input(key="kb_query").value == "kinderopvang"
    assert "Kinderopvang" in _result_titles(at)


def test_typed_markup_stays_text_and_the_page_answers_calmly():
    at = _search("<script>alert(1)</script> **vet** [link](http://x.nl)")
    text = page_text(at)
    assert "resultaten voor ‘" in text
    assert re.search(r"(?<!\\)<script|(?<!\\)\*\*vet|(?<!\\)\[link", text) is None, text


def test_one_result_is_one_resultaat_and_a_partial_match_says_so():
    at = _search("kinderopvang leerbaarheidstoets fietsenstalling")
    text = page_text(at)
    assert "1 resultaat voor ‘kinderopvang leerbaarheidstoets fietsenstalling’." in text
    assert "Geen pagina bevat al uw zoekwoorden" in text
    assert _result_titles(at) == ["Hulp bij het invullen van uw profiel"]
