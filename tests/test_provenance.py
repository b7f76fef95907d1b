"""Whose word is it? Every reason says so: the handreiking (verbatim), a source, or an assumption.

The passage check, the assumptions register (validated like the rules, with broken fixtures),
and files of schema_version 1 that must still load.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keuzehulp.contract.inputs import parse_session
from keuzehulp.contract.schema import SCHEMA_VERSION, Profile
from keuzehulp.contract.yamlio import ContentError, load_yaml_file
from keuzehulp.knowledge.assumptions import load_register
from keuzehulp.knowledge.provenance import REFERENCE_TEXT, normalise, passage_problem
from keuzehulp.rules.register import register
from keuzehulp.rules.ruleset import RULES_DIR, rules

from keuzehulp import advise
from tests.fixture_expect import assert_reported, expected_problems

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


# --- the reference text and the passage check ---------------------------------------------


def test_the_reference_text_is_the_published_handreiking() -> None:
    text = REFERENCE_TEXT.read_text(encoding="utf-8")
    assert text.lstrip().startswith("Allemaal dual")
    assert "Publicatiedatum: Mei 2021" in text
    shared = ROOT.parent.parent / "shared" / "source" / "allemaal-dual.txt"
    if shared.exists():  # in the workshop checkout: the copy is exact
        assert shared.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("passage", "ok"), [
    ("Zet een gespecialiseerde trajectbegeleider in die de doelgroep inburgeraars goed kent.", True),
    # whitespace and line breaks do not matter
    ("Zet een gespecialiseerde\n   trajectbegeleider in", True),
    # the text's bold markers are not part of the words: "De gemeente **Dordrecht** heeft"
    ("De gemeente Dordrecht heeft middelen gereserveerd", True),
    # two fragments in the text's order, joined with " […] "
    ("Bied flexibiliteit in de intensiteit […] zorg voor beschikbaarheid van kinderopvang.", True),
    # a paraphrase is not a quote
    ("Zet een ervaren trajectbegeleider in die de doelgroep goed kent.", False),
    # fragments in the wrong order
    ("zorg voor beschikbaarheid van kinderopvang […] Bied flexibiliteit", False),
    # three dots instead of the ellipsis character
    ("Bied flexibiliteit in de intensiteit [...] kinderopvang.", False),
])
def test_a_passage_counts_only_when_it_is_verbatim(passage: str, ok: bool) -> None:
    assert (passage_problem(passage) is None) == ok


def _traced(node, path=()):
    """Every mapping in a rule file that carries a basis (rules, elements, considerations, actions)."""
    if isinstance(node, dict):
        if "basis" in node or "passage" in node and path:
            yield path, node
        for key, value in node.items():
            yield from _traced(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _traced(value, (*path, i))


def _rule_files() -> list[Path]:
    return [p for p in sorted(RULES_DIR.glob("*.yaml")) if not p.name.startswith("_")]


def test_every_rule_says_whose_word_it_is_and_every_handreiking_passage_is_verbatim() -> None:
    text = normalise(REFERENCE_TEXT.read_text(encoding="utf-8"))
    counted = {"handreiking": 0, "bron": 0, "aanname": 0}
    for path in _rule_files():
        data, problems = load_yaml_file(path)
        assert not problems
        for rule in data.get("rules", []):
            assert "basis" in rule, (path.name, rule.get("id"))
        for name, element in data.get("elements", {}).items():
            assert "basis" in element, (path.name, name)
        for where, item in _traced(data):
            if not where:
                continue
            counted[item["basis"]] += 1
            if item["basis"] == "handreiking":
                assert passage_problem(item["passage"], text) is None, (path.name, where)
            if item["basis"] == "aanname":
                assert register().get(item["assumption"]) is not None, (path.name, where)
    assert all(counted.values()), counted  # all three bases are in use


def test_every_reason_in_an_advice_names_its_basis_and_what_backs_it() -> None:
    for profile in (Profile(), Profile(annual_intake=9), Profile(annual_intake=95, own_capacity="low"),
                    Profile(recent_arrivals="few", care_duties="many", childcare_available=False)):
        advice = advise(profile)
        reasons = [r for d in advice.decisions.values() for r in d.reasons_for + d.reasons_against]
        reasons += [r for e in advice.elements for r in e.reasons]
        reasons += [a for e in advice.elements for a in e.actions if not isinstance(a, str)]
        for r in reasons:
            assert r.rule, r
            if r.basis == "handreiking":
                assert r.passage and passage_problem(r.passage) is None, r
            elif r.basis == "aanname":
                assert register().get(r.assumption) is not None, r
            else:
                assert any(s.startswith("knowledge/") for s in r.sources), r


def test_a_decision_resting_on_assumptions_alone_says_so_in_its_strength_label() -> None:
    from keuzehulp.knowledge.provenance import strength_label

    delivery = advise(Profile(own_capacity="high")).decisions["delivery"]
    assert delivery.basis == "aanname"
    assert strength_label(delivery.strength, delivery.basis).startswith("Inschatting van de keuzehulp")


# --- the assumptions register ---------------------------------------------------------------


def test_the_register_names_every_assumption_a_rule_uses_and_the_rules_that_use_it() -> None:
    reg = register()
    used = rules().assumption_users
    assert set(used) <= set(reg.items)
    for assumption, rule_ids in used.items():
        assert set(rule_ids) <= set(reg.items[assumption].rules) | {r for r in rule_ids if "/against" in r}
    from keuzehulp.contract.costdata import cost_data

    amounts = {s.assumption for s in cost_data().amounts.values()}  # the cost model's own use them
    for item in reg.items.values():
        assert item.rules or item.used_by or item.id in amounts, item.id
        assert item.title and item.says and item.why


def test_the_register_holds_the_numbers_the_group_model_uses() -> None:
    from keuzehulp.rules import groups

    reg = register()
    assert groups.LEVELS_WHEN_MIXED == reg.number("language-levels", "levels_when_mixed")
    assert groups.SECTORS_WHEN_DIVERSE == reg.number("vocational-directions", "sectors_when_diverse")
    assert reg.flip_bounds()["min_group_size"][0] >= 5  # no "group of 2" as an alternative


@pytest.mark.parametrize("fixture", sorted(p.name for p in (FIXTURES / "assumptions-broken").glob("*.yaml")))
def test_a_broken_register_is_reported_with_file_and_line(fixture: str) -> None:
    path = FIXTURES / "assumptions-broken" / fixture
    expected = expected_problems(path)
    assert expected, f"fixture {fixture} marks no expected problem"
    with pytest.raises(ContentError) as info:
        load_register(path)
    assert_reported(info.value.problems, expected)


def test_the_real_register_loads() -> None:
    assert len(load_register().items) >= 10


# --- files of schema_version 1 still load ---------------------------------------------------

V1_SESSION = {
    "schema_version": 1, "kind": "keuzehulp-sessie",
    "profile": {"schema_version": 1, "municipality": "Lochem", "annual_intake": 14},
    "scenarios": [{"name": "Samen met Brummen",
                   "profile": {"schema_version": 1, "annual_intake": 14, "regional_cooperation": "existing"}}],
    "active_scenario": None,
    "team": {"participants": [], "decisions": {"training_format": {"choice": "individual", "reason": "Lage instroom."}},
             "notes": {}},
}
V1_ADVICE = {
    "schema_version": 1,
    "profile": {"schema_version": 1, "municipality": "Brummen", "annual_intake": 9},
    "decisions": {"training_format": {"choice": "individual", "strength": "strong",
                                      "reasons_for": ["Een eigen groep is niet op tijd vol."],
                                      "reasons_against": [], "flips": [], "examples": [], "sources": ["q2"],
                                      "rules": ["training_format/group-too-slow"]}},
    "elements": [{"id": "specialised-coach", "priority": "recommended", "reasons": ["Tekst."], "actions": [],
                  "examples": [], "sources": ["q3"], "rules": ["q3/specialised-coach"]}],
}


def test_a_saved_session_of_version_1_still_loads_and_is_read_as_the_current_version() -> None:
    session = parse_session(json.dumps(V1_SESSION))
    assert session.profile.municipality == "Lochem"
    assert session.team.decisions["training_format"].reason == "Lage instroom."
    assert session.schema_version == session.profile.schema_version == SCHEMA_VERSION == 2
    assert session.scenarios[0].profile.regional_cooperation == "existing"


def test_an_exported_advice_of_version_1_with_plain_text_reasons_still_loads() -> None:
    session = parse_session(json.dumps(V1_ADVICE))
    assert session.profile.municipality == "Brummen" and session.profile.annual_intake == 9
    # and its advice, made again, now says whose word every reason is
    again = advise(session.profile).decisions["training_format"]
    assert all(r.basis in ("handreiking", "bron", "aanname") for r in again.reasons_for)


def test_a_bare_profile_of_version_1_still_loads() -> None:
    assert parse_session(json.dumps({"schema_version": 1, "annual_intake": 5})).profile.annual_intake == 5


def test_the_kennisbank_shows_every_assumption_under_one_heading_with_the_cost_models_too() -> None:
    from keuzehulp.contract.costdata import cost_data
    from keuzehulp.rules.register import knowledge_base

    kb = knowledge_base()
    overview = kb.get("knowledge/assumptions/index.md")
    assert overview is not None and overview.title == "Aannames van de keuzehulp"
    for item in register().items.values():
        page = kb.get(item.page_id)
        assert page is not None and page.kind == "assumption" and item.why in page.body
        assert item.page_id in overview.links
    # The cost model's assumptions are in the same register, each with the amounts it sets and
    # the team's own amounts as what changes it.
    data = cost_data()
    for name, spec in data.amounts.items():
        if spec.basis == "aanname":
            page = kb.get(f"knowledge/assumptions/{spec.assumption}.md")
            assert page is not None and page.id in overview.links, name
            assert spec.label in page.body and "Bedragen aanpassen" in page.body, name


def test_every_download_lists_the_whole_register_with_the_cost_assumptions() -> None:
    from datetime import date

    from keuzehulp.contract.costdata import cost_data

    from keuzehulp.report import build_report, render

    advice = advise(Profile(annual_intake=14))
    report = build_report(advice, today=date(2026, 11, 27))
    ids = [a.id for a in report.assumptions]
    assert set(register().items) <= set(ids)
    cost_ids = {s.assumption for s in cost_data().amounts.values() if s.assumption}
    assert cost_ids and cost_ids <= set(ids)
    md = render("md", advice, today=date(2026, 11, 27)).decode()
    assert "## Aannames van de keuzehulp" in md
    assert all(a.title in md for a in report.assumptions)


@pytest.mark.parametrize(("months", "limit", "shown"), [
    (3.03, 3, "iets meer dan 3 maanden"),  # rounded it would equal the limit it exceeds
    (3.2, 3, "3,2 maanden"),
    (2.97, 3, "3 maanden"),  # within the limit, rounding up to it is no contradiction
    (1.0, None, "1 maand"),
    (19.2, None, "19 maanden"),
])
def test_months_are_written_so_they_never_contradict_their_sentence(months, limit, shown) -> None:
    from keuzehulp.dutch.wording import months as months_text

    assert months_text(months, limit) == shown


def test_small_numbers_in_running_text_are_words() -> None:
    text = advise(Profile(annual_intake=9)).group_formation.text
    assert text.startswith("Bij negen inburgeraars per jaar, verdeeld over drie taalniveaus,")
    assert "een groep van acht" in text
