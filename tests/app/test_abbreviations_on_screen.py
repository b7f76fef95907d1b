"""On a question page, the Advies page and every slide, each abbreviation and piece of jargon
of tests/cases/language/abbreviations.yaml is explained where the reader first meets it, in
reading order; a page ends with links to the glossary pages of the terms it used."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from wizard_helpers import open_expander, open_page

from keuzehulp.contract.schema import Profile, Session
from keuzehulp.knowledge.abbreviations import first_unexplained
from ui.session.state import SESSION_KEY

CASES = Path(__file__).resolve().parents[1] / "cases" / "language" / "abbreviations.yaml"
EXPLANATIONS = {c["term"]: c["meaning"] for c in yaml.safe_load(CASES.read_text(encoding="utf-8"))}
# Every partner (the WSP, the sw-bedrijf and the ROC among them), recent arrivals, a weak
# employer network: the advice then names most terms.
BUSY = Profile(municipality="Lochem", partners=["language_provider", "reintegration_company", "social_work_company",
                                                 "vocational_college", "employer_service_point"],
               recent_arrivals="most", employer_network="weak", care_duties="many")
TEXT_KINDS = {"Markdown": "value", "Caption": "value", "Title": "value", "Header": "value",
              "Subheader": "value", "Expander": "label", "Tab": "label", "Metric": "label",
              "Radio": "label", "Toggle": "label", "TextInput": "label", "Multiselect": "label",
              "Selectbox": "label", "Button": "label", "PageLink": "label"}


def reading_text(at) -> str:
    """What the page shows, top to bottom (an expander's label before its content)."""
    out: list[str] = []

    def walk(node) -> None:
        for key in sorted(node.children):
            child = node.children[key]
            kind = type(child).__name__
            if kind in TEXT_KINDS:
                value = getattr(child, TEXT_KINDS[kind], None)
                if isinstance(value, str):
                    out.append(value)
                if kind == "Radio":
                    out.extend(str(o) for o in child.options)
            if getattr(child, "children", None):
                walk(child)

    walk(at.main)
    return "\n".join(out)


def _open(app, path: str):
    app.session_state[SESSION_KEY] = Session(profile=BUSY)
    return open_page(app, path)


@pytest.mark.parametrize("path", ["pages/q1_waarom.py", "pages/q2_organisatie.py", "pages/q3_begeleiding.py",
                                  "pages/q4_taal.py", "pages/q5_participatie.py", "pages/advies.py"])
def test_every_term_is_explained_where_the_page_first_uses_it(app, path: str) -> None:
    text = reading_text(_open(app, path))
    assert first_unexplained(text, EXPLANATIONS) is None, first_unexplained(text, EXPLANATIONS)


@pytest.mark.parametrize("path", ["pages/q2_organisatie.py", "pages/q3_begeleiding.py", "pages/q4_taal.py",
                                  "pages/q5_participatie.py", "pages/advies.py"])
def test_the_page_says_u_and_duaal_and_cites_the_handreiking_without_misquoting_it(app, path: str) -> None:
    text = reading_text(_open(app, path))
    outside_quotes = re.sub(r"‘[^‘]*(?:‘[^’]*’[^‘’]*)*’|'[^'\n]*'", "", text)
    assert not re.findall(r"\b(je|jij|jou|jouw|jullie|jezelf)\b", outside_quotes, re.IGNORECASE)
    assert not re.search(r"\bdual\b", outside_quotes.replace("Allemaal dual", ""))
    # a section is cited by number and short label, never with our rewording of its title
    assert re.search(r"Bron: Allemaal dual, vraag \d \(", text)
    assert not re.search(r"Allemaal dual, vraag \d: ", text)


def test_the_advice_spells_out_the_sw_bedrijf_and_the_page_links_the_glossary(app) -> None:
    text = reading_text(_open(app, "pages/q5_participatie.py"))
    assert "sw-bedrijf (sociaal werkbedrijf)" in text
    open_expander(app, "glossary_open")
    links = [link for link in app.get("page_link") if link.proto.label.startswith("sw-bedrijf: ")]
    assert links, "no link to the glossary page of the sw-bedrijf"
    assert "item=knowledge/glossary/sociaal-werkbedrijf.md" in unquote(links[0].proto.query_string)


def test_every_slide_explains_its_own_terms(app) -> None:
    _open(app, "pages/presentatie.py")
    seen = 0
    for _ in range(30):
        text = reading_text(app)
        assert first_unexplained(text, EXPLANATIONS) is None, (app.title[0].value, first_unexplained(text, EXPLANATIONS))
        seen += any(term in text for term in ("pre-teaching", "mindset", "sw-bedrijf", "WSP", "ROC", "MAP", "PVT"))
        if app.button(key="slide_next").disabled:
            break
        app.button(key="slide_next").click().run()
    assert seen >= 2, "the slides name hardly any term: the test would prove nothing"
