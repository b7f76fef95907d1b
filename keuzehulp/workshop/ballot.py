"""What a workshop asks and what one vote may hold.

Questions have stable ids:
    decision:<decision id>   value: one of the decision's options ("in_house")
    element:<element id>     value: a priority ("essential" | "recommended" | "consider")
    top5                     value: one to five element ids, comma-separated (the dot vote)
    scale:<deelproduct id>   value: a scale id ("regionaal"); asked in a regional workshop only,
                             instead of the questions above (DOMAIN.md, "Region")

The facilitator chooses per workshop whether the elements get a priority each ("priority") or
a short dot vote ("top5"). A participant's reason is one line of at most MAX_REASON characters,
a name or role at most MAX_AUTHOR; both are stored as typed (control characters, bidirectional
controls and zero-width characters removed: markdown.strip_invisible) and
escaped wherever they are shown, so markup in them stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from keuzehulp.contract.ids import DEELPRODUCT_IDS, SCALE_IDS
from keuzehulp.contract.schema import DECISION_IDS, DECISION_OPTIONS, ELEMENT_IDS, PRIORITY_ORDER
from keuzehulp.dutch.markdown import strip_invisible
from keuzehulp.dutch.numbers import format_whole_number

ElementMode = Literal["priority", "top5"]
ELEMENT_MODES: tuple[str, ...] = ("priority", "top5")
MAX_REASON = 200
MAX_AUTHOR = 60
TOP_N = 5

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


class VoteError(ValueError):
    """A vote that cannot be stored; the message is Dutch and can be shown as it is."""


@dataclass(frozen=True)
class Vote:
    question: str
    value: str
    reason: str = ""


def decision_question(decision: str) -> str:
    return f"decision:{decision}"


def element_question(element: str) -> str:
    return f"element:{element}"


TOP5_QUESTION = "top5"


def scale_question(deelproduct: str) -> str:
    return f"scale:{deelproduct}"


SCALE_QUESTIONS: tuple[str, ...] = tuple(scale_question(d) for d in DEELPRODUCT_IDS)


def questions(mode: ElementMode, regional: bool = False) -> tuple[str, ...]:
    """Every question of a workshop in this element mode, in the order the pages show them; a
    regional workshop asks the scale of each deelproduct instead."""
    if regional:
        return SCALE_QUESTIONS
    tail = tuple(element_question(e) for e in ELEMENT_IDS) if mode == "priority" else (TOP5_QUESTION,)
    return tuple(decision_question(d) for d in DECISION_IDS) + tail


def one_line(text: str, limit: int, what: str) -> str:
    """User text as one clean line, or VoteError when it is longer than `limit` characters."""
    flat = " ".join(_CONTROL.sub(" ", strip_invisible(str(text))).split())
    if len(flat) > limit:
        raise VoteError(f"{what} is te lang: hoogstens {format_whole_number(limit)} tekens "
                        f"(nu {format_whole_number(len(flat))}). Maak de tekst korter.")
    return flat


def clean_author(text: str) -> str:
    return one_line(text, MAX_AUTHOR, "Uw naam of rol")


def validate(question: str, value: str | list[str], reason: str = "", mode: ElementMode = "priority") -> Vote:
    """One vote, checked against the question; raises VoteError with a Dutch message."""
    kind, _, subject = question.partition(":")
    if kind == "decision" and subject in DECISION_OPTIONS:
        if value not in DECISION_OPTIONS[subject]:
            raise VoteError("Kies een van de opties.")
        return Vote(question, str(value), one_line(reason, MAX_REASON, "Uw toelichting"))
    if kind == "element" and subject in ELEMENT_IDS:
        if mode != "priority":
            raise VoteError("In deze workshop kiest u een top 5 van de elementen.")
        if value not in PRIORITY_ORDER:
            raise VoteError("Kies essentieel, aanbevolen of overweeg.")
        return Vote(question, str(value), "")
    if question == TOP5_QUESTION:
        if mode != "top5":
            raise VoteError("In deze workshop geeft u per element een prioriteit.")
        chosen = value.split(",") if isinstance(value, str) else list(value)
        chosen = [c for c in (str(x).strip() for x in chosen) if c]
        if not chosen:
            raise VoteError("Kies minstens één element.")
        if len(chosen) > TOP_N:
            raise VoteError(f"Kies hoogstens {TOP_N} elementen (nu {len(chosen)}).")
        if len(set(chosen)) != len(chosen) or any(c not in ELEMENT_IDS for c in chosen):
            raise VoteError("Kies elementen uit de lijst, elk één keer.")
        ordered = [e for e in ELEMENT_IDS if e in chosen]
        return Vote(question, ",".join(ordered), "")
    if kind == "scale" and subject in DEELPRODUCT_IDS:
        if value not in SCALE_IDS:
            raise VoteError("Kies een van de schalen.")
        return Vote(question, str(value), one_line(reason, MAX_REASON, "Uw toelichting"))
    raise VoteError("Deze vraag bestaat niet in deze workshop.")
