"""Words a user reads (issue 24, item 9): no jargon where the text is ours, no setting names, the
advice called the advice, and tags that say what a page is."""

from __future__ import annotations

import pytest
from wizard_helpers import fresh_app, open_page, page_text

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Profile
from keuzehulp.rules.engine import advise
from keuzehulp.rules.register import knowledge_base
from ui.kennis.links import KIND_LABELS
from ui.workshop import store as workshop_store


@pytest.mark.parametrize("word", ["pre-teaching", "mindset"])
def test_element_titles_use_plain_dutch(word):
    """The handreiking's terms stay in its quotes and in the glossary, not in our titles."""
    assert not [t for t in labels().elements.values() if word in t.lower()]
    kb = knowledge_base()
    assert not [i.title for i in kb.by_kind("element") if word in i.title.lower()]


def test_a_reason_calls_the_advice_the_advice_not_the_teams_choice():
    """'U kiest voor groepstrainingen' was said before the team chose anything."""
    advice = advise(Profile(annual_intake=400, level_mix="similar", sector_mix="similar"))
    assert advice.decisions["training_format"].choice == "group"
    reasons = [r.text for e in advice.elements for r in e.reasons]
    assert any(r.startswith("Het advies is groepsgewijze training.") for r in reasons)
    assert not [r for r in reasons if r.startswith("U kiest")]


def test_the_introduction_is_tagged_as_an_introduction():
    page = knowledge_base().get("knowledge/intro/allemaal-dual.md")
    assert KIND_LABELS[page.kind] == "Inleiding"
    at = fresh_app()
    at.query_params["item"] = page.id
    at.run()
    open_page(at, "pages/kennisbank.py")
    text = page_text(at)
    assert ":blue-badge[Inleiding]" in text and "Vraag of afweging" not in text


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.delenv("KEUZEHULP_DATABASE_URL", raising=False)
    monkeypatch.setenv("KEUZEHULP_DATA_DIR", str(tmp_path))
    workshop_store.engine.clear()
    yield
    workshop_store.engine().dispose()
    workshop_store.engine.clear()


@pytest.mark.parametrize("days", ["", "7"])
def test_the_workshop_page_says_when_votes_are_deleted_without_a_setting_name(store, monkeypatch, days):
    if days:
        monkeypatch.setenv("KEUZEHULP_RETENTION_DAYS", days)
    else:
        monkeypatch.delenv("KEUZEHULP_RETENTION_DAYS", raising=False)
    text = page_text(open_page(fresh_app().run(), "pages/workshop.py"))
    assert f"worden na {days or 30} dagen verwijderd" in text
    assert "KEUZEHULP_" not in text and "instelling" not in text
