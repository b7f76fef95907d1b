"""Building blocks for procurement (issue 26): derived from the design, each with its basis;
`check` refuses a block without one; the CLI and every download hold every block."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pydantic import BaseModel, ConfigDict
from pypdf import PdfReader

from keuzehulp.contract.schema import CostSettings, Profile, RouteShares, Session, TeamDecision, TeamInput
from keuzehulp.contract.yamlio import ContentError, load_yaml_file
from keuzehulp.dutch.markdown import render_markdown
from keuzehulp.procurement.content import BLOCKS_PATH, PRICES_PATH, content, load_content
from keuzehulp.procurement.derive import changes, procurement
from keuzehulp.region.model import Region
from keuzehulp.report import procurement as writer
from keuzehulp.rules.register import knowledge_base, register

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "procurement" / "designs.yaml"


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    profile: Profile
    team: dict[str, str] = {}
    route_shares: RouteShares | None = None
    amounts: dict[str, float] = {}
    region: Region | None = None
    design: dict[str, str] = {}
    blocks_contain: list[str] = []
    blocks_lack: list[str] = []
    buying: dict[str, dict] = {}
    texts_contain: list[str] = []
    texts_lack: list[str] = []
    prices_below: list[str] = []
    prices_not_below: list[str] = []

    def session(self) -> Session:
        profile = self.profile.model_copy(update={"route_shares": self.route_shares})
        return Session(profile=profile,
                       team=TeamInput(decisions={d: TeamDecision(choice=c) for d, c in self.team.items()}),
                       costs=CostSettings(amounts=self.amounts))


def _cases() -> list[Case]:
    data, problems = load_yaml_file(CASES)
    assert not problems, problems
    return [Case.model_validate(c) for c in data]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.name)
def test_design_gives_its_building_blocks(case: Case) -> None:
    p = procurement(case.session(), region=case.region)
    ids = {b.id for b in p.blocks}
    assert {c.decision: c.choice for c in p.design if c.decision in case.design} == case.design
    assert all(c.source == "team" for c in p.design if c.decision in case.team)
    assert set(case.blocks_contain) <= ids, sorted(set(case.blocks_contain) - ids)
    assert not set(case.blocks_lack) & ids, sorted(set(case.blocks_lack) & ids)
    bought = {b.deelproduct: b.model_dump() for b in p.buying}
    for deelproduct, expected in case.buying.items():
        assert {k: bought[deelproduct][k] for k in expected} == expected, deelproduct
    assert (p.region is None) == (case.region is None)
    text = "\n".join([b.text for b in p.blocks] + [b.text for b in p.buying])
    for fragment in case.texts_contain:
        assert fragment in text
    for fragment in case.texts_lack:
        assert fragment not in text
    below = {c.id for c in p.prices if c.below}
    assert set(case.prices_below) <= below and not set(case.prices_not_below) & below


def test_every_block_in_the_json_has_a_basis_and_a_source_or_register_entry() -> None:
    kb, reg = knowledge_base(), register()
    session = _cases()[1].session()
    data = json.loads(writer.render_json(procurement(session), date(2026, 12, 6)))
    assert data["kind"] == "keuzehulp-inkoop" and data["blocks"]
    for block in data["blocks"]:
        assert block["basis"] in ("handreiking", "bron", "aanname")
        assert block["sources"], block["id"]
        assert set(block) >= {"deelproduct", "kind", "text", "basis", "sources", "assumption", "follows_from"}
        if block["basis"] == "aanname":
            assert reg.get(block["assumption"]) is not None
        if block["basis"] == "bron":
            assert any(kb.get(s) is not None for s in block["sources"])
        if block["basis"] == "handreiking":
            assert block["passage"]


def test_every_content_block_is_reached_by_some_design() -> None:
    """No dead content: each block in blocks.yaml shows for at least one of the case designs or
    a variation of them."""
    seen: set[str] = set()
    for case in _cases():
        for option in ("group", "shared_purchase", "individual"):
            for matching in ("supply_led", "demand_led"):
                for delivery in ("in_house", "outsourced"):
                    s = case.session()
                    team = {**case.team, "training_format": option, "matching": matching, "delivery": delivery}
                    s = s.model_copy(update={"team": TeamInput(
                        decisions={d: TeamDecision(choice=c) for d, c in team.items()})})
                    seen |= {b.id.split("@")[0] for b in procurement(s).blocks}
    assert {b.spec.id for b in content().blocks} - seen == set()


def test_another_choice_shows_what_changes_in_the_requirements() -> None:
    session = _cases()[1].session()  # in groups
    added, removed = changes(session, "training_format", "individual")
    assert [b.id for b in added] == ["training/flexibele-start"]
    assert [b.id for b in removed] == ["training/groepen"]
    assert changes(session, "training_format", "group") == ([], [])
    with pytest.raises(ValueError):
        changes(session, "training_format", "alone")


def _broken(tmp_path: Path, edit) -> list[str]:
    text = BLOCKS_PATH.read_text(encoding="utf-8")
    path = tmp_path / "blocks.yaml"
    path.write_text(edit(text), encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_content(path, PRICES_PATH, knowledge_ids=set(knowledge_base().items), assumption_ids=set(register().items))
    return [str(p) for p in exc.value.problems]


def test_check_refuses_a_block_without_a_basis(tmp_path: Path) -> None:
    problems = _broken(tmp_path, lambda t: t.replace(
        "    basis: bron\n    sources: [knowledge/sources/divosa-grip-op-inkoop.md]\n\n  - id: leerroute/betaalwijze",
        "    sources: [knowledge/sources/divosa-grip-op-inkoop.md]\n\n  - id: leerroute/betaalwijze", 1))
    assert any("blocks.yaml:" in p and "basis" in p and "Field required" in p for p in problems), problems


@pytest.mark.parametrize(("old", "new", "says"), [
    ("    basis: bron\n    sources: [knowledge/sources/divosa-grip-op-inkoop.md]\n\n  - id: leerroute/betaalwijze",
     "    basis: bron\n    sources: [q1]\n\n  - id: leerroute/betaalwijze", "basis bron names a knowledge page"),
    ("assumption: procurement-steps", "assumption: no-such-assumption", "is not in knowledge/assumptions.yaml"),
    ("passage: \"Kies daarom de wijze", "passage: \"Kies daarom maar de wijze", "not verbatim in the handreiking"),
    ("deelproduct: pvt", "deelproduct: pvt_extra", "unknown deelproduct"),
    ("{field: training_format, op: eq, value: group}", "{field: training_format, op: eq, value: groep}",
     "training_format"),
    ("sources: [knowledge/sources/duo-spuk-inburgering.md]", "sources: []", "sources"),
    ("Ongeveer {volume} inburgeraars", "Ongeveer {aantal} inburgeraars", "unknown placeholder"),
    ("  - id: leerroute/betaalwijze", "  - id: training/groepen", "training/groepen: the same id as the block on line"),
])
def test_check_names_file_and_line_of_each_broken_block(tmp_path: Path, old: str, new: str, says: str) -> None:
    problems = _broken(tmp_path, lambda t: t.replace(old, new, 1))
    assert any(says in p for p in problems), problems
    assert all(re.match(r"\S*blocks\.yaml:\d+: ", p) for p in problems), problems


def test_downloads_hold_every_block_word_and_pdf_included() -> None:
    p = procurement(_cases()[0].session())
    today = date(2026, 12, 6)
    docx = Document(io.BytesIO(writer.render_docx(p, today)))
    word = "\n".join([para.text for para in docx.paragraphs] +
                     [cell.text for table in docx.tables for row in table.rows for cell in row.cells])
    md = writer.render_md(p, today).decode("utf-8")
    pdf = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(writer.render_pdf(p, today))).pages)
    assert "geen juridisch advies" in word and "geen juridisch advies" in md and "geen juridisch advies" in pdf
    for block in p.blocks:
        assert block.text in word
        assert " ".join(block.text.split())[:60] in pdf
    assert writer.filename("docx", p, today) == "bouwstenen-inkoop-lochem-2026-12-06.docx"


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "keuzehulp", "inkoop", *args], input=stdin,
                          capture_output=True, cwd=ROOT)


def test_cli_inkoop_reads_a_session_with_the_teams_choices(tmp_path: Path) -> None:
    session = _cases()[1].session()
    path = tmp_path / "sessie.json"
    path.write_text(session.model_dump_json(), encoding="utf-8")
    result = _cli(str(path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {b["id"] for b in data["blocks"]} >= {"training/groepen"}
    assert _cli(str(path), "--format", "docx", "-o", str(tmp_path / "pve.docx")).returncode == 0
    assert (tmp_path / "pve.docx").stat().st_size > 10_000


@pytest.mark.parametrize(("args", "stdin", "says"), [
    (["/nonexistent/p.json"], None, "bestaat niet"),
    (["-"], b'{"annual_intake": -3}', "te klein"),
    (["-"], b"geen json", "JSON"),
    (["-", "--format", "pdf"], b"{}", "-o BESTAND"),
])
def test_cli_inkoop_bad_input_exits_2_in_dutch(args, stdin, says) -> None:
    result = _cli(*args, stdin=stdin)
    assert result.returncode == 2
    assert says in result.stderr.decode("utf-8") and "Traceback" not in result.stderr.decode("utf-8")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_word_download_renders_in_libreoffice(tmp_path: Path) -> None:
    p = procurement(_cases()[1].session())
    (tmp_path / "pve.docx").write_bytes(writer.render_docx(p, date(2026, 12, 6)))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "pve.docx")],
                   check=True, capture_output=True, timeout=120)
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "pve.pdf").pages)
    assert "Bouwstenen programma van eisen" in text


def test_cli_inkoop_with_a_region_file_buys_at_the_regions_scale(tmp_path: Path) -> None:
    case = _cases()[2]
    (tmp_path / "sessie.json").write_text(case.session().model_dump_json(), encoding="utf-8")
    (tmp_path / "regio.json").write_text(case.region.model_dump_json(), encoding="utf-8")
    result = _cli(str(tmp_path / "sessie.json"), "--regio", str(tmp_path / "regio.json"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    onderwijs = next(b for b in data["buying"] if b["deelproduct"] == "leerroute_onderwijs")
    assert data["region"] == "Midden-Limburg" and onderwijs["lead"] == "Weert" and onderwijs["volume"] == 26
    md = _cli(str(tmp_path / "sessie.json"), "--regio", str(tmp_path / "regio.json"), "--format", "md")
    assert "Trekker: Weert." in md.stdout.decode("utf-8")
    other = case.session().model_copy(update={"profile": case.session().profile.model_copy(
        update={"municipality": "Venlo"})})
    (tmp_path / "venlo.json").write_text(other.model_dump_json(), encoding="utf-8")
    wrong = _cli(str(tmp_path / "venlo.json"), "--regio", str(tmp_path / "regio.json"))
    assert wrong.returncode == 2 and "staat niet in de regio" in wrong.stderr.decode("utf-8")
    broken = _cli(str(tmp_path / "sessie.json"), "--regio", str(tmp_path / "nergens.json"))
    assert broken.returncode == 2 and "bestaat niet" in broken.stderr.decode("utf-8")


def test_a_regions_downloads_say_per_deelproduct_who_buys() -> None:
    case = _cases()[2]
    p = procurement(case.session(), region=case.region)
    today = date(2026, 12, 6)
    docx = Document(io.BytesIO(writer.render_docx(p, today)))
    word = "\n".join(para.text for para in docx.paragraphs)
    md = writer.render_md(p, today).decode("utf-8")
    pdf = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(writer.render_pdf(p, today))).pages)
    assert "Samen inkopen in de regio Midden-Limburg" in word and "Samen inkopen in de regio Midden-Limburg" in md
    for b in p.buying:
        assert b.text in word and b.text in md
        assert " ".join(b.text.split())[:50] in pdf
    alone = procurement(case.session())  # the same municipality without the region: her own numbers
    assert alone.buying == [] and alone.region is None
    assert "Ongeveer 16 inburgeraars per jaar volgen deze leerroute" in "\n".join(b.text for b in alone.blocks)


def test_a_municipalitys_name_stays_text_in_the_markdown() -> None:
    case = _cases()[2]
    region = case.region.model_copy(update={"region": "www.voorbeeld.nl <b>regio</b>"})
    md = writer.render_md(procurement(case.session(), region=region), date(2026, 12, 6)).decode("utf-8")
    html = render_markdown(md)
    assert "<b>" not in html and "Samen inkopen in de regio www.voorbeeld.nl &lt;b&gt;regio&lt;/b&gt;" in html
    assert "www.voorbeeld.nl" not in md  # escaped (www\.), so no viewer turns it into a link


def test_the_choice_summary_in_a_region_says_per_deelproduct_who_buys(tmp_path: Path) -> None:
    """The choice summary's annex 'Bouwstenen' (md, Word, PDF) and `advise --regio` show the same
    regional buying as the page Inkoop: Weert leads the onderwijsroute for Midden-Limburg."""
    from keuzehulp.report import render
    from keuzehulp.rules.engine import advise

    case = _cases()[2]
    session = case.session()
    advice = advise(session.profile)
    today = date(2026, 12, 6)
    line = next(b.text for b in procurement(session, advice, region=case.region).buying
                if b.deelproduct == "leerroute_onderwijs")
    assert "Trekker: Weert." in line
    md = render("md", advice, session, today, region=case.region).decode("utf-8")
    word = "\n".join(p.text for p in Document(io.BytesIO(render("docx", advice, session, today,
                                                                  region=case.region))).paragraphs)
    pdf = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(
        render("pdf", advice, session, today, region=case.region))).pages)
    for text in (md, word.replace("\xa0", " ")):
        assert "Samen inkopen in de regio Midden-Limburg" in text and line in text
    assert "Samen inkopen in de regio Midden-Limburg" in pdf and "Trekker: Weert." in pdf
    assert "Samen inkopen in de regio" not in render("md", advice, session, today).decode("utf-8")
    (tmp_path / "sessie.json").write_text(session.model_dump_json(), encoding="utf-8")
    (tmp_path / "regio.json").write_text(case.region.model_dump_json(), encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "keuzehulp", "advise", str(tmp_path / "sessie.json"), "--regio",
                          str(tmp_path / "regio.json"), "--format", "md"], capture_output=True, cwd=ROOT)
    assert cli.returncode == 0, cli.stderr
    assert line in cli.stdout.decode("utf-8")
    other = session.model_copy(update={"profile": session.profile.model_copy(update={"municipality": "Venlo"})})
    (tmp_path / "venlo.json").write_text(other.model_dump_json(), encoding="utf-8")
    wrong = subprocess.run([sys.executable, "-m", "keuzehulp", "advise", str(tmp_path / "venlo.json"), "--regio",
                            str(tmp_path / "regio.json")], capture_output=True, cwd=ROOT)
    assert wrong.returncode == 2 and "staat niet in de regio" in wrong.stderr.decode("utf-8")
