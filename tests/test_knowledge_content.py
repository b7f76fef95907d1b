"""The real knowledge base: it loads clean, every contract id has its page, and a reader who
never saw the handreiking finds every passage of it in knowledge/."""

from __future__ import annotations

import re

import pytest
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import (
    DECISION_IDS,
    ELEMENT_IDS,
    ELEMENT_SECTIONS,
    EXAMPLE_IDS,
    EXAMPLE_MUNICIPALITIES,
)
from keuzehulp.knowledge.base import load_knowledge
from keuzehulp.knowledge.crossref import required_pages
from keuzehulp.rules.register import knowledge_base

ELEMENT_HEADINGS = [
    "Wat is het?",
    "Waarom werkt het?",
    "Hoe pakt u het aan?",
    "Valkuilen",
    "Voorbeeld uit de pilots",
]
PLURAL_EXAMPLES = "Voorbeelden uit de pilots"  # the same heading when a page shows several
# Tags markdown-it itself produces; anything else in the HTML would be raw HTML let through.
MARKDOWN_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "blockquote", "hr", "br", "img",
}  # fmt: skip


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_the_real_knowledge_base_loads_without_problems(kb):
    assert len(kb.items) >= len(required_pages())
    # The real base adds the assumptions register as pages ("Aannames van de keuzehulp").
    real = knowledge_base().items.keys()
    assert real - kb.items.keys() == {k for k in real if k.startswith("knowledge/assumptions/")}
    assert kb.items.keys() <= real


@pytest.mark.parametrize("page_id", sorted(required_pages()))
def test_every_contract_id_has_its_page(kb, page_id):
    assert kb.get(page_id) is not None, f"{page_id} is missing"


def test_every_related_id_and_link_leads_to_a_page(kb):
    dangling = [
        (item.id, target)
        for item in kb.items.values()
        for target in [*item.related, *item.links]
        if target not in kb.items
    ]
    assert dangling == []


def test_every_page_renders_to_html_without_raw_html(kb):
    for item in kb.items.values():
        tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", item.html))
        assert tags <= MARKDOWN_TAGS, f"{item.id}: {tags - MARKDOWN_TAGS}"
        assert item.html.strip(), f"{item.id} renders empty"


@pytest.mark.parametrize("element_id", ELEMENT_IDS)
def test_element_page_explains_what_why_how_pitfalls_and_example(kb, element_id):
    item = kb.element(element_id)
    headings = re.findall(r"^## (.+)$", item.body, flags=re.M)
    assert headings in (ELEMENT_HEADINGS, [*ELEMENT_HEADINGS[:-1], PLURAL_EXAMPLES])
    assert item.section == ELEMENT_SECTIONS[element_id]
    assert item.title == labels().elements[element_id]
    assert item.summary


@pytest.mark.parametrize("example_id", EXAMPLE_IDS)
def test_example_page_names_its_municipalities(kb, example_id):
    item = kb.example(example_id)
    assert tuple(item.municipalities) == EXAMPLE_MUNICIPALITIES[example_id]
    assert item.title == labels().examples[example_id]
    for municipality in item.municipalities:
        assert municipality in item.body
    assert item.summary


@pytest.mark.parametrize("decision_id", DECISION_IDS)
def test_tradeoff_page_names_every_option(kb, decision_id):
    item = kb.decision(decision_id)
    decision = labels().decisions[decision_id]
    assert item.title == decision.title and item.section == decision.section
    assert item.summary


@pytest.mark.parametrize("section_id", ["q1", "q2", "q3", "q4", "q5"])
def test_question_page_carries_the_handreiking_question(kb, section_id):
    item = kb.question(section_id)
    assert item.title.endswith(labels().sections[section_id].title)
    assert any(getattr(s, "section", None) == section_id for s in item.sources)


# Every passage of the handreiking, as a search a reader would type, and the page that must answer it.
HANDREIKING = [
    # Introduction
    ("1 januari 2022 regie", "knowledge/intro/allemaal-dual.md"),
    ("inkopen taaltrajecten asielstatushouders", "knowledge/intro/allemaal-dual.md"),
    ("blauwdruk", "knowledge/intro/allemaal-dual.md"),
    ("negen pilotgemeenten", "knowledge/intro/allemaal-dual.md"),
    ("onderwijsroute participatie", "knowledge/intro/allemaal-dual.md"),
    # Question 1
    ("Wet inburgering 2013 samenhang", "knowledge/questions/q1.md"),
    ("puzzel", "knowledge/questions/q1.md"),
    ("inactiviteit", "knowledge/questions/q1.md"),
    ("sneller en actiever", "knowledge/elements/dual-from-start.md"),
    ("klassikale taalles taalcoaching conversatieles", "knowledge/building-blocks/language.md"),
    ("gezondheid digitale vaardigheden horeca techniek", "knowledge/building-blocks/training.md"),
    ("sw-bedrijf vrijwilligerswerk betaald werk", "knowledge/building-blocks/participation.md"),
    ("gesprekken met de trajectbegeleider", "knowledge/building-blocks/guidance.md"),
    # Question 2
    ("externe uitvoerder motivatieproblemen rails", "knowledge/elements/client-manager-involvement.md"),
    ("caseload gespecialiseerde klantmanagers", "knowledge/elements/concentrated-caseload.md"),
    ("solliciteren financiële vaardigheden gezonde voeding sport", "knowledge/tradeoffs/training_format.md"),
    ("zorg techniek sector", "knowledge/tradeoffs/training_format.md"),
    ("kosteneffectief kleinere gemeenten", "knowledge/tradeoffs/training_format.md"),
    ("extern inkopen andere gemeenten", "knowledge/tradeoffs/training_format.md"),
    ("arbeidsmarkt gezondheid gedrag op het werk", "knowledge/examples/group-trainings.md"),
    ("lage instroom stage werkervaringsplek taaldocent", "knowledge/examples/individual-placement.md"),
    # Question 3
    ("brede intake", "knowledge/questions/q3.md"),
    ("basis op orde gezinssituatie financiën woning", "knowledge/elements/specialised-coach.md"),
    ("onconventionele", "knowledge/elements/specialised-coach.md"),
    (
        "reiskostenvergoeding acute psychische hulp elektrische fiets",
        "knowledge/examples/breakthrough-budget-dordrecht.md",
    ),
    (
        "maatschappelijk begeleider taalaanbieder financieel ontzorgt",
        "knowledge/elements/chain-coordination.md",
    ),
    ("huisbezoeken", "knowledge/elements/chain-coordination.md"),
    ("budgetbeheerder student-mentor woonbegeleider", "knowledge/examples/case-consultation.md"),
    ("belastbaarheid kinderopvang", "knowledge/elements/flexible-intensity.md"),
    (
        "intrinsieke motivatie vertrouwensrelatie dezelfde boodschap",
        "knowledge/elements/motivation-mindset.md",
    ),
    ("wensberoep diploma's stappen", "knowledge/elements/realistic-goals.md"),
    ("moedertaal gespreksvaardigheden digitale vaardigheden", "knowledge/elements/experience-experts.md"),
    # Question 4
    ("buurthuis schoolplein supermarkt durven", "knowledge/elements/practice-language-support.md"),
    ("duo's twee uur dokter buren", "knowledge/examples/conversation-classes.md"),
    ("vaktaal communicatieve vaardigheden", "knowledge/examples/workplace-language-coach.md"),
    ("kwaliteiten toekomstplannen presenteren", "knowledge/examples/presenting-in-dutch.md"),
    ("pre-teaching ochtend middag", "knowledge/elements/pre-teaching.md"),
    ("twee taalscholen curriculum", "knowledge/examples/thematic-curriculum.md"),
    # Question 5
    (
        "Module Arbeidsmarkt en Participatie bedrijfsbezoeken",
        "knowledge/elements/labour-market-orientation.md",
    ),
    ("tien weken ROC van Twente praktijklokalen schools", "knowledge/examples/sector-practice-lessons.md"),
    ("geen druk op de productie", "knowledge/elements/broad-placement-offer.md"),
    ("werkgeversservicepunt re-integratiebedrijf afspraken", "knowledge/tradeoffs/matching.md"),
    ("ongeoorloofd verzuim verlegen jobcoach geduld", "knowledge/elements/aftercare.md"),
    # References and colophon
    ("Oostveen Mack Odé", "knowledge/sources/oostveen-2018.md"),
    ("Huijnk Dagevos SCP", "knowledge/sources/huijnk-2021.md"),
    ("Blom Significant systeemwereld", "knowledge/sources/blom-2018.md"),
    ("VOI-pilot Oostveen Klaver mei 2021", "knowledge/sources/allemaal-dual.md"),
]


@pytest.mark.parametrize(("query", "page_id"), HANDREIKING, ids=[q for q, _ in HANDREIKING])
def test_every_passage_of_the_handreiking_can_be_found(kb, query, page_id):
    assert page_id in [item.id for item in kb.search(query)]
