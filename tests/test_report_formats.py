"""Every download format, read back the way a user's program reads it (Word, a PDF viewer, a
browser, a text editor, the app's upload), holds the same complete choice summary, and shows
whatever a user typed as plain text.

The advice is built by hand here, so these tests do not move when the rules change; the
golden file (test_report_golden.py) checks the real engine's output.
"""

from __future__ import annotations

import io
import json
from datetime import date
from html.parser import HTMLParser

import docx
import pypdf
import pytest

from keuzehulp.contract.inputs import parse_session
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import (
    ELEMENT_IDS,
    ELEMENT_SECTIONS,
    Advice,
    DecisionAdvice,
    ElementAdvice,
    Flip,
    Participant,
    Profile,
    Reason,
    Scenario,
    Session,
    TeamDecision,
    TeamInput,
)
from keuzehulp.report import FORMATS, render
from keuzehulp.report.typography import curly
from keuzehulp.rules.groups import estimate
from keuzehulp.rules.register import knowledge_base

TODAY = date(2026, 11, 27)
EVIL = "<script>alert(1)</script> & \"Bergen\" 'op Zoom' **vet** [link](http://x.nl)"
NOTE_Q3 = "Doorbraakbudget: € 25.000 per jaar – eerst ‘klein’ beginnen, dan “opschalen”."
REFERENCES = ("oostveen-2018", "huijnk-2021", "blom-2018")


INVOLVED = ("Wanneer de uitvoering (deels of geheel) bij een externe uitvoerder ligt is het wel van belang "
            "dat gemeentelijke klantmanagers nauw betrokken worden.")
CURRICULUM = ("Groepsgewijze training en scholing kan helpen om inburgeraars voor te bereiden op de stap "
              "naar participatie door een uitgebreid curriculum te behandelen.")
FACT = "knowledge/facts/wet-inburgering-2021.md"


def _hr(text: str, passage: str, section: str) -> Reason:
    return Reason(text=text, basis="handreiking", passage=passage, sources=[section], rule="r/handreiking")


def _aanname(text: str, assumption: str) -> Reason:
    return Reason(text=text, basis="aanname", assumption=assumption, sources=["q2"], rule="r/aanname")


def sample_advice(profile: Profile) -> Advice:
    """A complete advice with reasons of every basis, flips, examples and a fact source for every part."""
    decisions = {
        "delivery": DecisionAdvice(
            choice="mixed", strength="moderate", basis="aanname",
            reasons_for=[_aanname("Uw klantmanagers hebben gemiddeld capaciteit; een deel kunt u zelf doen.",
                                  "delivery-capacity")],
            reasons_against=[_hr("Afstemmen met een externe uitvoerder kost tijd.", INVOLVED, "q2")],
            flips=[Flip(field="own_capacity", value="high", choice="in_house",
                        text="Met veel capaciteit bij uw klantmanagers zou het advies 'zelf uitvoeren' zijn.")],
            sources=["q2"], rules=["delivery.mixed"]),
        "training_format": DecisionAdvice(
            choice="individual", strength="strong", basis="gemengd",
            reasons_for=[_aanname("Een groep van 8 is pas na 41 maanden vol.", "group-model")],
            reasons_against=[_hr("Een groep kan een breder curriculum behandelen.", CURRICULUM, "q2")],
            flips=[Flip(field="regional_cooperation", value="existing", choice="shared_purchase",
                        text="Als u al samenwerkt met buurgemeenten, wordt het advies 'scholing extern inkopen'.")],
            examples=["individual-placement"],
            sources=["q2", "knowledge/facts/wet-inburgering-2021.md"], rules=["training.individual"]),
        "matching": DecisionAdvice(
            choice="supply_led", strength="strong", basis="gemengd",
            reasons_for=[Reason(text="De meeste inburgeraars wonen nog maar kort in Nederland.", basis="bron",
                                sources=["q5", FACT], rule="r/bron")],
            examples=["sector-practice-lessons"], sources=["q5"], rules=["matching.supply"]),
    }
    elements = [
        ElementAdvice(
            id=e, priority="essential" if i < 4 else ("recommended" if i < 10 else "consider"),
            reasons=[_hr(f"Reden bij {e}: geïnteresseerde deelnemers.", CURRICULUM, ELEMENT_SECTIONS[e])],
            actions=[f"Actie voor {e}: maak één afspraak."],
            examples=["breakthrough-budget-dordrecht"] if e == "breakthrough-budget" else [],
            sources=[ELEMENT_SECTIONS[e]], rules=[f"{e}.rule"])
        for i, e in enumerate(ELEMENT_IDS)
    ]
    return Advice(profile=profile, decisions=decisions, elements=elements,
                  group_formation=estimate(profile), rules_version="abc123def456",
                  rules_date=date(2026, 12, 1))


def sample_session(municipality: str = "Lochem") -> Session:
    profile = Profile(municipality=municipality, annual_intake=14, flexible_budget=True)
    return Session(
        profile=profile,
        scenarios=[
            Scenario(name="Samen met Brummen", profile=profile.model_copy(update={"regional_cooperation": "existing"})),
            Scenario(name="Groei naar 40", profile=profile.model_copy(update={"annual_intake": 40})),
        ],
        active_scenario=None,
        team=TeamInput(
            participants=[Participant(name="Anouk de Vries", role="beleidsmedewerker"),
                          Participant(name="Ömer Yılmaz", role="klantmanager")],
            decisions={"training_format": TeamDecision(choice="shared_purchase",
                                                        reason="Samen inkopen met Brummen.")},
            notes={"q3": NOTE_Q3},
        ),
    )


# --- reading each format back as text ---------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._skip += tag == "style"
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._skip -= tag == "style"
        self._in_title = False if tag == "title" else self._in_title

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def html_of(data: bytes) -> _Text:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return parser


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _flat(outline: list) -> list:
    return [x for item in outline for x in (_flat(item) if isinstance(item, list) else [item])]


def text_of(fmt: str, data: bytes) -> str:
    """What a person reads in the file, whitespace folded (a PDF wraps lines anywhere)."""
    if fmt == "html":
        raw = " ".join(html_of(data).parts)
    elif fmt == "docx":
        raw = docx_text(data)
    elif fmt == "pdf":
        raw = pdf_text(data)
    elif fmt == "md":
        from keuzehulp.dutch.markdown import render_markdown

        raw = " ".join(html_of(render_markdown(data.decode("utf-8")).encode()).parts)
    else:
        raw = data.decode("utf-8")
    return " ".join(raw.split())


@pytest.fixture(scope="module", autouse=True)
def hand_made_engine():
    """Scenarios get the same hand-made advice: these tests are about the formats, not rules."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("keuzehulp.report.build.advise", sample_advice)
        yield


@pytest.fixture(scope="module")
def session() -> Session:
    return sample_session()


@pytest.fixture(scope="module")
def rendered(session: Session) -> dict[str, bytes]:
    advice = sample_advice(session.profile)
    return {fmt: render(fmt, advice, session, TODAY) for fmt in FORMATS}


def _expected_texts(session: Session) -> list[str]:
    lab = labels()
    advice = sample_advice(session.profile)
    kb = knowledge_base()
    out = ["Keuzeoverzicht duale trajecten — Lochem", "27 november 2026", "abc123def456",
           "Advies van de keuzehulp", "Keuze van het team", "Samen inkopen met Brummen.",
           lab.option("training_format", "shared_purchase"), NOTE_Q3, "Ömer Yılmaz",
           "Samen met Brummen", "Groei naar 40", " ".join(advice.group_formation.text.split())]
    for decision, d in advice.decisions.items():
        out += [lab.decisions[decision].title, lab.option(decision, d.choice),
                *(r.text for r in d.reasons_for + d.reasons_against), *(f.text for f in d.flips)]
    for element in advice.elements:
        out += [lab.elements[element.id], *(r.text for r in element.reasons), *map(str, element.actions)]
    for example in ("individual-placement", "sector-practice-lessons", "breakthrough-budget-dordrecht"):
        out.append(lab.examples[example])
    out += ["Dordrecht", "Hengelo", "Brummen"]
    for ref in REFERENCES:
        out.append(" ".join(kb.get(f"knowledge/sources/{ref}.md").title.split()))
    out.append(" ".join(kb.get("knowledge/facts/wet-inburgering-2021.md").title.split()))
    return out


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "json"])
def test_every_format_holds_the_whole_summary(fmt: str, rendered: dict[str, bytes], session: Session) -> None:
    text = text_of(fmt, rendered[fmt])
    # quotes in one style (issue 24): the knowledge's "…" and '…' read ‘…’ in every download;
    # what the team typed (the note) stays exactly as typed
    missing = [want for want in _expected_texts(session) if (want if want == NOTE_Q3 else curly(want)) not in text]
    assert not missing, f"{fmt} lacks: {missing}"


BASIS_LINES = (
    # handreiking: the label, the section and the verbatim quote
    f"Volgens de handreiking (vraag 2): ‘{INVOLVED}’",
    f"Volgens de handreiking (vraag 2): ‘{CURRICULUM}’",
    # the keuzehulp's own assumption, by its title in the register
    "Aanname van de keuzehulp: Eigen capaciteit bepaalt: zelf doen of uitbesteden",
    "Aanname van de keuzehulp: Hoe snel is een groep vol?",
    # another public source, by its knowledge page
    "Bron: ",
    # and the register itself, with why and numbers
    "Aannames van de keuzehulp",
    "De keuzehulp gebruikt de capaciteit en kennis van uw eigen klantmanagers",
)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "json"])
def test_every_format_says_whose_word_every_reason_is(fmt: str, rendered: dict[str, bytes]) -> None:
    text = text_of(fmt, rendered[fmt])
    if fmt == "md":  # the quote's brackets are escaped in the Markdown source, not in what is read
        text = text.replace("\\[", "[").replace("\\]", "]")
    missing = [want for want in BASIS_LINES if want not in text]
    assert not missing, f"{fmt} lacks: {missing}"
    kb = knowledge_base()
    fact = " ".join(kb.get(FACT).title.split())
    assert f"Bron: {fact}" in text
    # Every element reason (all from the handreiking here) is followed by its basis.
    for e in ELEMENT_IDS:
        reason = f"Reden bij {e}: geïnteresseerde deelnemers."
        after = text[text.index(reason) + len(reason):][:60]
        assert "Volgens de handreiking" in after, (e, after)


def test_json_names_the_basis_of_every_reason_and_lists_the_register(rendered: dict[str, bytes]) -> None:
    data = json.loads(rendered["json"])
    reasons = [r for d in data["decisions"].values() for r in d["reasons_for"] + d["reasons_against"]]
    reasons += [r for e in data["elements"] for r in e["reasons"]]
    assert {r["basis"] for r in reasons} == {"handreiking", "bron", "aanname"}
    assert all(r["passage"] for r in reasons if r["basis"] == "handreiking")
    ids = {a["id"] for a in data["assumptions"]}
    assert all(r["assumption"] in ids for r in reasons if r["basis"] == "aanname")
    assert data["schema_version"] == 2


def test_json_holds_the_same_decisions_elements_examples_and_sources(rendered: dict[str, bytes]) -> None:
    data = json.loads(rendered["json"])
    assert set(data["decisions"]) == {"delivery", "training_format", "matching"}
    assert [e["id"] for e in data["elements"]] == list(ELEMENT_IDS)
    assert data["decisions"]["training_format"]["examples"] == ["individual-placement"]
    assert "knowledge/facts/wet-inburgering-2021.md" in data["decisions"]["training_format"]["sources"]
    assert data["rules_version"] == "abc123def456"


def test_json_download_resumes_the_session_when_uploaded(rendered: dict[str, bytes], session: Session) -> None:
    resumed = parse_session(rendered["json"])
    assert resumed.profile == session.profile
    assert resumed.team == session.team
    assert resumed.scenarios == session.scenarios


def test_word_uses_real_heading_styles_tables_and_lists(rendered: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(rendered["docx"]))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Keuzeoverzicht duale trajecten — Lochem"] == "Heading 1"
    assert styles["De keuzes toegelicht"] == "Heading 2"  # main body (issue 24)
    assert styles["Groepsgewijs of individueel?"] == "Heading 3"
    assert styles["Bijlage A. Werkzame elementen per vraag"] == "Heading 2"
    assert styles["Vraag 2. Hoe geeft u het traject organisatorisch vorm?"] == "Heading 3"
    assert "List Bullet" in styles.values()
    assert document.tables and all(t.style.name == "Table Grid" for t in document.tables)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Vraag")  # Bijlage A
    answers = {row.cells[0].text: row.cells[1].text for row in table.rows}
    assert answers[labels().field("annual_intake")] == "14"
    assert document.core_properties.title == "Keuzeoverzicht duale trajecten — Lochem"
    assert document.core_properties.language == "nl-NL"
    team = [p.text for p in document.paragraphs if p.text.startswith("Keuze van het team")]
    assert "Keuze van het team: Scholing extern inkopen (eventueel samen met andere gemeenten)" in team


def test_word_keeps_a_list_label_on_the_page_of_its_list(rendered: dict[str, bytes]) -> None:
    """'Wat pleit ervoor' never ends a page with its reasons on the next one."""
    document = docx.Document(io.BytesIO(rendered["docx"]))
    labels_ = [p for p in document.paragraphs if p.text in ("Wat pleit ervoor", "Wat pleit ertegen")]
    assert labels_ and all(p.paragraph_format.keep_with_next for p in labels_)


def test_word_footer_numbers_pages_in_one_small_size(rendered: dict[str, bytes]) -> None:
    """The footer's 'Pagina 3 van 11': the page numbers (Word fields) as small as the words."""
    document = docx.Document(io.BytesIO(rendered["docx"]))
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.style.font.size == docx.shared.Pt(8)
    assert all(run.font.size in (None, docx.shared.Pt(8)) for run in footer.runs)
    fields = footer._p.findall(docx.oxml.ns.qn("w:fldSimple"))
    assert [f.get(docx.oxml.ns.qn("w:instr")) for f in fields] == ["PAGE", "NUMPAGES"]
    assert all(f.find(".//" + docx.oxml.ns.qn("w:sz")) is None for f in fields)  # size from the style


def test_pdf_keeps_dutch_characters_and_numbers_its_pages(rendered: dict[str, bytes]) -> None:
    reader = pypdf.PdfReader(io.BytesIO(rendered["pdf"]))
    pages = len(reader.pages)
    text = " ".join(pdf_text(rendered["pdf"]).split())
    for word in ("één", "oriëntatie", "geïnteresseerde", "€ 25.000", "–", "‘klein’", "“opschalen”", "Ömer"):
        assert word in text
    assert pages >= 3
    for page in (1, pages):
        assert f"pagina {page} van {pages}" in text
    assert reader.metadata.title == "Keuzeoverzicht duale trajecten — Lochem"
    outline = [item.title for item in _flat(reader.outline)]
    assert "Vraag 3. Hoe begeleidt u inburgeraars tijdens een duaal traject?" in outline


def test_html_is_one_printable_dutch_file_without_external_assets(rendered: dict[str, bytes]) -> None:
    page = html_of(rendered["html"])
    tags = [tag for tag, _ in page.tags]
    assert ("html", {"lang": "nl"}) in page.tags
    assert page.title == "Keuzeoverzicht duale trajecten — Lochem"
    assert not {"script", "link", "img", "iframe"} & set(tags)
    assert "@media print" in rendered["html"].decode()
    # page 1 (Besluitpunten), reading guide, the choices, then the appendices: the elements per
    # question, costs and lead time, the building blocks for procurement (issue 26), the
    # comparison, the rest (issue 24)
    assert tags.count("section") == 8


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_markup_a_user_typed_stays_text(fmt: str) -> None:
    session = sample_session(EVIL[:100])
    session.team.participants.append(Participant(name="<b>Kees</b> & co", role="\x00rol\x07"))
    session.team.notes["q5"] = "# kop\n<img src=x onerror=alert(1)>\n| a | b |"
    data = render(fmt, sample_advice(session.profile), session, TODAY)
    if fmt == "json":
        assert json.loads(data)["profile"]["municipality"] == EVIL[:100]
        return
    text = text_of(fmt, data)
    assert EVIL[:100] in text
    assert "<b>Kees</b> & co" in text
    assert "<img src=x onerror=alert(1)>" in text
    html = data if fmt == "html" else None
    if fmt == "md":
        from keuzehulp.dutch.markdown import render_markdown

        html = render_markdown(data.decode()).encode()
    if html is not None:
        tags = [tag for tag, _ in html_of(html).tags]
        assert "script" not in tags and "img" not in tags and "b" not in tags


def test_html_title_escapes_the_municipality() -> None:
    session = sample_session(EVIL[:100])
    data = render("html", sample_advice(session.profile), session, TODAY)
    assert html_of(data).title == f"Keuzeoverzicht duale trajecten — {EVIL[:100]}"
    assert b"<title>Keuzeoverzicht duale trajecten \xe2\x80\x94 &lt;script&gt;" in data


# Profiles whose PDF once ended a page on a label: Gorinchem & Molenlanden with their region.
LONG_REPORTS = [
    {"municipality": "Gorinchem & <Molenlanden>", "annual_intake": 30, "level_mix": "mixed",
     "sector_mix": "diverse", "own_capacity": "medium", "regional_cooperation": "existing",
     "regional_intake": 120, "partners": ["language_provider", "vocational_college"],
     "care_duties": "many", "employer_network": "strong"},
    {},  # all defaults
    {"annual_intake": 4, "own_capacity": "low", "partners": [], "care_duties": "many",
     "health_barriers": "many", "recent_arrivals": "most", "employer_network": "weak"},
]


@pytest.mark.parametrize("answers", LONG_REPORTS, ids=["region", "defaults", "small"])
def test_pdf_never_ends_a_page_on_a_label(answers: dict) -> None:
    """A label such as 'Wat kunt u doen:' stays on the page of the first item it introduces."""
    from keuzehulp.report.texts import texts
    from keuzehulp.rules.engine import advise

    t = texts()
    labels_ = {t.reasons_for_label, t.reasons_against_label, t.flips_label,
               f"{t.element_actions_label}:", t.element_actions_label}
    reader = pypdf.PdfReader(io.BytesIO(render("pdf", advise(Profile.model_validate(answers)))))
    for number, page in enumerate(reader.pages[:-1], start=1):
        lines = [line.strip() for line in page.extract_text().splitlines()
                 if line.strip() and "pagina" not in line and "regels versie" not in line]
        assert lines[-1] not in labels_, f"page {number} ends on '{lines[-1]}'"
