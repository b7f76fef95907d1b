"""The spreadsheet download (xlsx, openpyxl; issue 24): the live workshop's votes, the scenario
comparison and the cost table, one sheet each, for a team that wants to sort, filter or paste.

    workshop_xlsx(session, votes=None, now=None) -> bytes

Built from the same parts as the other downloads: the votes through workshop/tally.py, the
comparison through compare.py and comparison.py's rows, the costs through build.py's
`session_costs` (estimate.py computes, costview.py words). Nothing is computed again here.
What a participant or the team typed is written as text, never as a formula ("=..." stays
text), without the control characters a spreadsheet file may not hold. The facilitator's secret
and the join code are not in the file.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import DECISION_IDS, Advice, Session, WorkshopVotes
from keuzehulp.dutch.dates import dutch_moment, local_now
from keuzehulp.report.compare import Comparison, compare
from keuzehulp.rules.engine import advise

from ..workshop.ballot import TOP5_QUESTION, decision_question, element_question
from ..workshop.tally import decision_agreement, element_comparisons, value_names
from .build import session_costs
from .comparison import cost_rows, decision_rows, element_rows, field_rows
from .plain import clean, slug
from .sources import knowledge_or_none
from .texts import SpreadsheetTexts, spreadsheet_texts

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
DIFF_FILL = PatternFill("solid", fgColor="FFF2CC")
MAX_WIDTH = 60  # characters: longer text wraps inside its cell


class _Sheet:
    """Writes rows one after another; remembers how wide each column needs to be."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.widths: dict[int, int] = {}

    def row(self, values: list[object], bold: bool = False, fill: PatternFill | None = None) -> None:
        r = self.ws.max_row + 1 if self.ws.max_row > 1 or self.ws.cell(1, 1).value is not None else 1
        for c, value in enumerate(values, start=1):
            cell = self.ws.cell(r, c)
            if isinstance(value, str):
                cell.value = clean(value)
                cell.data_type = "s"  # text stays text: "=SOM(...)" typed by someone is no formula
            else:
                cell.value = value  # type: ignore[assignment]
                if isinstance(value, float):
                    cell.number_format = "0%"  # a share of the voters
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if bold:
                cell.font = BOLD
            if fill is not None:
                cell.fill = fill
            self.widths[c] = max(self.widths.get(c, 8), min(MAX_WIDTH, len(str(value)) + 2))

    def table(self, header: list[str], rows: list[list[object]], marks: list[bool] | None = None) -> None:
        self.row(list(header), bold=True, fill=HEAD_FILL)
        for i, values in enumerate(rows):
            self.row(values, fill=DIFF_FILL if marks and marks[i] else None)

    def gap(self) -> None:
        self.row([""])

    def finish(self) -> None:
        for c, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(c)].width = width
        self.ws.freeze_panes = None


def _votes(sheet: _Sheet, reasons: _Sheet, votes: WorkshopVotes | None, advice: Advice,
           t: SpreadsheetTexts) -> None:
    if votes is None:
        sheet.row([t.votes_none])
        reasons.row([t.votes_none])
        return
    lab = labels()
    moment = dutch_moment(votes.taken_at) if votes.taken_at else "-"
    sheet.row([t.votes_about.format(participants=votes.participants, moment=moment)])
    sheet.row([t.votes_closed if votes.closed else t.votes_open])
    sheet.gap()
    rows: list[list[object]] = []
    for decision in DECISION_IDS:
        question = decision_question(decision)
        q = votes.questions.get(question)
        agree = decision_agreement(votes, decision)
        advised = lab.option(decision, advice.decisions[decision].choice)
        for value, name in value_names(question).items():
            count = q.counts.get(value, 0) if q else 0
            share = round(count / q.voters, 3) if q and q.voters else 0
            rows.append([lab.decisions[decision].title, name, count, share, advised, agree.label])
    sheet.table(t.votes_columns, rows)
    sheet.gap()
    if votes.element_mode == "top5":
        q = votes.questions.get(TOP5_QUESTION)
        voters = q.voters if q else 0
        sheet.table(t.top5_columns, [[c.title, c.agreement.top_count, voters, c.advised]
                                     for c in element_comparisons(votes, advice)])
    else:
        element_rows_: list[list[object]] = []
        for c in element_comparisons(votes, advice):
            q = votes.questions.get(element_question(c.element))
            counts = q.counts if q else {}
            element_rows_.append([c.title, counts.get("essential", 0), counts.get("recommended", 0),
                                  counts.get("consider", 0), q.voters if q else 0, c.advised, c.agreement.label])
        sheet.table(t.element_columns, element_rows_)
    said = []
    for question, q in votes.questions.items():
        names = value_names(question)
        title = _question_title(question)
        for r in q.reasons:
            said.append([title, names.get(r.value, r.value), r.text, r.author])
    if said:
        reasons.table(t.reasons_columns, said)
    else:
        reasons.row([t.reasons_none])


def _question_title(question: str) -> str:
    lab = labels()
    kind, _, subject = question.partition(":")
    if kind == "decision":
        return lab.decisions[subject].title
    if kind == "element":
        return lab.elements.get(subject, subject)
    return "Top 5"


def _marked(sheet: _Sheet, heading: str, first: str, names: list[str], rows, t: SpreadsheetTexts) -> None:  # type: ignore[no-untyped-def]
    sheet.row([heading], bold=True)
    sheet.table([first, *names, t.differs_column],
                [[*cells, t.differs if differs else t.same] for cells, differs in rows],
                marks=[differs for _, differs in rows])
    sheet.gap()


def _comparison(sheet: _Sheet, comparison: Comparison | None, t: SpreadsheetTexts) -> None:
    if comparison is None:
        sheet.row([t.comparison_none])
        return
    names = [clean(n) for n in comparison.names]
    _marked(sheet, t.comparison_decisions, "Keuze", names, decision_rows(comparison), t)
    _marked(sheet, t.comparison_elements, "Werkzaam element", names, element_rows(comparison), t)
    if comparison.differing_fields:
        _marked(sheet, t.comparison_fields, "Vraag", names, field_rows(comparison), t)
    if comparison.estimates:
        _marked(sheet, t.comparison_costs, "Kosten en doorlooptijd", names, cost_rows(comparison), t)


def _costs(sheet: _Sheet, advice: Advice, session: Session, t: SpreadsheetTexts) -> None:
    try:
        c = session_costs(advice, session, knowledge_or_none())  # source titles as in the other files
    except (KeyError, ValueError):
        sheet.row([t.costs_none])
        return
    sheet.row([t.costs_summary.format(summary=c.summary)])
    sheet.gap()
    for table in (c.cost_table, c.money_table, c.timeline_table, c.amounts_table):
        if table is not None:
            sheet.table(table.header, [list(r) for r in table.rows])
            sheet.gap()


def session_comparison(session: Session) -> Comparison | None:
    """The saved scenarios side by side (with the team's choices and costs), from two on."""
    if len(session.scenarios) < 2:
        return None
    return compare([(s.name, s.profile) for s in session.scenarios], session.team, session.costs)


def workshop_xlsx(session: Session, votes: WorkshopVotes | None = None, now: datetime | None = None) -> bytes:
    """The spreadsheet: about, votes, reasons, comparison, costs. `votes` defaults to the
    session's snapshot (the Workshop page passes the newest counts from the store)."""
    t = spreadsheet_texts()
    advice = advise(session.profile)
    votes = votes if votes is not None else session.workshop
    book = Workbook()
    about = _Sheet(book.active)
    about.ws.title = t.about_sheet
    about.row([t.title], bold=True)
    about.row([t.made.format(moment=dutch_moment(now or local_now()))])
    if clean(session.profile.municipality):
        about.row([t.municipality.format(municipality=session.profile.municipality)])
    about.gap()
    for line in t.about_lines:
        about.row([line])
    sheets = [about]
    votes_sheet, reasons = _Sheet(book.create_sheet(t.votes_sheet)), _Sheet(book.create_sheet(t.reasons_sheet))
    _votes(votes_sheet, reasons, votes, advice, t)
    comparison = _Sheet(book.create_sheet(t.comparison_sheet))
    _comparison(comparison, session_comparison(session), t)
    costs = _Sheet(book.create_sheet(t.costs_sheet))
    _costs(costs, advice, session, t)
    sheets += [votes_sheet, reasons, comparison, costs]
    for sheet in sheets:
        sheet.finish()
    book.properties.title = t.title
    book.properties.creator = "Keuzehulp duaal inburgeren"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def workshop_xlsx_filename(session: Session, today) -> str:  # type: ignore[no-untyped-def]
    """workshop-<municipality>-<yyyy-mm-dd>.xlsx (the Dutch date)."""
    t = spreadsheet_texts()
    name = slug(session.profile.municipality, 60)
    stem = f"{t.file_stem}-{name}-{today.isoformat()}" if name else f"{t.file_stem}-{today.isoformat()}"
    return f"{stem}.xlsx"


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
